// Read-only CSV lists for reports: events (per commune and period, with the attendance recorded
// after them) and resources. UTF-8 with a BOM so spreadsheet apps read accents right; comma or
// semicolon as the reader's spreadsheet expects.
import type { Payload, PayloadRequest, Where } from 'payload'
import type { LocaleCode } from '../../locales/config'
import { toCsv, type CsvCell, type CsvDelimiter } from '../domain/csv'
import { zonedFromISO } from '../domain/dates'

const slugs = (value: unknown) =>
  (Array.isArray(value) ? value : [])
    .map((entry) => (entry && typeof entry === 'object' ? (entry as { slug?: string }).slug : ''))
    .filter(Boolean)
    .join('|')
const slugOf = (value: unknown) =>
  value && typeof value === 'object' ? ((value as { slug?: string }).slug ?? '') : ''
const localTime = (value: unknown) =>
  typeof value === 'string' ? zonedFromISO(value).toFormat("yyyy-MM-dd'T'HH:mm") : ''

export const EVENT_COLUMNS = [
  'event',
  'title',
  'start',
  'end',
  'communes',
  'categories',
  'target_groups',
  'organiser',
  'action',
  'status',
  'published',
  'participants',
  'children',
  'youth',
  'adults',
  'seniors',
  'languages_used',
] as const

/** Whom a report is for: it holds what that person may read, drafts of their communes included. */
export type ReportReader = PayloadRequest['user']

export interface EventFilter {
  from?: string | undefined
  to?: string | undefined
  commune?: string | undefined
}

export async function exportEventsCsv(
  payload: Payload,
  options: { lang: LocaleCode; delimiter?: CsvDelimiter; filter?: EventFilter; user: ReportReader },
): Promise<string> {
  const where: Where[] = []
  const filter = options.filter ?? {}
  if (filter.from) where.push({ start: { greater_than_equal: `${filter.from}T00:00:00.000Z` } })
  if (filter.to) where.push({ start: { less_than_equal: `${filter.to}T23:59:59.999Z` } })
  if (filter.commune) {
    const { docs } = await payload.find({
      collection: 'communes',
      where: { slug: { equals: filter.commune } },
      depth: 0,
      limit: 1,
    })
    where.push({ communes: { in: docs.map((doc) => doc.id) } })
  }
  const { docs } = await payload.find({
    collection: 'events',
    overrideAccess: false,
    user: options.user,
    where: where.length ? { and: where } : {},
    locale: options.lang,
    depth: 1,
    limit: 0,
    pagination: false,
    sort: 'start',
  })
  const rows: CsvCell[][] = [[...EVENT_COLUMNS]]
  for (const event of docs) {
    const attendance = event.attendance ?? {}
    const ages = attendance.ages ?? {}
    rows.push([
      event.slug,
      event.title ?? '',
      localTime(event.start),
      localTime(event.end),
      slugs(event.communes),
      slugs(event.categories),
      slugs(event.targetGroups),
      slugOf(event.organiser),
      slugOf(event.action),
      event.status,
      event._status === 'published' ? 'yes' : 'no',
      attendance.participants ?? '',
      ages.children ?? '',
      ages.youth ?? '',
      ages.adults ?? '',
      ages.seniors ?? '',
      (attendance.languagesUsed ?? []).join('|'),
    ])
  }
  return toCsv(rows, { delimiter: options.delimiter ?? ',', bom: true })
}

export const RESOURCE_COLUMNS = [
  'resource',
  'title',
  'type',
  'communes',
  'languages_offered',
  'street',
  'postcode',
  'locality',
  'email',
  'phone',
  'website',
  'last_reviewed',
  'published',
] as const

export async function exportResourcesCsv(
  payload: Payload,
  options: { lang: LocaleCode; delimiter?: CsvDelimiter; user: ReportReader },
): Promise<string> {
  const { docs } = await payload.find({
    collection: 'resources',
    overrideAccess: false,
    user: options.user,
    locale: options.lang,
    depth: 1,
    limit: 0,
    pagination: false,
    sort: 'slug',
  })
  const rows: CsvCell[][] = [[...RESOURCE_COLUMNS]]
  for (const resource of docs) {
    rows.push([
      resource.slug,
      resource.title ?? '',
      resource.type ?? '',
      slugs(resource.communes),
      (resource.languagesOffered ?? []).join('|'),
      resource.address?.street ?? '',
      resource.address?.postcode ?? '',
      resource.address?.locality ?? '',
      resource.contact?.email ?? '',
      resource.contact?.phone ?? '',
      resource.contact?.url ?? '',
      resource.lastReviewed ? String(resource.lastReviewed).slice(0, 10) : '',
      resource._status === 'published' ? 'yes' : 'no',
    ])
  }
  return toCsv(rows, { delimiter: options.delimiter ?? ',', bom: true })
}
