// Dates and times written in the reader's language, at build time, in Luxembourg time.
// (Chromium has no Luxembourgish data, so nothing is formatted in the browser.)
import { DateTime } from 'luxon'
import { type LocaleCode, localeDefinition } from '../../locales/config'
import { PORTAL_TIME_ZONE, portalZone, zonedFromISO } from '../../cms/domain/dates'

const intl = (locale: LocaleCode) => localeDefinition(locale).intl

// Creating an Intl.DateTimeFormat costs about a hundred times more than using one, and a build
// formats millions of dates: one formatter per language and set of options.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: LocaleCode, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let found = formatters.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat(intl(locale), { timeZone: PORTAL_TIME_ZONE, ...options })
    formatters.set(key, found)
  }
  return found
}

function format(
  locale: LocaleCode,
  value: string | Date | DateTime,
  options: Intl.DateTimeFormatOptions,
) {
  const instant = DateTime.isDateTime(value) ? value.toJSDate() : zonedFromISO(value).toJSDate()
  return formatter(locale, options).format(instant)
}

/** "Tuesday, 2 March 2027" */
export const longDate = (locale: LocaleCode, value: string | Date | DateTime) =>
  format(locale, value, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })

/** "2 Mar 2027" */
export const shortDate = (locale: LocaleCode, value: string | Date | DateTime) =>
  format(locale, value, { day: 'numeric', month: 'short', year: 'numeric' })

/** "18:30" */
export const time = (locale: LocaleCode, value: string | Date | DateTime) =>
  format(locale, value, { hour: '2-digit', minute: '2-digit' })

/** "March 2027" */
export const monthTitle = (locale: LocaleCode, value: DateTime) =>
  format(locale, value, { month: 'long', year: 'numeric' })

export const weekdayName = (
  locale: LocaleCode,
  value: DateTime,
  width: 'long' | 'short' = 'long',
) => format(locale, value, { weekday: width })

/** "30 June" (with the year only when it differs from the reference year). */
export function dayAndMonth(locale: LocaleCode, value: DateTime, referenceYear?: number) {
  const withYear = referenceYear !== undefined && value.year !== referenceYear
  return format(locale, value, {
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  })
}

/** The time range of one occurrence: "Tuesday, 2 March 2027, 18:30–20:30" or a day range. */
export function whenText(
  locale: LocaleCode,
  start: DateTime,
  end: DateTime,
  allDay: boolean,
): string {
  const sameDay = start.hasSame(end, 'day')
  if (allDay)
    return sameDay
      ? longDate(locale, start)
      : `${longDate(locale, start)} – ${longDate(locale, end)}`
  if (sameDay) return `${longDate(locale, start)}, ${time(locale, start)}–${time(locale, end)}`
  return `${longDate(locale, start)}, ${time(locale, start)} – ${longDate(locale, end)}, ${time(locale, end)}`
}

export function isoDate(value: DateTime): string {
  return value.setZone(portalZone).toISODate()!
}
