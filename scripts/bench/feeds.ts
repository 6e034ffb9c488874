// npm run bench:feeds [-- --events 10000]: time and size of the all-events calendar feed for a
// synthetic region (no database), per language, and of the same for the seeded snapshot when one
// was built (data/site-snapshot.json).
import { existsSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { localeCodes } from '../../locales/config'
import { contentOf, snapshotPath } from '../../web/lib/content'
import { feedText } from '../../web/lib/feeds'
import type { SiteSnapshot } from '../../cms/domain/snapshot'
import { syntheticSnapshot } from './syntheticSnapshot'

const { values } = parseArgs({ options: { events: { type: 'string', default: '10000' } } })
const site = new URL('https://zesummen.example.lu')

function measure(label: string, snapshot: SiteSnapshot) {
  const content = contentOf(snapshot)
  console.log(`\n${label}: ${snapshot.collections.events.length} events in the snapshot`)
  console.log('| language | events in feed | size (KiB) | first run (ms) | warm run (ms) |')
  console.log('|---|---|---|---|---|')
  for (const lang of localeCodes) {
    // The first run also builds the event views of the language (memoized for later feeds).
    let started = performance.now()
    const first = feedText(content, lang, {}, site)
    const cold = performance.now() - started
    started = performance.now()
    feedText(content, lang, {}, site)
    const warm = performance.now() - started
    console.log(
      `| ${lang} | ${first.count} | ${(Buffer.byteLength(first.text) / 1024).toFixed(0)} | ${cold.toFixed(0)} | ${warm.toFixed(0)} |`,
    )
  }
}

const file = snapshotPath()
if (existsSync(file)) {
  measure(`Seeded snapshot (${file})`, JSON.parse(readFileSync(file, 'utf8')) as SiteSnapshot)
} else {
  console.log(`No snapshot at ${file} (run npm run build first to measure the seeded data).`)
}
const count = Number(values.events)
if (!Number.isInteger(count) || count < 1) throw new Error('--events needs a positive whole number')
measure('Synthetic region', syntheticSnapshot({ events: count }))
