// One import of a calendar source: fetch, parse, and bring the source's events up to date through
// the Local API. New events arrive as drafts (published for a trusted source); an event changes
// only when the source says it is newer (SEQUENCE, LAST-MODIFIED) and its content differs; one
// that left the source is cancelled or unpublished, never deleted. A failed fetch or file leaves
// every event as it was and is recorded on the source, which is then tried again later and later.
import type { Payload, Where } from 'payload'
import type { LocaleCode } from '../../locales/config'
import { relationIds } from '../access/roles'
import { oneAtATime } from '../oneAtATime'
import {
  CalendarFormatError,
  importStatusReasons,
  parseCalendar,
  retryDelayMs,
  type ImportedEvent,
} from '../domain/calendarImport'
import type { CalendarSource, Event } from '../payload-types'
import { plainTextToLexical } from '../seed/richText'
import { ownedElsewhere } from './duplicates'
import { CalendarFetchError, fetchCalendar } from './fetch'
import {
  changedInPortal,
  fingerprintsOf,
  settingsChanged,
  storedFingerprints,
  withoutParts,
  type Fingerprints,
} from './ownership'
import { SourceVenues } from './venues'

export interface ImportCounts {
  new: number
  updated: number
  unchanged: number
  removed: number
  skipped: number
  /** Venues made from the source's places, for an editor to check. */
  newVenues: number
  /** Events another source brought first: linked to theirs, not created again. */
  linked: number
}

export interface SourceReport {
  source: string
  ok: boolean
  /** What happened, in words, as recorded on the source. */
  result: string
  counts: ImportCounts
  skipped: string[]
}

const MAX_RECORDED_REASONS = 100
const MAX_NAMED_VENUES = 10

const emptyCounts = (): ImportCounts => ({
  new: 0,
  updated: 0,
  unchanged: 0,
  removed: 0,
  skipped: 0,
  newVenues: 0,
  linked: 0,
})

/** The portal's categories for an event: the source's defaults and its mapped words. */
function categoriesOf(event: ImportedEvent, source: CalendarSource): (string | number)[] {
  const mapped = (source.categoryMapping ?? [])
    .filter((row) => event.categories.includes(row.word.trim().toLowerCase()))
    .flatMap((row) => relationIds(row.category))
  return [...new Set([...relationIds(source.categories ?? []), ...mapped])]
}

/** The fields written in every language of the event. */
function sharedData(event: ImportedEvent, source: CalendarSource) {
  return {
    start: event.start,
    end: event.end,
    allDay: event.allDay,
    recurrence: event.recurrence,
    overrides: event.overrides,
    status: event.status,
    communes: relationIds(source.communes),
    organiser: relationIds(source.organiser ?? null)[0] ?? null,
    categories: categoriesOf(event, source),
    targetGroups: relationIds(source.targetGroups ?? []),
    sourceLanguage: event.sourceLanguage,
    importSource: source.id,
    importUid: event.uid,
    importSequence: event.sequence,
    importModified: event.lastModified,
    importHash: event.hash,
    importLocation: event.location,
    importUrl: event.url,
    importCredit: source.name,
  }
}

/** The texts of one language; a cancelled event carries the reason the portal requires. */
function localeData(event: ImportedEvent, locale: LocaleCode) {
  const text = event.texts[locale]!
  return {
    title: text.title,
    description: text.description ? plainTextToLexical(text.description) : null,
    statusReason: event.status === 'cancelled' ? importStatusReasons.cancelled[locale] : null,
  }
}

const otherLocales = (event: ImportedEvent) =>
  (Object.keys(event.texts) as LocaleCode[]).filter((locale) => locale !== event.sourceLanguage)

const localesOf = (event: ImportedEvent) => [event.sourceLanguage, ...otherLocales(event)]

/** What the import writes in each language of the event. */
const textsOf = (event: ImportedEvent) =>
  Object.fromEntries(localesOf(event).map((locale) => [locale, localeData(event, locale)]))

async function createEvent(
  payload: Payload,
  event: ImportedEvent,
  source: CalendarSource,
  venue: string | number | null,
) {
  const draft = source.arrival !== 'published'
  const shared = sharedData(event, source)
  const created = await payload.create({
    collection: 'events',
    locale: event.sourceLanguage,
    draft,
    data: {
      ...shared,
      venue,
      ...localeData(event, event.sourceLanguage),
      importFingerprints: fingerprintsOf(shared, textsOf(event)),
      _status: draft ? 'draft' : 'published',
    } as never,
  })
  for (const locale of otherLocales(event)) {
    await payload.update({
      collection: 'events',
      id: created.id,
      locale,
      draft,
      data: localeData(event, locale) as never,
    })
  }
}

/**
 * Brings an event up to the source's content, except the parts an editor changed in the portal
 * since the last import (see ./ownership): those keep the editor's value.
 */
async function updateEvent(
  payload: Payload,
  event: ImportedEvent,
  source: CalendarSource,
  current: Event,
  venues: SourceVenues,
) {
  // A published event stays published; changes to a draft arrive as a draft to review.
  const draft = current._status !== 'published'
  const recorded = (current.importFingerprints ?? null) as Fingerprints | null
  const stored = storedFingerprints(current as never, localesOf(event))
  const changed = changedInPortal(recorded, stored)
  const written = fingerprintsOf(sharedData(event, source), textsOf(event))
  // A part stays the editor's until the source gives the very value the editor chose.
  const kept = new Set([...changed].filter((part) => stored[part] !== written[part]))
  const next: Fingerprints = { ...written }
  for (const part of kept) next[part] = recorded![part]!
  // The venue follows the source only when its place changed (or none was found before): an
  // editor's better choice for the same text stays.
  const placeChanged = !current.venue || (current.importLocation ?? null) !== event.location
  const shared = {
    ...withoutParts(sharedData(event, source), kept),
    ...(placeChanged ? { venue: await venues.venueFor(event) } : {}),
    importFingerprints: next,
  }
  for (const locale of localesOf(event)) {
    const texts: Record<string, unknown> = localeData(event, locale)
    for (const part of Object.keys(texts)) {
      // The reason goes with the status it explains.
      const own = part === 'statusReason' && kept.has('status')
      if (own || kept.has(`${part}.${locale}`)) delete texts[part]
    }
    await payload.update({
      collection: 'events',
      id: current.id,
      locale,
      draft,
      data: { ...(locale === event.sourceLanguage ? shared : {}), ...texts } as never,
    })
  }
}

/**
 * The source says the event changed: a higher SEQUENCE or a later LAST-MODIFIED. A source that
 * gives neither (Decidim's meetings) is read as it is each time.
 */
function isNewer(event: ImportedEvent, current: Event): boolean {
  if (event.sequence === 0 && !event.lastModified && !current.importModified) return true
  if (event.sequence > (current.importSequence ?? 0)) return true
  if (!event.lastModified || !current.importModified) return false
  return Date.parse(event.lastModified) > Date.parse(current.importModified)
}

/** Cancels or unpublishes an event that left the source; false when it already is. */
async function removeEvent(payload: Payload, source: CalendarSource, current: Event) {
  if (source.onRemoval === 'unpublish') {
    if (current._status !== 'published') return false
    await payload.update({ collection: 'events', id: current.id, data: { _status: 'draft' } })
    return true
  }
  if (current.status === 'cancelled') return false
  const locale = current.sourceLanguage as LocaleCode
  await payload.update({
    collection: 'events',
    id: current.id,
    locale,
    draft: current._status !== 'published',
    data: { status: 'cancelled', statusReason: importStatusReasons.removed[locale] },
  })
  return true
}

async function importedEvents(payload: Payload, source: CalendarSource): Promise<Event[]> {
  const { docs } = await payload.find({
    collection: 'events',
    where: { importSource: { equals: source.id } },
    draft: true,
    // Every language: the import compares each with what it last wrote there.
    locale: 'all',
    depth: 0,
    limit: 0,
    pagination: false,
  })
  return docs
}

/**
 * Events known under another UID: some exports (Decidim's meetings) give every event a new UID
 * each time, but its page address stays. An event whose UID is new takes over the event of the
 * same source with the same URL whose UID left the file, when that URL names one event only on
 * both sides (a calendar that links every event to one agenda page matches none).
 */
function reidentified(existing: Event[], events: ImportedEvent[]): Map<string, Event> {
  const known = new Set(existing.map((doc) => doc.importUid))
  const present = new Set(events.map((event) => event.uid))
  const once = <T>(items: T[], url: (item: T) => string | null | undefined) => {
    const byUrl = new Map<string, T | null>()
    for (const item of items) {
      const key = url(item)
      if (key) byUrl.set(key, byUrl.has(key) ? null : item)
    }
    return byUrl
  }
  const gone = once(
    existing.filter((doc) => doc.importUid && !present.has(doc.importUid)),
    (doc) => doc.importUrl,
  )
  const arrived = once(
    events.filter((event) => !known.has(event.uid)),
    (event) => event.url,
  )
  const matched = new Map<string, Event>()
  for (const [url, event] of arrived) {
    const doc = gone.get(url)
    if (!event || !doc) continue
    doc.importUid = event.uid
    matched.set(event.uid, doc)
  }
  return matched
}

async function applyEvents(
  payload: Payload,
  source: CalendarSource,
  events: ImportedEvent[],
  skipped: string[],
) {
  const counts = emptyCounts()
  const existing = await importedEvents(payload, source)
  const byUid = new Map(existing.map((doc) => [doc.importUid, doc]))
  const renamed = reidentified(existing, events)
  for (const [uid, doc] of renamed) byUid.set(uid, doc)
  const venues = await SourceVenues.load(payload, source)
  const elsewhere = await ownedElsewhere(
    payload,
    source,
    events.filter((event) => !byUid.has(event.uid)),
  )
  const linked: (string | number)[] = []
  for (const event of events) {
    const current = byUid.get(event.uid)
    const twin = current ? undefined : elsewhere.get(event.uid)
    try {
      if (twin) {
        linked.push(twin.id)
      } else if (!current) {
        await createEvent(payload, event, source, await venues.venueFor(event))
        counts.new += 1
      } else if (
        (isNewer(event, current) && event.hash !== current.importHash) ||
        settingsChanged(
          current.importFingerprints as Fingerprints | null,
          sharedData(event, source),
        )
      ) {
        // The source changed the event, or the source's settings changed what it gets.
        await updateEvent(payload, event, source, current, venues)
        counts.updated += 1
      } else if (renamed.has(event.uid) || (current.importCredit ?? null) !== source.name) {
        // A new UID for the same page, or the source was renamed: its events credit it by its
        // new name.
        await payload.update({
          collection: 'events',
          id: current.id,
          draft: current._status !== 'published',
          data: { importUid: event.uid, importCredit: source.name },
        })
        if (renamed.has(event.uid)) counts.unchanged += 1
        else counts.updated += 1
      } else {
        counts.unchanged += 1
      }
    } catch (error) {
      const title = event.texts[event.sourceLanguage]?.title ?? event.uid
      skipped.push(`“${title}” (UID ${event.uid}) could not be saved: ${(error as Error).message}`)
    }
  }
  const present = new Set(events.map((event) => event.uid))
  for (const doc of existing) {
    if (doc.importUid && !present.has(doc.importUid) && (await removeEvent(payload, source, doc)))
      counts.removed += 1
  }
  counts.skipped = skipped.length
  counts.newVenues = venues.created.length
  counts.linked = linked.length
  return { counts, newVenues: venues.created, linked }
}

function summary(counts: ImportCounts, newVenues: string[]): string {
  const counted = `Imported: ${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.removed} removed, ${counts.skipped} skipped.`
  const imported =
    counts.linked > 0
      ? `${counted} ${counts.linked} already imported from another calendar: linked, not shown twice.`
      : counted
  if (newVenues.length === 0) return imported
  const listed = newVenues.slice(0, MAX_NAMED_VENUES).map((name) => `“${name}”`)
  const names = [...listed, ...(newVenues.length > MAX_NAMED_VENUES ? ['…'] : [])].join(', ')
  return `${imported} ${newVenues.length} new venue(s) made from the calendar’s places, for an editor to check: ${names}.`
}

async function recordSuccess(
  payload: Payload,
  source: CalendarSource,
  now: Date,
  report: SourceReport,
  validators: { etag: string | null; lastModified: string | null } | null,
  linkedEvents: (string | number)[] | null,
) {
  await payload.update({
    collection: 'calendar-sources',
    id: source.id,
    data: {
      ...(linkedEvents ? { linkedEvents: linkedEvents as number[] } : {}),
      lastFetchedAt: now.toISOString(),
      lastResult: report.result,
      counts: report.counts,
      skippedReasons: report.skipped.slice(0, MAX_RECORDED_REASONS).map((reason) => ({ reason })),
      ...(validators ?? {}),
      failures: 0,
      nextFetchAt: new Date(now.getTime() + source.intervalMinutes * 60_000).toISOString(),
    },
  })
}

async function recordFailure(payload: Payload, source: CalendarSource, now: Date, message: string) {
  const failures = (source.failures ?? 0) + 1
  await payload.update({
    collection: 'calendar-sources',
    id: source.id,
    data: {
      lastFetchedAt: now.toISOString(),
      lastResult: `Failed, events left as they were: ${message}`,
      failures,
      nextFetchAt: new Date(now.getTime() + retryDelayMs(failures)).toISOString(),
    },
  })
}

/**
 * Imports one source at the moment `now` (passed in, so that tests do not depend on today). Two
 * imports of one source (the job and "Fetch now", or two clicks) run one after the other, the
 * second with what the first recorded, so neither creates the other's events again.
 */
export function importSource(
  payload: Payload,
  source: CalendarSource,
  now: Date,
): Promise<SourceReport> {
  return oneAtATime(`calendar-source:${source.id}`, async () => {
    const current = (await payload.findByID({
      collection: 'calendar-sources',
      id: source.id,
      depth: 0,
      disableErrors: true,
    })) as CalendarSource | null
    return importCurrent(payload, current ?? source, now)
  })
}

async function importCurrent(
  payload: Payload,
  source: CalendarSource,
  now: Date,
): Promise<SourceReport> {
  let report: SourceReport
  let validators: { etag: string | null; lastModified: string | null } | null = null
  let linkedEvents: (string | number)[] | null = null
  try {
    const fetched = await fetchCalendar(source.url, {
      etag: source.etag,
      lastModified: source.lastModified,
    })
    if (fetched.kind === 'unchanged') {
      const counts = {
        ...emptyCounts(),
        unchanged: (await importedEvents(payload, source)).length,
        linked: source.linkedEvents?.length ?? 0,
      }
      report = {
        source: source.name,
        ok: true,
        result: 'Not changed since the last fetch.',
        counts,
        skipped: [],
      }
    } else {
      const parsed = parseCalendar(fetched.text, { language: source.language, now })
      const skipped = [...parsed.skipped]
      const { counts, newVenues, linked } = await applyEvents(
        payload,
        source,
        parsed.events,
        skipped,
      )
      linkedEvents = linked
      report = {
        source: source.name,
        ok: true,
        result: summary(counts, newVenues),
        counts,
        skipped,
      }
      validators = { etag: fetched.etag, lastModified: fetched.lastModified }
    }
  } catch (error) {
    if (!(error instanceof CalendarFetchError || error instanceof CalendarFormatError)) throw error
    await recordFailure(payload, source, now, error.message)
    return {
      source: source.name,
      ok: false,
      result: error.message,
      counts: emptyCounts(),
      skipped: [],
    }
  }
  await recordSuccess(payload, source, now, report, validators, linkedEvents)
  return report
}

async function sources(payload: Payload, where: Where): Promise<CalendarSource[]> {
  const { docs } = await payload.find({
    collection: 'calendar-sources',
    where,
    depth: 0,
    limit: 0,
    pagination: false,
    sort: 'name',
  })
  return docs
}

/** Every enabled source whose next fetch is due, one after the other. */
export async function importDueSources(payload: Payload, now: Date): Promise<SourceReport[]> {
  const due = await sources(payload, {
    and: [
      { enabled: { equals: true } },
      {
        or: [
          { nextFetchAt: { exists: false } },
          { nextFetchAt: { less_than_equal: now.toISOString() } },
        ],
      },
    ],
  })
  const reports: SourceReport[] = []
  for (const source of due) reports.push(await importSource(payload, source, now))
  return reports
}

/** The operator's command: every enabled source now, or the one named (enabled or not). */
export async function importSourcesNow(
  payload: Payload,
  now: Date,
  name?: string,
): Promise<SourceReport[]> {
  const chosen = await sources(
    payload,
    name ? { name: { equals: name } } : { enabled: { equals: true } },
  )
  const reports: SourceReport[] = []
  for (const source of chosen) reports.push(await importSource(payload, source, now))
  return reports
}
