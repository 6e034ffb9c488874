// STATEC population files → one list of observations for the diversity inventory.
//
// Three formats are read (`parseStatecFile` tells them apart by their header):
// - SDMX-CSV exactly as the LUSTAT data explorer exports it (1.0 `DATAFLOW,…` or 2.0
//   `STRUCTURE,STRUCTURE_ID,…`; `labels=id` or `labels=both`). The commune is the first of the
//   dimensions CANTON, COMMUNE, GEO, REF_AREA, LAU; census GEO codes `LU0001205` mean 1205. A
//   citizenship dimension (CITIZEN, CITIZENSHIP, NATIONALITY) gives the group, else the figure is
//   the total. `T` is the national total; cantons `C01`–`C12` and any breakdown by another
//   dimension (SEX=F…) are skipped with their reason.
// - The simple CSV documented in content/statec/SIMPLE-CSV.md: `commune_code,year,group,count`
//   (optional `reference_date`, `source`), `,` or `;`.
// - The census file content/statec/citizenship-census-2021.csv (one column per group).
//
// Groups: the eight nationality groups of the inventory plus `total`, and two that STATEC
// publishes for the census: `eu-foreigners` (the sum of portuguese … other-eu) and
// `stateless-or-not-stated` (STLS + UNK, summed). They are not all disjoint: see GROUP_PARTS.
//
// Nothing a row can hold throws: bad rows come back in `skipped` with their line and reason.
// Only a file that cannot be read at all throws (not UTF-8, unknown layout, missing columns).
import { DateTime } from 'luxon'
import { localDay } from './dates'
import { readCsv, type CsvTable } from './csv'
import { type PopulationGroup, populationGroups } from './population'

export {
  GROUP_PARTS,
  nationalityGroups,
  populationGroups,
  type NationalityGroup,
  type PopulationGroup,
} from './population'

export interface ObservationSource {
  /** Stable id, part of the natural key, e.g. `LU1:DF_X021` (no version: a new one upserts). */
  dataset: string
  /** What a page shows next to the figure. */
  label: string
  file?: string
}

export interface PopulationObservation {
  area: 'commune' | 'national'
  /** STATEC code (null for the national total). */
  communeCode: string | null
  /** Slug of the portal commune (null for the national total). */
  commune: string | null
  /** As the file says it: `2024` or `2021-11-08`. */
  period: string
  /** The day the count refers to (1 January for resident population). */
  referenceDate: string
  group: PopulationGroup
  count: number
  source: ObservationSource
  /** The line the figure was read from (the first, when two codes were summed). */
  line: number
}

export interface SkippedRow {
  line: number
  reason: string
}

export interface ParseResult {
  observations: PopulationObservation[]
  skipped: SkippedRow[]
  summary: {
    format: 'sdmx' | 'simple' | 'census' | 'register'
    file?: string
    rows: number
    observations: number
    skipped: number
    /** Things an editor should know, e.g. figures kept on a merged commune. */
    notes: string[]
  }
}

/** A portal commune as the importer passes it (the `code` field of the Communes collection). */
export interface PortalCommune {
  slug: string
  statecCode?: string | null
  /** ISO dates or instants; validTo is the last day the commune existed. */
  validFrom?: string | null
  validTo?: string | null
  /** Slug of the commune that took over after a merger. */
  successor?: string | null
}

export interface ParseOptions {
  communes: readonly PortalCommune[]
  /** File name, for messages and the source. */
  file?: string
  /** Overrides the source (simple CSV: default `STATEC`, or the `source` column). */
  source?: Partial<ObservationSource>
}

/** The file as a whole cannot be read; the message says what to change. */
export class StatecFormatError extends Error {
  override name = 'StatecFormatError'
}

/** The natural key an importer upserts on: same source, commune, day and group = same figure. */
export function observationKey(observation: PopulationObservation): string {
  const { source, communeCode, referenceDate, group } = observation
  return [source.dataset, communeCode ?? 'LU', referenceDate, group].join('|')
}

export type CommuneMatch =
  | { commune: PortalCommune; note?: { kind: 'retired' | 'beforeCreation'; text: string } }
  | { reason: string }

/**
 * The portal commune a STATEC code stands for on a given day. A figure for a commune that
 * merged later stays attached to it (Bous in 2021 is Bous, not Bous-Waldbredimus); a figure
 * dated after the merger is refused, since STATEC reports the area under the successor's code.
 */
export function communeForCode(
  code: string,
  referenceDate: string,
  communes: readonly PortalCommune[],
): CommuneMatch {
  const candidates = communes.filter((commune) => commune.statecCode === code)
  const commune =
    candidates.find(
      (candidate) =>
        !(candidate.validTo && referenceDate > calendarDay(candidate.validTo)) &&
        !(candidate.validFrom && referenceDate < calendarDay(candidate.validFrom)),
    ) ?? candidates[0]
  if (!commune) {
    return {
      reason:
        `unknown commune code ${code}: no portal commune has this STATEC code; add it to the ` +
        `commune (field "code") or remove the row`,
    }
  }
  const label = `${commune.slug} (${code})`
  if (commune.validTo) {
    const merged = nextDay(calendarDay(commune.validTo))
    const into = commune.successor ? ` into ${commune.successor}` : ''
    if (referenceDate >= merged) {
      return {
        reason: `${label} merged${into} on ${merged}: a figure dated ${referenceDate} belongs to the successor's code`,
      }
    }
    const text = `${label} merged${into} on ${merged}: its figures dated before then stay attached to ${commune.slug}`
    return { commune, note: { kind: 'retired', text } }
  }
  if (commune.validFrom && referenceDate < calendarDay(commune.validFrom)) {
    const text = `${label} exists since ${calendarDay(commune.validFrom)}: figures dated before then are STATEC's back-calculation for its area, kept`
    return { commune, note: { kind: 'beforeCreation', text } }
  }
  return { commune }
}

/** A figure as read from a row, before the checks every format shares. */
interface Candidate {
  line: number
  areaCode: string
  period: string
  referenceDate: string
  group: PopulationGroup
  /** The code the group was read from; two codes of one group are summed (STLS + UNK). */
  groupCode: string
  value: string
  source: ObservationSource
}

/** Gathers candidates into observations: area, count, commune and duplicate checks. */
class ObservationCollector {
  readonly observations: PopulationObservation[] = []
  readonly skipped: SkippedRow[] = []
  private readonly notes = new Map<string, number>()
  private readonly byKey = new Map<
    string,
    { observation: PopulationObservation; codes: Map<string, { count: number; line: number }> }
  >()

  constructor(private readonly communes: readonly PortalCommune[]) {}

  skip(line: number, reason: string) {
    this.skipped.push({ line, reason })
  }

  note(text: string) {
    this.notes.set(text, (this.notes.get(text) ?? 0) + 1)
  }

  add(candidate: Candidate) {
    const { line, areaCode } = candidate
    const area = classifyArea(areaCode)
    if ('reason' in area) return this.skip(line, area.reason)
    let commune: PortalCommune | null = null
    let note: string | undefined
    if (area.code) {
      const match = communeForCode(area.code, candidate.referenceDate, this.communes)
      if ('reason' in match) {
        const empty = candidate.value.trim() === '' || candidate.value === 'NaN'
        return this.skip(line, empty ? `no value for ${area.code} (${match.reason})` : match.reason)
      }
      commune = match.commune
      note = match.note?.text
    }
    const count = parseCount(candidate.value)
    if (typeof count === 'string') {
      const where = commune ? `${commune.slug} (${area.code})` : 'the national total'
      return this.skip(line, `${count} for ${where}, ${candidate.period}`)
    }
    const observation: PopulationObservation = {
      area: area.code ? 'commune' : 'national',
      communeCode: area.code,
      commune: commune?.slug ?? null,
      period: candidate.period,
      referenceDate: candidate.referenceDate,
      group: candidate.group,
      count,
      source: candidate.source,
      line,
    }
    const key = observationKey(observation)
    const existing = this.byKey.get(key)
    if (existing) {
      const earlier = existing.codes.get(candidate.groupCode)
      if (earlier !== undefined) {
        return this.skip(
          line,
          `duplicate of line ${earlier.line} (same commune, date and group ${candidate.group}` +
            (earlier.count === count ? ')' : `, but ${count} here and ${earlier.count} there)`),
        )
      }
      existing.codes.set(candidate.groupCode, { count, line })
      existing.observation.count += count
      return
    }
    this.byKey.set(key, { observation, codes: new Map([[candidate.groupCode, { count, line }]]) })
    this.observations.push(observation)
    if (note) this.note(note)
  }

  result(format: ParseResult['summary']['format'], table: CsvTable, file?: string): ParseResult {
    for (const problem of table.problems)
      this.skip(problem.line, `malformed CSV: ${problem.reason}`)
    this.skipped.sort((a, b) => a.line - b.line)
    const notes = [...this.notes].map(
      ([text, count]) => `${text} (${count} ${count === 1 ? 'figure' : 'figures'})`,
    )
    const summary = {
      format,
      ...(file ? { file } : {}),
      rows: table.rows.length + table.problems.length,
      observations: this.observations.length,
      skipped: this.skipped.length,
      notes,
    }
    return { observations: this.observations, skipped: this.skipped, summary }
  }
}

function classifyArea(raw: string): { code: string | null } | { reason: string } {
  const code = raw.trim().replace(/^LU000(?=\w)/, '')
  if (/^\d{4}$/.test(code)) return { code }
  if (['T', '_T', 'LU', 'TOTAL'].includes(code.toUpperCase())) return { code: null }
  if (/^C\d{2}$/.test(code)) return { reason: `canton aggregate ${code}, not a commune` }
  return { reason: `"${raw}" is not a STATEC commune code (4 digits, e.g. 1205)` }
}

function parseCount(raw: string): number | string {
  const value = raw.trim()
  if (value === '' || value === 'NaN') return 'no value'
  if (/^\d+(\.0+)?$/.test(value)) return Number(value)
  if (/^-\d+(\.\d+)?$/.test(value)) return `negative count ${value}`
  if (/^\d+\.\d+$/.test(value)) return `count ${value} is not a whole number of people`
  return `count "${value}" is not a number (write digits only, without spaces or separators)`
}

function calendarDay(value: string): string {
  return isIsoDay(value) ? value : localDay(value)
}

function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid
}

function nextDay(day: string): string {
  return DateTime.fromISO(day).plus({ days: 1 }).toISODate() ?? day
}

const STRUCTURE_COLUMNS = ['DATAFLOW', 'STRUCTURE', 'STRUCTURE_ID', 'ACTION']
const COMMUNE_DIMENSIONS = ['CANTON', 'COMMUNE', 'GEO', 'REF_AREA', 'LAU']
const CITIZENSHIP_DIMENSIONS = ['CITIZEN', 'CITIZENSHIP', 'NATIONALITY']
/** Dimensions that describe every figure rather than split it. */
const PROPERTY_DIMENSIONS = ['FREQ', 'UNIT_MEASURE']
const TOTAL_CODES = ['_T', 'T', 'TOTAL', '_Z']

/** Citizenship codes of LUSTAT (census CITIZEN codelist) and their Eurostat/ISO synonyms. */
const CITIZENSHIP_CODES: [PopulationGroup, string[]][] = [
  ['total', ['_T', 'T', 'TOTAL']],
  ['luxembourgers', ['NAT', 'LU', 'LUX']],
  ['portuguese', ['PT', 'PRT']],
  ['french', ['FR', 'FRA']],
  ['belgian', ['BE', 'BEL']],
  ['german', ['DE', 'DEU']],
  ['italian', ['IT', 'ITA']],
  ['other-eu', ['OTH_EU', 'EU_OTH']],
  ['eu-foreigners', ['EU_FOR', 'EU27_2020_FOR']],
  ['non-eu', ['NEU', 'NON_EU', 'NEU27_2020_FOR']],
  ['stateless-or-not-stated', ['STLS', 'UNK']],
]
const CITIZENSHIP_GROUPS = new Map(
  CITIZENSHIP_CODES.flatMap(([group, codes]) => codes.map((code) => [code, group] as const)),
)

/** Census reference days (a census counts residents on one day, not on 1 January). */
const CENSUS_DAYS: Record<string, string> = { '2011': '2011-02-01', '2021': '2021-11-08' }
const CENSUS_DATASET = 'LU1:DSD_CENSUS_GROUP7_10@DF_B1625'

/** SDMX-CSV with `labels=both` writes `CODE: Label` in headers and cells. */
const sdmxCode = (cell: string) => cell.split(': ')[0]!.trim()

function sdmxSource(structure: string, file: string | undefined): ObservationSource {
  const match = /^(?:([\w.]+):)?([\w@.]+)(?:\((.+)\))?$/.exec(structure)
  const dataset = match ? (match[1] ? `${match[1]}:${match[2]}` : match[2]!) : structure
  const version = match?.[3] ? ` (${match[3]})` : ''
  return { dataset, label: `STATEC, LUSTAT ${dataset}${version}`, ...(file ? { file } : {}) }
}

function sdmxReferenceDate(
  dataset: string,
  period: string,
  collector: ObservationCollector,
): string | { reason: string } {
  if (isIsoDay(period)) return period
  if (!/^\d{4}$/.test(period)) {
    return { reason: `period "${period}" is not understood (expected a year or YYYY-MM-DD)` }
  }
  if (/CENSUS/i.test(dataset)) {
    return CENSUS_DAYS[period] ?? { reason: `no known census day for ${period} in ${dataset}` }
  }
  if (!dataset.endsWith('DF_X021')) {
    collector.note(
      `${dataset}: yearly figures taken as on 1 January; check the dataflow's definition`,
    )
  }
  return `${period}-01-01`
}

function parseSdmxTable(table: CsvTable, options: ParseOptions): ParseResult {
  const columns = table.header.map((name) => sdmxCode(name).toUpperCase())
  const time = columns.indexOf('TIME_PERIOD')
  const value = columns.indexOf('OBS_VALUE')
  const structure = Math.max(columns.indexOf('DATAFLOW'), columns.indexOf('STRUCTURE_ID'))
  if (time < 0 || value < 0 || structure < 0) {
    throw new StatecFormatError(
      `${options.file ?? 'The file'} is not SDMX-CSV as LUSTAT exports it: it needs the columns ` +
        `DATAFLOW (or STRUCTURE_ID), TIME_PERIOD and OBS_VALUE, and has ${columns.join(', ')}.`,
    )
  }
  const dimensions = columns
    .map((name, index) => ({ name, index }))
    .filter(({ name, index }) => index < time && !STRUCTURE_COLUMNS.includes(name))
  const area = dimensions.find(({ name }) => COMMUNE_DIMENSIONS.includes(name))
  if (!area) {
    throw new StatecFormatError(
      `${options.file ?? 'The file'} has no commune dimension (one of ` +
        `${COMMUNE_DIMENSIONS.join(', ')}); its dimensions are ${dimensions.map((d) => d.name).join(', ')}.`,
    )
  }
  const citizenship = dimensions.find(({ name }) => CITIZENSHIP_DIMENSIONS.includes(name))
  const breakdowns = dimensions.filter(
    (dimension) =>
      dimension !== area &&
      dimension !== citizenship &&
      !PROPERTY_DIMENSIONS.includes(dimension.name),
  )
  const collector = new ObservationCollector(options.communes)
  const sources = new Map<string, ObservationSource>()
  for (const { line, cells } of table.rows) {
    const cell = (index: number) => sdmxCode(cells[index] ?? '')
    const breakdown = breakdowns.find(({ index }) => !TOTAL_CODES.includes(cell(index)))
    if (breakdown) {
      collector.skip(
        line,
        `breakdown ${breakdown.name}=${cell(breakdown.index)} not used (the inventory uses totals)`,
      )
      continue
    }
    const groupCode = citizenship ? cell(citizenship.index) : '_T'
    const group = CITIZENSHIP_GROUPS.get(groupCode.toUpperCase())
    if (!group) {
      collector.skip(
        line,
        `${citizenship?.name}=${groupCode} has no group of its own in the inventory`,
      )
      continue
    }
    const structureId = cell(structure)
    const source = sources.get(structureId) ?? sdmxSource(structureId, options.file)
    sources.set(structureId, source)
    const period = cell(time)
    const referenceDate = sdmxReferenceDate(source.dataset, period, collector)
    if (typeof referenceDate !== 'string') {
      collector.skip(line, referenceDate.reason)
      continue
    }
    const areaCode = cell(area.index)
    const observation = { line, areaCode, period, referenceDate, group, groupCode }
    collector.add({
      ...observation,
      value: cells[value] ?? '',
      source: { ...source, ...options.source },
    })
  }
  return collector.result('sdmx', table, options.file)
}

const SIMPLE_COLUMNS = ['commune_code', 'year', 'group', 'count']

function parseSimpleTable(table: CsvTable, options: ParseOptions): ParseResult {
  const columns = table.header.map((name) => name.toLowerCase())
  const missing = SIMPLE_COLUMNS.filter((name) => !columns.includes(name))
  if (missing.length > 0) {
    throw new StatecFormatError(
      `${options.file ?? 'The file'} lacks the column(s) ${missing.join(', ')}: the simple CSV ` +
        `has the header ${SIMPLE_COLUMNS.join(',')} (see content/statec/SIMPLE-CSV.md).`,
    )
  }
  const collector = new ObservationCollector(options.communes)
  for (const { line, cells } of table.rows) {
    const cell = (name: string) => (cells[columns.indexOf(name)] ?? '').trim()
    const year = cell('year')
    if (!/^\d{4}$/.test(year)) {
      collector.skip(line, `year "${year}" is not a four-digit year`)
      continue
    }
    const referenceDate = cell('reference_date') || `${year}-01-01`
    if (!isIsoDay(referenceDate) || !referenceDate.startsWith(year)) {
      collector.skip(line, `reference_date "${referenceDate}" is not a day (YYYY-MM-DD) in ${year}`)
      continue
    }
    const group = cell('group').toLowerCase().replaceAll('_', '-')
    if (!(populationGroups as readonly string[]).includes(group)) {
      collector.skip(line, `group "${cell('group')}" is not one of ${populationGroups.join(', ')}`)
      continue
    }
    const label = options.source?.label ?? (cell('source') || 'STATEC')
    const source = { dataset: `simple:${label}`, label, ...options.source }
    if (options.file) source.file ??= options.file
    const candidate = { line, areaCode: cell('commune_code'), period: year, referenceDate }
    const typed = { group: group as PopulationGroup, groupCode: group, value: cell('count') }
    collector.add({ ...candidate, ...typed, source })
  }
  return collector.result('simple', table, options.file)
}

/** Census columns and their groups; any column named after a group (`portuguese`) works too. */
const CENSUS_COLUMNS: Record<string, PopulationGroup> = {
  eu_foreigners: 'eu-foreigners',
  non_eu_foreigners: 'non-eu',
  stateless_or_not_stated: 'stateless-or-not-stated',
}

function parseCensusTable(table: CsvTable, options: ParseOptions): ParseResult {
  const columns = table.header.map((name) => name.toLowerCase())
  const groupColumns = columns.flatMap((name, index) => {
    const group = CENSUS_COLUMNS[name] ?? name.replaceAll('_', '-')
    return (populationGroups as readonly string[]).includes(group)
      ? [{ name, index, group: group as PopulationGroup }]
      : []
  })
  const date = columns.indexOf('reference_date')
  const code = columns.indexOf('commune_code')
  if (date < 0 || code < 0 || groupColumns.length === 0) {
    throw new StatecFormatError(
      `${options.file ?? 'The file'} is not a census file: it needs commune_code, reference_date ` +
        `and group columns such as luxembourgers, eu_foreigners (see content/statec/README.md).`,
    )
  }
  const collector = new ObservationCollector(options.communes)
  for (const { line, cells } of table.rows) {
    const referenceDate = (cells[date] ?? '').trim()
    if (!isIsoDay(referenceDate)) {
      collector.skip(line, `reference_date "${referenceDate}" is not a day (YYYY-MM-DD)`)
      continue
    }
    const year = referenceDate.slice(0, 4)
    const source: ObservationSource = {
      dataset: CENSUS_DATASET,
      label: `STATEC, census ${year}`,
      ...(options.file ? { file: options.file } : {}),
      ...options.source,
    }
    for (const { name, index, group } of groupColumns) {
      const areaCode = cells[code] ?? ''
      const candidate = { line, areaCode, period: year, referenceDate, group, groupCode: name }
      collector.add({ ...candidate, value: cells[index] ?? '', source })
    }
  }
  return collector.result('census', table, options.file)
}

function readTable(input: string | Uint8Array, options: ParseOptions): CsvTable {
  const table = readCsv(input, { source: options.file ?? 'The file' })
  if (table.header.length === 0) {
    throw new StatecFormatError(`${options.file ?? 'The file'} is empty.`)
  }
  return table
}

export function parseSdmxCsv(input: string | Uint8Array, options: ParseOptions): ParseResult {
  return parseSdmxTable(readTable(input, options), options)
}

export function parseSimpleCsv(input: string | Uint8Array, options: ParseOptions): ParseResult {
  return parseSimpleTable(readTable(input, options), options)
}

export function parseCensusCsv(input: string | Uint8Array, options: ParseOptions): ParseResult {
  return parseCensusTable(readTable(input, options), options)
}

/** Reads any of the three formats, told apart by the header. */
export function parseStatecFile(input: string | Uint8Array, options: ParseOptions): ParseResult {
  const table = readTable(input, options)
  const columns = table.header.map((name) => sdmxCode(name).toLowerCase())
  if (columns.includes('obs_value')) return parseSdmxTable(table, options)
  if (columns.includes('group') && columns.includes('count'))
    return parseSimpleTable(table, options)
  if (columns.includes('commune_code') && columns.includes('reference_date')) {
    return parseCensusTable(table, options)
  }
  throw new StatecFormatError(
    `${options.file ?? 'The file'} is in no format the STATEC import knows. Use an SDMX-CSV ` +
      `export from LUSTAT (columns DATAFLOW, …, TIME_PERIOD, OBS_VALUE) or the simple CSV ` +
      `${SIMPLE_COLUMNS.join(',')} described in content/statec/SIMPLE-CSV.md.`,
  )
}
