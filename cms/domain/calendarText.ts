// Values written into iCalendar files (RFC 5545). Text properties are escaped by ical-generator;
// what it writes as given (the UID, a calendar's name placed into a prepared frame) and what no
// calendar should carry (control and bidi-override characters, see plainText.ts) is handled here.
import { createHash } from 'node:crypto'
import { plainText } from './plainText'

const UID_MAX = 255

/** A UID the portal writes as it is: printable ASCII without spaces, quotes or TEXT separators. */
export function isCalendarUid(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= UID_MAX &&
    /^[\x21-\x7e]+$/.test(value) &&
    !/[;,\\"]/.test(value)
  )
}

/**
 * The UID to write: the stored one when it is a plain identifier, else a stable one derived from
 * it (a value stored before the server checked UIDs must not break or extend the file).
 */
export function calendarUid(value: string): string {
  if (isCalendarUid(value)) return value
  return `${createHash('sha256').update(value).digest('hex').slice(0, 32)}@zesummen.invalid`
}

/** A TEXT value escaped as RFC 5545 3.3.11 (and ical-generator) does: \\ \; \, and \n. */
export function escapeCalendarText(value: string): string {
  return plainText(value)
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, '\\n')
}
