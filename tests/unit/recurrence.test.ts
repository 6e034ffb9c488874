import { describe, expect, it } from 'vitest'
import { zonedFromWallTime } from '../../cms/domain/dates'
import {
  expandOccurrences,
  recurrenceProblems,
  RECURRENCE_LIMITS,
  type RecurrenceRule,
} from '../../cms/domain/recurrence'

const start = zonedFromWallTime('2026-10-20T18:30').toUTC().toISO()! // a Tuesday
const day = (date: string) => zonedFromWallTime(date).set({ hour: 12 }).toUTC().toISO()!

function keys(rule: RecurrenceRule | null, from = start) {
  return recurrenceProblems(rule, from).map((problem) => `${problem.field}:${problem.key}`)
}

describe('recurrence validation', () => {
  it('accepts a one-off event and a bounded weekly series', () => {
    expect(keys(null)).toEqual([])
    expect(keys({})).toEqual([])
    expect(keys({ frequency: 'weekly', byWeekday: ['TU'], until: day('2027-06-29') })).toEqual([])
  })

  it('refuses a recurrence without an end, which would produce unbounded dates', () => {
    expect(keys({ frequency: 'weekly' })).toEqual(['until:recurrenceNeedsEnd'])
  })

  it('refuses both until and count', () => {
    expect(keys({ frequency: 'daily', until: day('2026-12-01'), count: 3 })).toEqual([
      'count:recurrenceBothEnds',
    ])
  })

  it('refuses an end before the start, too far away, or too many dates', () => {
    expect(keys({ frequency: 'daily', until: day('2026-01-01') })).toEqual([
      'until:recurrenceUntilBeforeStart',
    ])
    expect(keys({ frequency: 'monthly', until: day('2033-01-01') })).toEqual([
      'until:recurrenceTooLong',
    ])
    expect(keys({ frequency: 'daily', count: RECURRENCE_LIMITS.maxOccurrences + 1 })).toEqual([
      'count:recurrenceTooMany',
    ])
  })

  it('refuses weekdays on a non-weekly rule and details without a frequency', () => {
    expect(keys({ frequency: 'monthly', byWeekday: ['MO'], count: 2 })).toEqual([
      'byWeekday:recurrenceWeekdaysOnlyWeekly',
    ])
    expect(keys({ count: 4 })).toEqual(['frequency:recurrenceFieldsWithoutFrequency'])
    expect(keys({ frequency: 'weekly', interval: 0, count: 2 })).toEqual([
      'interval:recurrenceIntervalRange',
    ])
  })
})

describe('occurrence expansion', () => {
  it('keeps the Luxembourg wall time across the change to winter time', () => {
    const dates = expandOccurrences({ frequency: 'weekly', count: 3 }, start)
    // 20 Oct (summer time, UTC+2), 27 Oct and 3 Nov (winter time, UTC+1): always 18:30 local.
    expect(dates.map((date) => date.start.toFormat('yyyy-MM-dd HH:mm ZZ'))).toEqual([
      '2026-10-20 18:30 +02:00',
      '2026-10-27 18:30 +01:00',
      '2026-11-03 18:30 +01:00',
    ])
  })

  it('applies weekdays, interval, skipped dates and extra dates', () => {
    const rule: RecurrenceRule = {
      frequency: 'weekly',
      interval: 2,
      byWeekday: ['TU', 'TH'],
      until: day('2026-11-20'),
      exdates: [{ date: day('2026-11-03') }],
      rdates: [{ start: zonedFromWallTime('2026-11-21T10:00').toUTC().toISO()! }],
    }
    expect(expandOccurrences(rule, start).map((date) => date.day)).toEqual([
      '2026-10-20',
      '2026-10-22',
      '2026-11-05',
      '2026-11-17',
      '2026-11-19',
      '2026-11-21',
    ])
  })

  it('skips months without the start day instead of moving the date', () => {
    const from = zonedFromWallTime('2027-01-31T10:00').toUTC().toISO()!
    expect(expandOccurrences({ frequency: 'monthly', count: 3 }, from).map((d) => d.day)).toEqual([
      '2027-01-31',
      '2027-03-31',
      '2027-05-31',
    ])
  })
})

describe('the cached Luxembourg zone', () => {
  it('gives the same offsets as Intl around both daylight-saving changes, minute by minute', async () => {
    const { IANAZone } = await import('luxon')
    const { portalZone } = await import('../../cms/domain/dates')
    const reference = IANAZone.create('Europe/Luxembourg')
    const mismatches: string[] = []
    for (const change of ['2027-03-28T01:00:00Z', '2027-10-31T01:00:00Z', '1904-05-31T23:35:24Z']) {
      const at = Date.parse(change)
      for (let ts = at - 3 * 3_600_000; ts <= at + 3 * 3_600_000; ts += 60_000) {
        // Twice: the second call answers from the cache.
        for (const round of [1, 2]) {
          if (portalZone.offset(ts) !== reference.offset(ts))
            mismatches.push(`${new Date(ts).toISOString()} (call ${round})`)
        }
      }
    }
    expect(mismatches).toEqual([])
    expect(portalZone.offset(Date.parse('2027-07-01T12:00:00Z'))).toBe(120)
    expect(portalZone.name).toBe('Europe/Luxembourg')
  })
})
