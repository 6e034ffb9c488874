// What an editor should look at today, for the documents they may edit (their communes, their
// organisation; everything for the coordinator): upcoming events without an image or its
// alternative text, upcoming events missing translations, unpublished drafts, scheduled
// publications, resources not reviewed for a year, and a "translate next" list per language.
import type { CollectionSlug, Payload, TypedUser, Where } from 'payload'
import { createLocalReq } from 'payload'
import { isLocaleCode, type LocaleCode } from '../../locales/config'
import { zonedFromISO } from '../domain/dates'
import { expandOccurrences, type RecurrenceRule } from '../domain/recurrence'
import { hasText, needsTranslation } from '../translations/units'
import { statePath, statesFromGroup } from '../fields/translationKeys'

export interface OverviewItem {
  collection: CollectionSlug
  id: string | number
  title: string
  href: string
  /** The next date of an event, or when a publication is scheduled, or the last review. */
  when: string | null
  /** Languages missing or outdated. */
  languages: LocaleCode[]
  /** For scheduled items: publish or unpublish. */
  action?: 'publish' | 'unpublish'
  /** For failing calendar sources: what the last fetch said. */
  detail?: string
}

export interface EditorOverview {
  eventsWithoutImage: OverviewItem[]
  eventsMissingTranslations: OverviewItem[]
  drafts: OverviewItem[]
  scheduled: OverviewItem[]
  resourcesToReview: OverviewItem[]
  failingSources: OverviewItem[]
  venuesToCheck: OverviewItem[]
}

type Doc = Record<string, unknown> & { id: string | number }

/** Collections whose texts are translated, in the order residents meet them after events. */
export const TRANSLATED_COLLECTIONS = [
  'events',
  'pages',
  'resources',
  'actions',
  'goals',
  'organisations',
  'venues',
  'communes',
  'categories',
  'target-groups',
  'media',
] as const satisfies readonly CollectionSlug[]
const VERSIONED = ['events', 'pages', 'resources', 'actions'] as const satisfies CollectionSlug[]

export const REVIEW_AFTER_MONTHS = 12
const LIST_LIMIT = 50

/**
 * The documents of a collection this user may change, as a query: the collection's own update
 * rule, so the dashboard never disagrees with what saving allows. Null when none.
 */
export async function editableWhere(
  payload: Payload,
  user: TypedUser,
  collection: CollectionSlug,
): Promise<Where | null> {
  const update = payload.collections[collection]?.config.access.update
  if (!update) return null
  const req = await createLocalReq({ user }, payload)
  const result = await update({ req })
  if (result === false) return null
  return result === true ? {} : result
}

const adminHref = (collection: string, id: string | number) =>
  `/admin/collections/${collection}/${id}`

function titleOf(doc: Doc): string {
  for (const key of ['title', 'name', 'filename']) {
    const value = doc[key]
    if (typeof value === 'string' && value.trim()) return value
  }
  return `#${doc.id}`
}

const statesOf = (doc: Doc) => statesFromGroup(doc.translation)

const itemOf = (collection: CollectionSlug, doc: Doc, when: string | null): OverviewItem => ({
  collection,
  id: doc.id,
  title: titleOf(doc),
  href: adminHref(collection, doc.id),
  when,
  languages: needsTranslation(statesOf(doc)),
})

/** The start of the event's next date that has not ended at `now`, or null. */
export function nextDate(doc: Doc, now: Date): Date | null {
  if (typeof doc.start !== 'string') return null
  const start = zonedFromISO(doc.start)
  const end = typeof doc.end === 'string' ? zonedFromISO(doc.end) : start
  const duration = Math.max(0, end.toMillis() - start.toMillis())
  const rule = doc.recurrence as RecurrenceRule | null | undefined
  const next = expandOccurrences(rule, doc.start).find(
    (occurrence) => occurrence.start.toMillis() + duration >= now.getTime(),
  )
  return next ? next.start.toJSDate() : null
}

interface ReadOptions {
  payload: Payload
  user: TypedUser
  locale: string
}

async function findEditable(
  { payload, user, locale }: ReadOptions,
  collection: CollectionSlug,
  where: Where,
  select: Record<string, true>,
  sort?: string,
): Promise<Doc[]> {
  const scope = await editableWhere(payload, user, collection)
  if (!scope) return []
  const result = await payload.find({
    collection,
    where: { and: [scope, where] },
    draft: (VERSIONED as readonly string[]).includes(collection),
    overrideAccess: false,
    user,
    locale: isLocaleCode(locale) ? locale : 'fr',
    depth: 0,
    pagination: false,
    ...(sort ? { sort } : {}),
    select: { ...select, title: true },
  } as Parameters<Payload['find']>[0])
  return result.docs as unknown as Doc[]
}

/** Events not over at `now` (a rough database filter, refined with their dates). */
const notOverWhere = (now: Date): Where => ({
  or: [
    { end: { greater_than_equal: now.toISOString() } },
    { 'recurrence.until': { greater_than_equal: now.toISOString() } },
    { 'recurrence.count': { exists: true } },
    { 'recurrence.rdates.start': { greater_than_equal: now.toISOString() } },
  ],
})

async function upcomingEvents(options: ReadOptions, now: Date) {
  const docs = await findEditable(options, 'events', notOverWhere(now), {
    start: true,
    end: true,
    recurrence: true,
    image: true,
    translation: true,
    sourceLanguage: true,
  })
  return docs
    .map((doc) => ({ doc, next: nextDate(doc, now) }))
    .filter((entry): entry is { doc: Doc; next: Date } => entry.next !== null)
    .sort((a, b) => a.next.getTime() - b.next.getTime())
}

const eventItem = ({ doc, next }: { doc: Doc; next: Date }) =>
  itemOf('events', doc, next.toISOString())

export async function editorOverview(
  payload: Payload,
  user: TypedUser,
  locale: string,
  now = new Date(),
): Promise<EditorOverview> {
  const options = { payload, user, locale }
  const upcoming = await upcomingEvents(options, now)

  // An image counts when its alternative text exists in the event's source language.
  const imageIds = [...new Set(upcoming.map(({ doc }) => doc.image).filter((id) => id != null))]
  const media = imageIds.length
    ? await payload.find({
        collection: 'media',
        where: { id: { in: imageIds } },
        locale: 'all',
        depth: 0,
        pagination: false,
        overrideAccess: false,
        user,
        select: { alt: true },
      })
    : { docs: [] }
  const altById = new Map(media.docs.map((doc) => [String(doc.id), doc.alt as unknown]))
  const withoutImage = upcoming.filter(({ doc }) => {
    if (doc.image == null) return true
    const alt = altById.get(String(doc.image)) as Record<string, unknown> | undefined
    const source = isLocaleCode(doc.sourceLanguage) ? doc.sourceLanguage : 'fr'
    return !hasText(alt?.[source])
  })

  const drafts = (
    await Promise.all(
      VERSIONED.map(async (collection) =>
        (
          await findEditable(
            options,
            collection,
            { _status: { equals: 'draft' } },
            { updatedAt: true, name: true },
            '-updatedAt',
          )
        ).map((doc) =>
          itemOf(collection, doc, typeof doc.updatedAt === 'string' ? doc.updatedAt : null),
        ),
      ),
    )
  )
    .flat()
    .sort((a, b) => String(b.when).localeCompare(String(a.when)))

  const reviewBefore = new Date(now)
  reviewBefore.setMonth(reviewBefore.getMonth() - REVIEW_AFTER_MONTHS)
  const resourcesToReview = (
    await findEditable(
      options,
      'resources',
      {
        or: [
          { lastReviewed: { less_than: reviewBefore.toISOString() } },
          { lastReviewed: { exists: false } },
        ],
      },
      { lastReviewed: true },
      'lastReviewed',
    )
  ).map((doc) =>
    itemOf('resources', doc, typeof doc.lastReviewed === 'string' ? doc.lastReviewed : null),
  )

  return {
    eventsWithoutImage: withoutImage.slice(0, LIST_LIMIT).map(eventItem),
    eventsMissingTranslations: upcoming
      .filter(({ doc }) => needsTranslation(statesOf(doc)).length > 0)
      .slice(0, LIST_LIMIT)
      .map(eventItem),
    drafts: drafts.slice(0, LIST_LIMIT),
    scheduled: await scheduledItems(options, now),
    resourcesToReview: resourcesToReview.slice(0, LIST_LIMIT),
    failingSources: await failingSources(options),
    venuesToCheck: (
      await findEditable(
        options,
        'venues',
        { needsReview: { equals: true } },
        { name: true, createdAt: true },
        '-createdAt',
      )
    )
      .slice(0, LIST_LIMIT)
      .map((doc) =>
        itemOf('venues', doc, typeof doc.createdAt === 'string' ? doc.createdAt : null),
      ),
  }
}

/** Calendar sources this user may read whose last fetch failed, the longest failing first. */
async function failingSources({ payload, user }: ReadOptions): Promise<OverviewItem[]> {
  const { docs } = await payload.find({
    collection: 'calendar-sources',
    where: { failures: { greater_than: 0 } },
    sort: '-failures',
    limit: LIST_LIMIT,
    depth: 0,
    overrideAccess: false,
    user,
    select: { name: true, lastFetchedAt: true, lastResult: true },
  })
  return docs.map((doc) => ({
    ...itemOf('calendar-sources', doc as unknown as Doc, doc.lastFetchedAt ?? null),
    detail: doc.lastResult ?? '',
  }))
}

interface ScheduleInput {
  type?: 'publish' | 'unpublish'
  doc?: { relationTo?: string; value?: string | number }
}

/** Publications and unpublications waiting in the job queue, for documents this user edits. */
async function scheduledItems(options: ReadOptions, now: Date): Promise<OverviewItem[]> {
  const jobs = await options.payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        { waitUntil: { greater_than: now.toISOString() } },
      ],
    },
    sort: 'waitUntil',
    limit: 500,
    depth: 0,
    overrideAccess: true,
  })
  const items: OverviewItem[] = []
  for (const collection of VERSIONED) {
    const waiting = jobs.docs.filter(
      (job) => (job.input as ScheduleInput | undefined)?.doc?.relationTo === collection,
    )
    if (!waiting.length) continue
    const ids = waiting.map((job) => (job.input as ScheduleInput).doc!.value!)
    const docs = await findEditable(options, collection, { id: { in: ids } }, { name: true })
    const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
    for (const job of waiting) {
      const input = job.input as ScheduleInput
      const doc = byId.get(String(input.doc!.value))
      if (!doc) continue
      items.push({
        ...itemOf(collection, doc, job.waitUntil ?? null),
        action: input.type === 'unpublish' ? 'unpublish' : 'publish',
      })
    }
  }
  return items.sort((a, b) => String(a.when).localeCompare(String(b.when)))
}

export interface TranslationWork {
  total: number
  items: OverviewItem[]
  /** How many of `total` each collection holds (only collections with work). */
  byCollection: Partial<Record<(typeof TRANSLATED_COLLECTIONS)[number], number>>
}

/**
 * What to translate next into each of `languages`, among the documents this user may edit:
 * upcoming events soonest first, then the other collections in the order residents meet them
 * (most recently changed first), then events that are over. One query per collection serves
 * every language.
 */
export async function translationWork(
  payload: Payload,
  user: TypedUser,
  languages: readonly LocaleCode[],
  limit = 20,
  now = new Date(),
  titleLocale = 'fr',
): Promise<Record<LocaleCode, TranslationWork>> {
  const options = { payload, user, locale: titleLocale }
  const needs: Where = {
    or: languages.map((code) => ({ [statePath(code)]: { in: ['missing', 'outdated'] } })),
  }
  const events = await findEditable(options, 'events', needs, {
    start: true,
    end: true,
    recurrence: true,
    translation: true,
  })
  const dated = events.map((doc) => ({ doc, next: nextDate(doc, now) }))
  const upcoming = dated
    .filter((entry): entry is { doc: Doc; next: Date } => entry.next !== null)
    .sort((a, b) => a.next.getTime() - b.next.getTime())
    .map(eventItem)
  const past = dated
    .filter((entry) => entry.next === null)
    .map(({ doc }) => ({ ...eventItem({ doc, next: new Date(0) }), when: null }))
  const others = await Promise.all(
    TRANSLATED_COLLECTIONS.filter((collection) => collection !== 'events').map(async (collection) =>
      (
        await findEditable(
          options,
          collection,
          needs,
          { translation: true, name: true, filename: true, updatedAt: true },
          '-updatedAt',
        )
      ).map((doc) => itemOf(collection, doc, null)),
    ),
  )
  const all = [...upcoming, ...others.flat(), ...past]
  return Object.fromEntries(
    languages.map((code) => {
      const needed = all.filter((item) => item.languages.includes(code))
      const byCollection: TranslationWork['byCollection'] = {}
      for (const item of needed) {
        const collection = item.collection as keyof TranslationWork['byCollection']
        byCollection[collection] = (byCollection[collection] ?? 0) + 1
      }
      return [code, { total: needed.length, items: needed.slice(0, limit), byCollection }]
    }),
  ) as Record<LocaleCode, TranslationWork>
}

/** What to translate next into one language (see translationWork). */
export async function translateNext(
  payload: Payload,
  user: TypedUser,
  language: LocaleCode,
  limit = 20,
  now = new Date(),
): Promise<TranslationWork> {
  return (await translationWork(payload, user, [language], limit, now))[language]
}
