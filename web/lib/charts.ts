// Accessible charts drawn to SVG strings at build time (no chart JavaScript), each returned with
// the rows of its table equivalent.
//
// Every chart is one image (`role="img"`, named by its <title> and <desc>); the drawing inside is
// hidden from assistive technology, and the same data goes into a real <table> next to it. Texts
// are written by the caller (translated, numbers and dates formatted) and escaped here. Colour is
// never the only cue: groups also differ by pattern, lines by dash style and markers, and lines
// are labelled directly. Output depends only on the input (no random ids, no clock).
//
// Usage in an Astro page (table cells are plain text: Astro escapes them):
//
//   ---
//   const number = new Intl.NumberFormat(intlTag).format
//   const chart = indicatorChart({
//     id: `indicator-${index}`, title: indicator.name.value, description: sentence,
//     measurements: indicator.measurements.map((m) => ({ date: isoDate(m.date), value: m.value })),
//     baseline: indicator.baseline, target: indicator.target,
//     labels: { target: t(lang, 'indicator.target'), baseline: t(lang, 'indicator.baseline'),
//               date: t(lang, 'indicator.date'), value: t(lang, 'indicator.value') },
//     formatNumber: number, formatDate: (iso) => shortDate(lang, iso),
//   })
//   ---
//   {chart ? (
//     <figure class="z-chart">
//       <Fragment set:html={chart.svg} />
//       <table>
//         <caption>{chart.table.caption}</caption>
//         <thead><tr>{chart.table.columns.map((c) => <th scope="col">{c}</th>)}</tr></thead>
//         <tbody>{chart.table.rows.map(([head, ...cells]) => (
//           <tr><th scope="row">{head}</th>{cells.map((c) => <td>{c}</td>)}</tr>))}</tbody>
//       </table>
//     </figure>
//   ) : <p>{t(lang, 'indicator.noMeasurement')}</p>}
//
// CSS: `.z-chart__svg { display: block; width: 100%; height: auto }`. The drawing is 640 units wide
// with 14-unit text, so text is 14 px at 640 px; in narrower columns it shrinks with the chart
// (the table beside it stays full size).

import { escapeHtml } from './escape'

/** A formatter written by the caller in the reader's language (Intl.NumberFormat and the like). */
export type Format<T> = (value: T) => string

export interface ChartTable {
  caption: string
  /** Column headers; the first column names the rows (render its cells as `<th scope="row">`). */
  columns: string[]
  rows: string[][]
}

export interface Chart {
  /** `<svg role="img" …>…</svg>`, every text escaped: embed with `set:html`. */
  svg: string
  /** The same data as the chart, already formatted, for a `<table>` next to it. */
  table: ChartTable
}

export interface ChartText {
  /** Prefix of every id inside the SVG; unique on the page (e.g. `indicator-3`). */
  id: string
  /** The chart's name, also the table caption. */
  title: string
  /** One sentence on what the chart shows; with the title it is the image's text alternative. */
  description: string
}

/**
 * The colours of data series and groups, in the order they are used. Each has at least 3:1
 * contrast against white (WCAG 1.4.11, checked in tests/unit/charts.test.ts). Starting from the
 * Okabe–Ito hues, the set keeps every pair apart under simulated protanopia, deuteranopia and
 * tritanopia (Machado 2009, full severity; smallest CIELAB ΔE 7.8, protanopia, sand/green) by
 * mixing light and dark tones. Some pairs stay close for some readers, which is why groups also
 * carry a pattern and lines a dash style: colour is never the only cue.
 */
export const CHART_PALETTE = [
  { name: 'blue', color: '#0072B2' }, // 5.2:1
  { name: 'vermillion', color: '#D55E00' }, // 3.9:1
  { name: 'indigo', color: '#332288' }, // 12.2:1
  { name: 'sand', color: '#A58769' }, // 3.4:1
  { name: 'green', color: '#00805C' }, // 5.0:1
  { name: 'pink', color: '#C3699B' }, // 3.6:1
  { name: 'slate', color: '#3D4852' }, // 9.3:1
  { name: 'brown', color: '#7A3A00' }, // 8.6:1
] as const

/** Lines that are not data. `ink` and `muted` match the site's --z-ink and --z-muted. */
export const CHART_INK = {
  /** Target and reference lines (16.6:1 on white). */
  ink: '#1B1F23',
  /** Baseline and the zero axis (7.9:1 on white). */
  muted: '#4A5159',
  /** Gridlines: deliberately faint, they only help the eye (no contrast requirement). */
  grid: '#D5DAD7',
} as const

const WIDTH = 640
const FONT = 14
/** Width of one character in ems, generous for system-ui so that estimated labels do not touch. */
const CHAR_EM = 0.62
const MAX_LABEL = 220
const SVG_NS = 'http://www.w3.org/2000/svg'
const WHITE = '#fff'

// ---------------------------------------------------------------------------------------------
// Markup

/** Text for XML: the five special characters escaped, characters XML forbids removed. */
function escapeXml(value: string): string {
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML forbids
  return escapeHtml(value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''))
}

/** A coordinate with one decimal: enough for the eye, and keeps 50-point charts small. */
function num(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return String(rounded === 0 ? 0 : rounded)
}

type Attrs = Record<string, string | number | undefined>

function el(name: string, attrs: Attrs, content?: string): string {
  let out = `<${name}`
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue
    out += ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`
  }
  return content === undefined ? `${out}/>` : `${out}>${content}</${name}>`
}

const label = (attrs: Attrs, value: string) =>
  el('text', { dy: '.35em', ...attrs }, escapeXml(value))

/** Estimated width of a label; charts lay out without measuring fonts, so err on the wide side. */
const textWidth = (value: string) => [...value].length * FONT * CHAR_EM

/** A label shortened with "…" to fit; the full text is always in the table. */
function fit(value: string, maxWidth: number): string {
  const max = Math.floor(maxWidth / (FONT * CHAR_EM) + 1e-9)
  const chars = [...value]
  return chars.length <= max ? value : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`
}

function svgDocument(chart: ChartText, height: number, body: string): string {
  const title = `${chart.id}-title`
  const desc = `${chart.id}-desc`
  return el(
    'svg',
    {
      xmlns: SVG_NS,
      class: 'z-chart__svg',
      viewBox: `0 0 ${WIDTH} ${num(height)}`,
      width: '100%',
      role: 'img',
      'aria-labelledby': `${title} ${desc}`,
      'font-size': FONT,
    },
    el('title', { id: title }, escapeXml(chart.title)) +
      el('desc', { id: desc }, escapeXml(chart.description)) +
      // The drawing repeats the title, description and table: one image, read once.
      el('g', { 'aria-hidden': 'true' }, body),
  )
}

// ---------------------------------------------------------------------------------------------
// Input checks (a wrong call names the chart, the value and the fix)

function checkText(chart: ChartText, fn: string): void {
  if (!/^[A-Za-z][\w-]*$/.test(chart.id)) {
    throw new Error(
      `${fn}: id "${chart.id}" must start with a letter and contain only letters, digits, "-" ` +
        `and "_" (it prefixes the ids inside the SVG; make it unique on the page).`,
    )
  }
  if (!chart.title.trim()) throw new Error(`${fn} "${chart.id}": the title is empty.`)
  if (!chart.description.trim()) {
    throw new Error(`${fn} "${chart.id}": the description (the text alternative) is empty.`)
  }
}

function checkNumber(value: number, what: string, fn: string, id: string): void {
  if (!Number.isFinite(value)) {
    throw new Error(`${fn} "${id}": ${what} is ${String(value)}, not a finite number.`)
  }
}

/** Milliseconds of an ISO date; a time without offset is read as UTC so the build host's zone never matters. */
function isoTime(iso: string, fn: string, id: string): number {
  const zoned = /T.*(?:Z|[+-]\d\d:?\d\d)$/i.test(iso) || !iso.includes('T') ? iso : `${iso}Z`
  const time = /^\d{4}-\d\d-\d\d/.test(iso) ? Date.parse(zoned) : NaN
  if (Number.isNaN(time)) {
    throw new Error(`${fn} "${id}": "${iso}" is not an ISO date such as 2026-03-01.`)
  }
  return time
}

// ---------------------------------------------------------------------------------------------
// Scales

/**
 * About `count` round tick values (1, 2 or 5 times a power of ten) covering [min, max]: the
 * first is ≤ min, the last ≥ max, never more than `count`, and with the default 5 at least 3.
 * Equal min and max are widened around the value (0 becomes 0–1).
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    throw new Error(`niceTicks: min and max must be finite numbers (got ${min} and ${max}).`)
  }
  if (!Number.isInteger(count) || count < 2) {
    throw new Error(`niceTicks: count must be a whole number of at least 2 (got ${count}).`)
  }
  let lo = Math.min(min, max)
  let hi = Math.max(min, max)
  if (lo === hi) {
    if (lo === 0) hi = 1
    else {
      const pad = Math.abs(lo) / 2
      lo -= pad
      hi += pad
    }
  }
  // Steps grow from below any useful size; the first one giving at most `count` ticks wins.
  for (let power = Math.floor(Math.log10(hi - lo)) - 2; ; power++) {
    for (const multiple of [1, 2, 5]) {
      const step = multiple * 10 ** power
      // The small tolerance keeps 0.3 / 0.1 = 2.9999… from adding a tick.
      const first = Math.floor(lo / step + 1e-9)
      const last = Math.ceil(hi / step - 1e-9)
      if (last - first + 1 > count) continue
      const decimals = Math.max(0, -power)
      return Array.from({ length: last - first + 1 }, (_, i) => {
        const tick = Number(((first + i) * step).toFixed(decimals))
        return tick === 0 ? 0 : tick
      })
    }
  }
}

function linear(d0: number, d1: number, r0: number, r1: number) {
  return (value: number) =>
    d1 === d0 ? (r0 + r1) / 2 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0)
}

/** Label positions moved apart by at least `gap` (and kept within bounds), in input order. */
function spread(wanted: number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i)
  const placed = order.map((item) => Math.min(max, Math.max(min, item.y)))
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap)
  if (placed.length > 0 && placed[placed.length - 1]! > max) {
    placed[placed.length - 1] = max
    for (let k = placed.length - 2; k >= 0; k--) {
      placed[k] = Math.min(placed[k]!, placed[k + 1]! - gap)
    }
  }
  const out: number[] = []
  order.forEach((item, k) => (out[item.i] = placed[k]!))
  return out
}

/**
 * Largest-remainder rounding of parts to shares (fractions of 1) with `decimals` percent
 * decimals, so that the shares shown in a table add up to exactly 100 %. A zero total gives
 * zeros.
 */
export function roundShares(parts: number[], decimals = 1): number[] {
  const total = parts.reduce((sum, part) => sum + part, 0)
  if (total <= 0) return parts.map(() => 0)
  const units = 100 * 10 ** decimals
  const exact = parts.map((part) => (part / total) * units)
  const floors = exact.map(Math.floor)
  let missing = units - floors.reduce((sum, value) => sum + value, 0)
  const byRemainder = exact
    .map((value, i) => ({ i, remainder: value - floors[i]! }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i)
  for (const { i } of byRemainder) {
    if (missing <= 0) break
    floors[i]! += 1
    missing--
  }
  return floors.map((value) => value / units)
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** A value axis: faint gridlines, the zero line darker, tick labels outside the plot. */
function valueGrid(
  ticks: number[],
  position: (value: number) => number,
  tickLabels: string[],
  direction: 'vertical' | 'horizontal',
  from: number,
  to: number,
  labelAt: number,
): string {
  const lines = ticks.map((tick) => {
    const at = position(tick)
    const stroke = tick === 0 ? CHART_INK.muted : undefined
    return direction === 'vertical'
      ? el('line', { x1: from, x2: to, y1: at, y2: at, stroke })
      : el('line', { x1: at, x2: at, y1: from, y2: to, stroke })
  })
  const texts = ticks.map((tick, i) =>
    direction === 'vertical'
      ? label({ x: labelAt, y: position(tick) }, tickLabels[i]!)
      : label({ x: position(tick), y: labelAt }, tickLabels[i]!),
  )
  return (
    el('g', { class: 'z-chart__grid', stroke: CHART_INK.grid }, lines.join('')) +
    el(
      'g',
      {
        class: 'z-chart__ticks',
        fill: 'currentColor',
        'text-anchor': direction === 'vertical' ? 'end' : 'middle',
      },
      texts.join(''),
    )
  )
}

interface Pattern {
  transform?: string
  /** White marks drawn over the group's colour in a 6×6 tile. */
  marks: string
}

const line = (d: string, width = 1.5) => el('path', { d, stroke: WHITE, 'stroke-width': width })

/** One pattern per palette colour; the first group is plain so the most common one stays calm. */
const PATTERNS: (Pattern | null)[] = [
  null,
  { transform: 'rotate(45)', marks: line('M3 0V6') },
  { marks: el('circle', { cx: 3, cy: 3, r: 1.3, fill: WHITE }) },
  { marks: line('M0 3H6') },
  { transform: 'rotate(45)', marks: line('M0 3H6M3 0V6', 1.2) },
  { transform: 'rotate(-45)', marks: line('M3 0V6') },
  { marks: line('M3 0V6') },
  { marks: line('M0 3H6M3 0V6', 1) },
]

const fillId = (prefix: string, index: number) => `${prefix}-fill-${index}`

function groupFill(prefix: string, index: number): string {
  return PATTERNS[index] ? `url(#${fillId(prefix, index)})` : CHART_PALETTE[index]!.color
}

function patternDefs(prefix: string, count: number): string {
  let defs = ''
  for (let index = 0; index < count; index++) {
    const pattern = PATTERNS[index]
    if (!pattern) continue
    defs += el(
      'pattern',
      {
        id: fillId(prefix, index),
        width: 6,
        height: 6,
        patternUnits: 'userSpaceOnUse',
        patternTransform: pattern.transform,
      },
      el('rect', { width: 6, height: 6, fill: CHART_PALETTE[index]!.color }) + pattern.marks,
    )
  }
  return defs ? el('defs', {}, defs) : ''
}

const SWATCH = 16

/** A wrapping legend of swatches and names; returns its markup and height. */
function legend(items: { name: string; fill: string }[], x0: number, y0: number, width: number) {
  const rowHeight = 24
  let x = x0
  let y = y0
  const parts: string[] = []
  for (const item of items) {
    const name = fit(item.name, width - SWATCH - 6)
    const itemWidth = SWATCH + 6 + textWidth(name) + 18
    if (x > x0 && x + itemWidth - 18 > x0 + width) {
      x = x0
      y += rowHeight
    }
    parts.push(
      el('rect', { x, y, width: SWATCH, height: SWATCH, fill: item.fill }) +
        label({ x: x + SWATCH + 6, y: y + SWATCH / 2, fill: 'currentColor' }, name),
    )
    x += itemWidth
  }
  return {
    markup: el('g', { class: 'z-chart__legend' }, parts.join('')),
    height: y - y0 + rowHeight,
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Indicator: measurements over time against baseline and target

export interface IndicatorChartInput extends ChartText {
  /** Measurements in any order; `date` is an ISO date (a time without offset counts as UTC). */
  measurements: { date: string; value: number }[]
  baseline?: number | null
  target?: number | null
  labels: {
    /** Direct label of the dashed target line, followed by the value: "Target 120". */
    target: string
    /** Direct label of the dotted baseline: "Baseline 40". */
    baseline: string
    /** Table column headers. */
    date: string
    value: string
    /** When given, the last measurement is labelled too: "Latest 80". */
    latest?: string
  }
  formatNumber: Format<number>
  /** Formats an input date as written in `measurements` (for axis ticks and table rows). */
  formatDate: Format<string>
}

const INDICATOR_HEIGHT = 300

/**
 * A line with point markers of the measurements over time, a dashed target line and a dotted
 * baseline, each labelled directly. Null when there is no measurement yet (say so in words).
 * Table rows: the baseline, each measurement by date, the target.
 */
export function indicatorChart(input: IndicatorChartInput): Chart | null {
  const fn = 'indicatorChart'
  checkText(input, fn)
  if (input.measurements.length === 0) return null
  const { labels, formatNumber } = input
  const points = input.measurements
    .map((measurement, index) => {
      checkNumber(measurement.value, `the value of measurement ${index + 1}`, fn, input.id)
      return { ...measurement, time: isoTime(measurement.date, fn, input.id) }
    })
    .sort((a, b) => a.time - b.time)

  const references: { kind: 'target' | 'baseline'; value: number }[] = []
  for (const kind of ['target', 'baseline'] as const) {
    const value = input[kind]
    if (value === null || value === undefined) continue
    checkNumber(value, `the ${kind}`, fn, input.id)
    references.push({ kind, value })
  }
  const values = [...points.map((p) => p.value), ...references.map((r) => r.value)]
  const ticks = niceTicks(Math.min(...values), Math.max(...values))
  const tickLabels = ticks.map(formatNumber)
  const last = points[points.length - 1]!

  // Direct labels sit in a right margin as wide as the longest one.
  const direct = references.map((reference) => ({
    kind: reference.kind as 'target' | 'baseline' | 'latest',
    value: reference.value,
    text: `${labels[reference.kind]} ${formatNumber(reference.value)}`,
  }))
  if (labels.latest !== undefined) {
    direct.push({
      kind: 'latest',
      value: last.value,
      text: `${labels.latest} ${formatNumber(last.value)}`,
    })
  }
  const KEY = 18 // a short sample of each line's style before its label
  const labelWidth = Math.min(MAX_LABEL, Math.max(0, ...direct.map((d) => textWidth(d.text))))
  const left = Math.ceil(Math.max(...tickLabels.map(textWidth))) + 12
  const right = direct.length > 0 ? labelWidth + KEY + 14 : 12
  const top = 14
  const bottom = INDICATOR_HEIGHT - 40
  const x0 = left
  const x1 = WIDTH - right
  const inset = 10 // markers at the ends stay clear of the axis
  const y = linear(ticks[0]!, ticks[ticks.length - 1]!, bottom, top)
  const x = linear(points[0]!.time, last.time, x0 + inset, x1 - inset)

  const parts: string[] = []
  parts.push(valueGrid(ticks, y, tickLabels, 'vertical', x0, x1, x0 - 8))

  // Date ticks at measurement dates, as many as fit without touching (at most 5).
  const dateLabels = points.map((p) => input.formatDate(p.date))
  const dateWidth = Math.max(...dateLabels.map(textWidth))
  const chosen = dateTicks(
    points.map((p) => x(p.time)),
    dateWidth + 16,
  )
  parts.push(
    el(
      'g',
      { class: 'z-chart__dates', stroke: CHART_INK.muted },
      chosen
        .map((i) =>
          el('line', {
            x1: x(points[i]!.time),
            x2: x(points[i]!.time),
            y1: bottom,
            y2: bottom + 5,
          }),
        )
        .join(''),
    ),
    el(
      'g',
      { fill: 'currentColor', 'text-anchor': 'middle' },
      chosen
        .map((i) => {
          const at = Math.min(WIDTH - dateWidth / 2, Math.max(dateWidth / 2, x(points[i]!.time)))
          return label({ x: at, y: bottom + 20 }, dateLabels[i]!)
        })
        .join(''),
    ),
  )

  const styles = {
    target: { stroke: CHART_INK.ink, 'stroke-dasharray': '8 5' },
    baseline: { stroke: CHART_INK.muted, 'stroke-dasharray': '1 5', 'stroke-linecap': 'round' },
  }
  for (const reference of references) {
    parts.push(
      el('line', {
        class: `z-chart__${reference.kind}`,
        x1: x0,
        x2: x1,
        y1: y(reference.value),
        y2: y(reference.value),
        'stroke-width': 2,
        ...styles[reference.kind],
      }),
    )
  }

  const series = CHART_PALETTE[0].color
  if (points.length > 1) {
    parts.push(
      el('polyline', {
        class: 'z-chart__line',
        points: points.map((p) => `${num(x(p.time))},${num(y(p.value))}`).join(' '),
        fill: 'none',
        stroke: series,
        'stroke-width': 2.5,
        'stroke-linejoin': 'round',
      }),
    )
  }
  // White rims keep each marker distinct where it sits on a reference line.
  const marker = (cx: number, cy: number) => el('circle', { cx, cy, r: 4.5 })
  parts.push(
    el(
      'g',
      { class: 'z-chart__points', fill: series, stroke: WHITE, 'stroke-width': 1.5 },
      points.map((p) => marker(x(p.time), y(p.value))).join(''),
    ),
  )

  if (direct.length > 0) {
    const at = spread(
      direct.map((d) => y(d.value)),
      FONT + 3,
      top,
      bottom,
    )
    const keys = direct.map((d, i) => {
      const from = x1 + 4
      const to = x1 + KEY
      const ky = at[i]!
      if (d.kind === 'latest') {
        return (
          el('line', { x1: from, x2: to, y1: ky, y2: ky, stroke: series, 'stroke-width': 2.5 }) +
          el('circle', { cx: (from + to) / 2, cy: ky, r: 4, fill: series })
        )
      }
      return el('line', { x1: from, x2: to, y1: ky, y2: ky, 'stroke-width': 2, ...styles[d.kind] })
    })
    parts.push(
      el(
        'g',
        { class: 'z-chart__labels' },
        keys.join('') +
          el(
            'g',
            { fill: 'currentColor' },
            direct
              .map((d, i) => label({ x: x1 + KEY + 6, y: at[i]! }, fit(d.text, labelWidth)))
              .join(''),
          ),
      ),
    )
  }

  const byKind = (kind: 'target' | 'baseline') => references.find((r) => r.kind === kind)
  const baseline = byKind('baseline')
  const target = byKind('target')
  const rows = [
    ...(baseline ? [[labels.baseline, formatNumber(baseline.value)]] : []),
    ...points.map((p, i) => [dateLabels[i]!, formatNumber(p.value)]),
    ...(target ? [[labels.target, formatNumber(target.value)]] : []),
  ]
  return {
    svg: svgDocument(input, INDICATOR_HEIGHT, parts.join('')),
    table: { caption: input.title, columns: [labels.date, labels.value], rows },
  }
}

/** Indices of the points to label on the date axis: first, last and evenly spread ones that fit. */
function dateTicks(xs: number[], minGap: number): number[] {
  const first = 0
  const last = xs.length - 1
  const span = xs[last]! - xs[first]!
  const wanted = Math.min(5, Math.floor(span / minGap) + 1)
  const chosen = [first]
  if (last !== first && span >= minGap) chosen.push(last)
  for (let k = 1; k < wanted - 1; k++) {
    const goal = xs[first]! + (span * k) / (wanted - 1)
    let best = first
    xs.forEach((value, i) => {
      if (Math.abs(value - goal) < Math.abs(xs[best]! - goal)) best = i
    })
    if (chosen.every((i) => Math.abs(xs[i]! - xs[best]!) >= minGap)) chosen.push(best)
  }
  return chosen.sort((a, b) => a - b)
}

// ---------------------------------------------------------------------------------------------
// 2. Stacked bars: the groups of each category, as counts or as shares of 100 %

export interface StackedBarChartInput extends ChartText {
  /** One bar each, in order (years, communes…). */
  categories: string[]
  /** At most 8 groups, stacked in this order; `values[i]` belongs to `categories[i]`, ≥ 0. */
  groups: { label: string; values: number[] }[]
  /** Horizontal bars suit long names (communes); vertical bars suit short ones (years). */
  orientation?: 'horizontal' | 'vertical'
  /** Each bar as 100 % with the groups' shares, instead of counts. */
  shares?: boolean
  labels: {
    /** Header of the table's first column ("Commune", "Year"). */
    category: string
    /** When given, the table gets a last column with each category's total count. */
    total?: string
  }
  formatNumber: Format<number>
  /** Formats a share given as a fraction (0.25 → "25 %"); needed with `shares`. */
  formatPercent?: Format<number>
  /** Percent decimals the table's shares are rounded to so that they add up to 100 % (1). */
  shareDecimals?: number
}

const BAR = 22
const BAR_GAP = 12
const VERTICAL_PLOT = 240

/**
 * One stacked bar per category with a legend; groups differ by colour and pattern. Table: one
 * row per category, one column per group (counts, or shares adding up to 100 %), optional total.
 */
export function stackedBarChart(input: StackedBarChartInput): Chart {
  const fn = 'stackedBarChart'
  checkText(input, fn)
  const { categories, groups, formatNumber } = input
  if (categories.length === 0) throw new Error(`${fn} "${input.id}": there is no category.`)
  if (groups.length === 0) throw new Error(`${fn} "${input.id}": there is no group.`)
  if (groups.length > CHART_PALETTE.length) {
    throw new Error(
      `${fn} "${input.id}": ${groups.length} groups, but a chart stays readable with at most ` +
        `${CHART_PALETTE.length}: merge the smallest into an "other" group.`,
    )
  }
  groups.forEach((group) => {
    if (group.values.length !== categories.length) {
      throw new Error(
        `${fn} "${input.id}": group "${group.label}" has ${group.values.length} values for ` +
          `${categories.length} categories; give one value per category.`,
      )
    }
    group.values.forEach((value, i) => {
      checkNumber(value, `group "${group.label}" in "${categories[i]}"`, fn, input.id)
      if (value < 0) {
        throw new Error(
          `${fn} "${input.id}": group "${group.label}" in "${categories[i]}" is ${value}; ` +
            `stacked bars need counts of 0 or more.`,
        )
      }
    })
  })
  const shares = input.shares === true
  const formatPercent = input.formatPercent
  if (shares && !formatPercent) {
    throw new Error(`${fn} "${input.id}": shares need formatPercent (a fraction → "25 %").`)
  }

  const totals = categories.map((_, c) => groups.reduce((sum, g) => sum + g.values[c]!, 0))
  const ticks = shares ? [0, 0.25, 0.5, 0.75, 1] : niceTicks(0, Math.max(...totals))
  const tickLabels = ticks.map(shares ? formatPercent! : formatNumber)
  const domainMax = ticks[ticks.length - 1]!
  /** Where each group's segment starts and ends in each bar, as a fraction of the axis. */
  const edges = categories.map((_, c) => {
    let sum = 0
    const scale = shares ? (totals[c]! > 0 ? 1 / totals[c]! : 0) : 1 / domainMax
    return [0, ...groups.map((g) => (sum += g.values[c]!) * scale)]
  })

  const vertical = input.orientation === 'vertical'
  const { markup: legendMarkup, height: legendHeight } = legend(
    groups.map((g, i) => ({ name: g.label, fill: groupFill(input.id, i) })),
    0,
    2,
    WIDTH,
  )
  const top = legendHeight + 14
  const parts = [patternDefs(input.id, groups.length), legendMarkup]
  // Segments are cut at edges rounded to tenths, so a bar's segments add up exactly to its length.
  const tenth = (value: number) => Math.round(value * 10) / 10
  const segments = (
    c: number,
    from: number,
    length: number,
    rect: (a: number, b: number) => Attrs,
  ) =>
    groups
      .map((_, g) => {
        const a = tenth(from + edges[c]![g]! * length)
        const b = tenth(from + edges[c]![g + 1]! * length)
        return b - a > 0 ? el('rect', { ...rect(a, b), fill: groupFill(input.id, g) }) : ''
      })
      .join('')
  let height: number

  if (!vertical) {
    const nameWidth = Math.min(MAX_LABEL, Math.max(...categories.map(textWidth)))
    const x0 = nameWidth + 12
    const x1 = WIDTH - Math.max(12, textWidth(tickLabels[tickLabels.length - 1]!) / 2 + 4)
    const bottom = top + categories.length * (BAR + BAR_GAP)
    const x = linear(0, domainMax, x0, x1)
    parts.push(valueGrid(ticks, x, tickLabels, 'horizontal', top - 4, bottom, bottom + 14))
    parts.push(
      el(
        'g',
        { class: 'z-chart__bars', stroke: WHITE },
        categories
          .map((_, c) => {
            const y = top + BAR_GAP / 2 + c * (BAR + BAR_GAP)
            return el(
              'g',
              { class: 'z-chart__bar' },
              segments(c, x0, x1 - x0, (a, b) => ({ x: a, y, width: b - a, height: BAR })),
            )
          })
          .join(''),
      ),
      el(
        'g',
        { fill: 'currentColor', 'text-anchor': 'end' },
        categories
          .map((name, c) =>
            label(
              { x: x0 - 8, y: top + BAR_GAP / 2 + c * (BAR + BAR_GAP) + BAR / 2 },
              fit(name, nameWidth),
            ),
          )
          .join(''),
      ),
    )
    height = bottom + 30
  } else {
    const x0 = Math.ceil(Math.max(...tickLabels.map(textWidth))) + 12
    const x1 = WIDTH - 8
    const bottom = top + VERTICAL_PLOT
    const band = (x1 - x0) / categories.length
    const barWidth = Math.min(56, band * 0.6)
    const y = linear(0, domainMax, bottom, top)
    parts.push(valueGrid(ticks, y, tickLabels, 'vertical', x0, x1, x0 - 8))
    const centre = (c: number) => x0 + band * (c + 0.5)
    parts.push(
      el(
        'g',
        { class: 'z-chart__bars', stroke: WHITE },
        categories
          .map((_, c) =>
            el(
              'g',
              { class: 'z-chart__bar' },
              // Stacked upwards from the axis: the first group sits at the bottom.
              segments(c, 0, bottom - top, (a, b) => ({
                x: centre(c) - barWidth / 2,
                y: bottom - b,
                width: barWidth,
                height: b - a,
              })),
            ),
          )
          .join(''),
      ),
      el(
        'g',
        { fill: 'currentColor', 'text-anchor': 'middle' },
        categories
          .map((name, c) => label({ x: centre(c), y: bottom + 16 }, fit(name, band - 4)))
          .join(''),
      ),
    )
    height = bottom + 32
  }

  const cells = categories.map((_, c) => {
    const counts = groups.map((g) => g.values[c]!)
    const row = shares
      ? totals[c]! > 0
        ? roundShares(counts, input.shareDecimals ?? 1).map(formatPercent!)
        : counts.map(() => '–')
      : counts.map(formatNumber)
    return input.labels.total === undefined ? row : [...row, formatNumber(totals[c]!)]
  })
  return {
    svg: svgDocument(input, height, parts.join('')),
    table: {
      caption: input.title,
      columns: [
        input.labels.category,
        ...groups.map((g) => g.label),
        ...(input.labels.total === undefined ? [] : [input.labels.total]),
      ],
      rows: categories.map((name, c) => [name, ...cells[c]!]),
    },
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Simple bars: one value per category, labelled at the end of each bar

export interface BarChartInput extends ChartText {
  bars: { label: string; value: number }[]
  /** A dashed line across the bars (e.g. the national share), labelled "label value" on top. */
  reference?: { value: number; label: string }
  /** The far end of the axis when it should not simply fit the longest bar (1 for shares). */
  domainMax?: number
  labels: { category: string; value: string }
  formatValue: Format<number>
}

/**
 * Horizontal bars with their value written at the end, and an optional reference line. Table:
 * one row per bar, then the reference.
 */
export function barChart(input: BarChartInput): Chart {
  const fn = 'barChart'
  checkText(input, fn)
  const { bars, reference, formatValue } = input
  if (bars.length === 0) throw new Error(`${fn} "${input.id}": there is no bar.`)
  bars.forEach((bar) => checkNumber(bar.value, `bar "${bar.label}"`, fn, input.id))
  if (reference) checkNumber(reference.value, 'the reference', fn, input.id)
  if (input.domainMax !== undefined) checkNumber(input.domainMax, 'domainMax', fn, input.id)

  const values = bars.map((bar) => bar.value)
  const extent = [0, ...values, ...(reference ? [reference.value] : [])]
  if (input.domainMax !== undefined) extent.push(input.domainMax)
  const lo = Math.min(...extent)
  // Only zeros: any scale will do, the bars have no length.
  const hi = Math.max(...extent) === lo ? lo + 1 : Math.max(...extent)

  const valueLabels = values.map(formatValue)
  const valueWidth = Math.max(...valueLabels.map(textWidth)) + 8
  const nameWidth = Math.min(MAX_LABEL, Math.max(...bars.map((bar) => textWidth(bar.label))))
  const referenceText = reference ? `${reference.label} ${formatValue(reference.value)}` : ''
  const top = reference ? 30 : 6
  const x0 = nameWidth + 12
  // Room for value labels on the side each bar grows to.
  const plotLeft = x0 + (lo < 0 ? valueWidth : 0)
  const plotRight = WIDTH - (hi > 0 ? valueWidth : 8)
  const x = linear(lo, hi, plotLeft, plotRight)
  const row = BAR + 10
  const bottom = top + bars.length * row
  const rowY = (i: number) => top + 5 + i * row
  const halo = {
    stroke: WHITE,
    'stroke-width': 4,
    'paint-order': 'stroke',
    'stroke-linejoin': 'round',
  }

  const parts: string[] = []
  parts.push(
    el(
      'g',
      { class: 'z-chart__bars', fill: CHART_PALETTE[0].color },
      bars
        .map((bar, i) => {
          const a = x(Math.min(0, bar.value))
          const b = x(Math.max(0, bar.value))
          return b - a > 0 ? el('rect', { x: a, y: rowY(i), width: b - a, height: BAR }) : ''
        })
        .join(''),
    ),
    el('line', { x1: x(0), x2: x(0), y1: top, y2: bottom, stroke: CHART_INK.muted }),
    el(
      'g',
      { fill: 'currentColor', 'text-anchor': 'end' },
      bars
        .map((bar, i) => label({ x: x0 - 8, y: rowY(i) + BAR / 2 }, fit(bar.label, nameWidth)))
        .join(''),
    ),
  )
  if (reference) {
    const at = x(reference.value)
    const width = Math.min(textWidth(referenceText), WIDTH)
    // A white rim keeps the dashed line visible where it crosses the bars.
    parts.push(
      el(
        'g',
        { class: 'z-chart__reference' },
        el('line', { x1: at, x2: at, y1: top - 8, y2: bottom, stroke: WHITE, 'stroke-width': 5 }) +
          el('line', {
            x1: at,
            x2: at,
            y1: top - 8,
            y2: bottom,
            stroke: CHART_INK.ink,
            'stroke-width': 2,
            'stroke-dasharray': '6 4',
          }) +
          label(
            {
              x: Math.min(WIDTH - width / 2, Math.max(width / 2, at)),
              y: 10,
              'text-anchor': 'middle',
              fill: 'currentColor',
            },
            fit(referenceText, WIDTH),
          ),
      ),
    )
  }
  // Value labels last, with a white rim, so that no line crosses them unreadably.
  parts.push(
    el(
      'g',
      { class: 'z-chart__values', fill: 'currentColor', ...halo },
      bars
        .map((bar, i) => {
          const negative = bar.value < 0
          return label(
            {
              x: x(bar.value) + (negative ? -6 : 6),
              y: rowY(i) + BAR / 2,
              'text-anchor': negative ? 'end' : undefined,
            },
            valueLabels[i]!,
          )
        })
        .join(''),
    ),
  )
  return {
    svg: svgDocument(input, bottom + 6, parts.join('')),
    table: {
      caption: input.title,
      columns: [input.labels.category, input.labels.value],
      rows: [
        ...bars.map((bar, i) => [bar.label, valueLabels[i]!]),
        ...(reference ? [[reference.label, formatValue(reference.value)]] : []),
      ],
    },
  }
}
