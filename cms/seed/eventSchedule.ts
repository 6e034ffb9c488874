// When a seed event happens, as the events collection stores it: the seed's wall times in
// Luxembourg become instants, calendar days become noon in Luxembourg (safe from time-zone
// shifts), and the recurrence with its exceptions and overrides follows.
import { zonedFromWallTime } from '../domain/dates'

/** A calendar day as an instant at noon in Luxembourg, safe from time-zone shifts. */
export const day = (value: string | null | undefined) =>
  value ? zonedFromWallTime(value).set({ hour: 12 }).toUTC().toISO()! : null

/** A wall time in Luxembourg as an instant. */
export const instant = (value: string | null | undefined) =>
  value ? zonedFromWallTime(value).toUTC().toISO()! : null

export interface SeedOverride {
  date: string
  status: string
  newStart?: string | null
  newEnd?: string | null
}

export interface SeedSchedule {
  start: string
  end: string
  allDay?: boolean | null
  recurrence?: {
    frequency: string
    interval?: number | null
    byWeekday?: string[] | null
    until?: string | null
    count?: number | null
    exdates?: string[] | null
    rdates?: string[] | null
    overrides?: SeedOverride[] | null
  } | null
}

/** The schedule fields of an event; `reasonOf` gives an override's reason in one language. */
export function eventSchedule<O extends SeedOverride>(
  record: SeedSchedule & { recurrence?: { overrides?: O[] | null } | null },
  reasonOf: (override: O) => unknown = () => undefined,
) {
  const allDay = Boolean(record.allDay)
  // All-day events: start at local midnight of the first day, end at local midnight of the last.
  const when = (value: string) => (allDay ? instant(value.slice(0, 10)) : instant(value))
  const recurrence = record.recurrence
  return {
    start: when(record.start),
    end: when(record.end),
    allDay,
    recurrence: recurrence
      ? {
          frequency: recurrence.frequency,
          interval: recurrence.interval ?? 1,
          byWeekday: recurrence.byWeekday ?? [],
          until: day(recurrence.until),
          count: recurrence.count ?? null,
          exdates: (recurrence.exdates ?? []).map((date) => ({ date: day(date) })),
          rdates: (recurrence.rdates ?? []).map((start) => ({ start: instant(start) })),
        }
      : {},
    overrides: ((recurrence?.overrides ?? []) as O[]).map((override) => ({
      occurrenceDate: day(override.date),
      status: override.status,
      newStart: instant(override.newStart),
      newEnd: instant(override.newEnd),
      reason: reasonOf(override),
    })),
  }
}
