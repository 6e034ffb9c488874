// The sitemap's alternate language links, found in one pass (web/lib/sitemapAlternates.ts), are
// the ones @astrojs/sitemap's own i18n option finds by comparing every page with every other.
import { describe, expect, it } from 'vitest'
// The integration's internal module, imported here only to compare with.
import { generateSitemap } from '../../node_modules/@astrojs/sitemap/dist/generate-sitemap.js'
import { defaultLocale, locales } from '../../locales/config'
import { languageAlternates } from '../../web/lib/sitemapAlternates'

const base = 'https://zesummen.example.lu/'
const tags = Object.fromEntries(locales.map((locale) => [locale.code, locale.intl]))

function sampleUrls(): string[] {
  const urls = [base, `${base}robots-like/`, `${base}fr/only-french/`, `${base}fr`]
  for (const { code } of locales) {
    urls.push(`${base}${code}/`, `${base}${code}/events/`, `${base}${code}/report/2026/`)
    for (let page = 2; page <= 12; page += 1) urls.push(`${base}${code}/events/page/${page}/`)
  }
  for (const code of ['lb', 'de', 'en']) urls.push(`${base}${code}/events/only-three/`)
  // Shuffled the same way each run: the order they come in must not matter.
  return urls.sort(
    (a, b) => ((a.length * 7919) % 31) - ((b.length * 7919) % 31) || a.localeCompare(b),
  )
}

describe('sitemap alternates', () => {
  it('links the same language versions as @astrojs/sitemap’s i18n option, in its order', () => {
    const urls = sampleUrls()
    const expected = (
      generateSitemap(urls, base, { i18n: { defaultLocale, locales: tags } }) as {
        url: string
        links?: { url: string; lang: string }[]
      }[]
    ).filter((item) => item.links)
    const alternates = languageAlternates([...urls, urls[0]!], base, defaultLocale, tags)
    expect(expected.length).toBeGreaterThan(50)
    expect([...alternates.keys()].sort()).toEqual(expected.map((item) => item.url).sort())
    for (const item of expected) expect(alternates.get(item.url)).toEqual(item.links)
    expect(alternates.get(`${base}en/events/only-three/`)?.map((link) => link.lang)).toEqual([
      'de-LU',
      'en-GB',
      'lb-LU',
    ])
    expect(alternates.has(`${base}fr/only-french/`)).toBe(false)
  })
})
