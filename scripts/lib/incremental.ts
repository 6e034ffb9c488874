// Incremental site builds. A publish usually changes one event; re-rendering 58,000 pages for it
// took minutes at 10,000 events. This module compares the new snapshot with the live release's
// and decides what an incremental build renders (web/lib/buildPlan.ts), and assembles the new
// release: the freshly rendered pages plus the live release's unaffected detail pages, search
// index, images and assets as hard links (no copy; no file of the live release is ever written).
//
// It falls back to a full build whenever a change can show anywhere: a commune, venue, category,
// organisation or page changed, the site's code or settings changed, or the day changed (what is
// upcoming and what is past is decided at build time).
import { createHash } from 'node:crypto'
import {
  existsSync,
  linkSync,
  lstatSync,
  writeFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs'
import path from 'node:path'
import { localeCodes } from '../../locales/config'
import { localDay } from '../../cms/domain/dates'
import { detailSections, type BuildPlan, type DetailCollection } from '../../web/lib/buildPlan'
import type { RawDoc, SiteSnapshot, SnapshotCollection } from '../../cms/domain/snapshot'
import { replaceLink } from './releases'
import { SITEMAP_PAGES_FILE } from '../../web/lib/sitemapAlternates'
export { RELEASE_SNAPSHOT } from '../../cms/domain/snapshot'

/** Collections whose changes an incremental build can follow; any other change builds all. */
const FOLLOWED = new Set<SnapshotCollection>([
  'events',
  'resources',
  'actions',
  'submissions',
  'media',
])

/**
 * Relationship fields of the detail collections that point at a followed collection, as stored
 * in the snapshot (ids, depth 0). A page shows what it references (an event its action's title
 * and its image) and an action's page lists the events that reference it, so both ends of a
 * changed reference are rendered again. A unit test checks this list against the collections.
 */
export const FOLLOWED_REFERENCES: Record<DetailCollection, Record<string, SnapshotCollection>> = {
  events: { action: 'actions', image: 'media' },
  resources: {},
  actions: {},
  submissions: { publicImage: 'media' },
}

/** References the pages do not show, so their changes do not matter to the referring page. */
export const UNSHOWN_REFERENCES: Partial<Record<DetailCollection, string[]>> = {
  // The draft event made from an approved submission: the initiative's page does not link it.
  submissions: ['createdEvent'],
}

/** When more than this share of the detail documents changed, a full build is as quick. */
const MAX_CHANGED_SHARE = 0.2

export type BuildDecision =
  | { mode: 'full'; reason: string }
  | {
      mode: 'partial'
      reason: string
      plan: BuildPlan
      /** Slugs whose live pages are kept, per collection (present and not affected). */
      keep: Record<DetailCollection, Set<string>>
    }

type Ids = Map<SnapshotCollection, Set<string>>

/** Ids of documents added, removed or changed, per collection (only collections with changes). */
export function changedDocuments(previous: SiteSnapshot, next: SiteSnapshot): Ids {
  const changed: Ids = new Map()
  for (const collection of Object.keys(next.collections) as SnapshotCollection[]) {
    const before = new Map(
      (previous.collections[collection] ?? []).map((doc) => [String(doc.id), JSON.stringify(doc)]),
    )
    const ids = new Set<string>()
    for (const doc of next.collections[collection]) {
      const id = String(doc.id)
      if (before.get(id) !== JSON.stringify(doc)) ids.add(id)
      before.delete(id)
    }
    for (const id of before.keys()) ids.add(id)
    if (ids.size) changed.set(collection, ids)
  }
  for (const collection of Object.keys(previous.collections) as SnapshotCollection[]) {
    if (!(collection in next.collections) && previous.collections[collection]?.length) {
      changed.set(collection, new Set(previous.collections[collection].map((d) => String(d.id))))
    }
  }
  return changed
}

function refIds(value: unknown): string[] {
  const one = (item: unknown): string | null => {
    if (item === null || item === undefined) return null
    if (typeof item === 'object') {
      const id =
        (item as { id?: unknown; value?: unknown }).id ?? (item as { value?: unknown }).value
      return id === undefined || id === null ? null : String(id)
    }
    return String(item)
  }
  return (Array.isArray(value) ? value : [value]).map(one).filter((id): id is string => !!id)
}

/**
 * Full or incremental, and for an incremental build which detail pages to render and which to
 * keep. `sources` fingerprints the site's code and settings (see siteSourcesFingerprint).
 */
export function decideBuild(
  live: { snapshot: SiteSnapshot; sources: string | null } | null,
  next: SiteSnapshot,
  sources: string,
): BuildDecision {
  if (!live) return { mode: 'full', reason: 'no live release with its snapshot to build on' }
  if (live.sources !== sources) {
    return { mode: 'full', reason: 'the site’s code or settings changed since the live release' }
  }
  if (localDay(live.snapshot.generatedAt) !== localDay(next.generatedAt)) {
    return { mode: 'full', reason: 'a new day: what is upcoming and what is past has changed' }
  }
  const changed = changedDocuments(live.snapshot, next)
  const unfollowed = [...changed.keys()].filter((collection) => !FOLLOWED.has(collection))
  if (unfollowed.length) {
    return {
      mode: 'full',
      reason: `${unfollowed.join(', ')} changed: pages across the site show them`,
    }
  }
  const isChanged = (collection: SnapshotCollection, id: string) =>
    changed.get(collection)?.has(id) ?? false

  // Affected detail documents, by id: changed ones, those referencing a changed document, and
  // those a changed document references (before or after the change).
  const affected = new Map<DetailCollection, Set<string>>()
  const mark = (collection: DetailCollection, id: string) => {
    let set = affected.get(collection)
    if (!set) affected.set(collection, (set = new Set()))
    set.add(id)
  }
  const detailCollections = Object.keys(detailSections) as DetailCollection[]
  for (const collection of detailCollections) {
    for (const id of changed.get(collection) ?? []) mark(collection, id)
    for (const doc of [...live.snapshot.collections[collection], ...next.collections[collection]]) {
      const docChanged = isChanged(collection, String(doc.id))
      for (const [field, target] of Object.entries(FOLLOWED_REFERENCES[collection])) {
        for (const id of refIds(doc[field])) {
          if (isChanged(target, id)) mark(collection, String(doc.id))
          if (docChanged && target in detailSections) mark(target as DetailCollection, id)
        }
      }
    }
  }

  const total = detailCollections.reduce((sum, c) => sum + next.collections[c].length, 0)
  const count = [...affected.values()].reduce((sum, ids) => sum + ids.size, 0)
  if (count > Math.max(50, total * MAX_CHANGED_SHARE)) {
    return { mode: 'full', reason: `${count} of ${total} detail pages changed` }
  }

  const slugsOf = (docs: RawDoc[], ids: Set<string>) =>
    docs.filter((doc) => ids.has(String(doc.id))).map((doc) => String(doc.slug))
  const render = {} as BuildPlan['render']
  const keep = {} as Record<DetailCollection, Set<string>>
  for (const collection of detailCollections) {
    const ids = affected.get(collection) ?? new Set<string>()
    render[collection] = slugsOf(next.collections[collection], ids)
    keep[collection] = new Set(
      next.collections[collection]
        .filter((doc) => !ids.has(String(doc.id)))
        .map((doc) => String(doc.slug)),
    )
    // A slug that moved from an affected document to another is rendered, not kept.
    for (const slug of render[collection]) keep[collection].delete(slug)
  }
  const described = detailCollections
    .filter((collection) => render[collection].length || affected.get(collection)?.size)
    .map((collection) => `${affected.get(collection)?.size ?? 0} ${collection}`)
  return {
    mode: 'partial',
    reason: `changed: ${described.join(', ') || 'listings only'}`,
    plan: { render },
    keep,
  }
}

/**
 * A fingerprint of everything besides content that shapes the pages: the site's code, locale
 * files, static files, dependencies and the public URL. A release built from other sources is
 * never mixed with new pages.
 */
export function siteSourcesFingerprint(root: string, publicUrl: string): string {
  const hash = createHash('sha256').update(`${publicUrl}\n`)
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile())
        hash.update(`${path.relative(root, full)}\n`).update(readFileSync(full))
    }
  }
  for (const dir of ['web', 'locales', 'public', 'cms/domain']) {
    if (existsSync(path.join(root, dir))) walk(path.join(root, dir))
  }
  for (const file of ['astro.config.mjs', 'package-lock.json']) {
    if (existsSync(path.join(root, file)))
      hash.update(file).update(readFileSync(path.join(root, file)))
  }
  return hash.digest('hex')
}

// ---------------------------------------------------------------------------------------------
// Assembling the release

/** Hard-links a file or a whole tree (the file system must allow links: one disk). */
export function linkTree(from: string, to: string): number {
  if (statSync(from).isDirectory()) return linkDirectory(from, to)
  mkdirSync(path.dirname(to), { recursive: true })
  linkSync(from, to)
  return 1
}

/**
 * A directory's tree, one system call per file: the entries' types come with the listing (no
 * stat per file) and each folder is made once (200,000 files: 12.3 s before, 9.3 s after).
 */
function linkDirectory(from: string, to: string): number {
  mkdirSync(to, { recursive: true })
  let count = 0
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isDirectory()) count += linkDirectory(source, target)
    else {
      linkSync(source, target)
      count += 1
    }
  }
  return count
}

/** What an incremental build keeps from the live release (see keptFromLive). */
export interface Kept {
  /** URL paths of the kept pages (for the sitemap). */
  pages: string[]
  /** Files and folders to link, relative to the releases' folders. */
  entries: string[]
}

/**
 * What the incremental build keeps from the live release: the detail pages and event calendar
 * files of unaffected documents, the built assets and the images still published (and the search
 * index, see linkKept). Found from the live release's folders alone, so Astro can start with the
 * kept pages' list while linkKept links them.
 */
export function keptFromLive(
  liveDir: string,
  keep: Record<DetailCollection, Set<string>>,
  mediaFiles: readonly string[],
): Kept {
  const entries: string[] = []
  const pages: string[] = []
  if (existsSync(path.join(liveDir, '_astro'))) entries.push('_astro')
  for (const file of mediaFiles) {
    for (const variant of [file, `${file}.br`, `${file}.gz`]) {
      if (existsSync(path.join(liveDir, 'media', variant)))
        entries.push(path.join('media', variant))
    }
  }
  for (const [collection, section] of Object.entries(detailSections) as [
    DetailCollection,
    string,
  ][]) {
    const slugs = keep[collection]
    for (const lang of localeCodes) {
      const dir = path.join(liveDir, lang, section)
      if (!existsSync(dir)) continue
      for (const entry of readdirSync(dir)) {
        const calendar = collection === 'events' && /^(.+)\.ics(\.br|\.gz)?$/.exec(entry)
        const slug = calendar ? calendar[1]! : entry
        if (!slugs.has(slug)) continue
        if (!calendar && !existsSync(path.join(dir, entry, 'index.html'))) continue
        entries.push(path.join(lang, section, entry))
        if (!calendar) pages.push(`/${lang}/${section}/${slug}/`)
      }
    }
  }
  return { pages, entries }
}

/**
 * Links into `outDir` what keptFromLive found, and gives it the live search index (one symbolic
 * link, see shareSearchIndex). Returns the number of files linked.
 */
export function linkKept(liveDir: string, outDir: string, kept: Kept): number {
  mkdirSync(outDir, { recursive: true })
  let files = shareSearchIndex(liveDir, outDir) ? 1 : 0
  for (const entry of kept.entries) {
    files += linkTree(path.join(liveDir, entry), path.join(outDir, entry))
  }
  return files
}

/** The search index's folder in a release (Pagefind's output). */
export const SEARCH_DIR = 'pagefind'

/**
 * Gives the release the live release's search index as one symbolic link to the folder that
 * holds it, instead of linking its 57,000 files one by one (a third of a 10,000-event publish
 * build's links, while residents wait). Pagefind's files are never changed in place: the search
 * refresh after the release is live writes a new folder and points the link at it
 * (refreshedSearchDir).
 * The link is relative, to the real folder (never to another link); prune keeps the release it
 * points into. Returns whether there was an index to share.
 */
export function shareSearchIndex(liveDir: string, outDir: string): boolean {
  const live = path.join(liveDir, SEARCH_DIR)
  if (!existsSync(live)) return false
  symlinkSync(path.relative(outDir, realpathSync(live)), path.join(outDir, SEARCH_DIR))
  return true
}

/**
 * The folder a search refresh writes the new index into, inside the release: a copy of the
 * release's index as hard links (named by content, Pagefind's files stay valid beside the new
 * ones). `activateSearchDir` then points the release's `pagefind` link at it.
 */
export function refreshedSearchDir(outDir: string): string {
  // A new name each time, also for two refreshes in the same millisecond (the current index's
  // folder may be the last refresh's).
  let stamp = Date.now()
  while (existsSync(path.join(outDir, `.search-${stamp}`))) stamp += 1
  const dir = path.join(outDir, `.search-${stamp}`)
  try {
    linkTree(realpathSync(path.join(outDir, SEARCH_DIR)), dir)
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return dir
}

/**
 * Points the release's `pagefind` at `dir` (a folder of the release) in one step: a new link
 * renamed over the old one. An earlier refreshed folder of the release is removed after.
 */
export function activateSearchDir(outDir: string, dir: string): void {
  const target = path.join(outDir, SEARCH_DIR)
  const previous = lstatSync(target).isSymbolicLink() ? realpathSync(target) : null
  replaceLink(target, path.basename(dir))
  if (previous && path.dirname(previous) === outDir && previous !== dir) {
    rmSync(previous, { recursive: true, force: true })
  }
}

/**
 * Moves every file of `renderedDir` (what Astro rendered, a new search index) into the release,
 * replacing what is there by rename (the linked file of the live release is left as it was),
 * except those `skip` keeps out. Returns the moved files' paths.
 */
export function moveInto(
  renderedDir: string,
  outDir: string,
  skip: (from: string, to: string) => boolean = () => false,
): string[] {
  const moved: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const from = path.join(dir, entry.name)
      const to = path.join(outDir, path.relative(renderedDir, from))
      if (entry.isDirectory()) {
        mkdirSync(to, { recursive: true })
        walk(from)
        continue
      }
      if (skip(from, to)) continue
      // Compressed copies of the replaced file would be stale.
      rmSync(`${to}.br`, { force: true })
      rmSync(`${to}.gz`, { force: true })
      renameSync(from, to)
      moved.push(to)
    }
  }
  walk(renderedDir)
  return moved
}

// ---------------------------------------------------------------------------------------------
// Listings (pages of events, months, communes, categories, past events; the feeds)

/** The fingerprints of a release's listings, by URL path (see web/lib/buildPlan.ts). */
export const RELEASE_LISTINGS = '.listings.json'

/** One listing as Astro's build recorded it: its fingerprint, and whether it was rendered. */
export interface ListingRecord {
  path: string
  fingerprint: string
  render: boolean
}

/** A listing's file in a release: a page's index.html, or the feed file itself. */
export function listingFile(urlPath: string): string {
  const relative = urlPath.replace(/^\/+/, '')
  return urlPath.endsWith('/') ? path.join(relative, 'index.html') : relative
}

/**
 * The live release's listing fingerprints that an incremental build may keep: those whose file
 * and compressed copies are there (a release without the record keeps no listing).
 */
export function liveListings(liveDir: string): Record<string, string> {
  let recorded: Record<string, string>
  try {
    recorded = JSON.parse(readFileSync(path.join(liveDir, RELEASE_LISTINGS), 'utf8')) as Record<
      string,
      string
    >
  } catch {
    return {}
  }
  return Object.fromEntries(
    Object.entries(recorded).filter(([urlPath]) =>
      existsSync(path.join(liveDir, listingFile(urlPath))),
    ),
  )
}

/** The records Astro's build wrote (JSON lines); a path recorded twice keeps the last record. */
export function readListingRecords(file: string): ListingRecord[] {
  if (!existsSync(file)) return []
  const byPath = new Map<string, ListingRecord>()
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const record = JSON.parse(line) as ListingRecord
    byPath.set(record.path, record)
  }
  return [...byPath.values()]
}

/** Writes the release's listing fingerprints, for the next incremental build to compare with. */
export function writeListings(outDir: string, records: readonly ListingRecord[]): void {
  writeFileSync(
    path.join(outDir, RELEASE_LISTINGS),
    // By path: the same file however many Astro processes rendered the listings.
    JSON.stringify(
      Object.fromEntries(
        [...records]
          .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
          .map((record) => [record.path, record.fingerprint]),
      ),
    ),
  )
}

/**
 * Links into the release the listings the build did not render (their fingerprint is the live
 * release's), with their compressed copies. Returns the number of listings linked.
 */
export function linkListings(
  liveDir: string,
  outDir: string,
  records: readonly ListingRecord[],
): number {
  let linked = 0
  for (const record of records) {
    if (record.render) continue
    const file = listingFile(record.path)
    for (const variant of [file, `${file}.br`, `${file}.gz`]) {
      const source = path.join(liveDir, variant)
      if (!existsSync(source)) {
        if (variant === file) throw new Error(`the live release has no ${file} to keep`)
        continue
      }
      linkTree(source, path.join(outDir, variant))
    }
    linked += 1
  }
  return linked
}

// ---------------------------------------------------------------------------------------------
// The sitemap (see SITEMAP_PAGES_FILE)

const SITEMAP_FILE = /^sitemap-.*\.xml(\.br|\.gz)?$/

/** The digest of the live release's sitemap addresses, when it recorded one. */
export function liveSitemapPages(liveDir: string): string | null {
  try {
    return readFileSync(path.join(liveDir, SITEMAP_PAGES_FILE), 'utf8').trim() || null
  } catch {
    return null
  }
}

/**
 * Links the live release's sitemap files (with their compressed copies) into the release, when
 * Astro kept them for having the same addresses and so wrote none. Returns how many were linked.
 */
export function linkLiveSitemap(liveDir: string, outDir: string): number {
  if (existsSync(path.join(outDir, 'sitemap-index.xml'))) return 0
  const files = readdirSync(liveDir).filter((name) => SITEMAP_FILE.test(name))
  for (const name of files) linkTree(path.join(liveDir, name), path.join(outDir, name))
  return files.length
}
