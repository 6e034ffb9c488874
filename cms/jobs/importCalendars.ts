// Every five minutes: import the calendar sources whose next fetch is due (each source says how
// often; failures back off, see cms/calendarImport/run.ts).
import type { TaskConfig } from 'payload'
import { importDueSources } from '../calendarImport/run'

export const importCalendarsTask: TaskConfig<{ input: object; output: { sources: number } }> = {
  slug: 'importCalendars',
  label: 'Import events from calendar sources',
  retries: 0,
  outputSchema: [{ name: 'sources', type: 'number' }],
  schedule: [{ cron: '*/5 * * * *', queue: 'default' }],
  handler: async ({ req }) => ({
    output: { sources: (await importDueSources(req.payload, new Date())).length },
  }),
}
