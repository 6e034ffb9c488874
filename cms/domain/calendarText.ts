// Values written into iCalendar files (RFC 5545). Text properties are escaped by ical-generator;
// what it writes as given (the UID, a calendar's name placed into a prepared frame) and what no
// calendar should carry (control and bidi-override characters) is handled here, once.
import { createHash } from 'node:crypto'

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

/* eslint-disable no-control-regex -- removing control characters is the point here */
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g
/** Embedding, override and isolate controls reorder text on screen (CVE-2021-42574 style). */
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/g
/** Zero-width characters that hide text; ZWJ and ZWNJ stay (emoji, Persian, Indic scripts). */
const invisible = /[\u200B\u2060-\u2064\uFEFF]/g
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
/* eslint-enable no-control-regex */

/**
 * Text as people may read it anywhere: line ends normalised to LF, tabs as spaces, no other
 * control characters, no bidi overrides or hidden characters, no broken UTF-16.
 */
export function plainText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(controls, '')
    .replace(bidiControls, '')
    .replace(invisible, '')
    .replace(loneSurrogates, '\uFFFD')
}

/** A TEXT value escaped as RFC 5545 3.3.11 (and ical-generator) does: \\ \; \, and \n. */
export function escapeCalendarText(value: string): string {
  return plainText(value)
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, '\\n')
}
