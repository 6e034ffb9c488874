// Events from the calendars communes and associations already keep: an iCalendar file (read by
// ical.js, never by hand) becomes the portal's events, one per source UID. What the portal's
// recurrence model cannot say exactly is expanded into extra dates or skipped with a reason,
// never imported wrong; every text comes out as plain text.
import { createHash } from 'node:crypto'
import ICAL from 'ical.js'
import { DateTime, IANAZone } from 'luxon'
import { isLocaleCode, type LocaleCode } from '../../locales/config'
import { localDayOfInstant, PORTAL_TIME_ZONE } from './dates'
import { plainLine, plainText } from './plainText'
import {
  expandInstants,
  RECURRENCE_LIMITS,
  recurrenceProblems,
  weekdays,
  type Frequency,
  type RecurrenceRule,
  type Weekday,
} from './recurrence'
import { ianaOfWindowsZone } from './windowsZones'

/** Limits of the portal's events (cms/collections/Events.ts) that imported ones must keep. */
export const IMPORT_LIMITS = {
  titleLength: 160,
  locationLength: 200,
  descriptionLength: 10_000,
  maxEventDays: 31,
  /** Extra dates and changed occurrences an event holds (the Events arrays' maxRows). */
  maxDates: 200,
  /** Rules without an end, and expanded ones, reach this far around the import. */
  horizonMonths: 12,
  /** Dates outside these years are typing errors (0000, 9999), not events. */
  firstYear: 1900,
  lastYear: 2199,
} as const

export interface ImportedText {
  title: string
  description: string
}

export interface ImportedOverride {
  occurrenceDate: string
  status: 'cancelled' | 'rescheduled'
  newStart: string | null
  newEnd: string | null
}

/** One event of the source, in the shape of the portal's events. */
export interface ImportedEvent {
  uid: string
  sequence: number
  lastModified: string | null
  sourceLanguage: LocaleCode
  texts: Partial<Record<LocaleCode, ImportedText>>
  start: string
  end: string
  allDay: boolean
  recurrence: RecurrenceRule
  overrides: ImportedOverride[]
  status: 'scheduled' | 'cancelled'
  url: string | null
  location: string | null
  /** GEO, when the source gives valid coordinates. */
  geo: { latitude: number; longitude: number } | null
  /** The source's CATEGORIES words, lower case. */
  categories: string[]
  /** A digest of everything above but UID, sequence and last-modified: equal means unchanged. */
  hash: string
}

export interface ParsedCalendar {
  events: ImportedEvent[]
  /** Why events were left out, one sentence each. */
  skipped: string[]
}

export interface ParseOptions {
  /** Language of texts without a LANGUAGE parameter. */
  language: LocaleCode
  /** The moment of the import: bounds open-ended and expanded rules. */
  now: Date
}

/** The whole file is unusable: nothing is imported and the source records this message. */
export class CalendarFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CalendarFormatError'
  }
}

/** One event cannot be imported faithfully; the message says why. */
class SkipEvent extends Error {}

const WHOLE_TAG =
  /<\s*(script|style|head|title)\b[^>]*>[\s\S]*?<\s*\/\s*\1\s*>|<!--[\s\S]*?(-->|$)/gi
const BREAK_TAG = /<\s*(br|\/p|\/div|\/li|\/tr|\/h[1-6])\b[^>]*>/gi
const ANY_TAG = /<\/?[a-z!?][^>]*>/gi
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : +name.slice(1)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

/**
 * Text of a property as people should read it: Google writes HTML into DESCRIPTION, others may
 * send markup on purpose. Scripts and styles go with their content, line-ending tags become line
 * ends, other tags go; entities are decoded and the result stripped again, so markup hidden as
 * entities (&lt;script&gt;) does not come back.
 */
export function htmlToText(value: string): string {
  let text = value
  for (let pass = 0; pass < 3; pass += 1) {
    const next = decodeEntities(
      text.replace(WHOLE_TAG, '').replace(BREAK_TAG, '\n').replace(ANY_TAG, ''),
    )
    if (next === text) break
    text = next
  }
  return plainText(text.replace(ANY_TAG, ''))
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** The IANA zone a TZID names: an IANA name, a Windows one, or Mozilla's prefixed form. */
export function ianaZoneOf(tzid: string): string | null {
  const windows = ianaOfWindowsZone(tzid)
  if (windows) return windows
  const name = tzid.replace(/^\/?mozilla\.org\/[^/]+\//, '').replace(/^\//, '')
  return IANAZone.isValidZone(name) ? name : null
}

interface Context {
  options: ParseOptions
  /** Where floating times are: X-WR-TIMEZONE when the file names one, else Luxembourg. */
  floatingZone: string
}

function wallInstant(time: ICAL.Time, zone: string): number {
  const { year, month, day, hour, minute, second } = time
  const zoned = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone })
  if (!zoned.isValid) throw new SkipEvent(`its time ${time.toString()} does not exist`)
  return zoned.toMillis()
}

/**
 * The instant of a DATE-TIME whose property had the TZID `tzid` (ical.js forgets a TZID the file
 * does not define); a DATE is midnight in Luxembourg, as the portal stores days.
 */
function instantOf(time: ICAL.Time, tzid: string | null, context: Context): number {
  if (time.isDate) return wallInstant(time, PORTAL_TIME_ZONE)
  const zone = time.zone
  if (zone?.tzid === 'UTC') return time.toUnixTime() * 1000
  if (!tzid) return wallInstant(time, context.floatingZone)
  const iana = ianaZoneOf(tzid)
  if (iana) return wallInstant(time, iana)
  // A zone only the file's own VTIMEZONE defines: ical.js applies its rules.
  if (zone && zone.tzid === tzid && zone.component) return time.toUnixTime() * 1000
  throw new SkipEvent(`its time zone "${tzid}" is neither defined in the file nor known`)
}

function tzidOf(property: ICAL.Property | null): string | null {
  const tzid = property?.getParameter('tzid')
  return typeof tzid === 'string' && tzid ? tzid : null
}

/** The instant of a date property of the component (DTSTART, DTEND, LAST-MODIFIED…). */
function propertyInstant(component: ICAL.Component, name: string, context: Context): number {
  const property = component.getFirstProperty(name)!
  return instantOf(property.getFirstValue() as ICAL.Time, tzidOf(property), context)
}

/** Every instant of a list property (EXDATE, RDATE), each with its own TZID. */
function listInstants(component: ICAL.Component, name: string, context: Context): number[] {
  return component.getAllProperties(name).flatMap((property) =>
    property
      .getValues()
      .filter((value): value is ICAL.Time => value instanceof ICAL.Time)
      .map((time) => instantOf(time, tzidOf(property), context)),
  )
}

const iso = (instant: number) => new Date(instant).toISOString()
/** A calendar day as the portal stores one in lists of days: noon in Luxembourg. */
const dayValue = (instant: number) =>
  DateTime.fromISO(localDayOfInstant(instant), { zone: PORTAL_TIME_ZONE })
    .set({ hour: 12 })
    .toUTC()
    .toISO()!

function localeOf(property: ICAL.Property, fallback: LocaleCode): LocaleCode | null {
  const given = property.getParameter('language')
  if (typeof given !== 'string' || !given) return fallback
  const code = given.toLowerCase().split(/[-_]/)[0]!
  const normalised = code === 'ltz' ? 'lb' : code
  return isLocaleCode(normalised) ? normalised : null
}

/** Values of a text property by language; one in another language than the five is dropped. */
function textsByLocale(
  component: ICAL.Component,
  name: string,
  fallback: LocaleCode,
): Map<LocaleCode, string> {
  const texts = new Map<LocaleCode, string>()
  for (const property of component.getAllProperties(name)) {
    const locale = localeOf(property, fallback)
    const value = property.getFirstValue()
    if (locale && !texts.has(locale) && typeof value === 'string') texts.set(locale, value)
  }
  return texts
}

function eventTexts(component: ICAL.Component, language: LocaleCode) {
  const titles = textsByLocale(component, 'summary', language)
  const descriptions = textsByLocale(component, 'description', language)
  const texts: Partial<Record<LocaleCode, ImportedText>> = {}
  for (const [locale, raw] of titles) {
    const title = plainLine(htmlToText(raw)).slice(0, IMPORT_LIMITS.titleLength).trim()
    if (!title) continue
    const description = htmlToText(descriptions.get(locale) ?? '').slice(
      0,
      IMPORT_LIMITS.descriptionLength,
    )
    texts[locale] = { title, description }
  }
  const found = Object.keys(texts) as LocaleCode[]
  if (found.length === 0) throw new SkipEvent('it has no title (SUMMARY)')
  return { texts, sourceLanguage: found.includes(language) ? language : found[0]! }
}

function webAddress(value: unknown): string | null {
  if (typeof value !== 'string') return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null
  } catch {
    return null
  }
}

/** GEO as WGS 84 coordinates, or null when missing or out of range (never a guess). */
function geoOf(component: ICAL.Component): ImportedEvent['geo'] {
  const value = component.getFirstPropertyValue('geo') as unknown
  if (!Array.isArray(value) || value.length !== 2) return null
  const [latitude, longitude] = value.map(Number) as [number, number]
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null
  return { latitude, longitude }
}

function categoryWords(component: ICAL.Component): string[] {
  const words = component
    .getAllProperties('categories')
    .flatMap((property) => property.getValues())
    .map((value) => plainLine(htmlToText(String(value))).toLowerCase())
    .filter(Boolean)
  return [...new Set(words)]
}

interface Span {
  start: number
  end: number
  allDay: boolean
}

/** Start and end; an all-day end is its last day (DTEND is the day after, RFC 5545 3.6.1). */
function spanOf(component: ICAL.Component, context: Context): Span {
  const event = new ICAL.Event(component)
  const startTime = event.startDate
  if (!startTime) throw new SkipEvent('it has no start (DTSTART)')
  const allDay = startTime.isDate
  const hasEnd = component.hasProperty('dtend') || component.hasProperty('duration')
  if (!hasEnd && !allDay) throw new SkipEvent('it has no end (DTEND or DURATION)')
  const startZone = tzidOf(component.getFirstProperty('dtstart'))
  // A DURATION counts from DTSTART, in its zone.
  const endZone = tzidOf(component.getFirstProperty('dtend')) ?? startZone
  const start = instantOf(startTime, startZone, context)
  if (allDay) {
    const endDay = hasEnd ? event.endDate.clone() : startTime.clone()
    if (hasEnd) endDay.adjust(-1, 0, 0, 0)
    const end = Math.max(start, instantOf(endDay, null, context))
    return checkedLength({ start, end, allDay })
  }
  const end = instantOf(event.endDate, endZone, context)
  if (end <= start) throw new SkipEvent('it ends before it starts')
  return checkedLength({ start, end, allDay })
}

/** Longer things are series or actions on the portal (MAX_EVENT_DAYS in Events). */
function checkedLength(span: Span): Span {
  if (span.end - span.start > IMPORT_LIMITS.maxEventDays * 86_400_000) {
    throw new SkipEvent(`it lasts more than ${IMPORT_LIMITS.maxEventDays} days`)
  }
  return span
}

const frequencyOf: Record<string, Frequency> = {
  DAILY: 'daily',
  WEEKLY: 'weekly',
  MONTHLY: 'monthly',
  YEARLY: 'yearly',
}

/** The RRULE as the portal's rule, or null when it says something the portal cannot. */
function representableRule(recur: ICAL.Recur, context: Context): RecurrenceRule | null {
  const frequency = recur.freq ? frequencyOf[recur.freq] : undefined
  if (!frequency) return null
  const parts = Object.keys(recur.parts ?? {})
  const byDay = (recur.parts?.BYDAY ?? []) as string[]
  if (parts.some((part) => part !== 'BYDAY')) return null
  if (byDay.length > 0 && (frequency !== 'weekly' || byDay.some((day) => !isWeekday(day))))
    return null
  return {
    frequency,
    interval: recur.interval ?? 1,
    byWeekday: byDay as Weekday[],
    // UNTIL is UTC or a date when DTSTART has a zone (RFC 5545 3.3.10), else floating.
    until: recur.until ? dayValue(instantOf(recur.until, null, context)) : null,
    count: recur.count ?? null,
  }
}

const isWeekday = (value: string): value is Weekday =>
  (weekdays as readonly string[]).includes(value)

function horizon(now: Date): { from: number; to: number } {
  const moment = DateTime.fromJSDate(now, { zone: PORTAL_TIME_ZONE })
  return {
    from: moment.minus({ months: IMPORT_LIMITS.horizonMonths }).toMillis(),
    to: moment.plus({ months: IMPORT_LIMITS.horizonMonths }).toMillis(),
  }
}

/**
 * An open rule ends where the portal's own rules may (5 years, 500 dates) and no later than the
 * import's horizon; a rule reaching further is cut at the portal's limits.
 */
function boundedRule(rule: RecurrenceRule, start: number, now: Date): RecurrenceRule {
  const first = DateTime.fromMillis(start, { zone: PORTAL_TIME_ZONE })
  const latest = first.plus({ years: RECURRENCE_LIMITS.maxYears }).minus({ days: 1 }).toMillis()
  const bounded = { ...rule }
  if (!bounded.until && !bounded.count) {
    bounded.until = dayValue(Math.max(start, Math.min(horizon(now).to, latest)))
  } else if (bounded.until && Date.parse(bounded.until) > latest) {
    bounded.until = dayValue(latest)
  }
  const startIso = iso(start)
  if (recurrenceProblems(bounded, startIso).some((p) => p.key === 'recurrenceTooMany')) {
    return { ...bounded, until: null, count: RECURRENCE_LIMITS.maxOccurrences }
  }
  return bounded
}

/** Each start the source's own rules give (RRULE, RDATE, EXDATE), at most `limit`, up to `last`. */
function sourceInstants(
  component: ICAL.Component,
  context: Context,
  limit: number,
  last: number,
): number[] {
  const iterator = new ICAL.Event(component).iterator()
  const zone = tzidOf(component.getFirstProperty('dtstart'))
  const instants: number[] = []
  // Dates before the window are passed over but still cost a step; a bound keeps that finite.
  for (let step = 0, next = iterator.next(); next && step < 20_000; step += 1) {
    const instant = instantOf(next, zone, context)
    if (instant > last || instants.length >= limit) break
    instants.push(instant)
    next = iterator.next()
  }
  return instants
}

function sameDates(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index])
}

/**
 * The portal's rule for a recurring event: the RRULE itself when the portal gives exactly the
 * source's dates, else the source's dates within the horizon as extra dates.
 */
function recurrenceOf(
  component: ICAL.Component,
  span: Span,
  context: Context,
): { start: number; rule: RecurrenceRule } {
  const rrules = component.getAllProperties('rrule')
  const rdates = component.getAllProperties('rdate')
  if (rrules.length === 0 && rdates.length === 0) return { start: span.start, rule: {} }
  const exdates = listInstants(component, 'exdate', context).map((instant) => ({
    date: dayValue(instant),
  }))
  const extra = listInstants(component, 'rdate', context).map((instant) => ({
    start: iso(instant),
  }))

  const recur = rrules.length === 1 ? (rrules[0]!.getFirstValue() as ICAL.Recur) : null
  const simple = recur ? representableRule(recur, context) : null
  if (
    simple &&
    extra.length <= IMPORT_LIMITS.maxDates &&
    exdates.length <= IMPORT_LIMITS.maxDates
  ) {
    const rule = { ...boundedRule(simple, span.start, context.options.now), exdates, rdates: extra }
    const startIso = iso(span.start)
    if (recurrenceProblems(rule, startIso).length === 0) {
      const portal = expandInstants(rule, startIso).map((entry) => entry.instant)
      const source = sourceInstants(component, context, portal.length, portal.at(-1)!)
      if (sameDates(portal, source)) return { start: span.start, rule }
    }
  }
  return expandedDates(component, context)
}

function expandedDates(component: ICAL.Component, context: Context) {
  const { from, to } = horizon(context.options.now)
  const dates = sourceInstants(component, context, Number.POSITIVE_INFINITY, to)
    .filter((instant) => instant >= from)
    .slice(0, IMPORT_LIMITS.maxDates + 1)
  if (dates.length === 0) {
    throw new SkipEvent(
      `none of its dates falls within ${IMPORT_LIMITS.horizonMonths} months of the import`,
    )
  }
  const [first, ...rest] = dates
  return { start: first!, rule: { rdates: rest.map((instant) => ({ start: iso(instant) })) } }
}

/** RECURRENCE-ID components: a cancelled or moved single date of the series. */
function overridesOf(exceptions: ICAL.Component[], span: Span, context: Context) {
  const overrides: ImportedOverride[] = []
  for (const exception of exceptions.slice(0, IMPORT_LIMITS.maxDates)) {
    const original = propertyInstant(exception, 'recurrence-id', context)
    const occurrenceDate = dayValue(original)
    if (String(exception.getFirstPropertyValue('status')).toUpperCase() === 'CANCELLED') {
      overrides.push({ occurrenceDate, status: 'cancelled', newStart: null, newEnd: null })
      continue
    }
    const moved = spanOf(exception, context)
    if (moved.start !== original || moved.end - moved.start !== span.end - span.start) {
      overrides.push({
        occurrenceDate,
        status: 'rescheduled',
        newStart: iso(moved.start),
        newEnd: iso(moved.end),
      })
    }
  }
  return overrides
}

const DATE_PROPERTIES = ['dtstart', 'dtend', 'recurrence-id', 'exdate', 'rdate'] as const
const RAW_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:Z)?)?$/

/** A date as the file wrote it is a real one ("2030-02-31" is not) within plausible years. */
function checkRawDate(raw: string, property: string): void {
  const parts = RAW_DATE.exec(raw)
  const [year, month, day, hour = 0, minute = 0, second = 0] = (parts?.slice(1) ?? []).map(
    (part) => (part === undefined ? undefined : Number(part)),
  ) as number[]
  const real =
    parts !== null &&
    DateTime.fromObject(
      { year, month, day, hour, minute, second: Math.min(second!, 59) },
      { zone: 'UTC' },
    ).isValid
  const name = property.toUpperCase()
  if (!real) throw new SkipEvent(`its ${name} “${raw}” is not a real date`)
  if (year! < IMPORT_LIMITS.firstYear || year! > IMPORT_LIMITS.lastYear) {
    throw new SkipEvent(
      `its ${name} ${year} is outside the years ${IMPORT_LIMITS.firstYear}–${IMPORT_LIMITS.lastYear}`,
    )
  }
}

/**
 * ical.js rolls impossible dates over (13th month, 31 February, hour 25) into other real ones;
 * the raw values are checked first so that such an event is skipped, not imported on a wrong day.
 */
function checkDates(component: ICAL.Component): void {
  for (const name of DATE_PROPERTIES) {
    for (const property of component.getAllProperties(name)) {
      for (const value of property.jCal.slice(3).flat()) {
        if (typeof value === 'string') checkRawDate(value, name)
      }
    }
  }
}

/** What the event says, without its identity and version: equal digests, nothing to write. */
function digest(event: Omit<ImportedEvent, 'hash'>): string {
  const content = { ...event, uid: undefined, sequence: undefined, lastModified: undefined }
  return createHash('sha256').update(JSON.stringify(content)).digest('hex')
}

function mapEvent(
  master: ICAL.Component,
  exceptions: ICAL.Component[],
  context: Context,
): ImportedEvent {
  for (const component of [master, ...exceptions]) checkDates(component)
  const span = spanOf(master, context)
  const { start, rule } = recurrenceOf(master, span, context)
  const { texts, sourceLanguage } = eventTexts(master, context.options.language)
  const location = master.getFirstPropertyValue('location')
  const status = String(master.getFirstPropertyValue('status') ?? '').toUpperCase()
  const event: Omit<ImportedEvent, 'hash'> = {
    uid: String(master.getFirstPropertyValue('uid')),
    sequence: Number(master.getFirstPropertyValue('sequence') ?? 0) || 0,
    lastModified: master.hasProperty('last-modified')
      ? iso(propertyInstant(master, 'last-modified', context))
      : null,
    sourceLanguage,
    texts,
    start: iso(start),
    end: iso(start + (span.end - span.start)),
    allDay: span.allDay,
    recurrence: rule,
    overrides: overridesOf(exceptions, span, context),
    status: status === 'CANCELLED' ? 'cancelled' : 'scheduled',
    url: webAddress(master.getFirstPropertyValue('url')),
    location:
      typeof location === 'string'
        ? plainLine(htmlToText(location)).slice(0, IMPORT_LIMITS.locationLength) || null
        : null,
    geo: geoOf(master),
    categories: categoryWords(master),
  }
  return { ...event, hash: digest(event) }
}

function readCalendar(text: string): ICAL.Component {
  const body = text.replace(/^\uFEFF/, '').trimStart()
  if (!/^BEGIN:VCALENDAR/i.test(body)) {
    const looksLikeHtml = /^<(!doctype|html|head|body|\?xml)/i.test(body) || body.startsWith('<')
    throw new CalendarFormatError(
      looksLikeHtml
        ? 'The address gives a web page, not a calendar: use the calendar’s iCalendar (.ics) export link.'
        : 'The file is not an iCalendar file: it does not start with BEGIN:VCALENDAR.',
    )
  }
  try {
    return new ICAL.Component(ICAL.parse(body))
  } catch (error) {
    throw new CalendarFormatError(
      `The calendar file is broken and was not imported: ${(error as Error).message}`,
    )
  }
}

function floatingZoneOf(calendar: ICAL.Component): string {
  const named = calendar.getFirstPropertyValue('x-wr-timezone')
  return (typeof named === 'string' && ianaZoneOf(named)) || PORTAL_TIME_ZONE
}

/** The events of an iCalendar file; throws CalendarFormatError when the file is unusable. */
export function parseCalendar(text: string, options: ParseOptions): ParsedCalendar {
  const calendar = readCalendar(text)
  const context: Context = { options, floatingZone: floatingZoneOf(calendar) }
  const masters = new Map<string, ICAL.Component>()
  const exceptions = new Map<string, ICAL.Component[]>()
  const skipped: string[] = []
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const uid = component.getFirstPropertyValue('uid')
    const title = plainLine(htmlToText(String(component.getFirstPropertyValue('summary') ?? '')))
    if (typeof uid !== 'string' || !uid.trim()) {
      skipped.push(`“${title || 'An event'}” has no UID and was skipped.`)
    } else if (component.hasProperty('recurrence-id')) {
      exceptions.set(uid, [...(exceptions.get(uid) ?? []), component])
    } else if (masters.has(uid)) {
      skipped.push(`“${title}” (UID ${uid}) appears again in the file; the first one is imported.`)
    } else {
      masters.set(uid, component)
    }
  }
  const events: ImportedEvent[] = []
  for (const [uid, master] of masters) {
    try {
      events.push(mapEvent(master, exceptions.get(uid) ?? [], context))
    } catch (error) {
      // ical.js reads values when asked: a value it cannot read throws there, for this event only.
      const reason =
        error instanceof SkipEvent
          ? error.message
          : `its data could not be read (${(error as Error).message})`
      const title = plainLine(htmlToText(String(master.getFirstProperty('summary')?.jCal[3] ?? '')))
      skipped.push(`“${title || uid}” (UID ${uid}) was skipped: ${reason}.`)
    }
  }
  return { events, skipped }
}

/** The status reason written in the event's language when the source cancels or drops it. */
export const importStatusReasons: Record<'cancelled' | 'removed', Record<LocaleCode, string>> = {
  cancelled: {
    lb: 'Am Kalenner vun der Quell ofgesot.',
    fr: 'Annulé dans le calendrier d’origine.',
    de: 'Im Ursprungskalender abgesagt.',
    pt: 'Cancelado no calendário de origem.',
    en: 'Cancelled in the source calendar.',
  },
  removed: {
    lb: 'Net méi am Kalenner vun der Quell.',
    fr: 'Retiré du calendrier d’origine.',
    de: 'Aus dem Ursprungskalender entfernt.',
    pt: 'Retirado do calendário de origem.',
    en: 'Removed from the source calendar.',
  },
}

const HOUR_MS = 60 * 60 * 1000

/** After a failed fetch the source waits 1 h, then 2 h, 4 h… and at most a day. */
export function retryDelayMs(failures: number): number {
  return Math.min(2 ** Math.max(0, failures - 1), 24) * HOUR_MS
}
