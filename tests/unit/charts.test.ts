// Charts drawn at build time: scales, escaping, well-formed SVG, ids, colours a reader can tell apart.
import { describe, expect, it } from 'vitest'
import {
  barChart,
  CHART_INK,
  CHART_PALETTE,
  type Chart,
  indicatorChart,
  type IndicatorChartInput,
  niceTicks,
  roundShares,
  stackedBarChart,
  type StackedBarChartInput,
} from '../../web/lib/charts'

const formatNumber = new Intl.NumberFormat('en-GB').format
const formatPercent = (fraction: number) => `${(fraction * 100).toFixed(1)} %`
const formatDate = (iso: string) => iso.slice(0, 7)

function indicator(overrides: Partial<IndicatorChartInput> = {}): IndicatorChartInput {
  return {
    id: 'indicator-1',
    title: 'People in language cafés',
    description: 'Measured participants from 2025 against a baseline of 40 and a target of 120.',
    measurements: [
      { date: '2025-03-01', value: 55 },
      { date: '2025-09-01', value: 80 },
      { date: '2026-03-01', value: 95 },
    ],
    baseline: 40,
    target: 120,
    labels: { target: 'Target', baseline: 'Baseline', date: 'Date', value: 'People' },
    formatNumber,
    formatDate,
    ...overrides,
  }
}

const communes = ['Betzdorf', 'Remich', 'Mondorf-les-Bains']

function stacked(overrides: Partial<StackedBarChartInput> = {}): StackedBarChartInput {
  return {
    id: 'nationalities',
    title: 'Residents by nationality',
    description: 'Residents of three communes by nationality group on 1 January 2026.',
    categories: communes,
    groups: [
      { label: 'Luxembourgers', values: [2732, 2098, 3135] },
      { label: 'Portuguese', values: [611, 702, 905] },
      { label: 'French', values: [320, 411, 687] },
      { label: 'Other', values: [463, 608, 676] },
    ],
    labels: { category: 'Commune', total: 'Total' },
    formatNumber,
    formatPercent,
    ...overrides,
  }
}

/** Problems that keep a string from being one well-formed XML element (a small tag-stack parser). */
function xmlProblems(xml: string): string[] {
  const problems: string[] = []
  const badText = (text: string) => /[<>]|&(?!(?:amp|lt|gt|quot|#39);)/.test(text)
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/y
  const stack: string[] = []
  let roots = 0
  let at = 0
  while (at < xml.length) {
    const open = xml.indexOf('<', at)
    const text = xml.slice(at, open === -1 ? xml.length : open)
    if (badText(text)) problems.push(`bad text "${text}"`)
    if (stack.length === 0 && text.trim()) problems.push(`text outside the root: "${text}"`)
    if (open === -1) break
    tag.lastIndex = open
    const match = tag.exec(xml)
    if (!match) {
      problems.push(`not a tag at ${open}: ${xml.slice(open, open + 40)}`)
      break
    }
    const [, closing, name, attributes, selfClosing] = match
    const names = [...attributes!.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((a) => {
      if (badText(a[2]!)) problems.push(`bad attribute value ${a[1]}="${a[2]}"`)
      return a[1]!
    })
    if (new Set(names).size !== names.length) problems.push(`repeated attribute in <${name}>`)
    if (closing) {
      const expected = stack.pop()
      if (expected !== name) problems.push(`</${name}> closes <${expected}>`)
    } else if (!selfClosing) {
      if (stack.length === 0) roots++
      stack.push(name!)
    } else if (stack.length === 0) roots++
    at = tag.lastIndex
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(' > ')}`)
  if (roots !== 1) problems.push(`${roots} root elements`)
  return problems
}

const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)
const attributeValues = (svg: string, selector: RegExp, name: string) =>
  [...svg.matchAll(selector)].map((m) => Number(new RegExp(`\\s${name}="([^"]+)"`).exec(m[0])![1]))

/** Lengths of the segments of each stacked bar, bar by bar. */
const segmentLengths = (svg: string, orientation: 'horizontal' | 'vertical' = 'horizontal') =>
  [...svg.matchAll(/<g class="z-chart__bar">(.*?)<\/g>/g)].map((bar) =>
    attributeValues(bar[1]!, /<rect [^>]*>/g, orientation === 'horizontal' ? 'width' : 'height'),
  )
const barLengths = (svg: string, orientation: 'horizontal' | 'vertical') =>
  segmentLengths(svg, orientation).map((segments) => segments.reduce((sum, s) => sum + s, 0))

/** Distance between the first and the last gridline: the value axis's length. */
function axisLength(svg: string, orientation: 'horizontal' | 'vertical'): number {
  const grid = /<g class="z-chart__grid"[^>]*>(.*?)<\/g>/.exec(svg)![1]!
  const at = attributeValues(grid, /<line [^>]*>/g, orientation === 'horizontal' ? 'x1' : 'y1')
  return Math.abs(at[at.length - 1]! - at[0]!)
}

function expectAccessibleImage(chart: Chart, prefix: string) {
  expect(xmlProblems(chart.svg)).toEqual([])
  expect(chart.svg).toMatch(
    new RegExp(`^<svg [^>]*role="img" aria-labelledby="${prefix}-title ${prefix}-desc"`),
  )
  expect(chart.svg).toMatch(/^<svg [^>]*viewBox="0 0 640 [\d.]+" width="100%"/)
  expect(chart.svg).not.toMatch(/^<svg [^>]*\sheight=/)
  expect(chart.svg).toContain(`<title id="${prefix}-title">`)
  expect(chart.svg).toContain(`<desc id="${prefix}-desc">`)
  // Everything drawn is one decorative group after the title and description.
  expect(chart.svg).toMatch(/<\/desc><g aria-hidden="true">.*<\/g><\/svg>$/)
  const all = ids(chart.svg)
  expect(new Set(all).size).toBe(all.length)
  for (const id of all) expect(id.startsWith(`${prefix}-`)).toBe(true)
  for (const [, ref] of chart.svg.matchAll(/url\(#([^)]+)\)/g)) expect(all).toContain(ref)
}

// Relative luminance and contrast ratio as WCAG 2.2 defines them.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

// Colour-vision deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1.0, in linear
// RGB) and CIELAB distance, to keep the palette's "distinguishable" claim honest.
const deficiencies: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
}
function lab(hex: string, matrix?: number[][]): number[] {
  const linear = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  const [r, g, b] = (
    matrix ? matrix.map((row) => row.reduce((s, m, i) => s + m * linear[i]!, 0)) : linear
  ).map((v) => Math.min(1, Math.max(0, v))) as [number, number, number]
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (841 / 108) * t + 4 / 29)
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047)
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b)
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
}

describe('the well-formedness check used below', () => {
  it('catches what a browser would choke on', () => {
    expect(xmlProblems('<svg><g></g><rect x="1"/></svg>')).toEqual([])
    expect(xmlProblems('<svg><g></svg>')).not.toEqual([])
    expect(xmlProblems('<svg>a & b</svg>')).not.toEqual([])
    expect(xmlProblems('<svg><text x="<">x</text></svg>')).not.toEqual([])
    expect(xmlProblems('<svg x="1" x="2"></svg>')).not.toEqual([])
    expect(xmlProblems('<svg></svg><svg></svg>')).not.toEqual([])
  })
})

describe('niceTicks', () => {
  it('gives 3 to 5 round ticks that cover the range', () => {
    for (const [min, max] of [
      [0, 120],
      [40, 95],
      [0, 1],
      [0.1, 0.37],
      [3, 7],
      [-35, 12],
      [1999, 2026],
      [0, 1_234_567],
      [-4e9, 9.9e12],
    ] as const) {
      const ticks = niceTicks(min, max)
      expect(ticks.length).toBeGreaterThanOrEqual(3)
      expect(ticks.length).toBeLessThanOrEqual(5)
      expect(ticks[0]).toBeLessThanOrEqual(min)
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max)
      const step = ticks[1]! - ticks[0]!
      const mantissa = step / 10 ** Math.floor(Math.log10(step))
      expect([1, 2, 5]).toContain(Math.round(mantissa * 1e9) / 1e9)
      for (const tick of ticks) expect(Math.round(tick / step) * step).toBeCloseTo(tick, 9)
    }
  })

  it('is exact with decimals, large numbers and negatives', () => {
    expect(niceTicks(0, 120)).toEqual([0, 50, 100, 150])
    expect(niceTicks(0.1, 0.37)).toEqual([0.1, 0.2, 0.3, 0.4])
    expect(niceTicks(0.3, 0.9)).toEqual([0.2, 0.4, 0.6, 0.8, 1])
    expect(niceTicks(0, 1_234_567)).toEqual([0, 500_000, 1_000_000, 1_500_000])
    expect(niceTicks(-35, 12)).toEqual([-40, -20, 0, 20])
    expect(niceTicks(-12, -3)).toEqual([-15, -10, -5, 0])
    expect(niceTicks(12, -35)).toEqual(niceTicks(-35, 12))
    expect(niceTicks(-1, 1).some((tick) => Object.is(tick, -0))).toBe(false)
  })

  it('widens equal min and max around the value', () => {
    expect(niceTicks(0, 0)).toEqual([0, 0.5, 1])
    expect(niceTicks(40, 40)).toEqual([20, 30, 40, 50, 60])
    expect(niceTicks(-8, -8)).toEqual([-12, -10, -8, -6, -4])
    expect(niceTicks(1_000_000, 1_000_000)).toEqual([500_000, 1_000_000, 1_500_000])
  })

  it('respects the count and refuses nonsense', () => {
    expect(niceTicks(0, 100, 3)).toEqual([0, 50, 100])
    expect(niceTicks(0, 100, 11)).toHaveLength(11)
    expect(() => niceTicks(0, Number.NaN)).toThrow(/finite/)
    expect(() => niceTicks(0, Infinity)).toThrow(/finite/)
    expect(() => niceTicks(0, 1, 1)).toThrow(/count/)
  })
})

describe('indicatorChart', () => {
  it('returns null without measurements, so the page says there is none yet', () => {
    expect(indicatorChart(indicator({ measurements: [] }))).toBeNull()
  })

  it('draws one measurement as a marker without a line', () => {
    const chart = indicatorChart(indicator({ measurements: [{ date: '2025-03-01', value: 55 }] }))!
    expectAccessibleImage(chart, 'indicator-1')
    expect(chart.svg).not.toContain('<polyline')
    expect(chart.svg.match(/<circle /g)).toHaveLength(1)
    expect(chart.table.rows).toEqual([
      ['Baseline', '40'],
      ['2025-03', '55'],
      ['Target', '120'],
    ])
  })

  it('draws many measurements in date order, labels target and baseline, and stays small', () => {
    const measurements = Array.from({ length: 50 }, (_, i) => ({
      date: new Date(Date.UTC(2022, 49 - i, 1)).toISOString().slice(0, 10),
      value: 1000 + ((i * 7919) % 1000) + 0.5,
    }))
    const chart = indicatorChart(
      indicator({ measurements, baseline: 1000, target: 2500, formatDate: (iso) => iso }),
    )!
    expectAccessibleImage(chart, 'indicator-1')
    const points = /<polyline [^>]*points="([^"]+)"/.exec(chart.svg)![1]!.split(' ')
    expect(points).toHaveLength(50)
    const xs = points.map((p) => Number(p.split(',')[0]))
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
    expect(chart.svg.match(/<circle /g)).toHaveLength(50)
    expect(chart.svg).toContain('>Target 2,500</text>')
    expect(chart.svg).toContain('>Baseline 1,000</text>')
    expect(chart.table.rows.slice(1, 3).map((row) => row[0])).toEqual(['2022-01-01', '2022-02-01'])
    expect(chart.svg.length).toBeLessThan(8 * 1024)
    // A few date ticks, not fifty labels on top of each other.
    const dateTicks = chart.svg.match(/>20\d\d-\d\d-01<\/text>/g)!
    expect(dateTicks.length).toBeGreaterThanOrEqual(2)
    expect(dateTicks.length).toBeLessThanOrEqual(5)
  })

  it('tells lines apart by style and labels the latest value on request', () => {
    const chart = indicatorChart(
      indicator({ labels: { ...indicator().labels, latest: 'Latest' } }),
    )!
    expect(chart.svg).toMatch(/class="z-chart__target"[^>]*stroke-dasharray="8 5"/)
    expect(chart.svg).toMatch(/class="z-chart__baseline"[^>]*stroke-dasharray="1 5"/)
    expect(chart.svg).not.toMatch(/class="z-chart__line"[^>]*stroke-dasharray/)
    expect(chart.svg).toContain('>Latest 95</text>')
  })

  it('handles a decreasing target, values beyond the target and negative values', () => {
    const chart = indicatorChart(
      indicator({
        measurements: [
          { date: '2025-01-01', value: 30 },
          { date: '2025-06-01', value: -5 },
          { date: '2026-01-01', value: 18 },
        ],
        baseline: 45,
        target: 20,
      }),
    )!
    expectAccessibleImage(chart, 'indicator-1')
    const y = (name: string) =>
      Number(new RegExp(`class="z-chart__${name}"[^>]*\\sy1="([^"]+)"`).exec(chart.svg)![1])
    // A lower target is drawn below the baseline (SVG y grows downwards).
    expect(y('target')).toBeGreaterThan(y('baseline'))
    expect(chart.svg).toContain('>-20</text>')
    const cys = attributeValues(chart.svg, /<circle [^>]*>/g, 'cy')
    const top = y('baseline')
    expect(Math.max(...cys)).toBeGreaterThan(y('target'))
    for (const cy of cys) expect(cy).toBeGreaterThan(top)
    expect(Math.max(...cys)).toBeLessThanOrEqual(260)
  })

  it('draws without baseline or target', () => {
    const chart = indicatorChart(indicator({ baseline: null, target: undefined }))!
    expectAccessibleImage(chart, 'indicator-1')
    expect(chart.svg).not.toContain('z-chart__target')
    expect(chart.table.rows).toHaveLength(3)
  })

  it('escapes every text and keeps the table as plain text', () => {
    const chart = indicatorChart(
      indicator({
        title: 'Cafés <script>alert("x")</script> & more',
        description: "Rock 'n' roll & <b>bold</b>\u0007",
        labels: { target: 'Ziel <script>', baseline: 'A & B', date: 'Date', value: 'Value' },
        formatDate: () => '<i>March</i> & co',
      }),
    )!
    expect(xmlProblems(chart.svg)).toEqual([])
    expect(chart.svg).not.toMatch(/<script|<b>|<i>/)
    expect(chart.svg).not.toContain(String.fromCharCode(7))
    expect(chart.svg).toContain(
      'Cafés &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more',
    )
    expect(chart.svg).toContain('Rock &#39;n&#39; roll &amp; &lt;b&gt;bold&lt;/b&gt;</desc>')
    expect(chart.svg).toContain('>Ziel &lt;script&gt; 120</text>')
    expect(chart.svg).toContain('>A &amp; B 40</text>')
    expect(chart.svg).toContain('&lt;i&gt;March&lt;/i&gt; &amp; co')
    expect(chart.table.caption).toBe('Cafés <script>alert("x")</script> & more')
    expect(chart.table.rows[0]).toEqual(['A & B', '40'])
  })

  it('is deterministic and independent of the build host time zone', () => {
    const input = indicator({
      measurements: [
        { date: '2025-03-01T10:00', value: 1 },
        { date: '2025-03-01T11:00:00+01:00', value: 2 },
        { date: '2025-04-01', value: 3 },
      ],
    })
    const chart = indicatorChart(input)!
    expect(indicatorChart(input)).toEqual(chart)
    const xs = attributeValues(chart.svg, /<circle [^>]*>/g, 'cx')
    expect(xs[0]).toBe(xs[1]) // 10:00 UTC is 11:00 in Luxembourg in March
  })

  it('names the wrong input', () => {
    expect(() => indicatorChart(indicator({ id: '1 chart' }))).toThrow(/id "1 chart"/)
    expect(() => indicatorChart(indicator({ description: ' ' }))).toThrow(/description/)
    expect(() =>
      indicatorChart(indicator({ measurements: [{ date: 'March 2025', value: 1 }] })),
    ).toThrow(/"March 2025" is not an ISO date/)
    expect(() =>
      indicatorChart(indicator({ measurements: [{ date: '2025-03-01', value: Number.NaN }] })),
    ).toThrow(/measurement 1 is NaN/)
  })
})

describe('stackedBarChart', () => {
  it('stacks each bar to its total on the axis, horizontally and vertically', () => {
    for (const orientation of ['horizontal', 'vertical'] as const) {
      const input = stacked({ orientation })
      const chart = stackedBarChart(input)
      expectAccessibleImage(chart, 'nationalities')
      const lengths = barLengths(chart.svg, orientation)
      expect(lengths).toHaveLength(3)
      // The axis runs from 0 to its last tick, 6,000 here.
      expect(chart.svg).toContain('>6,000</text>')
      const axis = axisLength(chart.svg, orientation)
      lengths.forEach((length, c) => {
        const total = input.groups.reduce((sum, group) => sum + group.values[c]!, 0)
        expect(Math.abs(length - (total / 6000) * axis)).toBeLessThanOrEqual(0.15)
      })
    }
  })

  it('shows shares that fill the axis and add up to 100 %', () => {
    const chart = stackedBarChart(stacked({ shares: true }))
    expectAccessibleImage(chart, 'nationalities')
    const axis = axisLength(chart.svg, 'horizontal')
    for (const length of barLengths(chart.svg, 'horizontal')) {
      expect(Math.abs(length - axis)).toBeLessThanOrEqual(0.15)
    }
    expect(chart.svg).toContain('>100.0 %</text>')
    for (const row of chart.table.rows) {
      const shares = row.slice(1, -1).map((cell) => Number.parseFloat(cell))
      expect(shares.reduce((s, v) => s + v, 0)).toBeCloseTo(100, 9)
    }
    expect(chart.table.columns).toEqual([
      'Commune',
      'Luxembourgers',
      'Portuguese',
      'French',
      'Other',
      'Total',
    ])
    expect(chart.table.rows[0]![5]).toBe('4,126')
  })

  it('gives every group a legend entry and its own colour and pattern', () => {
    const groups = CHART_PALETTE.map((_, g) => ({
      label: `Group ${g}`,
      values: [g + 1, g === 3 ? 0 : 1, 1],
    }))
    const chart = stackedBarChart(stacked({ groups }))
    expectAccessibleImage(chart, 'nationalities')
    expect(chart.svg.match(/<pattern /g)).toHaveLength(CHART_PALETTE.length - 1)
    const fills = [...chart.svg.matchAll(/<g class="z-chart__legend">.*?<\/g>/g)][0]![0]
    const legendFills = [...fills.matchAll(/<rect [^>]*fill="([^"]+)"/g)].map((m) => m[1])
    expect(new Set(legendFills).size).toBe(CHART_PALETTE.length)
    for (const g of groups) expect(chart.svg).toContain(`>${g.label}</text>`)
    // A zero value draws nothing rather than a hairline.
    expect(segmentLengths(chart.svg)[1]).toHaveLength(CHART_PALETTE.length - 1)
  })

  it('keeps ids apart between charts on one page', () => {
    const a = stackedBarChart(stacked({ id: 'chart-a' }))
    const b = stackedBarChart(stacked({ id: 'chart-b' }))
    expectAccessibleImage(a, 'chart-a')
    expectAccessibleImage(b, 'chart-b')
    const shared = ids(a.svg).filter((id) => ids(b.svg).includes(id))
    expect(shared).toEqual([])
  })

  it('shows an empty category as an empty bar and dashes in shares', () => {
    const chart = stackedBarChart(
      stacked({
        shares: true,
        groups: [
          { label: 'A', values: [1, 0, 2] },
          { label: 'B', values: [1, 0, 2] },
        ],
      }),
    )
    expect(segmentLengths(chart.svg)[1]).toEqual([])
    expect(chart.table.rows[1]).toEqual(['Remich', '–', '–', '0'])
    expect(chart.table.rows[0]).toEqual(['Betzdorf', '50.0 %', '50.0 %', '2'])
  })

  it('names the wrong input', () => {
    const nine = Array.from({ length: 9 }, (_, g) => ({ label: `G${g}`, values: [1, 1, 1] }))
    expect(() => stackedBarChart(stacked({ groups: nine }))).toThrow(/9 groups.*at most 8/)
    expect(() => stackedBarChart(stacked({ groups: [{ label: 'A', values: [1] }] }))).toThrow(
      /"A" has 1 values for 3 categories/,
    )
    expect(() =>
      stackedBarChart(stacked({ groups: [{ label: 'A', values: [1, -1, 1] }] })),
    ).toThrow(/"A" in "Remich" is -1/)
    expect(() => stackedBarChart(stacked({ shares: true, formatPercent: undefined }))).toThrow(
      /formatPercent/,
    )
  })
})

describe('roundShares', () => {
  it('rounds to shares that add up to exactly 100 %', () => {
    expect(roundShares([1, 1, 1])).toEqual([0.334, 0.333, 0.333])
    expect(roundShares([1, 1, 1], 0)).toEqual([0.34, 0.33, 0.33])
    expect(roundShares([0, 0])).toEqual([0, 0])
    const shares = roundShares([2732, 611, 320, 463, 7])
    expect(shares.reduce((s, v) => s + v * 1000, 0)).toBeCloseTo(1000, 9)
  })
})

describe('barChart', () => {
  const shares = communes.map((label, i) => ({ label, value: [0.348, 0.469, 0.512][i]! }))
  const input = {
    id: 'foreign-share',
    title: 'Share of non-Luxembourgers',
    description: 'Share of residents without Luxembourg nationality in three communes.',
    bars: shares,
    reference: { value: 0.474, label: 'Luxembourg' },
    labels: { category: 'Commune', value: 'Share' },
    formatValue: formatPercent,
  }

  it('writes each value at the end of its bar and labels the reference line', () => {
    const chart = barChart(input)
    expectAccessibleImage(chart, 'foreign-share')
    const rects = [...chart.svg.matchAll(/<rect [^>]*>/g)].map((m) => m[0])
    expect(rects).toHaveLength(3)
    const ends = rects.map(
      (r) => Number(/x="([^"]+)"/.exec(r)![1]) + Number(/width="([^"]+)"/.exec(r)![1]),
    )
    const valueXs = [...chart.svg.matchAll(/<text [^>]*x="([^"]+)"[^>]*>(\d+\.\d) %<\/text>/g)]
    expect(valueXs.map((m) => m[2])).toEqual(['34.8', '46.9', '51.2'])
    valueXs.forEach((m, i) => expect(Number(m[1])).toBeCloseTo(ends[i]! + 6, 0))
    expect(chart.svg).toMatch(/class="z-chart__reference".*>Luxembourg 47\.4 %<\/text>/)
    expect(chart.table.rows).toEqual([
      ['Betzdorf', '34.8 %'],
      ['Remich', '46.9 %'],
      ['Mondorf-les-Bains', '51.2 %'],
      ['Luxembourg', '47.4 %'],
    ])
  })

  it('grows negative bars to the left and copes with only zeros', () => {
    const chart = barChart({
      ...input,
      bars: [
        { label: 'A', value: -2 },
        { label: 'B', value: 3 },
      ],
    })
    expectAccessibleImage(chart, 'foreign-share')
    expect(chart.svg).toMatch(/text-anchor="end"[^>]*>-200\.0 %</)
    const zeros = barChart({ ...input, reference: undefined, bars: [{ label: 'A', value: 0 }] })
    expectAccessibleImage(zeros, 'foreign-share')
    expect(zeros.svg).not.toContain('<rect')
  })
})

describe('colours', () => {
  it('has at most 8 distinct data colours, each with at least 3:1 contrast against white', () => {
    expect(CHART_PALETTE.length).toBeLessThanOrEqual(8)
    expect(new Set(CHART_PALETTE.map((entry) => entry.color)).size).toBe(CHART_PALETTE.length)
    for (const { color } of CHART_PALETTE)
      expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(3)
  })

  it('draws reference lines in text-grade ink', () => {
    expect(contrast(CHART_INK.ink, '#ffffff')).toBeGreaterThanOrEqual(4.5)
    expect(contrast(CHART_INK.muted, '#ffffff')).toBeGreaterThanOrEqual(4.5)
    expect(contrast('#0b5e55', '#ffffff')).toBeGreaterThan(4.5) // sanity check of the formula
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })

  it('keeps every pair of colours apart for common colour-vision deficiencies', () => {
    for (const matrix of [undefined, ...Object.values(deficiencies)]) {
      const labs = CHART_PALETTE.map(({ color }) => lab(color, matrix))
      for (let i = 0; i < labs.length; i++) {
        for (let j = i + 1; j < labs.length; j++) {
          const distance = Math.hypot(...labs[i]!.map((v, k) => v - labs[j]![k]!))
          expect(distance).toBeGreaterThan(7.5)
        }
      }
    }
  })

  it('writes text in the current colour, never in a data colour', () => {
    const chart = stackedBarChart(stacked())
    const texts = [...chart.svg.matchAll(/<g [^>]*>(?:<text [^>]*>[^<]*<\/text>)+<\/g>/g)]
    expect(texts.length).toBeGreaterThan(0)
    for (const [group] of texts) expect(group).toMatch(/^<g [^>]*fill="currentColor"/)
  })
})
