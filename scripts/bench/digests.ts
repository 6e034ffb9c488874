// npm run bench:digests [-- --events 10000 --subscribers 10000 --send 1000]: the events digest
// over a synthetic region (scripts/bench/syntheticSnapshot.ts). Building: the digests of one week
// for `subscribers` readers with varied languages and choices, by the run's own builder. Sending:
// `send` confirmed subscribers (the whole region) in a scratch database, sent by the real run
// (send queue, per-address records) to an SMTP server on loopback, at the default concurrency
// and with no rate limit, then at concurrency 8.
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { SMTPServer } from 'smtp-server'
import { DateTime } from 'luxon'
import { localeCodes } from '../../locales/config'
import { digestPeriod } from '../../cms/domain/digest'
import type { DigestSubscription } from '../../cms/payload-types'
import { random } from '../lib/synthetic'
import { syntheticSnapshot } from './syntheticSnapshot'

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    subscribers: { type: 'string', default: '10000' },
    send: { type: 'string', default: '1000' },
  },
})
const events = Number(values.events)
const subscribers = Number(values.subscribers)
const toSend = Number(values.send)

let received = 0
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => {})
    stream.on('end', () => {
      received += 1
      callback()
    })
  },
})
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
const scratch = mkdtempSync(path.join(tmpdir(), 'zesummen-digest-bench-'))
// The configuration reads these when it loads: a scratch database and the loopback server.
Object.assign(process.env, {
  DATA_DIR: scratch,
  DATABASE_URL: `file:${path.join(scratch, 'bench.db')}`,
  PAYLOAD_SECRET: randomBytes(32).toString('hex'),
  PAYLOAD_LOG_LEVEL: 'warn',
  SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
})
const { SiteContent } = await import('../../web/lib/content')
const { DigestBuilder, runDigests } = await import('../lib/digestRun')
const { openPayload } = await import('../../cms/openPayload')
const { digestSendSettings } = await import('../../cms/settings')

const snapshot = syntheticSnapshot({ events })
const content = new SiteContent(snapshot)
const period = digestPeriod('weekly', content.now.plus({ weeks: 1 }))
const site = new URL('https://zesummen.example.lu')
const secret = randomBytes(32).toString('hex')

// Readers: a language, one or two communes (one in ten the whole region), a topic for a third,
// a spoken language for a fifth.
const next = random(7)
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
const communeIds = snapshot.collections.communes.map((doc) => doc.id)
const categoryIds = snapshot.collections.categories.map((doc) => doc.id)
const readers = Array.from({ length: subscribers }, (_, index) => {
  const region = next() < 0.1
  return {
    id: index + 1,
    email: `reader-${index}@bench.invalid`,
    language: pick(localeCodes),
    frequency: 'weekly',
    communes: region ? [] : [pick(communeIds), ...(next() < 0.3 ? [pick(communeIds)] : [])],
    categories: next() < 0.33 ? [pick(categoryIds)] : [],
    targetGroups: [],
    spoken: next() < 0.2 ? [pick(['pt', 'fr', 'de', 'en'])] : [],
    linkGeneration: 0,
  } as unknown as DigestSubscription
})

let started = performance.now()
const builder = new DigestBuilder(content, period, site, secret)
let built = 0
let empty = 0
let bytes = 0
for (const reader of readers) {
  const digest = builder.build(reader)
  if (!digest) empty += 1
  else {
    built += 1
    bytes += Buffer.byteLength(digest.mail.html) + Buffer.byteLength(digest.mail.text)
  }
}
const buildSeconds = (performance.now() - started) / 1000
console.log(`\nDigests of ${period.key}, ${events} events, ${subscribers} subscribers`)
console.log('| step | result |')
console.log('|---|---|')
console.log(`| build (views included) | ${buildSeconds.toFixed(1)} s |`)
console.log(`| built / skipped as empty | ${built} / ${empty} |`)
console.log(
  `| average mail (HTML + text) | ${(bytes / Math.max(1, built) / 1024).toFixed(1)} KiB |`,
)

const payload = await openPayload()
try {
  for (let index = 0; index < toSend; index += 1)
    await payload.create({
      collection: 'digest-subscriptions',
      data: {
        email: `sent-${index}@bench.invalid`,
        language: pick(localeCodes),
        frequency: 'weekly',
        consentAt: '2027-01-01T00:00:00.000Z',
        confirmedAt: '2027-01-01T00:10:00.000Z',
      },
    })
  for (const concurrency of [digestSendSettings().concurrency, 8]) {
    const runPeriod = digestPeriod('weekly', content.now.plus({ weeks: concurrency === 8 ? 2 : 1 }))
    const before = received
    started = performance.now()
    const counts = await runDigests(payload, content, {
      period: runPeriod,
      send: true,
      site,
      settings: { ratePerMinute: 1_000_000, concurrency, retries: 3, backoffMs: 1000 },
      now: DateTime.now().toMillis(),
    })
    const seconds = (performance.now() - started) / 1000
    console.log(
      `| send ${counts.sent} (concurrency ${concurrency}, records included) | ${seconds.toFixed(1)} s, ${(counts.sent / seconds).toFixed(0)} mails/s (${received - before} received, ${counts.failed} failed) |`,
    )
  }
} finally {
  await payload.destroy()
  smtp.close()
  rmSync(scratch, { recursive: true, force: true })
}
process.exit(0)
