// Text from people (editors, the public forms) as it may be shown anywhere: on a page, in a
// calendar, in an email subject. Control characters and characters that reorder or hide text on
// screen are removed; everything a language needs stays.

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

/** One line of plain text (an email subject, a title): whitespace runs become one space. */
export function plainLine(value: string): string {
  return plainText(value).replace(/\s+/g, ' ').trim()
}
