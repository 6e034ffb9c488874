// What the site shows of the published content: the views pages, feeds and the search index read,
// in the reader's language with the fallback chain resolved here and nowhere else, and the rules
// that need no more than one document (texts, addresses, an event's occurrences). Reading the
// snapshot and finding documents is SiteContent's (content.ts).
import { DateTime } from 'luxon'
import { type LocaleCode, resolveLocalized, type LocalizedValue } from '../../locales/config'
import { portalZone, zonedFromISO } from '../../cms/domain/dates'
import { expandInstants, type RecurrenceRule } from '../../cms/domain/recurrence'
import type { IndicatorSource } from '../../cms/domain/attendance'
import { GROUP_PARTS, type PopulationGroup } from '../../cms/domain/population'
import {
  type ActionProgress,
  type AggregateProgress,
  aggregateProgress,
  type IndicatorProgress,
} from '../../cms/domain/progress'
import type { RawDoc } from '../../cms/domain/snapshot'

/** A text in the language it was found in; `fallback` when that is not the reader's language. */
export interface Text {
  value: string
  lang: LocaleCode
  fallback: boolean
}

export interface RichText {
  value: { root: { children: unknown[] } }
  lang: LocaleCode
  fallback: boolean
}

// ---------------------------------------------------------------------------------------------
// Localized values

export function text(value: unknown, lang: LocaleCode): Text | null {
  const resolved = resolveLocalized(value as LocalizedValue<string>, lang)
  if (!resolved || typeof resolved.value !== 'string') return null
  return { value: resolved.value, lang: resolved.locale, fallback: resolved.isFallback }
}

const textFound = new WeakMap<object, boolean>()

/**
 * Whether rich text holds a text node: a "text" key with a string value anywhere in it. Walked,
 * not written out as JSON and searched, and remembered per value: each language's view of an
 * event asks about the same descriptions.
 */
function hasText(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false
  let found = textFound.get(node)
  if (found === undefined) {
    found = Array.isArray(node)
      ? node.some(hasText)
      : Object.entries(node).some(
          ([key, value]) => (key === 'text' && typeof value === 'string') || hasText(value),
        )
    textFound.set(node, found)
  }
  return found
}

export function richText(value: unknown, lang: LocaleCode): RichText | null {
  const resolved = resolveLocalized(value as LocalizedValue<RichText['value']>, lang, hasText)
  if (!resolved) return null
  return { value: resolved.value, lang: resolved.locale, fallback: resolved.isFallback }
}

export type Ref = string | number | { id: string | number } | null | undefined

export function refId(value: Ref): string | null {
  if (value === null || value === undefined) return null
  return String(typeof value === 'object' ? value.id : value)
}

export const str = (value: unknown): string | null =>
  typeof value === 'string' && value ? value : null
export const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

export interface PostalAddress {
  street: string | null
  postcode: string | null
  locality: string | null
}

/** "Rue de l'Église 1, 5555 Remich": the parts that are known, in the Luxembourg order. */
export function addressLine(address: PostalAddress): string {
  const town = [address.postcode, address.locality].filter(Boolean).join(' ')
  return [address.street, town].filter(Boolean).join(', ')
}

// ---------------------------------------------------------------------------------------------
// Reference data

export interface CommuneRef {
  slug: string
  name: Text
}

export interface CommuneView extends CommuneRef {
  code: string | null
  country: string
  status: string
  validFrom: string | null
  validTo: string | null
  successor: CommuneRef | null
  /** Communes merged into this one: their history belongs to it. */
  predecessors: CommuneRef[]
  contact: { email: string | null; phone: string | null; url: string | null }
  commission: { name: Text | null; email: string | null }
  coordinates: { latitude: number; longitude: number } | null
}

export function communeRef(doc: RawDoc, lang: LocaleCode): CommuneRef {
  return {
    slug: String(doc.slug),
    name: text(doc.name, lang) ?? { value: String(doc.slug), lang, fallback: true },
  }
}

export interface TermView {
  slug: string
  label: Text
  description: Text | null
}

export function termView(doc: RawDoc, lang: LocaleCode): TermView {
  return {
    slug: String(doc.slug),
    label: text(doc.label, lang) ?? { value: String(doc.slug), lang, fallback: true },
    description: text(doc.description, lang),
  }
}

export interface GoalView {
  slug: string
  kind: 'primary' | 'secondary'
  number: number
  title: Text
  description: Text | null
}

export interface OrganisationView {
  slug: string
  name: string
  type: string
  demo: boolean
  description: Text | null
  communes: CommuneRef[]
  contact: { email: string | null; phone: string | null; url: string | null }
}

export interface VenueView {
  slug: string
  name: Text
  commune: CommuneRef | null
  address: PostalAddress
  coordinates: { latitude: number; longitude: number } | null
  accessibility: string[]
  accessibilityNotes: Text | null
  demo: boolean
}

// ---------------------------------------------------------------------------------------------
// Images

export interface ImageView {
  src: string
  width: number
  height: number
  /** Responsive candidates ("url 800w, …"), WebP made by sharp when the file was uploaded. */
  srcset: string
  alt: Text | null
}

/** Public URL of an uploaded file; `npm run build` copies the files the site uses there. */
export const mediaUrl = (filename: string) => `/media/${encodeURIComponent(filename)}`

// ---------------------------------------------------------------------------------------------
// Events

export interface OccurrenceView {
  start: DateTime
  end: DateTime
  /** `start` and `end` in epoch milliseconds: a filter compares thousands without making dates. */
  readonly startMs: number
  readonly endMs: number
  /** The start the rule planned (differs from `start` when the date was moved). */
  plannedStart: DateTime
  /** Calendar day of the planned start (Luxembourg), the key of overrides. */
  day: string
  status: 'scheduled' | 'cancelled' | 'rescheduled'
  reason: Text | null
}

export interface EventView {
  id: string
  slug: string
  uid: string
  sequence: number
  demo: boolean
  sourceLanguage: LocaleCode
  title: Text
  summary: Text | null
  description: RichText | null
  start: DateTime
  end: DateTime
  allDay: boolean
  recurrence: RecurrenceRule | null
  occurrences: OccurrenceView[]
  status: string
  statusReason: Text | null
  venue: VenueView | null
  onlineUrl: string | null
  communes: CommuneRef[]
  organiser: OrganisationView | null
  categories: TermView[]
  targetGroups: TermView[]
  languagesSpoken: string[]
  interpretation: string[]
  accessibility: string[]
  price: { free: boolean; amountEuro: number | null; note: Text | null }
  registration: {
    required: boolean
    url: string | null
    email: string | null
    phone: string | null
    deadline: DateTime | null
    capacity: number | null
  }
  action: { slug: string; title: Text } | null
  /** Recorded after the event by its organiser or an editor. */
  attendance: {
    participants: number | null
    ages: Partial<Record<'children' | 'youth' | 'adults' | 'seniors', number>>
    languagesUsed: string[]
  }
  image: ImageView | null
  /** An imported event's source calendar, credited on its page, in feeds and JSON-LD. */
  credit: { name: string; url: string | null } | null
  updatedAt: string
}

/** An address a reader may follow: http(s) only (imported values come from outside). */
const webAddress = (value: unknown): string | null => {
  const text = str(value)
  return text && /^https?:\/\/[^\s]+$/i.test(text) ? text : null
}

export function creditOf(doc: RawDoc): EventView['credit'] {
  const name = str(doc.importCredit)
  return name ? { name, url: webAddress(doc.importUrl) } : null
}

export function attendanceOf(doc: RawDoc): EventView['attendance'] {
  const attendance = (doc.attendance ?? {}) as Record<string, unknown>
  const ages = (attendance.ages ?? {}) as Record<string, unknown>
  return {
    participants: typeof attendance.participants === 'number' ? attendance.participants : null,
    ages: Object.fromEntries(
      Object.entries(ages).filter(([, value]) => typeof value === 'number'),
    ) as EventView['attendance']['ages'],
    languagesUsed: strings(attendance.languagesUsed),
  }
}

const zonedAt = (instant: number) => DateTime.fromMillis(instant, { zone: portalZone })

/**
 * An occurrence whose dates are made when first read. A site build or a live feed builds the
 * views of every event, and most occurrences are never looked at one by one: with their 116,000
 * DateTimes made up front, 10,000 views (one language) took 1.55 s, without them 1.2 s, the
 * difference mostly the garbage collector's.
 */
class LazyOccurrence implements OccurrenceView {
  private startDate?: DateTime
  private endDate?: DateTime
  private plannedDate?: DateTime

  constructor(
    private readonly startsAt: number,
    private readonly endsAt: number,
    private readonly plannedAt: number,
    readonly day: string,
    readonly status: OccurrenceView['status'],
    readonly reason: Text | null,
  ) {}

  get start(): DateTime {
    return (this.startDate ??= zonedAt(this.startsAt))
  }
  get end(): DateTime {
    return (this.endDate ??= zonedAt(this.endsAt))
  }
  get plannedStart(): DateTime {
    return (this.plannedDate ??= zonedAt(this.plannedAt))
  }
  get startMs(): number {
    return this.startsAt
  }
  get endMs(): number {
    return this.endsAt
  }

  /** The same occurrence with its reason in a language. */
  withReason(reason: Text | null): LazyOccurrence {
    const { startsAt, endsAt, plannedAt, day, status } = this
    return new LazyOccurrence(startsAt, endsAt, plannedAt, day, status, reason)
  }

  /** What JSON.stringify sees: the plain fields, as before. */
  toJSON(): object {
    const { start, end, plannedStart, day, status, reason } = this
    return { start, end, plannedStart, day, status, reason }
  }
}

/** An event's occurrences without the words of their overrides: the same in every language. */
const plannedOccurrences = new WeakMap<
  RawDoc,
  { occurrences: LazyOccurrence[]; reasons: unknown[] | null }
>()

export function occurrencesOf(doc: RawDoc, lang: LocaleCode): OccurrenceView[] {
  let planned = plannedOccurrences.get(doc)
  if (!planned) {
    planned = planOccurrences(doc)
    plannedOccurrences.set(doc, planned)
  }
  const { occurrences, reasons } = planned
  if (!reasons) return occurrences
  return occurrences.map((occurrence, index) =>
    occurrence.withReason(reasons[index] ? text(reasons[index], lang) : null),
  )
}

/** An event's start and end, parsed once for all languages (DateTimes do not change). */
const eventDates = new WeakMap<RawDoc, { start: DateTime; end: DateTime }>()
export function datesOf(doc: RawDoc) {
  let dates = eventDates.get(doc)
  if (!dates) {
    dates = { start: zonedFromISO(String(doc.start)), end: zonedFromISO(String(doc.end)) }
    eventDates.set(doc, dates)
  }
  return dates
}

const instantOf = (value: unknown) => zonedFromISO(String(value)).toMillis()

function planOccurrences(doc: RawDoc) {
  const { start: first, end: last } = datesOf(doc)
  const duration = last.toMillis() - first.toMillis()
  const recurrence = (doc.recurrence ?? null) as RecurrenceRule | null
  const overrides = new Map(
    ((doc.overrides ?? []) as Record<string, unknown>[]).map((override) => [
      zonedFromISO(String(override.occurrenceDate)).toISODate()!,
      override,
    ]),
  )
  const reasons: unknown[] = []
  const occurrences = expandInstants(recurrence, String(doc.start)).map(
    ({ instant: planned, day }) => {
      const override = overrides.get(day)
      reasons.push(override?.reason ?? null)
      const status =
        override?.status === 'cancelled'
          ? 'cancelled'
          : override?.status === 'rescheduled'
            ? 'rescheduled'
            : 'scheduled'
      const moved = status === 'rescheduled'
      const start = moved && override?.newStart ? instantOf(override.newStart) : planned
      const end = moved && override?.newEnd ? instantOf(override.newEnd) : start + duration
      return new LazyOccurrence(start, end, planned, day, status, null)
    },
  )
  return { occurrences, reasons: reasons.some(Boolean) ? reasons : null }
}

/** The next occurrence that has not ended yet, or null when the event is over. */
export function nextOccurrence(view: EventView, now: DateTime): OccurrenceView | null {
  return view.occurrences.find((occurrence) => occurrence.end >= now) ?? null
}

/** What an event offers for access: its own features and its venue's, each once. */
export function featuresOf(view: EventView): string[] {
  return [...new Set([...view.accessibility, ...(view.venue?.accessibility ?? [])])]
}

export interface ListedEvent {
  event: EventView
  occurrence: OccurrenceView
}

// ---------------------------------------------------------------------------------------------
// Actions, resources, pages

export interface IndicatorView {
  id: string
  name: Text
  unit: Text | null
  /** Entered by editors, or counted by the portal from the action's events' attendance. */
  source: IndicatorSource
  baseline: number
  target: number
  measurements: { date: DateTime; value: number; note: Text | null }[]
  progress: IndicatorProgress
}

export interface MilestoneView {
  title: Text
  due: DateTime | null
  done: boolean
  doneOn: DateTime | null
}

export interface ActionView {
  slug: string
  demo: boolean
  title: Text
  summary: Text | null
  description: RichText | null
  goals: GoalView[]
  targetGroups: TermView[]
  leadCommunes: CommuneRef[]
  partnerCommunes: CommuneRef[]
  leadOrganisations: OrganisationView[]
  partnerOrganisations: OrganisationView[]
  periodStart: DateTime | null
  periodEnd: DateTime | null
  status: string
  milestones: MilestoneView[]
  indicators: IndicatorView[]
  /** The documented rule of cms/domain/progress.ts, over the measured indicators. */
  progress: ActionProgress
  evaluationNotes: Text | null
}

/** An indicator as the progress rule reads it. */
const progressInput = (indicator: IndicatorView) => ({
  baseline: indicator.baseline,
  target: indicator.target,
  measurements: indicator.measurements.map((m) => ({ date: m.date.toISO()!, value: m.value })),
})

export interface ResourceView {
  slug: string
  demo: boolean
  title: Text
  summary: Text | null
  description: RichText | null
  type: string
  communes: CommuneRef[]
  languagesOffered: string[]
  address: PostalAddress
  contact: { email: string | null; phone: string | null; url: string | null }
  openingHours: Text | null
  lastReviewed: DateTime | null
}

export interface PageView {
  slug: string
  title: Text
  summary: Text | null
  sections: { heading: Text | null; body: RichText | null }[]
}

export interface InitiativeView {
  slug: string
  title: Text
  /** Paragraphs as the submitter typed them (plain text, shown escaped). */
  description: Text[]
  organisation: OrganisationView | null
  organisationName: string | null
  communes: CommuneRef[]
  targetGroups: TermView[]
  languages: string[]
  needs: string[]
  image: ImageView | null
  approvedAt: DateTime | null
}

// ---------------------------------------------------------------------------------------------
// Diversity inventory

export interface PopulationFigure {
  commune: string | null
  period: string
  referenceDate: string
  group: PopulationGroup
  count: number
  dataset: string
  source: string
}

/** One dataset's figures for one area at one date: the unit a chart or table row shows. */
export interface PopulationSnapshot {
  dataset: string
  source: string
  period: string
  referenceDate: string
  /** Counts by group; groups the source does not give are absent. */
  counts: Partial<Record<PopulationGroup, number>>
  /** Communes whose figures were added up (a merged commune's predecessors), when not itself. */
  combinedFrom: string[]
}

export function snapshotsOf(
  list: PopulationFigure[],
  combine: (figure: PopulationFigure) => string,
) {
  const grouped = new Map<string, PopulationSnapshot>()
  for (const figure of list) {
    const key = `${figure.dataset}|${figure.referenceDate}`
    const entry = grouped.get(key) ?? {
      dataset: figure.dataset,
      source: figure.source,
      period: figure.period,
      referenceDate: figure.referenceDate,
      counts: {},
      combinedFrom: [],
    }
    entry.counts[figure.group] = (entry.counts[figure.group] ?? 0) + figure.count
    const from = combine(figure)
    if (from && !entry.combinedFrom.includes(from)) entry.combinedFrom.push(from)
    grouped.set(key, entry)
  }
  return [...grouped.values()].sort(
    (a, b) => a.dataset.localeCompare(b.dataset) || a.referenceDate.localeCompare(b.referenceDate),
  )
}

/** Share of residents who are not Luxembourgers, when the snapshot has both numbers. */
export function foreignShare(snapshot: PopulationSnapshot): number | null {
  const { total, luxembourgers } = snapshot.counts
  const sum =
    total ??
    GROUP_PARTS.total.reduce<number | null>(
      (acc, group) =>
        acc === null || snapshot.counts[group] === undefined ? null : acc + snapshot.counts[group]!,
      0,
    )
  if (!sum || luxembourgers === undefined) return null
  return (sum - luxembourgers) / sum
}

/** Progress over several actions (a goal's, a commune's), by the rule of cms/domain/progress.ts. */
export function progressOf(list: readonly ActionView[]): AggregateProgress {
  return aggregateProgress(
    list.map((action) => ({
      id: action.slug,
      indicators: action.indicators.map(progressInput),
    })),
  )
}
