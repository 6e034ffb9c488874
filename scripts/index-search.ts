// node --import tsx/esm scripts/index-search.ts <version>: makes the search index of a published
// snapshot version and switches readers to it (scripts/lib/searchIndex.ts). The publish job runs
// it in the background after each publish; a newer publish stops it.
import { SnapshotStore } from '../cms/domain/snapshotStore'
import { publicUrl, searchIndexDir, snapshotsDir } from '../cms/settings'
import { SiteContent } from '../web/lib/content'
import { loadSiteApp } from './lib/livePages'
import { buildSearchIndex } from './lib/searchIndex'

const version = process.argv[2]
if (!version) {
  console.error('Usage: index-search.ts <snapshot version>')
  process.exit(2)
}
process.on('SIGTERM', () => process.exit(143))
const started = performance.now()
try {
  const content = new SiteContent(new SnapshotStore(snapshotsDir()).read(version))
  const app = await loadSiteApp('dist')
  const pages = await buildSearchIndex(
    app,
    new URL(publicUrl()),
    content,
    version,
    searchIndexDir(),
  )
  console.log(
    `[search] Index of ${version}: ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  )
} catch (error) {
  console.error(
    `[search] Indexing ${version} failed: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(1)
}
