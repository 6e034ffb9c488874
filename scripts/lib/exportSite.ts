// The site as files: every address of a content (web/lib/sitePaths.ts) rendered by the same Astro
// app the server answers with, written where a file host finds it (`/fr/events/` →
// `fr/events/index.html`). The static export writes all of them with the build's assets and the
// uploads, and the searchable pages are indexed for search as they are written.
import { copyFileSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { mediaFilenames } from '../../cms/domain/snapshot'
import type { SiteContent } from '../../web/lib/content'
import { type SitePath, sitePaths } from '../../web/lib/sitePaths'
import { isNotFoundPage, type RenderedPage, renderPage, type SiteApp } from './livePages'
import { isSearchable, type SearchIndexer } from './searchIndex'

/** The file an address is written to, inside `dir`. */
export function fileOfPath(dir: string, pagePath: string): string {
  if (pagePath === '/404/') return path.join(dir, '404.html')
  const relative = pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath
  return path.join(dir, ...relative.split('/').filter(Boolean))
}

/** Pages rendered at once: while one is written, the next renders. */
const IN_FLIGHT = 4

export interface WriteProgress {
  done: number
  total: number
}

/** Renders `paths` of a content into `dir`; returns how many files were written. */
export async function writePages(
  app: SiteApp,
  site: URL,
  content: SiteContent,
  dir: string,
  paths: readonly SitePath[],
  onProgress?: (progress: WriteProgress) => void,
  onPage?: (pagePath: string, page: RenderedPage) => Promise<void>,
): Promise<number> {
  let next = 0
  let done = 0
  const made = new Set<string>()
  const worker = async () => {
    while (next < paths.length) {
      const entry = paths[next++]!
      const status = isNotFoundPage(entry.path) ? 404 : 200
      const page = await renderPage(app, site, content, entry.path, status)
      const file = fileOfPath(dir, entry.path)
      const folder = path.dirname(file)
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true })
        made.add(folder)
      }
      writeFileSync(file, page.body)
      await onPage?.(entry.path, page)
      done += 1
      if (onProgress && (done % 1000 === 0 || done === paths.length))
        onProgress({ done, total: paths.length })
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
  return done
}

/**
 * The whole site for any file host: pages, feeds, sitemap, the build's assets, the uploads and
 * the search index (each searchable page goes to Pagefind as it is written: rendered once).
 */
export async function exportSite(options: {
  app: SiteApp
  site: URL
  content: SiteContent
  clientDir: string
  mediaDir: string
  outDir: string
  search: SearchIndexer
  onProgress?: (progress: WriteProgress) => void
}): Promise<{ pages: number; media: number; searchable: number }> {
  const { app, site, content, clientDir, mediaDir, outDir, search } = options
  mkdirSync(outDir, { recursive: true })
  cpSync(clientDir, outDir, { recursive: true })
  const pages = await writePages(
    app,
    site,
    content,
    outDir,
    sitePaths(content),
    options.onProgress,
    (pagePath, page) =>
      isSearchable(pagePath) ? search.add(pagePath, page.body.toString('utf8')) : Promise.resolve(),
  )
  await search.write(outDir)
  let media = 0
  const mediaOut = path.join(outDir, 'media')
  for (const name of mediaFilenames(content.snapshot)) {
    const from = path.join(mediaDir, name)
    if (!existsSync(from)) continue
    mkdirSync(mediaOut, { recursive: true })
    copyFileSync(from, path.join(mediaOut, name))
    media += 1
  }
  return { pages, media, searchable: search.added }
}
