// The plan's actions and indicator values as CSV, both ways. Export: one row per measurement (or
// one per indicator without any), with what a steering committee reads. Import: the same columns
// back, changing only an action's status, an indicator's baseline and target, and measurements
// (added or changed by date) — shown first as a dry run, every problem named by its line, and
// written in one transaction or not at all. Indicators measured by the portal from attendance
// are exported for reading and never imported.
import { createLocalReq, type Payload } from 'payload'
import type { LocaleCode } from '../../locales/config'
import { readCsv, toCsv, type CsvCell, type CsvDelimiter } from '../domain/csv'
import { actionStatuses } from '../collections/Actions'
import { measurementsFromAttendance, type IndicatorSource } from '../domain/attendance'
import { localDay } from '../domain/dates'
import { indicatorProgress } from '../domain/progress'
import type { ReportReader } from './listsCsv'

export const ACTION_COLUMNS = [
  'action',
  'action_title',
  'status',
  'period_start',
  'period_end',
  'lead_communes',
  'indicator_id',
  'indicator',
  'unit',
  'measured_by',
  'baseline',
  'target',
  'date',
  'value',
  'progress_percent',
] as const

/** Columns the import reads; the others are there for people and are ignored. */
const IMPORTED = [
  'action',
  'status',
  'indicator_id',
  'baseline',
  'target',
  'date',
  'value',
] as const

interface StoredMeasurement {
  id?: string | null
  date: string
  value: number
}
interface StoredIndicator {
  id?: string | null
  name?: string | null
  unit?: string | null
  source?: IndicatorSource | null
  baseline: number
  target: number
  measurements?: StoredMeasurement[] | null
}
interface StoredAction {
  id: string | number
  slug: string
  title?: string | null
  status: string
  periodStart?: string | null
  periodEnd?: string | null
  leadCommunes?: ({ slug?: string } | string | number)[] | null
  indicators?: StoredIndicator[] | null
  _status?: string | null
}

async function readActions(
  payload: Payload,
  lang: LocaleCode,
  user: ReportReader,
): Promise<StoredAction[]> {
  const { docs } = await payload.find({
    collection: 'actions',
    overrideAccess: false,
    user,
    locale: lang,
    depth: 1,
    limit: 0,
    pagination: false,
    sort: 'slug',
  })
  return docs as unknown as StoredAction[]
}

/** Participants or events held per action, from the attendance of its published events. */
async function attendanceOf(payload: Payload, user: ReportReader) {
  const { docs } = await payload.find({
    collection: 'events',
    overrideAccess: false,
    user,
    where: { and: [{ action: { exists: true } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { action: true, start: true, attendance: true },
  })
  const byAction = new Map<string, { start: string; participants: number | null }[]>()
  for (const event of docs) {
    const key = String(event.action)
    const list = byAction.get(key) ?? []
    list.push({ start: event.start, participants: event.attendance?.participants ?? null })
    byAction.set(key, list)
  }
  return byAction
}

const day = (value: string | null | undefined) => (value ? localDay(value) : '')

export async function exportActionsCsv(
  payload: Payload,
  options: { lang: LocaleCode; delimiter?: CsvDelimiter; user: ReportReader },
): Promise<string> {
  const actions = await readActions(payload, options.lang, options.user)
  const attendance = await attendanceOf(payload, options.user)
  const rows: CsvCell[][] = [[...ACTION_COLUMNS]]
  for (const action of actions) {
    const lead = (action.leadCommunes ?? [])
      .map((commune) => (typeof commune === 'object' ? commune.slug : String(commune)))
      .join('|')
    const base: CsvCell[] = [
      action.slug,
      action.title ?? '',
      action.status,
      day(action.periodStart),
      day(action.periodEnd),
      lead,
    ]
    const indicators = action.indicators ?? []
    if (indicators.length === 0) rows.push([...base, '', '', '', '', '', '', '', '', ''])
    for (const indicator of indicators) {
      const source = indicator.source ?? 'manual'
      const measurements =
        source === 'manual'
          ? (indicator.measurements ?? [])
          : measurementsFromAttendance(source, attendance.get(String(action.id)) ?? [])
      const progress = indicatorProgress({ ...indicator, measurements })
      const percent = progress.status === 'measured' ? Math.round(progress.share * 1000) / 10 : ''
      const head: CsvCell[] = [
        ...base,
        indicator.id ?? '',
        indicator.name ?? '',
        indicator.unit ?? '',
        source,
        indicator.baseline,
        indicator.target,
      ]
      const sorted = [...measurements].sort((a, b) => a.date.localeCompare(b.date))
      if (sorted.length === 0) rows.push([...head, '', '', percent])
      for (const measurement of sorted)
        rows.push([...head, day(measurement.date), measurement.value, percent])
    }
  }
  return toCsv(rows, { delimiter: options.delimiter ?? ',', bom: true })
}

export interface ImportChange {
  line: number
  action: string
  what: string
  from: string
  to: string
}

export interface ImportReport {
  applied: boolean
  changes: ImportChange[]
  errors: { line: number; message: string }[]
}

const number = (raw: string): number | null => {
  const value = Number(raw.trim().replace(',', '.'))
  return raw.trim() !== '' && Number.isFinite(value) ? value : null
}

/**
 * Reads an actions CSV and applies it (unless `dryRun`). `canChange` says whether the person
 * importing may change an action (commune editors: actions their communes lead).
 */
export async function importActionsCsv(
  payload: Payload,
  input: string | Uint8Array,
  options: {
    dryRun: boolean
    /** The person importing: actions are read with their rights. */
    user: ReportReader
    canChange?: (action: StoredAction) => boolean
    source?: string
  },
): Promise<ImportReport> {
  const table = readCsv(input, { source: options.source ?? 'The file', unprotectFormulas: true })
  const errors = table.problems.map((problem) => ({ line: problem.line, message: problem.reason }))
  const missing = IMPORTED.filter((column) => !table.header.includes(column))
  if (missing.length > 0) {
    errors.push({
      line: 1,
      message: `The header lacks ${missing.join(', ')}. Start from an export (Reports → actions CSV).`,
    })
    return { applied: false, changes: [], errors }
  }
  const column = (cells: string[], name: (typeof IMPORTED)[number]) =>
    (cells[table.header.indexOf(name)] ?? '').trim()

  const actions = new Map(
    (await readActions(payload, 'fr', options.user)).map((action) => [
      action.slug,
      structuredClone(action),
    ]),
  )
  const touched = new Set<string>()
  const changes: ImportChange[] = []
  const statuses = new Set<string>(actionStatuses.map((status) => status.value))
  /** Every row repeats its action's status; they must agree. */
  const statusSaid = new Map<string, { status: string; line: number }>()

  for (const row of table.rows) {
    const fail = (message: string) => errors.push({ line: row.line, message })
    const slug = column(row.cells, 'action')
    const action = actions.get(slug)
    if (!action) {
      fail(`No action "${slug}". Keep the action column as exported.`)
      continue
    }
    if (options.canChange && !options.canChange(action)) {
      fail(`You may not change the action "${slug}" (your communes do not lead it).`)
      continue
    }
    const change = (what: string, from: unknown, to: unknown) => {
      changes.push({ line: row.line, action: slug, what, from: String(from ?? ''), to: String(to) })
      touched.add(slug)
    }
    const status = column(row.cells, 'status')
    if (status && !statuses.has(status)) {
      fail(`Status "${status}" is not one of ${[...statuses].join(', ')}.`)
      continue
    }
    const said = statusSaid.get(slug)
    if (status && said && said.status !== status) {
      fail(
        `Status "${status}" differs from "${said.status}" on line ${said.line} for the same action.`,
      )
      continue
    }
    if (status && !said) statusSaid.set(slug, { status, line: row.line })
    if (status && status !== action.status) {
      change('status', action.status, status)
      action.status = status
    }
    const indicatorId = column(row.cells, 'indicator_id')
    if (!indicatorId) continue
    const indicator = action.indicators?.find((candidate) => candidate.id === indicatorId)
    if (!indicator) {
      fail(`Action "${slug}" has no indicator ${indicatorId}. Add indicators in the admin.`)
      continue
    }
    for (const field of ['baseline', 'target'] as const) {
      const raw = column(row.cells, field)
      const value = number(raw)
      if (value === null) {
        fail(`${field} "${raw}" is not a number.`)
        continue
      }
      if (value !== indicator[field]) {
        change(`${indicator.name ?? indicatorId}: ${field}`, indicator[field], value)
        indicator[field] = value
      }
    }
    if (indicator.baseline === indicator.target) {
      fail(
        `Baseline and target of "${indicator.name ?? indicatorId}" are equal: progress cannot be measured.`,
      )
      continue
    }
    const date = column(row.cells, 'date')
    const rawValue = column(row.cells, 'value')
    if (!date && !rawValue) continue
    if ((indicator.source ?? 'manual') !== 'manual') continue // counted by the portal
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T12:00:00Z`))) {
      fail(`Date "${date}" is not a day written YYYY-MM-DD.`)
      continue
    }
    const value = number(rawValue)
    if (value === null) {
      fail(`Value "${rawValue}" is not a number.`)
      continue
    }
    const measurements = (indicator.measurements ??= [])
    const existing = measurements.find((measurement) => day(measurement.date) === date)
    if (!existing) {
      change(`${indicator.name ?? indicatorId}: ${date}`, '', value)
      measurements.push({ date: `${date}T12:00:00.000Z`, value })
    } else if (existing.value !== value) {
      change(`${indicator.name ?? indicatorId}: ${date}`, existing.value, value)
      existing.value = value
    }
  }

  if (errors.length > 0 || options.dryRun || touched.size === 0)
    return { applied: false, changes, errors }

  const req = await createLocalReq({}, payload)
  const transaction = await payload.db.beginTransaction()
  if (transaction) req.transactionID = transaction
  try {
    for (const slug of touched) {
      const action = actions.get(slug)!
      await payload.update({
        collection: 'actions',
        id: action.id,
        // Rows keep their ids, so the texts of every language stay with them.
        data: {
          status: action.status,
          _status: action._status ?? 'published',
          indicators: (action.indicators ?? []).map((indicator) => ({
            id: indicator.id,
            baseline: indicator.baseline,
            target: indicator.target,
            measurements: (indicator.measurements ?? []).map((measurement) => ({
              ...(measurement.id ? { id: measurement.id } : {}),
              date: measurement.date,
              value: measurement.value,
            })),
          })),
        } as never,
        req,
      })
    }
    if (transaction) await payload.db.commitTransaction(transaction)
  } catch (error) {
    if (transaction) await payload.db.rollbackTransaction(transaction)
    errors.push({ line: 0, message: `Nothing was changed: ${(error as Error).message}` })
    return { applied: false, changes, errors }
  }
  return { applied: true, changes, errors }
}
