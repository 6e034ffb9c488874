// Site releases: the checks before a release goes live, the atomic switch, keeping the last few,
// rollback, the one-build-at-a-time lock, and the settings that place them.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { localeCodes } from '../../locales/config'
import {
  acquireBuildLock,
  activate,
  checkRelease,
  countPages,
  currentReleaseId,
  KEEP_RELEASES,
  prune,
  rollbackTarget,
  writeManifest,
} from '../../scripts/lib/releases'
import {
  activateSearchDir,
  refreshedSearchDir,
  shareSearchIndex,
} from '../../scripts/lib/incremental'
import {
  rebuildDebounceMs,
  releasesDir,
  runJobs,
  SettingsError,
  trustProxy,
} from '../../cms/settings'

function fresh() {
  return mkdtempSync(path.join(tmpdir(), 'zesummen-releases-'))
}

/** A release folder with the files the checks ask for (and a manifest when complete). */
function release(root: string, id: string, pages = 100, complete = true) {
  const dir = path.join(root, id)
  for (const file of [
    'index.html',
    'sitemap-index.xml',
    'pagefind/pagefind.js',
    ...localeCodes.flatMap((lang) => [`${lang}/index.html`, `${lang}/404/index.html`]),
  ]) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), 'x')
  }
  if (complete) writeManifest(root, { id, createdAt: id, pages, durationMs: 1000, counts: {} })
  return dir
}

describe('release checks', () => {
  it('pass a complete release and name what is missing otherwise', () => {
    const root = fresh()
    const dir = release(root, 'r1')
    expect(checkRelease(dir, 100, null)).toEqual([])
    const broken = release(root, 'r2')
    for (const file of ['sitemap-index.xml', 'pt/index.html']) rmSync(path.join(broken, file))
    expect(checkRelease(broken, 100, null)).toEqual([
      'missing sitemap-index.xml',
      'missing pt/index.html',
    ])
  })

  it('refuse a release with less than half the live pages unless allowed', () => {
    const root = fresh()
    const dir = release(root, 'r1')
    const live = { id: 'r0', createdAt: '', pages: 600, durationMs: 1, counts: {} }
    expect(checkRelease(dir, 299, live)[0]).toMatch(/only 299 pages where the live release has 600/)
    expect(checkRelease(dir, 300, live)).toEqual([])
    expect(checkRelease(dir, 10, live, true)).toEqual([])
  })
})

describe('switching releases', () => {
  it('makes a complete release live through the current link, and refuses an incomplete one', () => {
    const root = fresh()
    release(root, 'r1')
    release(root, 'r2', 100, false)
    activate(root, 'r1')
    expect(readlinkSync(path.join(root, 'current'))).toBe('r1')
    expect(() => activate(root, 'r2')).toThrow(/not complete/)
    expect(currentReleaseId(root)).toBe('r1')
  })

  it('keeps the newest releases and the live one, and removes unfinished ones', () => {
    const root = fresh()
    const ids = Array.from({ length: 8 }, (_, i) => `2026-01-0${i + 1}`)
    for (const id of ids) release(root, id)
    release(root, '2026-01-09-killed', 50, false)
    activate(root, ids[0]!)
    const removed = prune(root)
    expect(removed.sort()).toEqual([ids[1], ids[2], '2026-01-09-killed'].sort())
    const left = readdirSync(root).filter((name) => name !== 'current')
    expect(left).toHaveLength(KEEP_RELEASES + 1)
    expect(left).toContain(ids[0])
  })

  it('can put off deleting: what it removes is renamed at once and deleted by the next call', () => {
    const root = fresh()
    const ids = Array.from({ length: 7 }, (_, i) => `2026-01-0${i + 1}`)
    for (const id of ids) release(root, id)
    activate(root, ids[6]!)
    expect(prune(root, null, { deferRemoval: true })).toEqual([ids[0], ids[1]])
    const hidden = readdirSync(root).filter((name) => name.startsWith('.removing-'))
    expect(hidden).toHaveLength(2)
    expect(readdirSync(root).filter((name) => !name.startsWith('.'))).toHaveLength(6)
    expect(prune(root)).toEqual([])
    expect(readdirSync(root).filter((name) => name.startsWith('.removing-'))).toEqual([])
  })

  it('keeps a release while a kept release still shows its search index', () => {
    const root = fresh()
    const ids = Array.from({ length: 8 }, (_, i) => `2026-01-0${i + 1}`)
    for (const id of ids) release(root, id)
    // The oldest kept release's search refresh never ran: its index is still the one of ids[1].
    const sharing = path.join(root, ids[3]!)
    rmSync(path.join(sharing, 'pagefind'), { recursive: true })
    shareSearchIndex(path.join(root, ids[1]!), sharing)
    activate(root, ids[7]!)
    expect(prune(root).sort()).toEqual([ids[0], ids[2]])
    expect(readFileSync(path.join(sharing, 'pagefind', 'pagefind.js'), 'utf8')).toBe('x')
  })

  it('switches a shared search index to a refreshed copy without writing the shared one', () => {
    const root = fresh()
    const old = release(root, 'r1')
    const next = release(root, 'r2')
    rmSync(path.join(next, 'pagefind'), { recursive: true })
    shareSearchIndex(old, next)
    expect(readlinkSync(path.join(next, 'pagefind'))).toBe(path.join('..', 'r1', 'pagefind'))
    const copy = refreshedSearchDir(next)
    writeFileSync(path.join(copy, 'pagefind-entry.json'), 'new')
    activateSearchDir(next, copy)
    expect(readlinkSync(path.join(next, 'pagefind'))).toBe(path.basename(copy))
    expect(readFileSync(path.join(next, 'pagefind', 'pagefind.js'), 'utf8')).toBe('x')
    expect(existsSync(path.join(old, 'pagefind', 'pagefind-entry.json'))).toBe(false)
    // Refreshed again, in the same millisecond: the new copy starts from the current one, which
    // is removed after.
    const now = vi.spyOn(Date, 'now').mockReturnValue(Number(path.basename(copy).split('-')[1]))
    const again = refreshedSearchDir(next)
    now.mockRestore()
    expect(again).not.toBe(copy)
    activateSearchDir(next, again)
    expect(existsSync(copy)).toBe(false)
    expect(readFileSync(path.join(next, 'pagefind', 'pagefind-entry.json'), 'utf8')).toBe('new')
    // The release holds no other page than before, and the refresh's folder counts none.
    expect(countPages(next)).toBe(countPages(old))
    expect(prune(root)).toEqual([])
  })

  it('removes what stopped builds rendered, except the folders of the build under way', () => {
    const root = fresh()
    release(root, 'r1')
    activate(root, 'r1')
    for (const name of [
      '.render-old',
      '.part-1-old',
      '.part-1-.render-old',
      '.part-calendars-old',
      '.render-new',
      '.part-2-.render-new',
      '.part-1-new',
    ]) {
      mkdirSync(path.join(root, name))
    }
    expect(prune(root, 'new').sort()).toEqual([
      '.part-1-.render-old',
      '.part-1-old',
      '.part-calendars-old',
      '.render-old',
    ])
    expect(readdirSync(root).sort()).toEqual([
      '.part-1-new',
      '.part-2-.render-new',
      '.render-new',
      'current',
      'r1',
    ])
  })

  it('rolls back to the release before the live one, or to the one named', () => {
    const root = fresh()
    for (const id of ['a', 'b', 'c']) release(root, id)
    activate(root, 'c')
    expect(rollbackTarget(root).id).toBe('b')
    expect(rollbackTarget(root, 'a').id).toBe('a')
    activate(root, 'a')
    expect(() => rollbackTarget(root)).toThrow(/No release before the live one/)
    expect(() => rollbackTarget(root, 'zzz')).toThrow(/No complete release zzz/)
  })
})

describe('the build lock', () => {
  it('lets one build run, and takes over a lock whose process is gone', () => {
    const root = fresh()
    writeFileSync(path.join(root, '.build.lock'), '1')
    // PID 1 always runs: another build is under way.
    expect(() => acquireBuildLock(root)).toThrow(/Another site build \(process 1\) is running/)
    writeFileSync(path.join(root, '.build.lock'), '999999999')
    const unlock = acquireBuildLock(root)
    unlock()
    expect(readdirSync(root)).toEqual([])
  })
})

describe('settings of the pipeline', () => {
  it('keeps releases inside the project folder', () => {
    expect(releasesDir({}, '/srv/zesummen')).toBe('/srv/zesummen/releases')
    expect(releasesDir({ RELEASES_DIR: 'var/releases' }, '/srv/zesummen')).toBe(
      '/srv/zesummen/var/releases',
    )
    expect(() => releasesDir({ RELEASES_DIR: '/tmp/releases' }, '/srv/zesummen')).toThrow(
      /RELEASES_DIR: .* is not inside the project folder/,
    )
  })

  it('reads the debounce, the jobs switch and the proxy switch, naming bad values', () => {
    expect(rebuildDebounceMs({})).toBe(3_000)
    expect(rebuildDebounceMs({ REBUILD_DEBOUNCE_SECONDS: '2.5' })).toBe(2500)
    expect(() => rebuildDebounceMs({ REBUILD_DEBOUNCE_SECONDS: 'soon' })).toThrow(SettingsError)
    expect(runJobs({})).toBe(true)
    expect(runJobs({ RUN_JOBS: '0' })).toBe(false)
    expect(() => runJobs({ RUN_JOBS: 'maybe' })).toThrow(/RUN_JOBS/)
    expect(trustProxy({})).toBe(false)
    expect(trustProxy({ TRUST_PROXY: '1' })).toBe(true)
    expect(() => trustProxy({ TRUST_PROXY: 'sure' })).toThrow(/TRUST_PROXY/)
  })
})
