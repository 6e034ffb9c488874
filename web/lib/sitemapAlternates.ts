// The language versions of each page, for the sitemap's alternate links. @astrojs/sitemap's own
// `i18n` option finds them by comparing every page with every other: about 10 s at 58,000 pages,
// after all pages are rendered. This groups them in one pass, with the same result (the same
// parsing of a URL into language and path, links in the sitemap's URL order; a unit test
// compares the two).
import { createHash } from 'node:crypto'

export interface AlternateLink {
  url: string
  /** The language's BCP 47 tag, as hreflang wants it. */
  lang: string
}

/**
 * The sitemap's order of URLs: the one @astrojs/sitemap sorts them in, `a.localeCompare(b, 'en',
 * { numeric: true })`, through one collator (that call builds its collation each time: 2.7 s for
 * 58,000 URLs, against 0.2 s).
 */
export const sitemapOrder = new Intl.Collator('en', { numeric: true }).compare

/** The language of a URL and its path without it; URLs outside the site have none. */
function languageAndPath(
  url: string,
  base: string,
  defaultLocale: string,
  tags: Readonly<Record<string, string>>,
): { locale: string; path: string } | null {
  if (!url.startsWith(base)) return null
  let rest = url.slice(base.length)
  if (!rest || rest === '/') return { locale: defaultLocale, path: '/' }
  if (!rest.startsWith('/')) rest = `/${rest}`
  const locale = rest.split('/')[1]!
  if (Object.hasOwn(tags, locale)) return { locale, path: rest.slice(1 + locale.length) || '/' }
  return { locale: defaultLocale, path: rest }
}

/**
 * For every URL with more than one language version, the links to all its versions (itself
 * included). `base` is the site's address with its trailing slash; `tags` maps each language
 * code to its BCP 47 tag.
 */
export function languageAlternates(
  urls: Iterable<string>,
  base: string,
  defaultLocale: string,
  tags: Readonly<Record<string, string>>,
): Map<string, readonly AlternateLink[]> {
  const groups = new Map<string, AlternateLink[]>()
  for (const url of [...new Set(urls)].sort(sitemapOrder)) {
    const parsed = languageAndPath(url, base, defaultLocale, tags)
    if (!parsed) continue
    const group = groups.get(parsed.path) ?? []
    group.push({ url, lang: tags[parsed.locale]! })
    groups.set(parsed.path, group)
  }
  const byUrl = new Map<string, readonly AlternateLink[]>()
  for (const group of groups.values()) {
    if (group.length < 2) continue
    for (const link of group) byUrl.set(link.url, group)
  }
  return byUrl
}

/**
 * A release's sitemap is made from its page addresses alone (no dates, alternates from the
 * addresses): the same addresses make the same files. The release keeps a digest of them in this
 * file, and an incremental build whose addresses have the live release's digest links the live
 * sitemap instead of writing it again (about 2 s at 58,000 pages, at the end of the build, after
 * the other Astro process is done).
 */
export const SITEMAP_PAGES_FILE = '.sitemap-pages'

/** The digest of a sitemap's page addresses, in whatever order they come. */
export function sitemapPagesDigest(urls: Iterable<string>): string {
  const hash = createHash('sha256')
  for (const url of [...new Set(urls)].sort()) hash.update(url).update('\n')
  return hash.digest('hex')
}
