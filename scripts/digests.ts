// npm run digests [-- --period 2027-W10|2027-03] [--due] [--send] [--json]: builds the events
// digests of a period from the live snapshot (the public's view) for every confirmed subscriber
// and prints the counts; with --send it sends them now through the send queue (a period already
// sent to an address is never sent to it again, so running it twice is safe). Without --period:
// this week's; --due: the periods due now (Monday from 07:00 Luxembourg time: the week, and on
// the first Monday the month), as the Monday job runs it.
import { DateTime } from 'luxon'
import { type DigestPeriod, digestPeriod, duePeriods, periodOfKey } from '../cms/domain/digest'
import { SnapshotStore } from '../cms/domain/snapshotStore'
import { siteUrl } from '../cms/domain/urls'
import { openPayload } from '../cms/openPayload'
import { digestSendSettings, publicUrl, snapshotsDir } from '../cms/settings'
import { SiteContent } from '../web/lib/content'
import { type DigestRunCounts, runDigests } from './lib/digestRun'

const args = process.argv.slice(2)
const fail = (message: string): never => {
  console.error(`[digests] ${message}`)
  process.exit(1)
}
const named = args.includes('--period') ? args[args.indexOf('--period') + 1] : undefined
const now = DateTime.now()
let periods: DigestPeriod[]
if (named !== undefined) {
  const period = periodOfKey(named)
  if (!period) fail(`"${named}" is not a period: give a week as 2027-W10 or a month as 2027-03.`)
  periods = [period!]
} else periods = args.includes('--due') ? duePeriods(now) : [digestPeriod('weekly', now)]

const store = new SnapshotStore(snapshotsDir())
const live = store.live()
if (!live) fail('Nothing is published yet: run npm run publish:content first.')
const content = new SiteContent(store.read(live!.version))
const send = args.includes('--send')
const payload = await openPayload()
const results: Record<string, DigestRunCounts> = {}
try {
  for (const period of periods) {
    const counts = await runDigests(payload, content, {
      period,
      send,
      site: siteUrl(new URL(publicUrl())),
      settings: digestSendSettings(),
    })
    results[period.key] = counts
    if (!args.includes('--json'))
      console.log(
        `[digests] ${period.key} (${period.start.toISODate()} to ${period.end.minus({ days: 1 }).toISODate()}), snapshot ${live!.version}: ` +
          `${counts.subscribers} subscribers, ${counts.built} built, ${counts.sent} sent, ` +
          `${counts.skippedEmpty} skipped as empty, ${counts.failed} failed` +
          ` (${counts.alreadySent} sent before, ${counts.interrupted} interrupted, ${counts.paused} paused)` +
          (send ? '.' : '; nothing sent: add --send to send them now.'),
      )
  }
} finally {
  await payload.destroy()
}
if (args.includes('--json')) console.log(JSON.stringify(results))
if (!periods.length && !args.includes('--json')) console.log('[digests] No digest is due now.')
process.exit(0)
