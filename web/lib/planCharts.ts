// The plan's and the inventory's charts, in the reader's language: inputs for web/lib/charts.ts
// (SVG drawn at build time) and the table equivalent of each chart, with formatted numbers.
import type { LocaleCode } from '../../locales/config'
import type { ActionProgress } from '../../cms/domain/progress'
import { barChart, indicatorChart, stackedBarChart } from './charts'
import type { IndicatorView, PopulationSnapshot } from './content'
import { shortDate } from './dates'
import { t } from '../../locales/i18n'
import { CITIZENSHIP_GROUPS, count, percent, REGISTER_GROUPS, type RegionRow } from './inventory'

export interface Figure {
  svg: string
  table: { caption: string; columns: string[]; rows: string[][] }
}

/** One indicator's progress in the shape of an action's, for the same progress component. */
export function indicatorAsAction(indicator: IndicatorView): ActionProgress {
  const { progress } = indicator
  return progress.status === 'measured'
    ? { status: 'measured', share: progress.share, indicators: [progress], measuredIndicators: 1 }
    : { status: 'noMeasurement', indicators: [progress] }
}

export function indicatorFigure(
  indicator: IndicatorView,
  lang: LocaleCode,
  id: string,
): Figure | null {
  const points = indicator.measurements
  if (points.length === 0) return null
  const number = (value: number) => count(lang, value)
  const day = (iso: string) => shortDate(lang, iso)
  const title = t(lang, 'indicator.chartTitle', { indicator: indicator.name.value })
  const description = t(lang, 'indicator.chartDescription', {
    from: shortDate(lang, points[0]!.date),
    to: shortDate(lang, points.at(-1)!.date),
    first: number(points[0]!.value),
    last: number(points.at(-1)!.value),
    target: number(indicator.target),
  })
  const span = indicator.target - indicator.baseline
  const chart = indicatorChart({
    id,
    title,
    description,
    measurements: points.map((point) => ({ date: point.date.toISO()!, value: point.value })),
    baseline: indicator.baseline,
    target: indicator.target,
    labels: {
      baseline: t(lang, 'action.baseline'),
      target: t(lang, 'action.target'),
      date: t(lang, 'indicator.date'),
      value: t(lang, 'indicator.value'),
    },
    formatNumber: number,
    formatDate: day,
  })
  return {
    svg: chart?.svg ?? '',
    table: {
      caption: title,
      columns: [t(lang, 'indicator.date'), t(lang, 'indicator.value'), t(lang, 'indicator.share')],
      rows: points.map((point) => [
        shortDate(lang, point.date),
        number(point.value),
        span === 0 ? '—' : percent(lang, (point.value - indicator.baseline) / span),
      ]),
    },
  }
}

const groupLabel = (lang: LocaleCode, group: string) => t(lang, `group.${group}`)

/** Residents on 1 January, one bar per year. */
export function residentsFigure(
  lang: LocaleCode,
  name: string,
  snapshots: PopulationSnapshot[],
  id: string,
): Figure | null {
  if (snapshots.length === 0) return null
  const title = t(lang, 'inventory.chartResidents', {
    commune: name,
    from: snapshots[0]!.period,
    to: snapshots.at(-1)!.period,
  })
  const chart = barChart({
    id,
    title,
    description: snapshots
      .map((s) => `${s.period}: ${count(lang, s.counts.total ?? 0)}`)
      .join(', '),
    bars: snapshots.map((s) => ({ label: s.period, value: s.counts.total ?? 0 })),
    labels: { category: t(lang, 'inventory.year'), value: t(lang, 'inventory.total') },
    formatValue: (value: number) => count(lang, value),
  })
  return {
    svg: chart.svg,
    table: {
      caption: title,
      columns: [t(lang, 'inventory.year'), t(lang, 'inventory.total')],
      rows: snapshots.map((s) => [s.period, count(lang, s.counts.total ?? 0)]),
    },
  }
}

/** Residents by citizenship group (census), one stacked bar per commune, in shares. */
export function censusFigure(
  lang: LocaleCode,
  areas: { name: string; snapshot: PopulationSnapshot }[],
  id: string,
  /** What the bars are: communes (the region) or dates (one commune over time). */
  category = t(lang, 'inventory.communeColumn'),
): Figure {
  const title = t(lang, 'inventory.chartCitizenship')
  const chart = stackedBarChart({
    id,
    title,
    description: t(lang, 'inventory.chartCitizenshipDescription'),
    categories: areas.map(({ name }) => name),
    groups: CITIZENSHIP_GROUPS.map((group) => ({
      label: groupLabel(lang, group),
      values: areas.map(({ snapshot }) => snapshot.counts[group] ?? 0),
    })),
    orientation: 'horizontal',
    shares: true,
    labels: { category },
    formatNumber: (value: number) => count(lang, value),
    formatPercent: (share: number) => percent(lang, share),
  })
  return {
    svg: chart.svg,
    table: {
      caption: title,
      columns: [category, ...CITIZENSHIP_GROUPS.map((group) => groupLabel(lang, group))],
      rows: areas.map(({ name, snapshot }) => [
        name,
        ...CITIZENSHIP_GROUPS.map((group) =>
          snapshot.counts[group] === undefined ? '—' : count(lang, snapshot.counts[group]!),
        ),
      ]),
    },
  }
}

/** Share of non-Luxembourgers per commune against the national share. */
export function shareFigure(
  lang: LocaleCode,
  rows: RegionRow[],
  nationalShare: number | null,
  id: string,
): Figure {
  const title = t(lang, 'inventory.chartShare')
  const measured = rows.filter((row) => row.inventory.censusShare !== null)
  const chart = barChart({
    id,
    title,
    description: t(lang, 'inventory.chartShareDescription', {
      national: nationalShare === null ? '—' : percent(lang, nationalShare),
    }),
    bars: measured.map((row) => ({ label: row.name, value: row.inventory.censusShare! })),
    domainMax: 1,
    labels: {
      category: t(lang, 'inventory.communeColumn'),
      value: t(lang, 'inventory.foreignShare'),
    },
    formatValue: (value: number) => percent(lang, value),
    ...(nationalShare === null
      ? {}
      : {
          reference: {
            value: nationalShare,
            label: t(lang, 'inventory.national'),
          },
        }),
  })
  return {
    svg: chart.svg,
    table: {
      caption: title,
      columns: [t(lang, 'inventory.communeColumn'), t(lang, 'inventory.foreignShare')],
      rows: [
        ...measured.map((row) => [row.name, percent(lang, row.inventory.censusShare!)]),
        ...(nationalShare === null
          ? []
          : [[t(lang, 'inventory.national'), percent(lang, nationalShare)]]),
      ],
    },
  }
}

/** Main nationalities in the national register, counts per commune. */
export function registerFigure(
  lang: LocaleCode,
  areas: { name: string; snapshot: PopulationSnapshot }[],
  id: string,
): Figure {
  const title = t(lang, 'inventory.nationalities')
  const chart = stackedBarChart({
    id,
    title,
    description: t(lang, 'inventory.registerCaveat'),
    categories: areas.map(({ name }) => name),
    groups: REGISTER_GROUPS.map((group) => ({
      label: groupLabel(lang, group),
      values: areas.map(({ snapshot }) => snapshot.counts[group] ?? 0),
    })),
    orientation: 'horizontal',
    labels: { category: t(lang, 'inventory.communeColumn') },
    formatNumber: (value: number) => count(lang, value),
  })
  return {
    svg: chart.svg,
    table: {
      caption: title,
      columns: [
        t(lang, 'inventory.communeColumn'),
        ...REGISTER_GROUPS.map((group) => groupLabel(lang, group)),
        t(lang, 'inventory.total'),
      ],
      rows: areas.map(({ name, snapshot }) => [
        name,
        ...REGISTER_GROUPS.map((group) => count(lang, snapshot.counts[group] ?? 0)),
        count(lang, snapshot.counts.total ?? 0),
      ]),
    },
  }
}

/** Residents on 1 January per commune and year, as a table (the region page). */
export function regionResidentsTable(
  lang: LocaleCode,
  region: { rows: RegionRow[]; years: string[]; nationalResidents: PopulationSnapshot[] },
): Figure {
  const byYear = (snapshots: PopulationSnapshot[], year: string) => {
    const found = snapshots.find((s) => s.period === year)?.counts.total
    return found === undefined ? '—' : count(lang, found)
  }
  return {
    svg: '',
    table: {
      caption: t(lang, 'inventory.residents'),
      columns: [t(lang, 'inventory.communeColumn'), ...region.years],
      rows: [
        ...region.rows
          .filter((row) => row.inventory.residents.length > 0)
          .map((row) => [row.name, ...region.years.map((y) => byYear(row.inventory.residents, y))]),
        [
          t(lang, 'inventory.national'),
          ...region.years.map((y) => byYear(region.nationalResidents, y)),
        ],
      ],
    },
  }
}
