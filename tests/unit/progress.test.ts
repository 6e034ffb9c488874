import { describe, expect, it } from 'vitest'
import {
  actionProgress,
  aggregateProgress,
  communeProgress,
  goalProgress,
  indicatorHistory,
  indicatorProgress,
  type ActionInput,
  type IndicatorInput,
} from '../../cms/domain/progress'

const measured = (baseline: number, target: number, ...values: number[]): IndicatorInput => ({
  baseline,
  target,
  measurements: values.map((value, index) => ({
    date: `2025-0${index + 1}-15T12:00:00.000Z`,
    value,
  })),
})

const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? share : Math.round(share * 100)

describe('indicator progress', () => {
  it('is the share of the way from baseline to target', () => {
    const progress = indicatorProgress(measured(10, 30, 20))
    expect(progress.status).toBe('measured')
    if (progress.status !== 'measured') return
    expect(percent(progress.share)).toBe(50)
    expect(progress.latest.value).toBe(20)
  })

  it('shows an exceeded target above 100 % but clamps it for means', () => {
    const progress = indicatorProgress(measured(0, 10, 13))
    if (progress.status !== 'measured') throw new Error(progress.status)
    expect(percent(progress.share)).toBe(130)
    expect(progress.clampedShare).toBe(1)
  })

  it('works for decreasing targets (fewer is better)', () => {
    // From 40 unanswered requests down to 10: 25 is half way, 5 is beyond the target.
    const halfWay = indicatorProgress(measured(40, 10, 25))
    const beyond = indicatorProgress(measured(40, 10, 5))
    const worse = indicatorProgress(measured(40, 10, 46))
    if (halfWay.status !== 'measured' || beyond.status !== 'measured') throw new Error()
    if (worse.status !== 'measured') throw new Error(worse.status)
    expect(percent(halfWay.share)).toBe(50)
    expect(percent(beyond.share)).toBe(117)
    expect(percent(worse.share)).toBe(-20)
    expect(worse.clampedShare).toBe(0)
  })

  it('is 0 % when the latest value equals the baseline', () => {
    const progress = indicatorProgress(measured(12, 20, 15, 12))
    if (progress.status !== 'measured') throw new Error(progress.status)
    expect(progress.share).toBe(0)
  })

  it('takes the latest measurement by date, not the last one entered', () => {
    const indicator: IndicatorInput = {
      baseline: 0,
      target: 100,
      measurements: [
        { date: '2025-06-01T12:00:00.000Z', value: 80 },
        { date: '2024-01-01T12:00:00.000Z', value: 10 },
        { date: '2025-02-01T12:00:00.000Z', value: 40 },
      ],
    }
    const progress = indicatorProgress(indicator)
    if (progress.status !== 'measured') throw new Error(progress.status)
    expect(progress.latest).toEqual({ date: '2025-06-01T12:00:00.000Z', value: 80 })
    expect(percent(progress.share)).toBe(80)
  })

  it('reports an indicator without measurements as such, not as 0 %', () => {
    expect(indicatorProgress({ baseline: 5, target: 10, measurements: [] })).toEqual({
      status: 'noMeasurement',
      baseline: 5,
      target: 10,
    })
    expect(indicatorProgress({ baseline: 5, target: 10 }).status).toBe('noMeasurement')
  })

  it('does not divide by zero when target equals baseline', () => {
    const progress = indicatorProgress(measured(7, 7, 9))
    expect(progress).toMatchObject({ status: 'noTargetChange', latest: { value: 9 } })
  })
})

describe('indicator history', () => {
  it('sorts measurements by date with the share at each date, for charts', () => {
    const history = indicatorHistory({
      baseline: 0,
      target: 20,
      measurements: [
        { date: '2025-03-01', value: 10 },
        { date: '2024-03-01', value: 4 },
        { date: '2026-03-01', value: 26 },
      ],
    })
    expect(history.map((point) => [point.date, point.value, percent(point.share)])).toEqual([
      ['2024-03-01', 4, 20],
      ['2025-03-01', 10, 50],
      ['2026-03-01', 26, 130],
    ])
  })

  it('keeps entry order for measurements on the same day and drops unusable entries', () => {
    const history = indicatorHistory({
      baseline: 0,
      target: 10,
      measurements: [
        { date: '2025-05-01', value: 3 },
        { date: '2025-05-01', value: 4 },
        { date: 'not a date', value: 9 },
        { date: '2025-06-01', value: null },
      ],
    })
    expect(history.map((point) => point.value)).toEqual([3, 4])
    const progress = indicatorProgress({ baseline: 0, target: 10, measurements: history })
    expect(progress.status === 'measured' && progress.latest.value).toBe(4)
  })
})

describe('action progress', () => {
  it('says when an action has no indicators', () => {
    expect(actionProgress({ indicators: [] })).toEqual({ status: 'noIndicators', indicators: [] })
    expect(actionProgress({ indicators: null }).status).toBe('noIndicators')
  })

  it('says when none of its indicators has been measured', () => {
    const progress = actionProgress({ indicators: [measured(0, 10), measured(5, 1)] })
    expect(progress.status).toBe('noMeasurement')
    expect(progress.indicators).toHaveLength(2)
  })

  it('is the mean of clamped shares, so an exceeded target does not hide a stalled one', () => {
    const progress = actionProgress({ indicators: [measured(0, 10, 20), measured(0, 10, 0)] })
    if (progress.status !== 'measured') throw new Error(progress.status)
    expect(percent(progress.share)).toBe(50)
    expect(
      progress.indicators[0]?.status === 'measured' && percent(progress.indicators[0].share),
    ).toBe(200)
  })

  it('leaves unmeasured indicators out of the mean instead of counting them as 0', () => {
    const progress = actionProgress({ indicators: [measured(0, 10, 6), measured(0, 50)] })
    if (progress.status !== 'measured') throw new Error(progress.status)
    expect(percent(progress.share)).toBe(60)
    expect(progress.measuredIndicators).toBe(1)
    expect(progress.indicators).toHaveLength(2)
  })
})

describe('goal and commune progress', () => {
  const actions: ActionInput[] = [
    {
      id: 1,
      goals: [7],
      leadCommunes: [{ id: 'remich' }],
      indicators: [measured(0, 10, 4)],
    },
    {
      id: 2,
      goals: [{ id: 7 }, 8],
      leadCommunes: ['mertert'],
      partnerCommunes: ['remich'],
      indicators: [measured(100, 0, 20)],
    },
    { id: 3, goals: [7], leadCommunes: ['remich'], indicators: [] },
    { id: 4, goals: [7], leadCommunes: ['waldbredimus'], indicators: [measured(0, 5)] },
    { id: 5, goals: [8], leadCommunes: ['remich'], indicators: [measured(0, 10, 10)] },
  ]

  it('averages the measured actions and never counts the others as 0 or 100', () => {
    const progress = goalProgress(7, actions)
    // Actions 1 (40 %) and 2 (80 %); 3 has no indicators and 4 no measurement.
    expect(percent(progress.share)).toBe(60)
    expect(progress.counted).toBe(2)
    expect(progress.notCounted).toBe(2)
    expect(progress.uncounted).toEqual([
      { id: 3, reason: 'noIndicators' },
      { id: 4, reason: 'noMeasurement' },
    ])
  })

  it('takes the actions a commune leads or partners in', () => {
    const progress = communeProgress('remich', actions)
    // Actions 1 (40 %), 2 (80 %, as partner), 5 (100 %); 3 not counted.
    expect(percent(progress.share)).toBe(73)
    expect([progress.counted, progress.notCounted]).toEqual([3, 1])
  })

  it('includes the communes a successor took over when asked to', () => {
    const progress = communeProgress(['bous-waldbredimus', 'waldbredimus', 'bous'], actions)
    expect(progress).toEqual({
      share: null,
      counted: 0,
      notCounted: 1,
      uncounted: [{ id: 4, reason: 'noMeasurement' }],
    })
  })

  it('has no share, rather than 0 %, when nothing could be counted', () => {
    expect(goalProgress(99, actions)).toEqual({
      share: null,
      counted: 0,
      notCounted: 0,
      uncounted: [],
    })
  })

  it('counts an action listed twice only once', () => {
    const first = actions[0]!
    expect(aggregateProgress([first, first, actions[4]!]).counted).toBe(2)
  })
})
