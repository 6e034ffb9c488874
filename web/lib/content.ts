// All reads of CMS data for the site: the published snapshot, turned into views in the reader's
// language with the fallback chain resolved here and nowhere else. Pages, feeds and the search
// index only read these views.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { DateTime } from 'luxon'
import {
  defaultLocale,
  isLocaleCode,
  type LocaleCode,
  resolveLocalized,
  type LocalizedValue,
} from '../../locales/config'
import { portalZone, zonedFromISO } from '../../cms/domain/dates'
import { expandInstants, type RecurrenceRule } from '../../cms/domain/recurrence'
import {
  type EventAttendance,
  type IndicatorSource,
  measurementsFromAttendance,
} from '../../cms/domain/attendance'
import { GROUP_PARTS, type PopulationGroup } from '../../cms/domain/population'
import {
  type ActionProgress,
  actionProgress,
  type AggregateProgress,
  aggregateProgress,
  type IndicatorProgress,
  indicatorProgress,
} from '../../cms/domain/progress'
import { spokenLanguages } from '../../cms/domain/valueLists'
import { languageName } from '../../locales/i18n'
import type { FormChoice, FormChoices } from './submissionForm'
import {
  emptySnapshot,
  type RawDoc,
  type SiteSnapshot,
  type SnapshotCollection,
} from '../../cms/domain/snapshot'

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

export function snapshotPath(): string {
  return path.resolve(
    process.env.ZESUMMEN_SNAPSHOT ??
      path.join(process.env.DATA_DIR ?? 'data', 'site-snapshot.json'),
  )
}

let cached: SiteSnapshot | undefined
/** Clears the indexes and memoized views built from the current snapshot. */
const resets: (() => void)[] = []

/**
 * Renders from this snapshot from now on. The site build never calls it (it reads the file
 * once); the CMS's live feed endpoint does, each time published content changed.
 */
export function useSnapshot(next: SiteSnapshot): void {
  cached = next
  for (const reset of resets) reset()
}

/**
 * The snapshot written by `npm run build`; an empty site when there is none (empty states), but
 * an error when the build named a file (ZESUMMEN_SNAPSHOT) that is not there.
 */
export function snapshot(): SiteSnapshot {
  if (cached) return cached
  const file = snapshotPath()
  if (process.env.ZESUMMEN_SNAPSHOT && !existsSync(file)) {
    throw new Error(`The content snapshot ${file} (ZESUMMEN_SNAPSHOT) does not exist.`)
  }
  cached = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as SiteSnapshot)
    : emptySnapshot()
  return cached
}

function docs(collection: SnapshotCollection): RawDoc[] {
  return snapshot().collections[collection] ?? []
}

/** "Now" for the build: upcoming and past are decided when the site is built. */
export function buildTime(): DateTime {
  return zonedFromISO(snapshot().generatedAt)
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

const indexes = new Map<SnapshotCollection, Map<string, RawDoc>>()
resets.push(() => indexes.clear())

/** Documents of a collection by id, built once per build. */
function byId(collection: SnapshotCollection): Map<string, RawDoc> {
  let index = indexes.get(collection)
  if (!index) {
    index = new Map(docs(collection).map((doc) => [String(doc.id), doc]))
    indexes.set(collection, index)
  }
  return index
}

const slugIndexes = new Map<SnapshotCollection, Map<string, RawDoc>>()
resets.push(() => slugIndexes.clear())

/** The document of a collection with this slug, found through an index built once per build. */
function bySlug(collection: SnapshotCollection, slug: string): RawDoc | undefined {
  let index = slugIndexes.get(collection)
  if (!index) {
    index = new Map(docs(collection).map((doc) => [String(doc.slug), doc]))
    slugIndexes.set(collection, index)
  }
  return index.get(slug)
}

/** Views are immutable, so each is computed once per language and build. */
function memoizedPerLocale<T>(compute: (lang: LocaleCode) => T): (lang: LocaleCode) => T {
  const cache = new Map<LocaleCode, T>()
  resets.push(() => cache.clear())
  return (lang) => {
    if (!cache.has(lang)) cache.set(lang, compute(lang))
    return cache.get(lang)!
  }
}

/** Language-independent values, computed once per build (not once per language). */
function memoizedOnce<T>(compute: () => T): () => T {
  let value: { current: T } | null = null
  resets.push(() => {
    value = null
  })
  return () => (value ??= { current: compute() }).current
}

/** The view of the document with this slug, or null. */
function viewBySlug<T>(
  collection: SnapshotCollection,
  slug: string,
  lang: LocaleCode,
  view: (doc: RawDoc, lang: LocaleCode) => T,
): T | null {
  const doc = bySlug(collection, slug)
  return doc ? view(doc, lang) : null
}

type Ref = string | number | { id: string | number } | null | undefined

function refId(value: Ref): string | null {
  if (value === null || value === undefined) return null
  return String(typeof value === 'object' ? value.id : value)
}

function lookup(collection: SnapshotCollection, value: Ref): RawDoc | null {
  const id = refId(value)
  return id === null ? null : (byId(collection).get(id) ?? null)
}

function lookupMany(collection: SnapshotCollection, values: unknown): RawDoc[] {
  const list = Array.isArray(values) ? (values as Ref[]) : []
  return list.map((value) => lookup(collection, value)).filter((doc): doc is RawDoc => doc !== null)
}

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null)
const strings = (value: unknown): string[] =>
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

function communeRef(doc: RawDoc, lang: LocaleCode): CommuneRef {
  return {
    slug: String(doc.slug),
    name: text(doc.name, lang) ?? { value: String(doc.slug), lang, fallback: true },
  }
}

export function communeView(doc: RawDoc, lang: LocaleCode): CommuneView {
  const contact = (doc.contact ?? {}) as Record<string, unknown>
  const commission = (doc.commission ?? {}) as Record<string, unknown>
  const coordinates = (doc.coordinates ?? {}) as {
    latitude?: number | null
    longitude?: number | null
  }
  const successor = lookup('communes', doc.successor as Ref)
  return {
    ...communeRef(doc, lang),
    code: str(doc.code),
    country: String(doc.country ?? 'LU'),
    status: String(doc.status ?? ''),
    validFrom: str(doc.validFrom),
    validTo: str(doc.validTo),
    successor: successor ? communeRef(successor, lang) : null,
    predecessors: docs('communes')
      .filter((other) => refId(other.successor as Ref) === String(doc.id))
      .map((other) => communeRef(other, lang)),
    contact: { email: str(contact.email), phone: str(contact.phone), url: str(contact.url) },
    commission: { name: text(commission.name, lang), email: str(commission.email) },
    coordinates:
      typeof coordinates.latitude === 'number' && typeof coordinates.longitude === 'number'
        ? { latitude: coordinates.latitude, longitude: coordinates.longitude }
        : null,
  }
}

const statusOrder = ['partner', 'leader-member', 'cross-border-neighbour']

/** All communes, partner communes first, then by name in the reader's language. */
export function communes(lang: LocaleCode): CommuneView[] {
  return docs('communes')
    .map((doc) => communeView(doc, lang))
    .sort(
      (a, b) =>
        statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) ||
        a.name.value.localeCompare(b.name.value, lang),
    )
}

/** Communes that exist today (not merged away), for pickers. */
export function currentCommunes(lang: LocaleCode): CommuneView[] {
  const today = buildTime().toISODate()!
  return communes(lang).filter(
    (commune) => !commune.validTo || commune.validTo.slice(0, 10) >= today,
  )
}

export const commune = (slug: string, lang: LocaleCode): CommuneView | null =>
  viewBySlug('communes', slug, lang, communeView)

export interface TermView {
  slug: string
  label: Text
  description: Text | null
}

function termView(doc: RawDoc, lang: LocaleCode): TermView {
  return {
    slug: String(doc.slug),
    label: text(doc.label, lang) ?? { value: String(doc.slug), lang, fallback: true },
    description: text(doc.description, lang),
  }
}

export const categories = (lang: LocaleCode) => docs('categories').map((doc) => termView(doc, lang))
export const targetGroups = (lang: LocaleCode) =>
  docs('target-groups').map((doc) => termView(doc, lang))

export interface GoalView {
  slug: string
  kind: 'primary' | 'secondary'
  number: number
  title: Text
  description: Text | null
}

export function goals(lang: LocaleCode): GoalView[] {
  return docs('goals')
    .map((doc) => ({
      slug: String(doc.slug),
      kind: doc.kind === 'secondary' ? ('secondary' as const) : ('primary' as const),
      number: Number(doc.number ?? 0),
      title: text(doc.title, lang) ?? { value: String(doc.slug), lang, fallback: true },
      description: text(doc.description, lang),
    }))
    .sort((a, b) => (a.kind === b.kind ? a.number - b.number : a.kind === 'primary' ? -1 : 1))
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

export function organisationView(doc: RawDoc, lang: LocaleCode): OrganisationView {
  const contact = (doc.contact ?? {}) as Record<string, unknown>
  return {
    slug: String(doc.slug),
    name: String(doc.name ?? doc.slug),
    type: String(doc.type ?? ''),
    demo: doc.demo === true,
    description: text(doc.description, lang),
    communes: lookupMany('communes', doc.communes).map((commune) => communeRef(commune, lang)),
    contact: { email: str(contact.email), phone: str(contact.phone), url: str(contact.url) },
  }
}

export function organisations(lang: LocaleCode): OrganisationView[] {
  return docs('organisations')
    .map((doc) => organisationView(doc, lang))
    .sort((a, b) => a.name.localeCompare(b.name, lang))
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

function venueView(doc: RawDoc, lang: LocaleCode): VenueView {
  const address = (doc.address ?? {}) as Record<string, unknown>
  const coordinates = (doc.coordinates ?? {}) as {
    latitude?: number | null
    longitude?: number | null
  }
  const communeDoc = lookup('communes', doc.commune as Ref)
  const communeCoordinates = communeDoc ? communeView(communeDoc, lang).coordinates : null
  return {
    slug: String(doc.slug),
    name: text(doc.name, lang) ?? { value: String(doc.slug), lang, fallback: true },
    commune: communeDoc ? communeRef(communeDoc, lang) : null,
    address: {
      street: str(address.street),
      postcode: str(address.postcode),
      locality: str(address.locality),
    },
    coordinates:
      typeof coordinates.latitude === 'number' && typeof coordinates.longitude === 'number'
        ? { latitude: coordinates.latitude, longitude: coordinates.longitude }
        : communeCoordinates,
    accessibility: strings(doc.accessibility),
    accessibilityNotes: text(doc.accessibilityNotes, lang),
    demo: doc.demo === true,
  }
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

export function imageView(value: Ref, lang: LocaleCode): ImageView | null {
  const doc = lookup('media', value)
  if (!doc || typeof doc.filename !== 'string' || !String(doc.mimeType ?? '').startsWith('image/'))
    return null
  const width = Number(doc.width ?? 0)
  const height = Number(doc.height ?? 0)
  type Size = { filename: string; width: number; height: number }
  // Only sizes with the original's proportions may stand in for it (the thumbnail is cropped).
  const sizes = Object.values((doc.sizes ?? {}) as Record<string, Partial<Size>>)
    .filter((size): size is Size => Boolean(size.filename && size.width && size.height))
    .filter((size) => width > 0 && Math.abs(size.height / size.width - height / width) < 0.02)
    .sort((a, b) => a.width - b.width)
  return {
    src: mediaUrl(sizes.find((size) => size.width >= 800)?.filename ?? doc.filename),
    width,
    height,
    srcset: sizes.map((size) => `${mediaUrl(size.filename)} ${size.width}w`).join(', '),
    alt: text(doc.alt, lang),
  }
}

// ---------------------------------------------------------------------------------------------
// Events

export interface OccurrenceView {
  start: DateTime
  end: DateTime
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
  updatedAt: string
}

function attendanceOf(doc: RawDoc): EventView['attendance'] {
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
/** The method through which an object gives digestText its shape. */
export const DIGEST_SHAPE = Symbol('digest shape')

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

  /** What a digest sees (see digestText): instants as numbers, no DateTime made. */
  [DIGEST_SHAPE]() {
    const { startsAt, endsAt, plannedAt, day, status, reason } = this
    return [startsAt, endsAt, plannedAt, day, status, reason]
  }
}

/**
 * The text a digest is made of (web/lib/buildPlan.ts): the shape JSON.stringify gives, with
 * dates as their instant and zone, and objects that offer a `[DIGEST_SHAPE]()` as that shape.
 * Luxon's toJSON writes ISO text, and an occurrence's toJSON would make the DateTimes it has not
 * made yet: an event's view holds dozens of occurrences.
 */
export function digestText(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (DateTime.isDateTime(value)) return `${value.toMillis()}@${value.zoneName}`
  const shaped = value as { [DIGEST_SHAPE]?: () => unknown; toJSON?: () => unknown }
  if (typeof shaped[DIGEST_SHAPE] === 'function') return digestText(shaped[DIGEST_SHAPE]())
  if (typeof shaped.toJSON === 'function') return digestText(shaped.toJSON())
  if (Array.isArray(value)) {
    let text = '['
    for (const item of value) text += `${digestText(item)},`
    return `${text}]`
  }
  let text = '{'
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    const item = (value as Record<string, unknown>)[key]
    if (item === undefined || typeof item === 'function') continue
    text += `${JSON.stringify(key)}:${digestText(item)},`
  }
  return `${text}}`
}

/** An event's occurrences without the words of their overrides: the same in every language. */
const plannedOccurrences = new WeakMap<
  RawDoc,
  { occurrences: LazyOccurrence[]; reasons: unknown[] | null }
>()

function occurrencesOf(doc: RawDoc, lang: LocaleCode): OccurrenceView[] {
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
function datesOf(doc: RawDoc) {
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

export function eventView(doc: RawDoc, lang: LocaleCode): EventView {
  const price = (doc.price ?? {}) as Record<string, unknown>
  const registration = (doc.registration ?? {}) as Record<string, unknown>
  const organiser = lookup('organisations', doc.organiser as Ref)
  const action = lookup('actions', doc.action as Ref)
  const venue = lookup('venues', doc.venue as Ref)
  const recurrence = (doc.recurrence ?? null) as RecurrenceRule | null
  return {
    id: String(doc.id),
    slug: String(doc.slug),
    uid: String(doc.uid),
    sequence: Number(doc.sequence ?? 0),
    demo: doc.demo === true,
    sourceLanguage: (doc.sourceLanguage as LocaleCode) ?? 'fr',
    title: text(doc.title, lang) ?? { value: String(doc.slug), lang, fallback: true },
    summary: text(doc.summary, lang),
    description: richText(doc.description, lang),
    ...datesOf(doc),
    allDay: doc.allDay === true,
    recurrence: recurrence?.frequency ? recurrence : null,
    occurrences: occurrencesOf(doc, lang),
    status: String(doc.status ?? 'scheduled'),
    statusReason: text(doc.statusReason, lang),
    venue: venue ? venueView(venue, lang) : null,
    onlineUrl: str(doc.onlineUrl),
    communes: lookupMany('communes', doc.communes).map((commune) => communeRef(commune, lang)),
    organiser: organiser ? organisationView(organiser, lang) : null,
    categories: lookupMany('categories', doc.categories).map((term) => termView(term, lang)),
    targetGroups: lookupMany('target-groups', doc.targetGroups).map((term) => termView(term, lang)),
    languagesSpoken: strings(doc.languagesSpoken),
    interpretation: strings(doc.interpretation),
    accessibility: strings(doc.accessibility),
    price: {
      free: price.free !== false,
      amountEuro: typeof price.amountEuro === 'number' ? price.amountEuro : null,
      note: text(price.note, lang),
    },
    registration: {
      required: registration.required === true,
      url: str(registration.url),
      email: str(registration.email),
      phone: str(registration.phone),
      deadline: registration.deadline ? zonedFromISO(String(registration.deadline)) : null,
      capacity: typeof registration.capacity === 'number' ? registration.capacity : null,
    },
    action: action
      ? {
          slug: String(action.slug),
          title: text(action.title, lang) ?? { value: String(action.slug), lang, fallback: true },
        }
      : null,
    attendance: attendanceOf(doc),
    image: imageView(doc.image as Ref, lang),
    updatedAt: String(doc.updatedAt ?? snapshot().generatedAt),
  }
}

export const events = memoizedPerLocale((lang): EventView[] =>
  docs('events').map((doc) => eventView(doc, lang)),
)

const eventsBySlug = memoizedPerLocale(
  (lang) => new Map(events(lang).map((view) => [view.slug, view])),
)

/** The event with this slug: the same view the listings and feeds use, not a new one per page. */
export const event = (slug: string, lang: LocaleCode): EventView | null =>
  eventsBySlug(lang).get(slug) ?? null

/** The next occurrence that has not ended yet, or null when the event is over. */
export function nextOccurrence(view: EventView, now = buildTime()): OccurrenceView | null {
  return view.occurrences.find((occurrence) => occurrence.end >= now) ?? null
}

export interface ListedEvent {
  event: EventView
  occurrence: OccurrenceView
}

/** All upcoming events of a language in order, sorted once: every listing page filters this. */
const upcomingInOrder = memoizedPerLocale((lang): ListedEvent[] => {
  const now = buildTime()
  return events(lang)
    .map((view) => ({ event: view, occurrence: nextOccurrence(view, now) }))
    .filter((item): item is ListedEvent => item.occurrence !== null)
    .sort((a, b) => a.occurrence.start.toMillis() - b.occurrence.start.toMillis())
})

/** Upcoming events, each once at its next date, soonest first. */
export function upcomingEvents(
  lang: LocaleCode,
  filter?: (view: EventView) => boolean,
): ListedEvent[] {
  const all = upcomingInOrder(lang)
  return filter ? all.filter((item) => filter(item.event)) : all
}

/** Upcoming events in a commune (or a commune merged into it), as its events page lists them. */
export const upcomingInCommune = (lang: LocaleCode, slug: string) =>
  upcomingEvents(lang, (event) => inCommune(event, slug))

/** Upcoming events of a category, as its events page lists them. */
export const upcomingInCategory = (lang: LocaleCode, slug: string) =>
  upcomingEvents(lang, (event) => event.categories.some((category) => category.slug === slug))

/** Events that are over, latest first, each at its last date. */
export const pastEvents = memoizedPerLocale((lang): ListedEvent[] => {
  const now = buildTime()
  return events(lang)
    .filter((view) => nextOccurrence(view, now) === null && view.occurrences.length > 0)
    .map((view) => ({ event: view, occurrence: view.occurrences[view.occurrences.length - 1]! }))
    .sort((a, b) => b.occurrence.start.toMillis() - a.occurrence.start.toMillis())
})

/** Occurrences grouped by month (YYYY-MM), each month in order; computed once per language. */
const occurrencesByMonth = memoizedPerLocale((lang): Map<string, ListedEvent[]> => {
  const months = new Map<string, ListedEvent[]>()
  for (const view of events(lang)) {
    for (const occurrence of view.occurrences) {
      const { year, month: number } = occurrence.start
      const month = `${year}-${String(number).padStart(2, '0')}`
      const list = months.get(month) ?? []
      list.push({ event: view, occurrence })
      months.set(month, list)
    }
  }
  for (const list of months.values()) {
    list.sort((a, b) => a.occurrence.start.toMillis() - b.occurrence.start.toMillis())
  }
  return months
})

/** Every occurrence in a month (YYYY-MM), in order. */
export function occurrencesInMonth(lang: LocaleCode, month: string): ListedEvent[] {
  return occurrencesByMonth(lang).get(month) ?? []
}

/** Months (YYYY-MM) from the current month to the last month with an occurrence (at most 36). */
export const calendarMonths = memoizedOnce((): string[] => {
  const now = buildTime().startOf('month')
  const withEvents = [...occurrencesByMonth(defaultLocale).keys()].sort()
  const last = withEvents.length ? withEvents[withEvents.length - 1]! : now.toFormat('yyyy-MM')
  const months: string[] = []
  for (
    let cursor = now;
    cursor.toFormat('yyyy-MM') <= last && months.length < 36;
    cursor = cursor.plus({ months: 1 })
  ) {
    months.push(cursor.toFormat('yyyy-MM'))
  }
  return months.length ? months : [now.toFormat('yyyy-MM')]
})

/** Whether an event belongs to a commune, counting communes merged into it. */
export function inCommune(
  view: EventView | { communes: CommuneRef[] },
  communeSlug: string,
): boolean {
  const slugs = communeAndPredecessors(communeSlug)
  return view.communes.some((ref) => slugs.has(ref.slug))
}

const mergedInto = new Map<string, Set<string>>()
resets.push(() => mergedInto.clear())

/** A commune's slug and those of the communes merged into it, once per build. */
function communeAndPredecessors(communeSlug: string): Set<string> {
  let slugs = mergedInto.get(communeSlug)
  if (!slugs) {
    const target = commune(communeSlug, 'en')
    slugs = new Set([communeSlug, ...(target?.predecessors.map((p) => p.slug) ?? [])])
    mergedInto.set(communeSlug, slugs)
  }
  return slugs
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

/** Attendance of the published events of each action, for indicators the portal measures. */
const attendanceByAction = memoizedOnce((): Map<string, EventAttendance[]> => {
  const byAction = new Map<string, EventAttendance[]>()
  for (const event of docs('events')) {
    const action = refId(event.action as Ref)
    if (action === null) continue
    const attendance = (event.attendance ?? {}) as { participants?: unknown }
    const list = byAction.get(action) ?? []
    list.push({
      start: String(event.start),
      participants: typeof attendance.participants === 'number' ? attendance.participants : null,
    })
    byAction.set(action, list)
  }
  return byAction
})

/** An indicator as the progress rule reads it. */
const progressInput = (indicator: IndicatorView) => ({
  baseline: indicator.baseline,
  target: indicator.target,
  measurements: indicator.measurements.map((m) => ({ date: m.date.toISO()!, value: m.value })),
})

function indicatorView(
  indicator: Record<string, unknown>,
  actionId: string,
  lang: LocaleCode,
): IndicatorView {
  const source = (
    ['participants', 'events'].includes(String(indicator.source)) ? indicator.source : 'manual'
  ) as IndicatorSource
  const entered = ((indicator.measurements ?? []) as Record<string, unknown>[]).map(
    (measurement) => ({
      date: String(measurement.date),
      value: Number(measurement.value ?? 0),
      note: text(measurement.note, lang),
    }),
  )
  const measured =
    source === 'manual'
      ? entered
      : measurementsFromAttendance(source, attendanceByAction().get(actionId) ?? []).map(
          (measurement) => ({ ...measurement, note: null }),
        )
  const baseline = Number(indicator.baseline ?? 0)
  const target = Number(indicator.target ?? 0)
  return {
    id: String(indicator.id ?? ''),
    name: text(indicator.name, lang) ?? { value: '—', lang, fallback: true },
    unit: text(indicator.unit, lang),
    source,
    baseline,
    target,
    measurements: measured
      .map((measurement) => ({ ...measurement, date: zonedFromISO(measurement.date) }))
      .sort((a, b) => a.date.toMillis() - b.date.toMillis()),
    progress: indicatorProgress({ baseline, target, measurements: measured }),
  }
}

export function actionView(doc: RawDoc, lang: LocaleCode): ActionView {
  const goalSlugs = new Set(lookupMany('goals', doc.goals).map((goal) => String(goal.slug)))
  const indicators = ((doc.indicators ?? []) as Record<string, unknown>[]).map((indicator) =>
    indicatorView(indicator, String(doc.id), lang),
  )
  return {
    slug: String(doc.slug),
    demo: doc.demo === true,
    title: text(doc.title, lang) ?? { value: String(doc.slug), lang, fallback: true },
    summary: text(doc.summary, lang),
    description: richText(doc.description, lang),
    goals: goals(lang).filter((goal) => goalSlugs.has(goal.slug)),
    targetGroups: lookupMany('target-groups', doc.targetGroups).map((term) => termView(term, lang)),
    leadCommunes: lookupMany('communes', doc.leadCommunes).map((c) => communeRef(c, lang)),
    partnerCommunes: lookupMany('communes', doc.partnerCommunes).map((c) => communeRef(c, lang)),
    leadOrganisations: lookupMany('organisations', doc.leadOrganisations).map((o) =>
      organisationView(o, lang),
    ),
    partnerOrganisations: lookupMany('organisations', doc.partnerOrganisations).map((o) =>
      organisationView(o, lang),
    ),
    periodStart: doc.periodStart ? zonedFromISO(String(doc.periodStart)) : null,
    periodEnd: doc.periodEnd ? zonedFromISO(String(doc.periodEnd)) : null,
    status: String(doc.status ?? 'planned'),
    milestones: ((doc.milestones ?? []) as Record<string, unknown>[]).map((milestone) => ({
      title: text(milestone.title, lang) ?? { value: '—', lang, fallback: true },
      due: milestone.due ? zonedFromISO(String(milestone.due)) : null,
      done: milestone.done === true,
      doneOn: milestone.doneOn ? zonedFromISO(String(milestone.doneOn)) : null,
    })),
    indicators,
    progress: actionProgress({
      indicators: indicators.map((indicator) => ({
        baseline: indicator.baseline,
        target: indicator.target,
        measurements: indicator.measurements.map((m) => ({
          date: m.date.toISO()!,
          value: m.value,
        })),
      })),
    }),
    evaluationNotes: text(doc.evaluationNotes, lang),
  }
}

// Computed once per language: each commune's page lists the actions and resources that name it,
// and 18 communes' pages made 200 action views each (0.4 s a language at 10,000 events).
export const actions = memoizedPerLocale((lang): ActionView[] =>
  docs('actions').map((doc) => actionView(doc, lang)),
)

const actionsBySlug = memoizedPerLocale(
  (lang) => new Map(actions(lang).map((view) => [view.slug, view])),
)

export const action = (slug: string, lang: LocaleCode): ActionView | null =>
  actionsBySlug(lang).get(slug) ?? null

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

export function resourceView(doc: RawDoc, lang: LocaleCode): ResourceView {
  const address = (doc.address ?? {}) as Record<string, unknown>
  const contact = (doc.contact ?? {}) as Record<string, unknown>
  return {
    slug: String(doc.slug),
    demo: doc.demo === true,
    title: text(doc.title, lang) ?? { value: String(doc.slug), lang, fallback: true },
    summary: text(doc.summary, lang),
    description: richText(doc.description, lang),
    type: String(doc.type ?? ''),
    communes: lookupMany('communes', doc.communes).map((c) => communeRef(c, lang)),
    languagesOffered: strings(doc.languagesOffered),
    address: {
      street: str(address.street),
      postcode: str(address.postcode),
      locality: str(address.locality),
    },
    contact: { email: str(contact.email), phone: str(contact.phone), url: str(contact.url) },
    openingHours: text(doc.openingHours, lang),
    lastReviewed: doc.lastReviewed ? zonedFromISO(String(doc.lastReviewed)) : null,
  }
}

export const resources = memoizedPerLocale((lang): ResourceView[] =>
  docs('resources').map((doc) => resourceView(doc, lang)),
)

const resourcesBySlug = memoizedPerLocale(
  (lang) => new Map(resources(lang).map((view) => [view.slug, view])),
)

export const resource = (slug: string, lang: LocaleCode): ResourceView | null =>
  resourcesBySlug(lang).get(slug) ?? null

export interface PageView {
  slug: string
  title: Text
  summary: Text | null
  sections: { heading: Text | null; body: RichText | null }[]
}

export function page(slug: string, lang: LocaleCode): PageView | null {
  const doc = bySlug('pages', slug)
  if (!doc) return null
  return {
    slug,
    title: text(doc.title, lang) ?? { value: slug, lang, fallback: true },
    summary: text(doc.summary, lang),
    sections: ((doc.layout ?? []) as Record<string, unknown>[])
      .filter((block) => block.blockType === 'text')
      .map((block) => ({ heading: text(block.heading, lang), body: richText(block.body, lang) })),
  }
}

export const pageSlugs = () => docs('pages').map((doc) => String(doc.slug))

/** Whether a CMS page with this slug is published (the frame of every page asks, for its links). */
const pageSlugSet = memoizedOnce(() => new Set(pageSlugs()))
export const hasPage = (slug: string) => pageSlugSet().has(slug)

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

/** An approved initiative: written in one language, its submitter's, shown as such. */
export function initiativeView(doc: RawDoc, lang: LocaleCode): InitiativeView {
  const written = isLocaleCode(doc.language) ? doc.language : defaultLocale
  const asWritten = (value: string): Text => ({ value, lang: written, fallback: written !== lang })
  const decisions = (Array.isArray(doc.decisions) ? doc.decisions : []) as { at?: string }[]
  const approvedAt = decisions.at(-1)?.at ?? (doc.updatedAt as string | undefined)
  return {
    slug: String(doc.slug),
    title: asWritten(String(doc.title ?? doc.slug)),
    description: String(doc.description ?? '')
      .split(/\n{2,}/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean)
      .map(asWritten),
    organisation: ((organisation) => (organisation ? organisationView(organisation, lang) : null))(
      lookup('organisations', doc.organisation as Ref),
    ),
    organisationName: str(doc.organisationName),
    communes: lookupMany('communes', doc.communes).map((c) => communeRef(c, lang)),
    targetGroups: lookupMany('target-groups', doc.targetGroups).map((g) => termView(g, lang)),
    languages: strings(doc.languages),
    needs: strings(doc.needs),
    image: imageView(doc.publicImage as Ref, lang),
    approvedAt: approvedAt ? zonedFromISO(approvedAt) : null,
  }
}

const isPublicInitiative = (doc: RawDoc) => doc.kind === 'initiative' && doc.status === 'approved'

/** Approved initiatives, newest first. */
export const initiatives = memoizedPerLocale((lang): InitiativeView[] =>
  docs('submissions')
    .filter(isPublicInitiative)
    .map((doc) => initiativeView(doc, lang))
    .sort((a, b) => (b.approvedAt?.toMillis() ?? 0) - (a.approvedAt?.toMillis() ?? 0)),
)

export const initiative = (slug: string, lang: LocaleCode): InitiativeView | null =>
  initiatives(lang).find((view) => view.slug === slug) ?? null

/** What the submission forms offer: current communes, target groups, organisations, languages. */
export function formChoices(lang: LocaleCode): FormChoices {
  const label = (text: Text) => ({ label: text.value, lang: text.fallback ? text.lang : undefined })
  const byLabel = (a: FormChoice, b: FormChoice) => a.label.localeCompare(b.label, lang)
  return {
    communes: currentCommunes(lang)
      .map((item) => ({ value: item.slug, ...label(item.name) }))
      .sort(byLabel),
    targetGroups: targetGroups(lang).map((item) => ({ value: item.slug, ...label(item.label) })),
    organisations: organisations(lang).map((item) => ({ value: item.slug, label: item.name })),
    languages: spokenLanguages
      .map((item) => ({ value: item.value, label: languageName(item.value, lang) }))
      .sort(byLabel),
  }
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

const figures = memoizedOnce((): PopulationFigure[] =>
  docs('population-figures').map((doc) => ({
    commune: ((commune) => (commune ? String(commune.slug) : null))(
      lookup('communes', doc.commune as Ref),
    ),
    period: String(doc.period),
    referenceDate: String(doc.referenceDate).slice(0, 10),
    group: doc.group as PopulationGroup,
    count: Number(doc.count),
    dataset: String(doc.sourceDataset),
    source: String(doc.sourceLabel),
  })),
)

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

function snapshotsOf(list: PopulationFigure[], combine: (figure: PopulationFigure) => string) {
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

/**
 * A commune's figures by dataset and date. A commune formed by a merger also shows the figures of
 * the communes it replaced, added up and marked as such, for the dates before the merger.
 */
export function populationOf(slug: string, lang: LocaleCode): PopulationSnapshot[] {
  const view = commune(slug, lang)
  const predecessors = new Set(view?.predecessors.map((p) => p.slug) ?? [])
  const own = figures().filter((figure) => figure.commune === slug)
  const ownKeys = new Set(own.map((figure) => `${figure.dataset}|${figure.referenceDate}`))
  const inherited = figures().filter(
    (figure) =>
      figure.commune !== null &&
      predecessors.has(figure.commune) &&
      !ownKeys.has(`${figure.dataset}|${figure.referenceDate}`),
  )
  return snapshotsOf([...own, ...inherited], (figure) =>
    figure.commune !== slug ? String(figure.commune) : '',
  )
}

/** Luxembourg as a whole, for comparison. */
export const nationalPopulation = (_lang: LocaleCode): PopulationSnapshot[] =>
  snapshotsOf(
    figures().filter((figure) => figure.commune === null),
    () => '',
  )

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

/** Communes with figures, for the region's inventory page. */
export const communesWithFigures = (lang: LocaleCode): CommuneView[] =>
  currentCommunes(lang).filter((view) => populationOf(view.slug, lang).length > 0)

/** Progress over several actions (a goal's, a commune's), by the rule of cms/domain/progress.ts. */
export function progressOf(list: readonly ActionView[]): AggregateProgress {
  return aggregateProgress(
    list.map((action) => ({
      id: action.slug,
      indicators: action.indicators.map(progressInput),
    })),
  )
}
