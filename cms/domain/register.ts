// The national register's open-data file of main nationalities per commune
// (content/statec/register-nationalities-2025.csv: RNPP, CTIE, data.public.lu) → observations.
// Not STATEC: the register counts about 19 % more people (departures are registered late), so
// pages show these figures for the relative size of communities, with that caveat. The file has
// commune names, not codes, and a year but no day: the period is the year, the reference date its
// 1 January for ordering only.
import { readCsv } from './csv'
import type {
  ObservationSource,
  ParseResult,
  PopulationObservation,
  PortalCommune,
  SkippedRow,
} from './statec'
import type { PopulationGroup } from './population'

export const REGISTER_HEADER = [
  'commune',
  'registered_total',
  'foreign_share_percent',
  'portuguese',
  'french',
  'belgian',
  'german',
  'italian',
] as const

const columns: [string, PopulationGroup][] = [
  ['registered_total', 'total'],
  ['portuguese', 'portuguese'],
  ['french', 'french'],
  ['belgian', 'belgian'],
  ['german', 'german'],
  ['italian', 'italian'],
]

/** "Mondorf-les-Bains" → "mondorf-les-bains": the portal's slugs are the names, simplified. */
const slugOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

export function isRegisterFile(header: readonly string[]): boolean {
  return REGISTER_HEADER.every((column) => header.includes(column))
}

export function parseRegisterCsv(
  input: string | Uint8Array,
  options: { communes: readonly PortalCommune[]; file?: string; year: string },
): ParseResult {
  const table = readCsv(input, { source: options.file ?? 'The file' })
  const skipped: SkippedRow[] = table.problems.map((p) => ({ line: p.line, reason: p.reason }))
  const source: ObservationSource = {
    dataset: 'RNPP:nationalities',
    label: `National register of natural persons (RNPP, CTIE), data.public.lu, ${options.year}`,
    ...(options.file ? { file: options.file } : {}),
  }
  const bySlug = new Map(options.communes.map((commune) => [commune.slug, commune]))
  const observations: PopulationObservation[] = []
  const index = (name: string) => table.header.indexOf(name)
  for (const row of table.rows) {
    const name = row.cells[index('commune')]?.trim() ?? ''
    const commune = bySlug.get(slugOf(name))
    if (!commune) {
      skipped.push({ line: row.line, reason: `unknown commune "${name}"` })
      continue
    }
    for (const [column, group] of columns) {
      const raw = row.cells[index(column)]?.trim() ?? ''
      const count = Number(raw)
      if (!/^\d+$/.test(raw) || !Number.isSafeInteger(count)) {
        skipped.push({ line: row.line, reason: `${column} "${raw}" is not a whole number` })
        continue
      }
      observations.push({
        area: 'commune',
        communeCode: commune.statecCode ?? null,
        commune: commune.slug,
        period: options.year,
        referenceDate: `${options.year}-01-01`,
        group,
        count,
        source,
        line: row.line,
      })
    }
  }
  return {
    observations,
    skipped,
    summary: {
      format: 'register',
      ...(options.file ? { file: options.file } : {}),
      rows: table.rows.length,
      observations: observations.length,
      skipped: skipped.length,
      notes: [
        'National register (RNPP), not STATEC: shown for the relative size of communities only.',
      ],
    },
  }
}
