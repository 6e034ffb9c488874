// The all-events calendar feed (fr) of a snapshot, timed in a process of its own, as the server
// makes it: `node --import tsx/esm scripts/bench/feedTiming.ts <snapshot.json>` prints one JSON
// line. Three cases: the first call in a fresh process (code not yet compiled, the views of every
// event built), after a content change in a running process (the views built again: what the
// live feed does after a publish), and warm (views and event lines made: the same content asked
// again). The last two are medians of five. Run by `npm run bench` in a child process, so the
// bench's own heap (Chromium's driver, Lighthouse) does not weigh on the garbage collector.
import { readFileSync } from 'node:fs'
import { SiteContent } from '../../web/lib/content'
import { feedText } from '../../web/lib/feeds'
import type { SiteSnapshot } from '../../cms/domain/snapshot'

export interface FeedTiming {
  events: number
  bytes: number
  firstSeconds: number
  afterChangeSeconds: number
  warmSeconds: number
}

const ROUNDS = 5

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

export function feedTiming(snapshotText: string): FeedTiming {
  const site = new URL('https://zesummen.example.lu')
  let content: SiteContent
  const timed = () => {
    const started = performance.now()
    const feed = feedText(content, 'fr', {}, site)
    return { feed, seconds: (performance.now() - started) / 1000 }
  }
  // A new snapshot object each time: nothing made from the previous one is reused.
  const load = () => {
    content = new SiteContent(JSON.parse(snapshotText) as SiteSnapshot)
  }
  load()
  const first = timed()
  const afterChange: number[] = []
  const warm: number[] = []
  for (let round = 0; round < ROUNDS; round += 1) {
    load()
    afterChange.push(timed().seconds)
    warm.push(timed().seconds)
  }
  return {
    events: first.feed.count,
    bytes: Buffer.byteLength(first.feed.text),
    firstSeconds: first.seconds,
    afterChangeSeconds: median(afterChange),
    warmSeconds: median(warm),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2]
  if (!file) {
    console.error('Usage: node --import tsx/esm scripts/bench/feedTiming.ts <snapshot.json>')
    process.exit(2)
  }
  console.log(JSON.stringify(feedTiming(readFileSync(file, 'utf8'))))
}
