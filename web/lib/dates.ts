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
  const key = `${locale}|${optionsKey(options)}`
  let found = formatters.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat(intl(locale), { timeZone: PORTAL_TIME_ZONE, ...options })
    formatters.set(key, found)
  }
  return found
}

// The same dates are written again and again (an occurrence on its page, in its month, in each
// listing): each text is made once per options, language and instant. Maps keyed by the options
// object and the instant's number, not one text key made of all three: this function's own time
// in a profile of a 10,000-event build's Astro process went from 1.8 s to 1.35 s.
const formatted = new Map<Intl.DateTimeFormatOptions, Map<LocaleCode, Map<number, string>>>()
let formattedCount = 0
const MAX_FORMATTED = 500_000

function format(
  locale: LocaleCode,
  value: string | Date | DateTime,
  options: Intl.DateTimeFormatOptions,
) {
  const millis = DateTime.isDateTime(value) ? value.toMillis() : zonedFromISO(value).toMillis()
  let byLocale = formatted.get(options)
  if (!byLocale) formatted.set(options, (byLocale = new Map()))
  let texts = byLocale.get(locale)
  if (!texts) byLocale.set(locale, (texts = new Map()))
  let text = texts.get(millis)
  if (text === undefined) {
    text = formatter(locale, options).format(millis)
    if (formattedCount >= MAX_FORMATTED) {
      for (const locales of formatted.values()) for (const map of locales.values()) map.clear()
      formattedCount = 0
    }
    texts.set(millis, text)
    formattedCount += 1
  }
  return text
}

const LONG_DATE: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
}
const SHORT_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' }
const MONTH_TITLE: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' }
const LONG_WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'long' }
const SHORT_WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'short' }
const DAY_MONTH: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' }
const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { ...DAY_MONTH, year: 'numeric' }

const optionKeys = new WeakMap<Intl.DateTimeFormatOptions, string>()
function optionsKey(options: Intl.DateTimeFormatOptions): string {
  let key = optionKeys.get(options)
  if (key === undefined) optionKeys.set(options, (key = JSON.stringify(options)))
  return key
}

/** "Tuesday, 2 March 2027" */
export const longDate = (locale: LocaleCode, value: string | Date | DateTime) =>
  format(locale, value, LONG_DATE)

/** "2 Mar 2027" */
export const shortDate = (locale: LocaleCode, value: string | Date | DateTime) =>
  format(locale, value, SHORT_DATE)

/** "18:30" */
export const time = (locale: LocaleCode, value: string | Date | DateTime) =>
  format(locale, value, TIME)

/** "March 2027" */
export const monthTitle = (locale: LocaleCode, value: DateTime) =>
  format(locale, value, MONTH_TITLE)

export const weekdayName = (
  locale: LocaleCode,
  value: DateTime,
  width: 'long' | 'short' = 'long',
) => format(locale, value, width === 'long' ? LONG_WEEKDAY : SHORT_WEEKDAY)

/** "30 June" (with the year only when it differs from the reference year). */
export function dayAndMonth(locale: LocaleCode, value: DateTime, referenceYear?: number) {
  const withYear = referenceYear !== undefined && value.year !== referenceYear
  return format(locale, value, withYear ? DAY_MONTH_YEAR : DAY_MONTH)
}

/** The time range of one occurrence: "Tuesday, 2 March 2027, 18:30–20:30" or a day range. */
export function whenText(
  locale: LocaleCode,
  start: DateTime,
  end: DateTime,
  allDay: boolean,
): string {
  // Both are Luxembourg times; comparing the fields is much quicker than Luxon's hasSame.
  const other = end.zone.equals(start.zone) ? end : end.setZone(start.zone)
  const sameDay =
    start.day === other.day && start.month === other.month && start.year === other.year
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
