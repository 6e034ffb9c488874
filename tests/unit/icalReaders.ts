// Reads a calendar file back with Mozilla's ical.js (its own VTIMEZONE, RRULE, EXDATE, RDATE and
// RECURRENCE-ID overrides related by UID): the occurrences of each event, as tests compare them.
import ICAL from 'ical.js'
import { DateTime } from 'luxon'

const ZONE = 'Europe/Luxembourg'

/** An occurrence as compared: its start in UTC, and whether it is cancelled. */
export type Seen = [start: string, cancelled: boolean]
export type ByUid = Record<string, Seen[]>

export const utc = (value: DateTime) => value.toUTC().toISO({ suppressMilliseconds: true })!

export function icalJsOccurrences(text: string): ByUid {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone)
  }
  const masters = new Map<string, ICAL.Event>()
  // Without `exceptions`, ical.js relates every RECURRENCE-ID event of the calendar to the new
  // event, whatever its UID: relate them here, by UID.
  const events = calendar
    .getAllSubcomponents('vevent')
    .map((vevent) => new ICAL.Event(vevent, { exceptions: [], strictExceptions: true }))
  for (const event of events) if (!event.isRecurrenceException()) masters.set(event.uid, event)
  for (const event of events) {
    if (event.isRecurrenceException()) masters.get(event.uid)!.relateException(event)
  }
  const startOf = (time: ICAL.Time) =>
    time.isDate
      ? utc(
          DateTime.fromObject(
            { year: time.year, month: time.month, day: time.day },
            { zone: ZONE },
          ),
        )
      : utc(DateTime.fromMillis(time.toUnixTime() * 1000))
  const result: ByUid = {}
  for (const [uid, event] of masters) {
    const seen: Seen[] = []
    const iterator = event.iterator()
    // A bound against a rule that never ends; the portal's own limit is far below it.
    for (let next = iterator.next(); next && seen.length < 5000; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next)
      const cancelled = details.item.component.getFirstPropertyValue('status') === 'CANCELLED'
      seen.push([startOf(details.startDate), cancelled && details.item !== event])
    }
    result[uid] = seen.sort((a, b) => a[0].localeCompare(b[0]))
  }
  return result
}
