// Which fields of an imported event the source calendar still owns. Every import records a
// fingerprint of each field it wrote (`importFingerprints`); a field whose value no longer matches
// its fingerprint was changed in the portal by an editor, and the next import keeps the editor's
// value. Fingerprints describe meaning, not storage: the dates are compared as the occurrences they
// give, relations as sets of ids, rich text as its words, so that what the import writes and what
// the database gives back compare equal.
import { createHash } from 'node:crypto'
import { localeCodes, type LocaleCode } from '../../locales/config'
import { expandInstants, type RecurrenceRule } from '../domain/recurrence'
import { idsOf } from '../hooks/enforceScope'
import { plainText } from '../translations/units'

/** The parts of an event a source writes, each kept as a whole when an editor changes it. */
export const SHARED_PARTS = [
  'dates',
  'changedDates',
  'status',
  'communes',
  'organiser',
  'categories',
  'targetGroups',
] as const
export const LOCALIZED_PARTS = ['title', 'description', 'statusReason'] as const

/** The shared parts the source's settings give (not its file): they change when those do. */
export const SETTINGS_PARTS = ['communes', 'organiser', 'categories', 'targetGroups'] as const

export type SharedPart = (typeof SHARED_PARTS)[number]
export type LocalizedPart = (typeof LOCALIZED_PARTS)[number]

/** The event fields each shared part is made of (what the import leaves out when it is kept). */
export const FIELDS_OF: Record<SharedPart, readonly string[]> = {
  dates: ['start', 'end', 'allDay', 'recurrence'],
  changedDates: ['overrides'],
  status: ['status'],
  communes: ['communes'],
  organiser: ['organiser'],
  categories: ['categories'],
  targetGroups: ['targetGroups'],
}

/** Part → fingerprint; localized parts are keyed `title.fr`. */
export type Fingerprints = Record<string, string>

type Data = Record<string, unknown>

const millis = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null
  const time = new Date(value as string).getTime()
  return Number.isNaN(time) ? null : time
}

const hash = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16)

/** What each shared part means, comparable between written data and a stored document. */
function sharedMeaning(part: SharedPart, data: Data): unknown {
  switch (part) {
    case 'dates': {
      if (!data.start) return null
      const start = millis(data.start)!
      const end = millis(data.end)
      const occurrences = expandInstants(
        data.recurrence as RecurrenceRule | null,
        data.start as string,
      )
      return {
        occurrences: occurrences.map((entry) => entry.instant),
        length: end === null ? null : end - start,
        allDay: Boolean(data.allDay),
      }
    }
    case 'changedDates':
      return ((data.overrides as Data[] | null | undefined) ?? [])
        .map((row) => [
          millis(row.occurrenceDate),
          row.status ?? null,
          millis(row.newStart),
          millis(row.newEnd),
        ])
        .sort((a, b) => Number(a[0]) - Number(b[0]))
    case 'status':
      return data.status ?? 'scheduled'
    case 'organiser':
      return idsOf(data.organiser)[0] ?? null
    default:
      return idsOf(data[part]).sort()
  }
}

function partFingerprints(parts: readonly SharedPart[], data: Data): Fingerprints {
  return Object.fromEntries(parts.map((part) => [part, hash(sharedMeaning(part, data))]))
}

/**
 * The settings parts whose value the import would now write differently from what it last
 * recorded: the source's settings changed since.
 */
export function settingsChanged(recorded: Fingerprints | null | undefined, data: Data): boolean {
  if (!recorded) return false
  const now = partFingerprints(SETTINGS_PARTS, data)
  return SETTINGS_PARTS.some((part) => part in recorded && recorded[part] !== now[part])
}

/** The value of a localized field in one language, from data in that language or `locale: 'all'`. */
function localizedValue(data: Data, part: LocalizedPart, locale: LocaleCode, all: boolean) {
  const value = data[part]
  if (!all) return value
  return value && typeof value === 'object' ? (value as Data)[locale] : undefined
}

/**
 * The fingerprints of the shared parts of `data` (the event's fields, non-localized) and of its
 * localized parts in `locales`: `texts` gives, per language, the data holding that language's
 * texts (the same object for a document read with `locale: 'all'`, see `allLocales`).
 */
export function fingerprintsOf(
  data: Data,
  texts: Partial<Record<LocaleCode, Data>>,
  allLocales = false,
): Fingerprints {
  const result = partFingerprints(SHARED_PARTS, data)
  for (const [locale, localeData] of Object.entries(texts) as [LocaleCode, Data][]) {
    for (const part of LOCALIZED_PARTS) {
      result[`${part}.${locale}`] = hash(
        plainText(localizedValue(localeData, part, locale, allLocales)),
      )
    }
  }
  return result
}

/** The fingerprints of a stored event read with `locale: 'all'`, for the languages given. */
export function storedFingerprints(doc: Data, locales: readonly LocaleCode[] = localeCodes) {
  return fingerprintsOf(doc, Object.fromEntries(locales.map((locale) => [locale, doc])), true)
}

/**
 * The parts an editor changed since the import last wrote them: recorded by an import, and no
 * longer what it recorded. Parts an import never recorded (events imported before fingerprints
 * were kept) are the source's.
 */
export function changedInPortal(recorded: Fingerprints | null | undefined, current: Fingerprints) {
  const changed = new Set<string>()
  for (const [part, fingerprint] of Object.entries(recorded ?? {})) {
    if (part in current && current[part] !== fingerprint) changed.add(part)
  }
  return changed
}

/** `data` without the fields of the shared parts given. */
export function withoutParts(data: Data, parts: ReadonlySet<string>): Data {
  const left = new Set(
    SHARED_PARTS.filter((part) => parts.has(part)).flatMap((part) => FIELDS_OF[part]),
  )
  return Object.fromEntries(Object.entries(data).filter(([field]) => !left.has(field)))
}
