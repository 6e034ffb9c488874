// Every night: delete rejected and stale submissions (and their images) past the retention
// period the privacy notice states (SUBMISSION_RETENTION_DAYS).
import type { TaskConfig } from 'payload'
import { purgeStaleSubmissions } from '../submissions/privacy'

export const purgeSubmissionsTask: TaskConfig<{ input: object; output: { deleted: number } }> = {
  slug: 'purgeSubmissions',
  label: 'Delete stale submissions (retention period)',
  retries: 2,
  outputSchema: [{ name: 'deleted', type: 'number' }],
  schedule: [{ cron: '15 3 * * *', queue: 'default' }],
  handler: async ({ req }) => ({ output: await purgeStaleSubmissions(req.payload) }),
}
