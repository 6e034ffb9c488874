// The site build's Astro processes: how many, which pages each renders, and how their folders
// come together (scripts/lib/renderProcesses.ts; the whole build is compared with a one-process
// build in tests/e2e/incremental.test.ts).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { localeCodes } from '../../locales/config'
import { mergeInto, renderProcessCount } from '../../scripts/lib/renderProcesses'
import {
  builtLocales,
  detailLocales,
  OWN_PAGES_WEIGHT,
  SITEMAP_WEIGHT,
  parseBuildShare,
  rendersDetailHere,
  slugFraction,
} from '../../web/lib/paths'

const root = mkdtempSync(path.join(tmpdir(), 'zesummen-render-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function tree(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), text)
  }
}

describe('Astro processes of a site build', () => {
  it('runs one per core, at most one per language, or as many as BUILD_PROCESSES says', () => {
    expect(renderProcessCount(5, undefined, 2)).toBe(2)
    expect(renderProcessCount(5, '', 1)).toBe(1)
    expect(renderProcessCount(5, undefined, 16)).toBe(5)
    expect(renderProcessCount(5, '1', 8)).toBe(1)
    expect(renderProcessCount(5, '3', 1)).toBe(3)
    expect(renderProcessCount(5, '9', 1)).toBe(5)
    for (const wrong of ['0', '-1', '1.5', 'two']) {
      expect(() => renderProcessCount(5, wrong, 2)).toThrow(
        /BUILD_PROCESSES must be a whole number/,
      )
    }
  })

  it('gives each process the own pages of whole languages, in order, the first the fewest', () => {
    const shares = (count: number) =>
      Array.from({ length: count }, (_, index) => builtLocales({ index, count }))
    expect(shares(1)).toEqual([[...localeCodes]])
    expect(shares(2)).toEqual([
      ['lb', 'fr'],
      ['de', 'pt', 'en'],
    ])
    expect(shares(3)).toEqual([['lb'], ['fr', 'de'], ['pt', 'en']])
    expect(shares(4)).toEqual([['lb'], ['fr'], ['de'], ['pt', 'en']])
    expect(shares(5)).toEqual(localeCodes.map((code) => [code]))
  })

  it('gives every detail page to exactly one process, and each process the same work', () => {
    const slugs = Array.from({ length: 2000 }, (_, index) => `event-${index}-remich`)
    for (const count of [1, 2, 3, 4, 5]) {
      const load = Array.from({ length: count }, () => 0)
      const wrong: string[] = []
      for (const lang of localeCodes) {
        // Only a process that knows the language renders its pages.
        const knows = load.map((_, index) => detailLocales({ index, count }).includes(lang))
        for (const slug of slugs) {
          const owners = load
            .map((_, index) => index)
            .filter((index) => rendersDetailHere(lang, slug, { index, count }))
          if (owners.length !== 1 || !knows[owners[0]!]) wrong.push(`${count}: ${lang} ${slug}`)
          else load[owners[0]!]! += 1
        }
      }
      expect(wrong).toEqual([])
      // A language's own pages count as OWN_PAGES_WEIGHT of it, its detail pages the rest.
      const work = load.map(
        (pages, index) =>
          OWN_PAGES_WEIGHT * builtLocales({ index, count }).length +
          ((1 - OWN_PAGES_WEIGHT) * pages) / slugs.length,
      )
      // The first process, which writes the sitemap too, has SITEMAP_WEIGHT less of them.
      const even = localeCodes.length / count
      work.forEach((share, index) => {
        const expected =
          even + (index === 0 ? -SITEMAP_WEIGHT * (count - 1) : SITEMAP_WEIGHT) / count
        expect(Math.abs(share - expected) / expected).toBeLessThan(0.03)
      })
      if (count > 1) expect(work[0]).toBeLessThan(work[1]! - SITEMAP_WEIGHT / 2)
    }
    expect(detailLocales({ index: 1, count: 2 })).toEqual(['de', 'pt', 'en'])
    // With two processes, the first renders most of de's detail pages: it has the languages' own
    // pages of two languages, the second of three (de's among them).
    const deSecond = slugs.filter((slug) => rendersDetailHere('de', slug, { index: 1, count: 2 }))
    expect(deSecond.length / slugs.length).toBeGreaterThan(0)
    expect(deSecond.length / slugs.length).toBeLessThan(0.5)
    expect(rendersDetailHere('fr', 'x', { index: 1, count: 2 })).toBe(false)
  })

  it('reads its share from ZESUMMEN_BUILD_SHARE, or renders the whole site', () => {
    expect(parseBuildShare(undefined)).toEqual({ index: 0, count: 1 })
    expect(parseBuildShare(' ')).toEqual({ index: 0, count: 1 })
    expect(parseBuildShare('1/2')).toEqual({ index: 1, count: 2 })
    for (const wrong of ['2/2', '0/0', 'a/2', '1', '-1/2']) {
      expect(() => parseBuildShare(wrong)).toThrow(/ZESUMMEN_BUILD_SHARE must be/)
    }
    expect(slugFraction('fete-du-vin')).toBe(slugFraction('fete-du-vin'))
    expect(slugFraction('fete-du-vin')).not.toBe(slugFraction('fete-du-vim'))
  })

  it('merges a process folder into another: new folders moved whole, shared files kept once', () => {
    const into = path.join(root, 'release')
    const from = path.join(root, '.part-1-release')
    tree(into, {
      'index.html': 'chooser',
      '_astro/site.css': 'css',
      'fr/index.html': 'fr home',
      'fr/events/a/index.html': 'fr a',
    })
    tree(from, {
      'index.html': 'chooser',
      '_astro/site.css': 'css',
      '_astro/other.css': 'other',
      'en/index.html': 'en home',
      'en/events/a/index.html': 'en a',
    })
    expect(mergeInto(from, into)).toEqual([])
    expect(existsSync(from)).toBe(false)
    expect(readFileSync(path.join(into, 'en/events/a/index.html'), 'utf8')).toBe('en a')
    expect(readFileSync(path.join(into, '_astro/other.css'), 'utf8')).toBe('other')
    expect(readFileSync(path.join(into, 'fr/events/a/index.html'), 'utf8')).toBe('fr a')
  })

  it('reports a file two processes rendered differently', () => {
    const into = path.join(root, 'release-2')
    const from = path.join(root, '.part-1-release-2')
    tree(into, { 'index.html': 'chooser', 'robots.txt': 'a' })
    tree(from, { 'index.html': 'chooser!', 'robots.txt': 'b', 'pt/index.html': 'pt' })
    expect(mergeInto(from, into).sort()).toEqual(['index.html', 'robots.txt'])
    expect(readFileSync(path.join(into, 'index.html'), 'utf8')).toBe('chooser')
  })

  it('merges nothing from a folder nobody wrote', () => {
    const into = path.join(root, 'release-3')
    tree(into, { 'index.html': 'chooser' })
    expect(mergeInto(path.join(root, '.part-calendars-release-3'), into)).toEqual([])
    expect(readFileSync(path.join(into, 'index.html'), 'utf8')).toBe('chooser')
  })
})
