// The public site: static HTML from web/, files from public/, one build per release.
// Pages live under /<lang>/ (web/pages/[lang]/); the language list comes from locales/config.ts.
import react from '@astrojs/react'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'
import { existsSync, readFileSync } from 'node:fs'
import { defaultLocale, locales } from './locales/config.ts'

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
const keptListings = {
  name: 'zesummen-kept-listings',
  hooks: {
    'astro:build:done': () => {
      const file = process.env.ZESUMMEN_LISTINGS_OUT
      if (!file || !existsSync(file)) return
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue
        const { path, render } = JSON.parse(line)
        if (!render && path.endsWith('/')) keptPages.push(`${site}${path}`)
      }
    },
  },
}

export default defineConfig({
  site,
  srcDir: './web',
  publicDir: './public',
  outDir: process.env.ZESUMMEN_SITE_OUT || './dist',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    react(),
    keptListings,
    sitemap({
      customPages: keptPages,
      i18n: {
        defaultLocale,
        locales: Object.fromEntries(locales.map((locale) => [locale.code, locale.intl])),
      },
      filter: (page) => !/\/404\/?$/.test(page),
      // The language chooser at / is the x-default alternate of every translated page.
      serialize: (item) =>
        item.links?.length
          ? { ...item, links: [...item.links, { lang: 'x-default', url: `${site}/` }] }
          : item,
    }),
  ],
})
