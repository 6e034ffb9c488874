// npm run import:statec -- <file> [--dry-run] [--year 2025]: reads a STATEC export (SDMX-CSV from
// the LUSTAT data explorer, the simple CSV of content/statec/SIMPLE-CSV.md, the census file) or
// the national register's nationalities file, and upserts the figures of the diversity inventory.
// Reports rows imported and skipped with their reasons; importing the same file twice changes
// nothing. The site shows the new figures after the next build.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { openPayload } from '../cms/openPayload'
import { CsvEncodingError } from '../cms/domain/csv'
import {
  importObservations,
  parsePopulationFile,
  portalCommunes,
} from '../cms/seed/populationImport'
import { StatecFormatError } from '../cms/domain/statec'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'dry-run': { type: 'boolean', default: false }, year: { type: 'string' } },
})
const file = positionals[0]
if (!file) {
  console.error('[import] Name the file: npm run import:statec -- content/statec/<file>.csv')
  process.exit(1)
}

let input: Buffer
try {
  input = readFileSync(file)
} catch (error) {
  console.error(`[import] Cannot read ${file}: ${(error as Error).message}`)
  process.exit(1)
}

const payload = await openPayload()
try {
  const result = parsePopulationFile(input, {
    communes: await portalCommunes(payload),
    file: path.basename(file),
    year: values.year,
  })
  console.log(
    `[import] ${result.summary.file ?? file} (${result.summary.format}): ${result.summary.rows} rows, ${result.observations.length} figures, ${result.skipped.length} skipped.`,
  )
  for (const row of result.skipped)
    console.log(`[import]   line ${row.line}: skipped, ${row.reason}`)
  for (const note of result.summary.notes) console.log(`[import]   note: ${note}`)
  const counts = await importObservations(payload, result.observations, {
    dryRun: values['dry-run'],
  })
  console.log(
    `[import] ${values['dry-run'] ? 'Dry run, nothing written: would create' : 'Created'} ${counts.created}, ${values['dry-run'] ? 'update' : 'updated'} ${counts.updated}, ${counts.unchanged} unchanged.`,
  )
} catch (error) {
  if (error instanceof StatecFormatError || error instanceof CsvEncodingError) {
    console.error(`[import] ${error.message}`)
    process.exitCode = 1
  } else throw error
} finally {
  await payload.destroy()
}
