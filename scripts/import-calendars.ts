// npm run import-calendars [-- --source "<name>"]: imports every enabled calendar source now (or
// the one named, enabled or not) and prints what each brought, as the job records it.
import { parseArgs } from 'node:util'
import { importSourcesNow } from '../cms/calendarImport/run'
import { openPayload } from '../cms/openPayload'

const { values } = parseArgs({ options: { source: { type: 'string' } } })

const payload = await openPayload()
try {
  const reports = await importSourcesNow(payload, new Date(), values.source)
  if (reports.length === 0) {
    console.error(
      values.source
        ? `[calendars] No calendar source is named “${values.source}”.`
        : '[calendars] No enabled calendar source.',
    )
    process.exitCode = 1
  }
  for (const report of reports) {
    const { counts } = report
    console.log(
      `[calendars] ${report.source}: ${report.ok ? 'ok' : 'FAILED'}, ${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.removed} removed, ${counts.skipped} skipped`,
    )
    if (!report.ok) console.log(`[calendars]   ${report.result}`)
    for (const reason of report.skipped) console.log(`[calendars]   ${reason}`)
    if (!report.ok) process.exitCode = 1
  }
} finally {
  await payload.destroy()
}
