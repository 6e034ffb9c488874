// Recurring events: the rule editors enter, its validation, and its expansion into dates.
// The rule maps one-to-one onto an RFC 5545 RRULE (FREQ, INTERVAL, BYDAY, UNTIL/COUNT) plus
// EXDATE/RDATE lists, and dates repeat at the same Luxembourg wall time across DST changes.
import { DateTime } from 'luxon'
import { instantOfWallTime, localDayOfInstant, portalZone, zonedFromISO } from './dates'

export const frequencies = ['daily', 'weekly', 'monthly', 'yearly'] as const
export type Frequency = (typeof frequencies)[number]

export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
export type Weekday = (typeof weekdays)[number]

export const RECURRENCE_LIMITS = {
  maxInterval: 52,
  maxOccurrences: 500,
  maxYears: 5,
} as const

export interface RecurrenceRule {
  frequency?: Frequency | null
  interval?: number | null
  byWeekday?: Weekday[] | null
  /** Last possible day (inclusive), an ISO instant or date. */
  until?: string | null
  count?: number | null
  /** Skipped occurrences: any instant on the skipped day. */
  exdates?: { date?: string | null }[] | null
  /** Extra occurrences: full start instants. */
  rdates?: { start?: string | null }[] | null
}

/** The admin messages (cms/i18n/messages.ts) that explain a refused recurrence. */
export type RecurrenceProblemKey =
  | 'recurrenceFieldsWithoutFrequency'
  | 'recurrenceIntervalRange'
  | 'recurrenceWeekdaysOnlyWeekly'
  | 'recurrenceNeedsEnd'
  | 'recurrenceBothEnds'
  | 'recurrenceUntilBeforeStart'
  | 'recurrenceTooLong'
  | 'recurrenceTooMany'

export interface RecurrenceProblem {
  field: 'frequency' | 'interval' | 'byWeekday' | 'until' | 'count'
  key: RecurrenceProblemKey
  vars?: Record<string, string | number>
}

function hasDetails(rule: RecurrenceRule): boolean {
  return Boolean(
    rule.until ||
    rule.count ||
    (rule.byWeekday && rule.byWeekday.length > 0) ||
    (rule.exdates && rule.exdates.length > 0),
  )
}

/** Everything wrong with a rule, as message keys with the field they belong to. */
export function recurrenceProblems(
  rule: RecurrenceRule | null | undefined,
  start: string | Date | null | undefined,
): RecurrenceProblem[] {
  if (!rule) return []
  if (!rule.frequency) {
    return hasDetails(rule) ? [{ field: 'frequency', key: 'recurrenceFieldsWithoutFrequency' }] : []
  }
  const problems: RecurrenceProblem[] = []
  const interval = rule.interval ?? 1
  if (!Number.isInteger(interval) || interval < 1 || interval > RECURRENCE_LIMITS.maxInterval) {
    problems.push({
      field: 'interval',
      key: 'recurrenceIntervalRange',
      vars: { max: RECURRENCE_LIMITS.maxInterval },
    })
  }
  if (rule.byWeekday && rule.byWeekday.length > 0 && rule.frequency !== 'weekly') {
    problems.push({ field: 'byWeekday', key: 'recurrenceWeekdaysOnlyWeekly' })
  }
  const hasUntil = Boolean(rule.until)
  const hasCount = rule.count !== null && rule.count !== undefined
  if (!hasUntil && !hasCount) problems.push({ field: 'until', key: 'recurrenceNeedsEnd' })
  if (hasUntil && hasCount) problems.push({ field: 'count', key: 'recurrenceBothEnds' })
  if (hasCount && (!Number.isInteger(rule.count) || rule.count! < 1)) {
    problems.push({ field: 'count', key: 'recurrenceNeedsEnd' })
  }
  if (!start || problems.length > 0) return problems

  const first = zonedFromISO(start)
  if (hasUntil) {
    const until = zonedFromISO(rule.until!).endOf('day')
    if (until < first.startOf('day')) {
      problems.push({
        field: 'until',
        key: 'recurrenceUntilBeforeStart',
        vars: { until: until.toISODate()!, start: first.toISODate()! },
      })
      return problems
    }
    if (until > first.plus({ years: RECURRENCE_LIMITS.maxYears })) {
      problems.push({
        field: 'until',
        key: 'recurrenceTooLong',
        vars: { years: RECURRENCE_LIMITS.maxYears },
      })
      return problems
    }
  }
  const generated = ruleInstants(rule, first, RECURRENCE_LIMITS.maxOccurrences + 1)
  if (generated.length > RECURRENCE_LIMITS.maxOccurrences) {
    problems.push({
      field: hasCount ? 'count' : 'until',
      key: 'recurrenceTooMany',
      vars: { max: RECURRENCE_LIMITS.maxOccurrences },
    })
  }
  return problems
}

const weekdayNumber: Record<Weekday, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 }

/**
 * The starts produced by the rule alone (no EXDATE/RDATE), at most `limit`, in order, as epoch
 * milliseconds. Follows RFC 5545: the first occurrence is DTSTART; monthly/yearly dates that do
 * not exist (31 February) are skipped, not moved. Dates are counted on the wall clock (`Date.UTC`
 * of the fields, which carries overflowing days and months over) and only then placed in
 * Luxembourg time, so each date keeps DTSTART's wall time across daylight-saving changes. This is
 * the costliest step of a site build's event views, hence no Luxon arithmetic here.
 */
function ruleInstants(rule: RecurrenceRule, first: DateTime, limit: number): number[] {
  const zoned = first.setZone(portalZone)
  if (!rule.frequency) return [zoned.toMillis()]
  const interval = rule.interval ?? 1
  const until = rule.until
    ? zonedFromISO(rule.until).endOf('day').toMillis()
    : Number.POSITIVE_INFINITY
  const max = Math.min(rule.count ?? Number.POSITIVE_INFINITY, limit)
  const { year, month, day, hour, minute, second, millisecond } = zoned
  const wall = (y: number, m: number, d: number) =>
    Date.UTC(y, m - 1, d, hour, minute, second, millisecond)
  const results: number[] = []
  const push = (wallTime: number): boolean => {
    const instant = instantOfWallTime(wallTime)
    if (instant > until || results.length >= max) return false
    results.push(instant)
    return true
  }

  if (rule.frequency === 'weekly') {
    const days = [
      ...new Set(
        (rule.byWeekday?.length ? rule.byWeekday : [weekdays[zoned.weekday - 1]!]).map(
          (name) => weekdayNumber[name],
        ),
      ),
    ].sort((a, b) => a - b)
    const firstWall = wall(year, month, day)
    const monday = day - (zoned.weekday - 1)
    for (let week = 0; ; week += interval) {
      for (const weekday of days) {
        const candidate = wall(year, month, monday + week * 7 + weekday - 1)
        if (candidate < firstWall) continue
        if (!push(candidate)) return results
      }
    }
  }

  const frequency = rule.frequency
  // Guard for skipped non-existent dates (e.g. the 31st): give up after many empty steps.
  for (let step = 0, misses = 0; misses < 48; step += interval) {
    const candidate =
      frequency === 'daily'
        ? wall(year, month, day + step)
        : frequency === 'monthly'
          ? wall(year, month + step, day)
          : wall(year + step, month, day)
    if (frequency !== 'daily' && new Date(candidate).getUTCDate() !== day) {
      misses += 1
      continue
    }
    misses = 0
    if (!push(candidate)) return results
  }
  return results
}

export interface Occurrence {
  start: DateTime
  /** Calendar day in Luxembourg, the key used for EXDATEs and overrides. */
  day: string
}

/** All occurrences after EXDATEs are removed and RDATEs added, in order. */
export function expandOccurrences(
  rule: RecurrenceRule | null | undefined,
  start: string | Date,
  limit: number = RECURRENCE_LIMITS.maxOccurrences,
): Occurrence[] {
  return expandInstants(rule, start, limit).map(({ instant, day }) => ({
    start: DateTime.fromMillis(instant, { zone: portalZone }),
    day,
  }))
}

/** `expandOccurrences` with each start as epoch milliseconds, for callers that make many. */
export function expandInstants(
  rule: RecurrenceRule | null | undefined,
  start: string | Date,
  limit: number = RECURRENCE_LIMITS.maxOccurrences,
): { instant: number; day: string }[] {
  const first = zonedFromISO(start)
  const base = rule?.frequency ? ruleInstants(rule, first, limit) : [first.toMillis()]
  const excluded = new Set(
    (rule?.exdates ?? [])
      .map((entry) => (entry.date ? zonedFromISO(entry.date).toISODate() : null))
      .filter((day): day is string => day !== null),
  )
  const all: { instant: number; day: string }[] = []
  for (const instant of base) {
    const day = localDayOfInstant(instant)
    if (!excluded.has(day)) all.push({ instant, day })
  }
  for (const entry of rule?.rdates ?? []) {
    if (!entry.start) continue
    const instant = zonedFromISO(entry.start).toMillis()
    all.push({ instant, day: localDayOfInstant(instant) })
  }
  all.sort((a, b) => a.instant - b.instant)
  const unique = all.filter(
    (entry, index) => index === 0 || all[index - 1]!.instant !== entry.instant,
  )
  return unique.slice(0, limit)
}
