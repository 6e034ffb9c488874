// Pagefind reads every page but the event listings (scripts/lib/search.ts), checked with Pagefind.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { searchableGlob } from '../../scripts/lib/search'

const site = mkdtempSync(path.join(tmpdir(), 'zesummen-search-'))
afterAll(() => rmSync(site, { recursive: true, force: true }))

const searchable = [
  'index.html',
  '404.html',
  'en/index.html',
  'en/events/walk/index.html',
  'en/events/past/index.html',
  'en/about-plan/index.html',
  'en/resources/commune/remich/index.html',
  'fr/resources/x/index.html',
  'fr/communes/remich/index.html',
]
const listings = [
  'en/events/index.html',
  'en/events/page/2/index.html',
  'en/events/month/2026-11/index.html',
  'en/events/commune/remich/index.html',
  'en/events/category/sport/index.html',
  'en/events/past/page/2/index.html',
]
for (const file of [...searchable, ...listings]) {
  mkdirSync(path.dirname(path.join(site, file)), { recursive: true })
  writeFileSync(
    path.join(site, file),
    `<!doctype html><html lang="en"><body><main data-pagefind-body><h1>${file}</h1></main></body></html>`,
  )
}

/** The files Pagefind says it found with this glob. */
function found(glob: string): number {
  const result = spawnSync(
    process.execPath,
    [path.resolve('node_modules/pagefind/lib/runner/bin.cjs'), '--site', site, '--glob', glob],
    { encoding: 'utf8' },
  )
  const match = /Found (\d+) files? matching/.exec(result.stdout)
  if (!match) throw new Error(`Pagefind said: ${result.stdout}${result.stderr}`)
  return Number(match[1])
}

describe('searchableGlob', () => {
  it('has Pagefind read every page except the event listings', () => {
    const glob = searchableGlob(site)
    expect(glob).toContain('about-plan')
    expect(found(glob)).toBe(searchable.length)
    expect(found('**/*.html')).toBe(searchable.length + listings.length)
  })

  it('reads everything when a folder name would break the pattern', () => {
    mkdirSync(path.join(site, 'en', 'odd{name}'), { recursive: true })
    try {
      expect(searchableGlob(site)).toBe('**/*.html')
    } finally {
      rmSync(path.join(site, 'en', 'odd{name}'), { recursive: true })
    }
  })
})
