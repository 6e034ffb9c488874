// An incremental build makes the same site as a full build of the same content, file for file
// (the incremental builds render in two Astro processes, the full one in one),
// and never changes a file of the release before it (they share files as hard links).
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  lstatSync,
  readFileSync,
  readdirSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { syntheticSnapshot } from '../../scripts/bench/syntheticSnapshot'
import type { RawDoc, SiteSnapshot } from '../../cms/domain/snapshot'
import { freshDataDir } from './server'

const dataDir = freshDataDir()
const releases = (name: string) => path.join(dataDir, name)

/**
 * The incremental builds render in two Astro processes (languages shared out, sitemap merged),
 * the full build they are compared with in one, as Astro alone would.
 */
function build(
  snapshot: SiteSnapshot,
  name: string,
  releasesName: string,
  incremental: boolean,
  processes = 2,
) {
  const file = path.join(dataDir, `${name}.json`)
  writeFileSync(file, JSON.stringify(snapshot))
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'scripts/build-site.ts',
      '--snapshot',
      file,
      ...(incremental ? ['--incremental'] : []),
    ],
    {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        RELEASES_DIR: path.relative(process.cwd(), releases(releasesName)),
        DATABASE_URL: undefined,
        BUILD_PROCESSES: String(processes),
      },
      encoding: 'utf8',
    },
  )
  expect(result.status, result.stdout + result.stderr).toBe(0)
  return { log: result.stdout, dir: realpathSync(path.join(releases(releasesName), 'current')) }
}

/** Every file of a release but the search index, compressed copies and build records. */
function siteFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name)
    // The search index: a folder, or in an incremental release a link to one (and the folder of
    // its refresh).
    if (entry.name === 'pagefind' || entry.name.startsWith('.search-')) return []
    if (entry.isDirectory()) return siteFiles(dir, relative)
    if (/\.(br|gz)$/.test(entry.name) || /^(release\.json|\.snapshot\.json)$/.test(relative))
      return []
    return [relative]
  })
}

/** Compressed copies that do not decompress to their file: a shared file written in place. */
function badCompressedCopies(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name)
    if (entry.isDirectory()) return badCompressedCopies(dir, relative)
    const match = /^(.*)\.(br|gz)$/.exec(relative)
    if (!match || /^(pagefind|\.search-)/.test(relative)) return []
    const bytes = readFileSync(path.join(dir, relative))
    const original = readFileSync(path.join(dir, match[1]!))
    const decoded = match[2] === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes)
    return decoded.equals(original) ? [] : [relative]
  })
}

describe('incremental site builds', () => {
  const before = syntheticSnapshot({ events: 40, now: new Date('2027-01-15T12:00:00Z') })
  const after = structuredClone(before)
  after.generatedAt = '2027-01-15T12:05:00.000Z'
  const [changed, removed, model] = after.collections.events as [RawDoc, RawDoc, RawDoc]
  const oldTitle = String((changed.title as Record<string, string>).fr)
  changed.title = { fr: 'Titre corrigé après publication' }
  after.collections.events.splice(1, 1)
  after.collections.events.push({ ...model, id: 9999, slug: 'nouvel-evenement-incremental' })
  const removedSlug = String(removed.slug)

  let first: { log: string; dir: string }
  let second: { log: string; dir: string }

  it('builds everything first, then only what changed', () => {
    first = build(before, 'before', 'releases', true)
    expect(first.log).toMatch(
      /Astro: 2 processes \(lb fr \| de pt en; detail pages shared out by slug\)/,
    )
    second = build(after, 'after', 'releases', true)
    expect(second.log).toMatch(/Incremental build: changed: 3 events/)
    expect(second.log).toMatch(/The search index is up to date/)
    // Listings and feeds the changes do not touch are kept (the next test checks they are right).
    const [, rendered, total] = /Rendered (\d+) of (\d+) listings/.exec(second.log)!.map(Number)
    expect(rendered).toBeGreaterThan(0)
    expect(rendered).toBeLessThan(total!)
  }, 300_000)

  it('makes the same files as a full build of the same content', () => {
    const full = build(after, 'after-full', 'releases-full', false, 1)
    expect(full.log).toMatch(/Astro: one process/)
    const files = siteFiles(second.dir).sort()
    expect(files).toEqual(siteFiles(full.dir).sort())
    const different = files.filter(
      (file) =>
        !readFileSync(path.join(second.dir, file)).equals(readFileSync(path.join(full.dir, file))),
    )
    expect(different).toEqual([])
    expect(existsSync(path.join(second.dir, 'fr', 'events', removedSlug))).toBe(false)
    expect(readFileSync(path.join(second.dir, 'sitemap-0.xml'), 'utf8')).toContain(
      '/fr/events/nouvel-evenement-incremental/',
    )
  }, 300_000)

  it('leaves the release before it as it was', () => {
    const page = readFileSync(
      path.join(first.dir, 'fr', 'events', String(changed.slug), 'index.html'),
      'utf8',
    )
    expect(page).toContain(oldTitle)
    expect(existsSync(path.join(first.dir, 'fr', 'events', removedSlug, 'index.html'))).toBe(true)
    expect(badCompressedCopies(first.dir)).toEqual([])
    expect(badCompressedCopies(second.dir)).toEqual([])
  })

  it('adds the changed pages to the search index, in a new folder of the release', () => {
    // Shared with the release before until the refresh, then the release's own refreshed copy.
    const index = path.join(second.dir, 'pagefind')
    expect(lstatSync(index).isSymbolicLink()).toBe(true)
    expect(path.dirname(realpathSync(index))).toBe(second.dir)
    expect(lstatSync(path.join(first.dir, 'pagefind')).isDirectory()).toBe(true)
    const fragments = path.join(index, 'fragment')
    const texts = readdirSync(fragments).map((name) =>
      gunzipSync(readFileSync(path.join(fragments, name))).toString('utf8'),
    )
    expect(texts.some((text) => text.includes('Titre corrigé après publication'))).toBe(true)
    expect(readFileSync(path.join(second.dir, 'pagefind', 'pagefind-entry.json'), 'utf8')).not.toBe(
      readFileSync(path.join(first.dir, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    )
  })

  it('keeps the live sitemap when the pages are the same, and writes it when they are not', () => {
    expect(second.log).not.toMatch(/Kept the sitemap/)
    const retitled = structuredClone(after)
    retitled.generatedAt = '2027-01-15T12:10:00.000Z'
    const event = retitled.collections.events[0]!
    event.title = { ...(event.title as Record<string, string>), fr: 'Titre changé encore' }
    const third = build(retitled, 'retitled', 'releases', true)
    expect(third.log).toMatch(/Kept the sitemap: the same pages as live/)
    for (const file of readdirSync(second.dir).filter((name) => name.startsWith('sitemap-'))) {
      // The same file (a hard link), not a copy.
      expect(statSync(path.join(third.dir, file)).ino).toBe(
        statSync(path.join(second.dir, file)).ino,
      )
    }
    expect(readFileSync(path.join(third.dir, 'sitemap-index.xml'), 'utf8')).toContain(
      'sitemap-0.xml',
    )
  }, 300_000)
})
