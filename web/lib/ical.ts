// Calendar files (RFC 5545) from the same EventView the pages render, through ical-generator;
// this module is only the glue. Times carry TZID=Europe/Luxembourg with a VTIMEZONE; DTSTAMP,
// LAST-MODIFIED and UNTIL are UTC.
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical, {
  foldLines,
  type ICalCalendar,
  ICalEvent,
  type ICalEventData,
  ICalEventStatus,
} from 'ical-generator'
import type { DateTime } from 'luxon'
import type { LocaleCode } from '../../locales/config'
import { calendarUid, escapeCalendarText } from '../../cms/domain/calendarText'
import { plainText } from '../../cms/domain/plainText'
import { PORTAL_TIME_ZONE, portalZone, zonedFromISO } from '../../cms/domain/dates'
import { addressLine, type EventView } from './content'
import { t } from '../../locales/i18n'
import { urls } from '../../cms/domain/urls'

const frequency = {
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  yearly: 'YEARLY',
} as const
const weekday: Record<string, string> = {
  MO: 'MO',
  TU: 'TU',
  WE: 'WE',
  TH: 'TH',
  FR: 'FR',
  SA: 'SA',
  SU: 'SU',
}

export interface CalendarOptions {
  lang: LocaleCode
  name: string
  site: URL
}

const vtimezones = new Map<string, string | null>()
/** The VTIMEZONE text of a zone, made once: every calendar file of a build writes the same. */
function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone) ?? null)
  return vtimezones.get(zone)!
}

/**
 * An empty calendar. Its own time zone stays unset on purpose: with one set, ical-generator 11
 * writes DTSTAMP, LAST-MODIFIED and UNTIL as floating local times, which RFC 5545 forbids. Each
 * event names its TZID instead, and the generator still adds the matching VTIMEZONE.
 */
export function calendar({ lang, name, site }: CalendarOptions): ICalCalendar {
  const result = ical({
    // ical-generator writes NAME and X-WR-CALNAME as given; they are TEXT (RFC 7986 5.1).
    name: escapeCalendarText(name),
    prodId: { company: 'Zesummen', product: 'Miselerland', language: lang.toUpperCase() },
    url: new URL(urls.home(lang), site).toString(),
    ttl: 6 * 60 * 60,
    timezone: { name: null, generator: vtimezone },
  })
  result.x('X-WR-TIMEZONE', PORTAL_TIME_ZONE)
  return result
}

function statusOf(status: string): ICalEventStatus {
  if (status === 'cancelled') return ICalEventStatus.CANCELLED
  if (status === 'postponed') return ICalEventStatus.TENTATIVE
  return ICalEventStatus.CONFIRMED
}

/** An all-day event ends the day after its last day (DTEND is exclusive for dates). */
function times(view: EventView, start: DateTime, end: DateTime) {
  return view.allDay
    ? { start: start.startOf('day'), end: end.startOf('day').plus({ days: 1 }), allDay: true }
    : { start, end, timezone: PORTAL_TIME_ZONE }
}

const localStamp = (value: DateTime) => value.setZone(portalZone).toFormat("yyyyMMdd'T'HHmmss")

/**
 * RRULE, EXDATE and RDATE lines. ical-generator has no RDATE, so the three are written here;
 * EXDATE and RDATE use the same TZID and wall time as DTSTART, UNTIL is UTC (RFC 5545 3.3.10).
 */
export function recurrenceLines(view: EventView): string {
  const rule = view.recurrence!
  const parts = [`FREQ=${frequency[rule.frequency!]}`]
  if ((rule.interval ?? 1) > 1) parts.push(`INTERVAL=${rule.interval}`)
  if (rule.byWeekday?.length)
    parts.push(`BYDAY=${rule.byWeekday.map((day) => weekday[day]).join(',')}`)
  if (rule.until) {
    const last = zonedFromISO(rule.until).endOf('day').toUTC()
    parts.push(
      `UNTIL=${view.allDay ? last.setZone(portalZone).toFormat('yyyyMMdd') : `${last.toFormat("yyyyMMdd'T'HHmmss")}Z`}`,
    )
  }
  if (rule.count) parts.push(`COUNT=${rule.count}`)
  const lines = [`RRULE:${parts.join(';')}`]
  const wallTime = { hour: view.start.hour, minute: view.start.minute, second: 0 }
  const dateValue = (value: DateTime) =>
    view.allDay ? value.setZone(portalZone).toFormat('yyyyMMdd') : localStamp(value)
  const property = (name: string) =>
    view.allDay ? `${name};VALUE=DATE` : `${name};TZID=${PORTAL_TIME_ZONE}`
  const skipped = (rule.exdates ?? [])
    .filter((entry) => entry.date)
    .map((entry) => dateValue(zonedFromISO(entry.date!).set(wallTime)))
  if (skipped.length) lines.push(`${property('EXDATE')}:${skipped.join(',')}`)
  const extra = (rule.rdates ?? [])
    .filter((entry) => entry.start)
    .map((entry) => dateValue(zonedFromISO(entry.start!)))
  if (extra.length) lines.push(`${property('RDATE')}:${extra.join(',')}`)
  return lines.join('\r\n')
}

type TaggedProperty = 'SUMMARY' | 'DESCRIPTION' | 'LOCATION'

/**
 * An event whose text properties name their language (RFC 5545 LANGUAGE parameter), so a
 * Portuguese feed says which title is shown in French. ical-generator has no option for it; its
 * event text is unfolded (folding happens once for the whole calendar), so each property is the
 * first line that starts with its name.
 */
class LanguageTaggedEvent extends ICalEvent {
  constructor(
    data: ICalEventData,
    calendar: ICalCalendar,
    private readonly languages: Partial<Record<TaggedProperty, LocaleCode>>,
  ) {
    super(data, calendar)
  }

  override toString(): string {
    let text = super.toString()
    for (const [property, language] of Object.entries(this.languages)) {
      text = text.replace(new RegExp(`^${property}:`, 'm'), `${property};LANGUAGE=${language}:`)
    }
    return text
  }
}

/** Adds an event with its recurrence, skipped dates and changed occurrences. */
export function addEvent(target: ICalCalendar, view: EventView, lang: LocaleCode, site: URL) {
  const url = new URL(urls.event(lang, view.slug), site).toString()
  const title = plainText(view.title.value)
  const summary = view.demo ? `${t(lang, 'demo.badge')}: ${title}` : title
  const credit = view.credit
    ? [t(lang, 'event.fromCalendar'), view.credit.name, view.credit.url].filter(Boolean).join(' ')
    : null
  const description = plainText(
    [view.summary?.value, view.statusReason?.value, credit, url].filter(Boolean).join('\n\n'),
  )
  const updated = zonedFromISO(view.updatedAt).toUTC()
  const address = view.venue
    ? plainText(
        [addressLine(view.venue.address), view.venue.commune?.name.value]
          .filter(Boolean)
          .join(', '),
      )
    : ''
  const location = view.venue
    ? {
        title: plainText(view.venue.name.value),
        address: address || undefined,
        ...(view.venue.coordinates
          ? { geo: { lat: view.venue.coordinates.latitude, lon: view.venue.coordinates.longitude } }
          : {}),
      }
    : view.onlineUrl
  const common = {
    id: calendarUid(view.uid),
    sequence: view.sequence,
    stamp: updated,
    lastModified: updated,
    summary,
    description,
    url,
    ...(location ? { location } : {}),
    ...(view.organiser?.contact.email
      ? {
          organizer: {
            name: plainText(view.organiser.name),
            email: view.organiser.contact.email,
          },
        }
      : {}),
  }
  const languages = {
    SUMMARY: view.title.lang,
    DESCRIPTION: (view.summary ?? view.title).lang,
    ...(view.venue ? { LOCATION: view.venue.name.lang } : {}),
  }
  const add = (data: ICalEventData, tags = languages) =>
    target.createEvent(new LanguageTaggedEvent(data, target, tags))
  const rule = view.recurrence
  const changed = view.occurrences.filter((occurrence) => occurrence.status !== 'scheduled')
  add({
    ...common,
    ...times(view, view.start, view.end),
    status: statusOf(view.status),
    ...(rule?.frequency ? { repeating: recurrenceLines(view) } : {}),
  })
  // A moved or cancelled single date: an override with the same UID and RECURRENCE-ID.
  for (const occurrence of changed) {
    add(
      {
        ...common,
        ...times(view, occurrence.start, occurrence.end),
        recurrenceId: occurrence.plannedStart,
        ...(view.allDay ? {} : { timezone: PORTAL_TIME_ZONE }),
        status:
          occurrence.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        description: [occurrence.reason?.value && plainText(occurrence.reason.value), description]
          .filter(Boolean)
          .join('\n\n'),
      },
      { ...languages, DESCRIPTION: (occurrence.reason ?? view.summary ?? view.title).lang },
    )
  }
}

/** The file text. RFC 5545 ends every content line with CRLF, the last one too. */
export function calendarText(target: ICalCalendar): string {
  const text = target.toString()
  return text.endsWith('\r\n') ? text : `${text}\r\n`
}

// A build writes each event into about five files per language (its own, the all-events feed and
// the feeds of its commune, category and target groups). Its lines are made once per language
// and site; a file is its calendar's head, the events' lines and the tail. Folding is per line,
// so folded parts join into the same text the whole calendar would fold into.
const eventLines = new WeakMap<EventView, Map<string, string>>()

/** The folded VEVENT lines of an event (with its changed occurrences), made once. */
export function eventText(view: EventView, lang: LocaleCode, site: URL): string {
  const key = `${lang}|${site.origin}`
  let byKey = eventLines.get(view)
  if (!byKey) {
    byKey = new Map()
    eventLines.set(view, byKey)
  }
  let text = byKey.get(key)
  if (text === undefined) {
    const scratch = calendar({ lang, name: '', site })
    addEvent(scratch, view, lang, site)
    text = foldLines(
      scratch
        .events()
        .map((event) => event.toString())
        .join(''),
    )
    byKey.set(key, text)
  }
  return text
}

/** Stands for the calendar's name in a frame made once (see calendarFile). */
const NAME_MARK = 'zesummen-calendar-name-mark'

/**
 * The text around the events of a calendar file, by everything it depends on but the name: the
 * head in pieces split where the name goes, each with the start of the name's line (to fold it
 * whole), and the tail.
 */
interface Frame {
  pieces: { text: string; linePrefix: string | null }[]
  tail: string
}
const frames = new Map<string, Frame>()

function frameOf({ lang, name, site }: CalendarOptions, zoned: boolean): Frame {
  const named = name !== ''
  const key = `${lang}|${site.href}|${zoned}|${named}`
  let found = frames.get(key)
  if (!found) {
    const frame = calendar({ lang, name: named ? NAME_MARK : '', site })
    // The head holds a VTIMEZONE when an event has a time zone: a placeholder event, zoned like
    // the real ones, marks where events go and gives the head the same VTIMEZONE.
    frame.createEvent({
      id: 'placeholder',
      start: new Date(0),
      ...(zoned ? { timezone: PORTAL_TIME_ZONE } : { allDay: true }),
    })
    const whole = calendarText(frame)
    const head = whole.slice(0, whole.indexOf('BEGIN:VEVENT\r\n'))
    const split = head.split(NAME_MARK)
    found = {
      pieces: split.map((piece, index) => {
        if (index === split.length - 1) return { text: piece, linePrefix: null }
        const lineStart = piece.lastIndexOf('\r\n') + 2
        return { text: piece.slice(0, lineStart), linePrefix: piece.slice(lineStart) }
      }),
      tail: whole.slice(whole.indexOf('END:VEVENT\r\n') + 'END:VEVENT\r\n'.length),
    }
    frames.set(key, found)
  }
  return found
}

/**
 * A calendar file holding these events, from their lines made once (see eventText) and a frame
 * made once per language and site: ical-generator writes the name as it is given (NAME and
 * X-WR-CALNAME), so the name's lines are the frame's with the name in the mark's place, folded.
 * The texts of a build's 50,000 add-to-calendar files took 3.4–3.7 s with a frame made for each,
 * 2.4 s with this (measured alone, the events' lines included).
 */
export function calendarFile(options: CalendarOptions, views: readonly EventView[]): string {
  const frame = frameOf(
    options,
    views.some((view) => !view.allDay),
  )
  let head = ''
  for (const piece of frame.pieces) {
    head += piece.text
    if (piece.linePrefix !== null)
      head += foldLines(piece.linePrefix + escapeCalendarText(options.name))
  }
  return (
    head + views.map((view) => eventText(view, options.lang, options.site)).join('') + frame.tail
  )
}
