// Reads a calendar file back with two independent readers: Mozilla's ical.js (its own VTIMEZONE,
// RRULE, EXDATE, RDATE and RECURRENCE-ID overrides related by UID) and Python's icalendar with
// dateutil's rrule (the system's zoneinfo): the occurrences of each event, as tests compare them.
import { spawnSync } from 'node:child_process'
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

// Expands each VEVENT's RRULE with dateutil in Luxembourg wall time (RFC 5545 3.3.10: the rule
// repeats the local time of DTSTART), then applies EXDATE, RDATE and the RECURRENCE-ID overrides.
const pythonExpander = `
import sys, json
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo
from dateutil.rrule import rrulestr, rruleset
from icalendar import Calendar

zone = ZoneInfo("Europe/Luxembourg")

def wall(value):
    if isinstance(value, datetime):
        return value.astimezone(zone).replace(tzinfo=None) if value.tzinfo else value
    return datetime.combine(value, time())

def values(prop):
    if prop is None: return []
    props = prop if isinstance(prop, list) else [prop]
    return [wall(d.dt) for p in props for d in p.dts]

def iso(local):
    return local.replace(tzinfo=zone).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

cal = Calendar.from_ical(sys.stdin.buffer.read())
masters, moved = {}, {}
for e in cal.walk("VEVENT"):
    uid = str(e.get("UID"))
    if e.get("RECURRENCE-ID") is not None:
        moved.setdefault(uid, {})[wall(e.get("RECURRENCE-ID").dt)] = (
            wall(e.get("DTSTART").dt), str(e.get("STATUS")) == "CANCELLED")
    else:
        masters[uid] = e

out = {}
for uid, e in masters.items():
    start = wall(e.get("DTSTART").dt)
    rule = e.get("RRULE")
    rules = rruleset()
    if rule is not None:
        text = rule.to_ical().decode()
        if "UNTIL" in rule:
            until = rule["UNTIL"][0]
            local = wall(until)
            text = ";".join(part for part in text.split(";") if not part.startswith("UNTIL="))
            text += ";UNTIL=" + local.strftime("%Y%m%dT%H%M%S")
        rules.rrule(rrulestr(text, dtstart=start))
    else:
        rules.rdate(start)
    for when in values(e.get("RDATE")): rules.rdate(when)
    for when in values(e.get("EXDATE")): rules.exdate(when)
    changes = moved.get(uid, {})
    seen = []
    for planned in rules:
        new_start, cancelled = changes.get(planned, (planned, False))
        seen.append([iso(new_start), cancelled])
    out[uid] = sorted(seen)
print(json.dumps(out))
`

export function pythonOccurrences(text: string): ByUid {
  const result = spawnSync('/usr/bin/python3', ['-c', pythonExpander], {
    input: text,
    encoding: 'utf8',
  })
  if (result.error || result.status !== 0) {
    throw new Error(
      `Python's icalendar could not read the file (install Debian's python3-icalendar): ${result.stderr || result.error}`,
    )
  }
  return JSON.parse(result.stdout)
}
