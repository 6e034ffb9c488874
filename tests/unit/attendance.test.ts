import { describe, expect, it } from 'vitest'
import { measurementsFromAttendance } from '../../cms/domain/attendance'

const events = [
  { start: '2027-03-04T18:00:00.000Z', participants: 12 },
  { start: '2027-01-14T18:00:00.000Z', participants: 20 },
  // Two events on one Luxembourg day (the second starts at 00:30 local time on 15 January).
  { start: '2027-01-14T23:30:00.000Z', participants: 5 },
  { start: '2027-01-15T09:00:00.000Z', participants: 3 },
  // Not counted yet: no attendance recorded.
  { start: '2027-02-01T18:00:00.000Z', participants: null },
]

describe('indicators from attendance', () => {
  it('adds participants up over time, one point per Luxembourg day, in date order', () => {
    expect(measurementsFromAttendance('participants', events)).toEqual([
      { date: '2027-01-14', value: 20 },
      { date: '2027-01-15', value: 28 },
      { date: '2027-03-04', value: 40 },
    ])
  })

  it('counts events held, leaving out those whose attendance is not recorded', () => {
    expect(measurementsFromAttendance('events', events)).toEqual([
      { date: '2027-01-14', value: 1 },
      { date: '2027-01-15', value: 3 },
      { date: '2027-03-04', value: 4 },
    ])
  })

  it('has no measurement before any attendance is recorded', () => {
    expect(
      measurementsFromAttendance('participants', [
        { start: events[0]!.start, participants: undefined },
      ]),
    ).toEqual([])
  })
})
