// Indicators measured by the portal itself: participants of an action's events, or events of the
// action held, both cumulative, read from the attendance recorded after each event. Computed when
// the site is built (and for CSV exports), so a corrected attendance corrects the indicator.
import { localDay } from './dates'
import type { Measurement } from './progress'

export type IndicatorSource = 'manual' | 'participants' | 'events'

export interface EventAttendance {
  start: string
  /** Participants recorded after the event; an event without it has not been counted yet. */
  participants: number | null | undefined
}

/** One measurement per day with a counted event: the running total up to that day. */
export function measurementsFromAttendance(
  source: Exclude<IndicatorSource, 'manual'>,
  events: readonly EventAttendance[],
): Measurement[] {
  const counted = events
    .filter((event) => typeof event.participants === 'number' && event.participants >= 0)
    .map((event) => ({ day: localDay(event.start), participants: event.participants! }))
    .sort((a, b) => a.day.localeCompare(b.day))
  const byDay = new Map<string, number>()
  let total = 0
  for (const event of counted) {
    total += source === 'participants' ? event.participants : 1
    byDay.set(event.day, total)
  }
  return [...byDay].map(([date, value]) => ({ date, value }))
}
