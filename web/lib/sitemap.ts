// The sitemap of a content: its pages (web/lib/sitePaths.ts) with each page's language versions as
// alternate links and the language chooser at / as x-default, in files of at most SITEMAP_PART
// addresses (the protocol allows 50,000) listed by an index.
import { localeCodes, locales } from '../../locales/config'
import { escapeHtml as escapeXml } from './escape'
import type { SiteContent } from './content'
import { SITEMAP_PART, sitePaths } from './sitePaths'

const tags = Object.fromEntries(locales.map((locale) => [locale.code, locale.intl]))

/** The pages the sitemap lists, in order. */
function listed(content: SiteContent): string[] {
  return sitePaths(content)
    .filter((entry) => entry.inSitemap)
    .map((entry) => entry.path)
}

export function sitemapIndex(content: SiteContent, site: URL): string {
  const parts = Array.from(
    { length: Math.max(1, Math.ceil(listed(content).length / SITEMAP_PART)) },
    (_, index) => {
      const loc = escapeXml(new URL(`/sitemap-${index}.xml`, site).href)
      return `<sitemap><loc>${loc}</loc></sitemap>`
    },
  )
  return `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${parts.join('')}</sitemapindex>`
}

/** One file of the sitemap, or null when there is no such part. */
export function sitemapPart(content: SiteContent, site: URL, part: number): string | null {
  const pages = listed(content)
  const slice = pages.slice(part * SITEMAP_PART, (part + 1) * SITEMAP_PART)
  if (part < 0 || (part > 0 && !slice.length)) return null
  const all = new Set(pages)
  const url = (pagePath: string) => escapeXml(new URL(pagePath, site).href)
  const entries = slice.map((pagePath) => {
    const [, lang, ...rest] = pagePath.split('/')
    const links: string[] = []
    if (lang && (localeCodes as readonly string[]).includes(lang)) {
      for (const other of localeCodes) {
        const version = `/${other}/${rest.join('/')}`
        if (all.has(version))
          links.push(
            `<xhtml:link rel="alternate" hreflang="${tags[other]}" href="${url(version)}"/>`,
          )
      }
      links.push(`<xhtml:link rel="alternate" hreflang="x-default" href="${url('/')}"/>`)
    }
    return `<url><loc>${url(pagePath)}</loc>${links.join('')}</url>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${entries.join('')}</urlset>`
}
