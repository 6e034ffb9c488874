// npm run bench:feeds [-- --events 10000]: time and size of the all-events calendar feed for a
// synthetic region (no database), per language, and of the same for the seeded snapshot when one
// was built (data/site-snapshot.json).
import { parseArgs } from 'node:util'
import { localeCodes } from '../../locales/config'
import { contentOf } from '../../web/lib/content'
import { SnapshotStore } from '../../cms/domain/snapshotStore'
import { snapshotsDir } from '../../cms/settings'
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

const store = new SnapshotStore(snapshotsDir())
const live = store.live()
if (live) {
  measure(`Live snapshot (${live.version})`, store.read(live.version))
} else {
  console.log(`Nothing published in ${store.dir} (run npm start first to measure the seeded data).`)
}
const count = Number(values.events)
if (!Number.isInteger(count) || count < 1) throw new Error('--events needs a positive whole number')
measure('Synthetic region', syntheticSnapshot({ events: count }))
