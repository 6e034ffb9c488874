// The public site: static HTML from web/, files from public/, one build per release.
// Pages live under /<lang>/ (web/pages/[lang]/); the language list comes from locales/config.ts.
import react from '@astrojs/react'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { defaultLocale, locales } from './locales/config.ts'
import {
  languageAlternates,
  SITEMAP_PAGES_FILE,
  sitemapPagesDigest,
} from './web/lib/sitemapAlternates.ts'

const site = (process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`).replace(
  /\/+$/,
  '',
)

// An incremental build renders only some detail pages and keeps the others from the live release:
// their paths come in this file, so the sitemap still lists every page.
const keptPages = process.env.ZESUMMEN_SITEMAP_PAGES
  ? JSON.parse(readFileSync(process.env.ZESUMMEN_SITEMAP_PAGES, 'utf8')).map(
      (page) => `${site}${page}`,
    )
  : []

// Listings (event pages, months, feeds…) an incremental build did not render because they did not
// change are linked from the live release; Astro's build records them in this file (see
// web/lib/buildPlan.ts), and they join the sitemap's pages before it is written.
function keptListingPages() {
  const file = process.env.ZESUMMEN_LISTINGS_OUT
  if (!file || !existsSync(file)) return []
  const pages = []
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const { path, render } = JSON.parse(line)
    if (!render && path.endsWith('/')) pages.push(`${site}${path}`)
  }
  return pages
}

// The site build renders in one Astro process per core, each with a share of the work: whole
// languages' own pages, and detail pages shared out by slug (scripts/build-site.ts). The others
// write the addresses of their pages to ZESUMMEN_PAGES_OUT and leave the sitemap to the one that
// reads those files (ZESUMMEN_PAGES_IN, comma-separated): it waits for them, so the sitemap lists
// every page with all its language versions.
const pagesOut = process.env.ZESUMMEN_PAGES_OUT
const pagesIn = (process.env.ZESUMMEN_PAGES_IN ?? '').split(',').filter(Boolean)
const PAGES_WAIT_MS = 60 * 60 * 1000

async function waitForFile(file) {
  const until = Date.now() + PAGES_WAIT_MS
  while (!existsSync(file)) {
    if (Date.now() > until)
      throw new Error(
        `No page list in ${file} after an hour: the other build process did not finish.`,
      )
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return JSON.parse(readFileSync(file, 'utf8'))
}

// Not in the sitemap: the "not found" pages.
const inSitemap = (url) => !/\/404\/?$/.test(url)
const languageTags = Object.fromEntries(locales.map((locale) => [locale.code, locale.intl]))
/** Each page's language versions, found once every process's pages are known. */
let alternates = new Map()
/**
 * The live release's sitemap is kept (linked by the build script) when this build's pages have
 * the same addresses: ZESUMMEN_LIVE_SITEMAP_PAGES holds their digest (see sitemapPagesDigest).
 */
let keepLiveSitemap = false

const releasePages = {
  name: 'zesummen-release-pages',
  hooks: {
    'astro:build:done': async ({ pages, dir }) => {
      const rendered = pages.map(
        ({ pathname }) => new URL(pathname.replace(/^\//, ''), `${site}/`).href,
      )
      const kept = keptListingPages()
      if (pagesOut) {
        // Renamed into place: the waiting process never reads half a file.
        writeFileSync(`${pagesOut}.tmp`, JSON.stringify([...rendered, ...kept]))
        renameSync(`${pagesOut}.tmp`, pagesOut)
        return
      }
      keptPages.push(...kept)
      for (const file of pagesIn) keptPages.push(...(await waitForFile(file)))
      const listed = [...rendered, ...keptPages].filter(inSitemap)
      const digest = sitemapPagesDigest(listed)
      writeFileSync(new URL(SITEMAP_PAGES_FILE, dir), digest)
      if (digest === process.env.ZESUMMEN_LIVE_SITEMAP_PAGES) {
        keepLiveSitemap = true
        return
      }
      alternates = languageAlternates(listed, `${site}/`, defaultLocale, languageTags)
    },
  },
}

/** The sitemap integration, left out when the live release's sitemap is kept. */
function unlessLiveSitemapKept(integration) {
  const writeSitemap = integration.hooks['astro:build:done']
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:build:done': (options) => (keepLiveSitemap ? undefined : writeSitemap(options)),
    },
  }
}

export default defineConfig({
  site,
  srcDir: './web',
  publicDir: './public',
  outDir: process.env.ZESUMMEN_SITE_OUT || './dist',
  output: 'static',
  trailingSlash: 'always',
  // Four pages at a time: while one page's folder is made and its file written (on libuv's
  // threads), the next renders. Full builds at 10,000 events, alternating one and four, three
  // times: Astro step 71.4 / 61.1 / 74.9 s against 62.0 / 60.5 / 72.3 s; the same files.
  build: { format: 'directory', concurrency: 4 },
  integrations: [
    react(),
    releasePages,
    // Written by the process that gathers the others' page lists (or the only one).
    ...(pagesOut
      ? []
      : [
          unlessLiveSitemapKept(
            sitemap({
              customPages: keptPages,
              filter: inSitemap,
              // Each page's language versions (what the integration's `i18n` option gives, found
              // faster), and the language chooser at / as the x-default alternate of all of them.
              serialize: (item) => {
                const links = alternates.get(item.url)
                return links
                  ? { ...item, links: [...links, { lang: 'x-default', url: `${site}/` }] }
                  : item
              },
            }),
          ),
        ]),
  ],
})
