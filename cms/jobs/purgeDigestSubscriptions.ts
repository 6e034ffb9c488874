// Every night: delete digest subscriptions whose confirmation link was never followed within
// the week the form and the privacy notice state (UNCONFIRMED_KEEP_DAYS).
import type { TaskConfig } from 'payload'
import { purgeUnconfirmed } from '../digests/subscriptions'

export const purgeDigestSubscriptionsTask: TaskConfig<{
  input: object
  output: { deleted: number }
}> = {
  slug: 'purgeDigestSubscriptions',
  label: 'Delete unconfirmed digest subscriptions',
  retries: 2,
  outputSchema: [{ name: 'deleted', type: 'number' }],
  schedule: [{ cron: '25 3 * * *', queue: 'default' }],
  handler: async ({ req }) => ({ output: await purgeUnconfirmed(req.payload) }),
}
