// Dates and recurrences as residents read them, in all five languages, across DST changes.
import { describe, expect, it } from 'vitest'
import { zonedFromWallTime } from '../../cms/domain/dates'
import { whenText } from '../../web/lib/dates'
import { joinList } from '../../locales/i18n'
import { recurrenceText } from '../../web/lib/recurrenceText'

const day = (date: string) => zonedFromWallTime(date).set({ hour: 12 }).toUTC().toISO()!
const tuesday = zonedFromWallTime('2027-03-02T18:30')

describe('recurrence in words', () => {
  const weekly = {
    frequency: 'weekly' as const,
    byWeekday: ['TU' as const],
    until: day('2027-06-30'),
  }

  it.each([
    ['en', 'every Tuesday until 30 June'],
    ['fr', 'tous les mardis, jusqu’au 30 juin'],
    ['de', 'jeden Dienstag, bis zum 30. Juni'],
    ['pt', 'todas as terças-feiras, até 30 de junho'],
    ['lb', 'all Dënschdeg, bis zum 30. Juni'],
  ] as const)('%s: weekly until a date', (lang, expected) => {
    expect(recurrenceText(lang, weekly, tuesday)).toBe(expected)
  })

  it('counts and intervals', () => {
    const fortnightly = {
      frequency: 'weekly' as const,
      interval: 2,
      byWeekday: ['SA' as const],
      count: 6,
    }
    const saturday = zonedFromWallTime('2027-01-23T15:00')
    expect(recurrenceText('en', fortnightly, saturday)).toBe('every 2 weeks on Saturday, 6 times')
    expect(recurrenceText('en', { frequency: 'daily', count: 1 }, saturday)).toBe('every day, once')
  })

  it('joins several weekdays with the Luxembourgish n-rule, not ICU’s "a(n)"', () => {
    const twice = {
      frequency: 'weekly' as const,
      byWeekday: ['TU' as const, 'TH' as const],
      count: 6,
    }
    expect(recurrenceText('lb', twice, tuesday)).toBe('all Dënschdeg an all Donneschdeg, 6 Mol')
    expect(recurrenceText('fr', twice, tuesday)).toBe('tous les mardis et tous les jeudis, 6 fois')
  })
})

describe('dates in words', () => {
  it.each([
    ['en', 'Tuesday, 2 March 2027, 18:30–20:30'],
    ['fr', 'mardi 2 mars 2027, 18:30–20:30'],
    ['de', 'Dienstag, 2. März 2027, 18:30–20:30'],
    ['pt', 'terça-feira, 2 de março de 2027, 18:30–20:30'],
    ['lb', 'Dënschdeg, 2. Mäerz 2027, 18:30–20:30'],
  ] as const)('%s: one evening', (lang, expected) => {
    expect(whenText(lang, tuesday, tuesday.plus({ hours: 2 }), false)).toBe(expected)
  })

  it('writes Luxembourg time on both sides of the change to summer time', () => {
    // 28 March 2027 is the last Sunday of March: clocks go from 02:00 to 03:00.
    const before = zonedFromWallTime('2027-03-27T18:30')
    const after = zonedFromWallTime('2027-03-29T18:30')
    expect(after.diff(before, 'hours').hours).toBe(47)
    expect(whenText('en', after, after.plus({ hours: 1 }), false)).toBe(
      'Monday, 29 March 2027, 18:30–19:30',
    )
  })
})

describe('lists', () => {
  it('uses "an" before a vowel and n, d, t, z, h in Luxembourgish, "a" otherwise', () => {
    expect(joinList('lb', ['Franséisch', 'Englesch'])).toBe('Franséisch an Englesch')
    expect(joinList('lb', ['Englesch', 'Franséisch'])).toBe('Englesch a Franséisch')
    expect(joinList('lb', ['Englesch', 'Portugisesch', 'Däitsch'])).toBe(
      'Englesch, Portugisesch an Däitsch',
    )
    expect(joinList('de', ['Englisch', 'Französisch'])).toBe('Englisch und Französisch')
  })
})
