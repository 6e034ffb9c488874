// Zoned dates for the whole portal: every wall time is Europe/Luxembourg, every stored instant UTC.
import { DateTime } from 'luxon'

export const PORTAL_TIME_ZONE = 'Europe/Luxembourg'

/** Parses an ISO instant (as Payload stores dates) into Luxembourg time. */
export function zonedFromISO(iso: string | Date): DateTime {
  const parsed =
    iso instanceof Date ? DateTime.fromJSDate(iso) : DateTime.fromISO(iso, { setZone: true })
  if (!parsed.isValid)
    throw new Error(`Invalid date "${String(iso)}": ${parsed.invalidExplanation}`)
  return parsed.setZone(PORTAL_TIME_ZONE)
}

/**
 * Reads a local wall time such as "2026-12-03T18:30" or a date "2027-05-15" as Luxembourg time.
 * Used by the seed and importers, whose files hold wall times without offsets.
 */
export function zonedFromWallTime(wallTime: string): DateTime {
  const parsed = DateTime.fromISO(wallTime, { zone: PORTAL_TIME_ZONE })
  if (!parsed.isValid) {
    throw new Error(
      `Invalid local date/time "${wallTime}": use YYYY-MM-DD or YYYY-MM-DDTHH:mm (Luxembourg time).`,
    )
  }
  return parsed
}

/** The calendar day (YYYY-MM-DD) of an instant, in Luxembourg. */
export function localDay(value: string | Date | DateTime): string {
  const zoned = DateTime.isDateTime(value) ? value.setZone(PORTAL_TIME_ZONE) : zonedFromISO(value)
  return zoned.toISODate()!
}
