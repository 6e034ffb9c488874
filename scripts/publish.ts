// npm run publish [-- --if-none]: reads the published content with the public's rights (a process
// of its own: Payload goes away with it), stores it as a new snapshot version, makes it live and
// makes its search index. `npm start` runs it with --if-none when nothing was published yet;
// afterwards every save publishes through the CMS's jobs.
import { SnapshotStore } from '../cms/domain/snapshotStore'
import { openPayload } from '../cms/openPayload'
import { publicUrl, searchIndexDir, snapshotsDir } from '../cms/settings'
import { readSnapshot } from '../cms/snapshot/read'
import { SiteContent } from '../web/lib/content'
import { loadSiteApp } from './lib/livePages'
import { buildSearchIndex } from './lib/searchIndex'

const step = (text: string) => console.log(`[publish] ${text}`)
const store = new SnapshotStore(snapshotsDir())

if (process.argv.includes('--if-none') && store.live()) {
  step(`Live snapshot: ${store.live()!.version}.`)
  process.exit(0)
}
const started = performance.now()
const payload = await openPayload()
let version: string
let content: SiteContent
try {
  const snapshot = await readSnapshot(payload)
  version = store.write(snapshot)
  store.activate(version)
  content = new SiteContent(snapshot)
} finally {
  await payload.destroy()
}
step(`Snapshot ${version} is live (${((performance.now() - started) / 1000).toFixed(1)} s).`)
const pages = await buildSearchIndex(
  await loadSiteApp('dist'),
  new URL(publicUrl()),
  content,
  version,
  searchIndexDir(),
  (done, total) => step(`Search index: ${done} of ${total} pages…`),
)
step(
  `Search index of ${pages} pages ready (${((performance.now() - started) / 1000).toFixed(1)} s in all).`,
)
// Payload may leave timers behind; everything is written.
process.exit(0)
