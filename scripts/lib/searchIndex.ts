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
/** Pages handed to Pagefind and not yet taken in: enough to keep both processes busy. */
const PAGES_IN_FLIGHT = 32

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

/**
 * A Pagefind index being made: pages are handed over as they are rendered, and Pagefind (a
 * process of its own) takes them in while the next ones render. `write` waits for all of them.
 */
export class SearchIndexer {
  private readonly inFlight = new Set<Promise<void>>()
  private failure: Error | null = null
  added = 0

  private constructor(private readonly index: pagefind.PagefindIndex) {}

  static async open(): Promise<SearchIndexer> {
    const { index, errors } = await pagefind.createIndex({})
    if (!index) throw new Error(`Pagefind did not start: ${errors.join('; ')}`)
    return new SearchIndexer(index)
  }

  /** Hands over one page; waits while many are still being taken in. */
  async add(url: string, html: string): Promise<void> {
    if (this.failure) throw this.failure
    const adding: Promise<void> = this.index
      .addHTMLFile({ url, content: html })
      .then((added) => {
        if (added.errors.length) throw new Error(`${url}: ${added.errors.join('; ')}`)
        this.added += 1
      })
      .catch((error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error))
      })
      .finally(() => this.inFlight.delete(adding))
    this.inFlight.add(adding)
    if (this.inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(this.inFlight)
  }

  /** Writes the index into `<dir>/pagefind/` once every page is in. */
  async write(dir: string): Promise<void> {
    await Promise.all(this.inFlight)
    if (this.failure) throw this.failure
    const written = await this.index.writeFiles({ outputPath: path.join(dir, 'pagefind') })
    if (written.errors.length) throw new Error(written.errors.join('; '))
  }

  /** Stops Pagefind's process (after `write`, or to give up). */
  async close(): Promise<void> {
    await pagefind.close()
  }
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
  const indexer = await SearchIndexer.open()
  try {
    for (const [done, pagePath] of paths.entries()) {
      const page = await renderPage(app, site, content, pagePath)
      await indexer.add(pagePath, page.body.toString('utf8'))
      if (onProgress && ((done + 1) % 1000 === 0 || done + 1 === paths.length))
        onProgress(done + 1, paths.length)
    }
    await indexer.write(dir)
  } finally {
    await indexer.close()
  }
  return paths.length
}
