import { describe, expect, it } from 'vitest'
import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import { instantOfWallTime, zonedFromWallTime } from '../../cms/domain/dates'
import {
  expandOccurrences,
  weekdays,
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

describe('wall times around the daylight-saving changes (RFC 5545 3.3.5)', () => {
  const instant = (wall: string) =>
    new Date(instantOfWallTime(Date.parse(`${wall}Z`))).toISOString()

  it('reads ordinary times with the offset of their season', () => {
    expect(instant('2027-01-15T12:00:00')).toBe('2027-01-15T11:00:00.000Z')
    expect(instant('2027-07-01T12:00:00')).toBe('2027-07-01T10:00:00.000Z')
    expect(instant('2027-03-28T01:59:00')).toBe('2027-03-28T00:59:00.000Z')
    expect(instant('2027-03-28T03:00:00')).toBe('2027-03-28T01:00:00.000Z')
    expect(instant('2027-10-31T01:59:00')).toBe('2027-10-30T23:59:00.000Z')
    expect(instant('2027-10-31T03:00:00')).toBe('2027-10-31T02:00:00.000Z')
  })

  it('moves a time that does not exist forward by the gap, and takes the first of a doubled one', () => {
    // 28 March 2027: 02:00 becomes 03:00, so 02:30 is read with winter time (= 03:30 summer time).
    expect(instant('2027-03-28T02:30:00')).toBe('2027-03-28T01:30:00.000Z')
    // 31 October 2027: 02:30 happens twice; the first is still summer time.
    expect(instant('2027-10-31T02:30:00')).toBe('2027-10-31T00:30:00.000Z')
  })

  it('keeps a series at 02:30 local across the spring change', () => {
    const from = zonedFromWallTime('2027-03-21T02:30').toUTC().toISO()!
    expect(
      expandOccurrences({ frequency: 'weekly', count: 3 }, from).map((date) =>
        date.start.toUTC().toISO(),
      ),
    ).toEqual(['2027-03-21T01:30:00.000Z', '2027-03-28T01:30:00.000Z', '2027-04-04T00:30:00.000Z'])
  })
})

describe('expansion against an independent implementation (Mozilla ical.js)', () => {
  // A small deterministic generator (mulberry32), so a failure names a rule that can be replayed.
  function random(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0
      let value = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
      return ((value ^ (value >>> 14)) >>> 0) / 4294967296
    }
  }
  const pad = (value: number) => String(value).padStart(2, '0')
  const frequencyNames = { daily: 'DAILY', weekly: 'WEEKLY', monthly: 'MONTHLY', yearly: 'YEARLY' }

  it('gives the same wall times as ical.js for hundreds of random valid rules', () => {
    const next = random(20261126)
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
    const mismatches: string[] = []
    let compared = 0
    for (let round = 0; round < 600; round += 1) {
      // Starts on any day of 2026–2028 (month ends, 29 February and both changes included).
      const year = 2026 + Math.floor(next() * 3)
      const month = 1 + Math.floor(next() * 12)
      const day = pick([1, 15, 28, 29, 30, 31, 1 + Math.floor(next() * 31)])
      if (new Date(Date.UTC(year, month - 1, day)).getUTCMonth() !== month - 1) continue
      const hour = pick([0, 2, 9, 18, 23])
      const minute = pick([0, 30, 45])
      const frequency = pick(['daily', 'weekly', 'monthly', 'yearly'] as const)
      const rule: RecurrenceRule = { frequency, interval: pick([1, 1, 2, 3]) }
      if (frequency === 'weekly' && next() < 0.6) {
        rule.byWeekday = weekdays.filter(() => next() < 0.35)
      }
      const parts = [`FREQ=${frequencyNames[frequency]}`, `INTERVAL=${rule.interval}`]
      if (rule.byWeekday?.length) parts.push(`BYDAY=${rule.byWeekday.join(',')}`)
      if (next() < 0.5) {
        rule.count = 1 + Math.floor(next() * 60)
        parts.push(`COUNT=${rule.count}`)
      } else {
        const last = new Date(Date.UTC(year, month - 1, day + Math.floor(next() * 1500)))
        const [y, m, d] = [last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate()]
        rule.until = zonedFromWallTime(`${y}-${pad(m)}-${pad(d)}T12:00`)
          .toUTC()
          .toISO()!
        parts.push(`UNTIL=${y}${pad(m)}${pad(d)}T235959`)
      }
      const wall = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`
      const start = zonedFromWallTime(wall)
      // Only rules editors can save, from a start that exists (not 02:xx on the spring change).
      // ical.js moves 29 February to 1 March in common years; RFC 5545 3.3.10 skips the date.
      if (start.hour !== hour || recurrenceProblems(rule, start.toUTC().toISO()!).length) continue
      if (frequency === 'yearly' && month === 2 && day === 29) continue
      compared += 1
      const ours = expandOccurrences(rule, start.toUTC().toISO()!).map(
        (date) => `${date.day}T${date.start.toFormat('HH:mm')}`,
      )
      const iterator = ICAL.Recur.fromString(parts.join(';')).iterator(
        ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false }),
      )
      const theirs: string[] = []
      for (let time = iterator.next(); time && theirs.length < ours.length + 1;) {
        // ical.js counts floating wall times; a time the spring change skips (02:xx) is placed
        // by Luxon, which also moves it forward by the gap.
        theirs.push(
          DateTime.fromObject(
            {
              year: time.year,
              month: time.month,
              day: time.day,
              hour: time.hour,
              minute: time.minute,
            },
            { zone: 'Europe/Luxembourg' },
          ).toFormat("yyyy-MM-dd'T'HH:mm"),
        )
        time = iterator.next()
      }
      if (ours.join() !== theirs.join()) {
        mismatches.push(
          `${wall} ${parts.join(';')}: ${ours.slice(0, 4).join()} vs ${theirs.slice(0, 4).join()}`,
        )
      }
    }
    expect(mismatches).toEqual([])
    expect(compared).toBeGreaterThan(300)
    // About 2 s on a quiet machine; several times that when the two cores are shared.
  }, 30_000)
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
