import { describe, expect, it } from 'vitest'
import { nextSequence, schedulingChanged } from '../../cms/domain/sequence'

const stored = {
  start: '2026-12-03T17:30:00.000Z',
  end: '2026-12-03T19:30:00.000Z',
  allDay: false,
  venue: 4,
  status: 'scheduled',
  recurrence: { frequency: 'weekly', until: '2027-06-29T10:00:00.000Z', exdates: [] },
  title: 'Café des langues',
}

describe('calendar sequence', () => {
  it('does not grow for text-only edits or identical values in another shape', () => {
    const next = {
      ...stored,
      title: 'Language café',
      start: '2026-12-03T17:30:00Z',
      venue: { id: 4, updatedAt: 'x' },
      recurrence: { frequency: 'weekly', until: '2027-06-29T10:00:00.000Z', exdates: [], id: 'r1' },
    }
    expect(schedulingChanged(stored, next)).toBe(false)
    expect(nextSequence(3, false)).toBe(3)
  })

  it.each([
    ['time', { start: '2026-12-03T18:00:00.000Z' }],
    ['place', { venue: 5 }],
    ['status', { status: 'cancelled' }],
    ['recurrence', { recurrence: { frequency: 'weekly', until: '2027-05-01T10:00:00.000Z' } }],
  ])('grows when the %s changes', (_label, change) => {
    expect(schedulingChanged(stored, { ...stored, ...change })).toBe(true)
    expect(nextSequence(3, true)).toBe(4)
  })
})
