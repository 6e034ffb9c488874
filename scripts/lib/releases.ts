// Releases of the public site: each build writes releases/<id>/, is checked, and only then
// becomes live by renaming a new `current` symlink over the old one (atomic on POSIX), so a
// failed or killed build never touches what residents see. The last few releases stay for
// `npm run rollback`.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { localeCodes } from '../../locales/config'

export const CURRENT = 'current'
const MANIFEST = 'release.json'
const LOCK = '.build.lock'
/** Releases kept besides the live one, for rollback. */
export const KEEP_RELEASES = 5

export interface ReleaseManifest {
  id: string
  createdAt: string
  pages: number
  durationMs: number
  /** Published documents per collection the release was built from. */
  counts: Record<string, number>
  /** Milliseconds per build step (snapshot, astro, media, pagefind, compress, check), for the bench. */
  steps?: Record<string, number>
  /** When the content was read (the snapshot's time: what "upcoming" was decided against). */
  contentAt?: string
  /** Everything rendered, or only what changed since the release before (scripts/lib/incremental.ts). */
  mode?: 'full' | 'partial'
  /** Fingerprint of the site's code and settings the release was built with. */
  sources?: string
}

/** A sortable, file-name-safe id: 2026-11-25T18-30-05-123Z. */
export function newReleaseId(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-')
}

export function liveDir(releases: string): string {
  return path.join(releases, CURRENT)
}

/** The id of the live release, or null before the first build. */
export function currentReleaseId(releases: string): string | null {
  try {
    return path.basename(readlinkSync(liveDir(releases)))
  } catch {
    return null
  }
}

export function readManifest(releases: string, id: string): ReleaseManifest | null {
  const file = path.join(releases, id, MANIFEST)
  if (!existsSync(file)) return null
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ReleaseManifest
  } catch {
    return null
  }
}

/** Complete releases (those with a manifest), oldest first. */
export function listReleases(releases: string): ReleaseManifest[] {
  if (!existsSync(releases)) return []
  return readdirSync(releases)
    .filter((name) => name !== CURRENT && !name.startsWith('.'))
    .sort()
    .map((name) => readManifest(releases, name))
    .filter((manifest): manifest is ReleaseManifest => manifest !== null)
}

export function writeManifest(releases: string, manifest: ReleaseManifest): void {
  writeFileSync(path.join(releases, manifest.id, MANIFEST), JSON.stringify(manifest, null, 2))
}

export function countPages(dir: string): number {
  let count = 0
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry)
    // The search index and the build's own dot folders (a search refresh) hold no pages.
    if (entry === 'pagefind' || entry.startsWith('.')) continue
    if (statSync(full).isDirectory()) count += countPages(full)
    else if (entry.endsWith('.html')) count += 1
  }
  return count
}

/** A release that lost more than this share of the live release's pages is refused. */
const MAX_SHRINK = 0.5

/**
 * What is wrong with a built release before it may go live: every language present, the
 * sitemap, the search index, and the page count not collapsed against the live release.
 */
export function checkRelease(
  dir: string,
  pages: number,
  live: ReleaseManifest | null,
  allowShrink = false,
): string[] {
  const problems: string[] = []
  const must = [
    'index.html',
    'sitemap-index.xml',
    'pagefind/pagefind.js',
    ...localeCodes.flatMap((lang) => [`${lang}/index.html`, `${lang}/404/index.html`]),
  ]
  for (const file of must) {
    if (!existsSync(path.join(dir, file))) problems.push(`missing ${file}`)
  }
  if (!allowShrink && live && live.pages >= 20 && pages < live.pages * MAX_SHRINK) {
    problems.push(
      `only ${pages} pages where the live release has ${live.pages}; if content was really ` +
        'removed, build with --allow-shrink',
    )
  }
  return problems
}

/**
 * Points the symbolic link `link` at `target` (relative to the link's folder) in one step: a new
 * link, a dot name beside it, renamed over the old one (atomic on POSIX).
 */
export function replaceLink(link: string, target: string): void {
  const temporary = path.join(
    path.dirname(link),
    `.${path.basename(link)}-${process.pid}-${Date.now()}`,
  )
  symlinkSync(target, temporary)
  renameSync(temporary, link)
}

/** Makes a release live: `current` pointed at it in one step. */
export function activate(releases: string, id: string): void {
  if (!readManifest(releases, id)) throw new Error(`Release ${id} is not complete.`)
  replaceLink(liveDir(releases), id)
}

/** Folders being removed: renamed first (one step), deleted when there is time. */
const REMOVING = '.removing-'

/**
 * Removes old releases beyond KEEP_RELEASES and folders of builds that never completed (killed or
 * failed), never the live one or one being built now. Each goes in two steps: renamed out of the
 * way at once, then deleted with whatever earlier calls left; `deferRemoval` leaves the deleting
 * to a later call (a release of a large region has 227,000 files: 15 s to delete, which a build
 * does after its release is live, not before). Returns the names removed.
 */
export function prune(
  releases: string,
  building: string | null = null,
  { deferRemoval = false }: { deferRemoval?: boolean } = {},
): string[] {
  if (!existsSync(releases)) return []
  const live = currentReleaseId(releases)
  const removed: string[] = []
  const names = readdirSync(releases).filter((name) => name !== CURRENT && !name.startsWith('.'))
  const complete = names.filter((name) => readManifest(releases, name)).sort()
  const keep = new Set(complete.slice(-KEEP_RELEASES))
  // An incremental build links the live release's search index (its `pagefind` is a symbolic
  // link into an older release until its search refresh is done): the release it points into
  // stays while the release pointing into it does.
  for (const name of [...keep, live, building]) {
    const into = name ? searchIndexRelease(releases, name) : null
    if (into) keep.add(into)
  }
  for (const name of names) {
    if (name === live || name === building || keep.has(name)) continue
    removed.push(name)
  }
  // What a build rendered before it was stopped (it moves it in at once): an incremental build's
  // pages, those of the second and later Astro processes (scripts/lib/renderProcesses.ts) and the
  // calendar files of a full build.
  for (const name of readdirSync(releases)) {
    if (/^\.(render|part)-/.test(name) && !name.endsWith(`-${building}`)) removed.push(name)
  }
  for (const [index, name] of removed.entries()) {
    renameSync(
      path.join(releases, name),
      path.join(releases, `${REMOVING}${Date.now()}-${index}-${name}`),
    )
  }
  if (!deferRemoval) {
    for (const name of readdirSync(releases)) {
      if (name.startsWith(REMOVING))
        rmSync(path.join(releases, name), { recursive: true, force: true })
    }
  }
  return removed
}

/** The other release whose search index a release's `pagefind` link points into, if any. */
function searchIndexRelease(releases: string, name: string): string | null {
  try {
    const link = path.join(releases, name, 'pagefind')
    if (!lstatSync(link).isSymbolicLink()) return null
    const target = path.relative(releases, path.resolve(path.dirname(link), readlinkSync(link)))
    const owner = target.split(path.sep)[0]!
    return owner && owner !== name && !owner.startsWith('.') ? owner : null
  } catch {
    return null
  }
}

/** The release to go back to: the one before the live one, or the one named. */
export function rollbackTarget(releases: string, id?: string): ReleaseManifest {
  const all = listReleases(releases)
  if (id) {
    const named = all.find((release) => release.id === id)
    if (!named) throw new Error(`No complete release ${id}. Releases: ${describe(all)}`)
    return named
  }
  const live = currentReleaseId(releases)
  const index = all.findIndex((release) => release.id === live)
  const previous = index > 0 ? all[index - 1] : undefined
  if (!previous) throw new Error(`No release before the live one (${live}). ${describe(all)}`)
  return previous
}

function describe(all: ReleaseManifest[]): string {
  return all.length ? all.map((release) => release.id).join(', ') : 'none'
}

/**
 * Whether a process still runs. A killed build whose parent died too can stay a zombie (in
 * containers nothing may reap it); on Linux its state in /proc says so.
 */
function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // "pid (name) S …": the state follows the closing parenthesis of the name.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    if (process.platform === 'linux') return false
  }
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * One build at a time: a lock file with the builder's pid. A lock left by a process that died
 * (a killed build) is taken over. Returns the release function.
 */
export function acquireBuildLock(releases: string): () => void {
  mkdirSync(releases, { recursive: true })
  const file = path.join(releases, LOCK)
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'))
    if (Number.isInteger(pid) && pid !== process.pid && processAlive(pid)) {
      throw new Error(`Another site build (process ${pid}) is running; try again when it ends.`)
    }
  }
  writeFileSync(file, String(process.pid))
  return () => {
    try {
      if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file)
    } catch {
      // Already gone.
    }
  }
}

/** Whether `current` exists and points at a complete release. */
export function hasLiveRelease(releases: string): boolean {
  const id = currentReleaseId(releases)
  return Boolean(id && lstatSync(liveDir(releases)).isSymbolicLink() && readManifest(releases, id))
}
