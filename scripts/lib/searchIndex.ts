// The search index of a published version: its searchable pages, rendered by the site's app and
// handed to Pagefind's Node API (no files in between), written to `<searchDir>/<version>/` and
// then named in `<searchDir>/live.json`, which the site server reads. Readers keep the previous
// index until the new one is complete; old ones are removed.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import * as pagefind from 'pagefind'
import { localeCodes } from '../../locales/config'
import type { SiteContent } from '../../web/lib/content'
import { sitePaths } from '../../web/lib/sitePaths'
import { isNotFoundPage, renderPage, type SiteApp } from './livePages'
import { writeAtomically } from '../../cms/domain/snapshotStore'

/** Indexes kept besides the live one, for readers who loaded the previous index. */
const KEPT_INDEXES = 1
const POINTER = 'live.json'

/**
 * Whether a page is worth a search result: every page, but the event listings (pages of upcoming
 * and past events, months, communes, categories: the events themselves are indexed) and what is
 * not a page of its own (feeds, the "not found" pages).
 */
export function isSearchable(pagePath: string): boolean {
  if (!pagePath.endsWith('/') || isNotFoundPage(pagePath)) return false
  const [, lang, section, ...rest] = pagePath.split('/')
  if (!(localeCodes as readonly string[]).includes(lang ?? '')) return false
  return !(section === 'events' && rest.filter(Boolean).length > 1)
}

/** The folder of the live index (its pagefind/ files) in `searchDir`, or null. */
export function liveSearchDir(searchDir: string): string | null {
  try {
    const { version } = JSON.parse(readFileSync(path.join(searchDir, POINTER), 'utf8')) as {
      version: string
    }
    const dir = path.join(searchDir, version)
    return existsSync(dir) ? dir : null
  } catch {
    return null
  }
}

/** Makes and switches to the index of a version; returns the pages indexed. */
export async function buildSearchIndex(
  app: SiteApp,
  site: URL,
  content: SiteContent,
  version: string,
  searchDir: string,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const target = path.join(searchDir, version)
  const partial = `${target}.partial`
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(partial, { recursive: true })
  const pages = await indexSearchInto(app, site, content, partial, onProgress)
  rmSync(target, { recursive: true, force: true })
  renameSync(partial, target)
  writeAtomically(path.join(searchDir, POINTER), JSON.stringify({ version }))
  const older = readdirSync(searchDir)
    .filter((name) => name !== version && name !== POINTER && !name.endsWith('.tmp'))
    .sort()
  for (const name of older.slice(0, Math.max(0, older.length - KEPT_INDEXES)))
    rmSync(path.join(searchDir, name), { recursive: true, force: true })
  return pages
}

/** Indexes the searchable pages of a content into `<dir>/pagefind/`; returns how many. */
export async function indexSearchInto(
  app: SiteApp,
  site: URL,
  content: SiteContent,
  dir: string,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const paths = sitePaths(content)
    .map((entry) => entry.path)
    .filter(isSearchable)
  const { index, errors } = await pagefind.createIndex({})
  if (!index) throw new Error(`Pagefind did not start: ${errors.join('; ')}`)
  try {
    let done = 0
    for (const pagePath of paths) {
      const page = await renderPage(app, site, content, pagePath)
      const added = await index.addHTMLFile({ url: pagePath, content: page.body.toString('utf8') })
      if (added.errors.length) throw new Error(`${pagePath}: ${added.errors.join('; ')}`)
      done += 1
      if (onProgress && (done % 1000 === 0 || done === paths.length)) onProgress(done, paths.length)
    }
    const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') })
    if (written.errors.length) throw new Error(written.errors.join('; '))
  } finally {
    await pagefind.close()
  }
  return paths.length
}
