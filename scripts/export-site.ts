// npm run export [-- --out <folder>] [--version <snapshot>]: the whole public site as files for any
// file host or CDN (default folder: export/), from the live snapshot (or the one named), rendered
// by the same server build that answers readers: pages, feeds, calendar files, sitemap, assets,
// the published uploads and the search index. Needs the site build (`npm run build`) and a
// published snapshot (`npm start` or `npm run publish:content` makes both).
import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { SnapshotStore } from '../cms/domain/snapshotStore'
import { mediaDir, publicUrl, snapshotsDir } from '../cms/settings'
import { SiteContent } from '../web/lib/content'
import { precompress } from './lib/compress'
import { exportSite } from './lib/exportSite'
import { loadSiteApp } from './lib/livePages'
import { SearchIndexer } from './lib/searchIndex'

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'export' }, version: { type: 'string' } },
})
const step = (text: string) => console.log(`[export] ${text}`)
const fail = (text: string): never => {
  console.error(`[export] ${text}`)
  process.exit(1)
}

const store = new SnapshotStore(snapshotsDir())
const version = values.version ?? store.live()?.version
if (!version) fail('Nothing is published yet: run `npm start` or `npm run publish:content` first.')
if (!existsSync(path.resolve('dist/server/entry.mjs')))
  fail('The site is not built: run `npm run build` first.')
const outDir = path.resolve(values.out!)
const started = performance.now()
const seconds = () => ((performance.now() - started) / 1000).toFixed(1)
rmSync(outDir, { recursive: true, force: true })
const app = await loadSiteApp('dist')
const site = new URL(publicUrl())
const content = new SiteContent(store.read(version!))
step(`Writing snapshot ${version} into ${outDir}…`)
const search = await SearchIndexer.open()
let written
try {
  written = await exportSite({
    app,
    site,
    content,
    clientDir: path.resolve('dist/client'),
    mediaDir: mediaDir(),
    outDir,
    search,
    onProgress: ({ done, total }) => step(`${done} of ${total} files…`),
  })
} finally {
  await search.close()
}
step(
  `${written.pages} files, ${written.media} uploads and the search index of ${written.searchable} pages written (${seconds()} s); compressing…`,
)
const compressed = await precompress(outDir)
step(`.br/.gz copies of ${compressed} files written. Done in ${seconds()} s.`)
process.exit(0)
