// The public site in real Chromium: every page type in all five languages renders and passes axe
// (WCAG 2.2 AA), the HTML validates, no internal link is broken, search finds events, and the
// site works without JavaScript.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { localeCodes } from '../../locales/config'
import { launchBrowser } from './server'
import { brokenLinks, htmlFiles, siteHtmlValidator } from './siteFiles'
import { axeViolations } from './axe'

const url = inject('portalUrl')
const siteDir = inject('siteDir')
const screenshots = path.resolve('tests/e2e/screenshots')

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
  mkdirSync(screenshots, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
})

/** One page of every type, per language. */
function pageTypes(lang: string): Record<string, string> {
  const month = readdirSync(path.join(siteDir, lang, 'events', 'month')).sort()[0]
  return {
    home: `/${lang}/`,
    events: `/${lang}/events/`,
    event: `/${lang}/events/language-cafe-remich/`,
    cancelledEvent: `/${lang}/events/board-games-generations-dalheim-2026/`,
    pastEvents: `/${lang}/events/past/`,
    eventsInCommune: `/${lang}/events/commune/remich/`,
    eventsInCategory: `/${lang}/events/category/language-cafe/`,
    month: `/${lang}/events/month/${month}/`,
    actions: `/${lang}/actions/`,
    action: `/${lang}/actions/languages-for-everyone/`,
    resources: `/${lang}/resources/`,
    resourcesInCommune: `/${lang}/resources/commune/remich/`,
    communes: `/${lang}/communes/`,
    commune: `/${lang}/communes/remich/`,
    mergedCommune: `/${lang}/communes/waldbredimus/`,
    organisations: `/${lang}/organisations/`,
    about: `/${lang}/about-plan/`,
    privacy: `/${lang}/privacy/`,
    search: `/${lang}/search/`,
    subscribe: `/${lang}/subscribe/`,
    digest: `/${lang}/digest/`,
    digestSent: `/${lang}/digest/sent/`,
    widgets: `/${lang}/widgets/`,
    notFound: `/${lang}/404/`,
    removedEvent: `/${lang}/events/no-longer-here/`,
    takePart: `/${lang}/submit/`,
    initiativeForm: `/${lang}/submit/initiative/`,
    eventForm: `/${lang}/submit/event/`,
    thanks: `/${lang}/submit/thanks/`,
    initiatives: `/${lang}/initiatives/`,
    inventory: `/${lang}/inventory/`,
    reports: `/${lang}/report/`,
    report: `/${lang}/report/2026/`,
  }
}

describe.each(localeCodes)('site in %s', (lang) => {
  it('renders every page type without accessibility violations', async () => {
    const page = await browser.newPage()
    // The Content-Security-Policy must not block anything the site itself uses.
    const blocked: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        blocked.push(`${page.url()}: ${message.text()}`)
    })
    for (const [type, pathname] of Object.entries(pageTypes(lang))) {
      const response = await page.goto(`${url}${pathname}`)
      expect(response?.status(), `${type} ${pathname}`).toBe(
        ['notFound', 'removedEvent'].includes(type) ? 404 : 200,
      )
      expect(await page.getAttribute('html', 'lang'), pathname).toBe(lang)
      expect(await page.locator('h1').count(), `${pathname} has one h1`).toBe(1)
      expect(await axeViolations(page), `axe on ${pathname}`).toEqual([])
    }
    expect(blocked).toEqual([])
    await page.close()
  })

  it('shows the plan with progress and charts that have their tables', async () => {
    const page = await browser.newPage()
    await page.goto(`${url}/${lang}/actions/`)
    expect(await page.locator('.z-progress').count()).toBeGreaterThan(0)
    await page.goto(`${url}/${lang}/actions/languages-for-everyone/`)
    const figures = page.locator('figure.z-chart')
    expect(await figures.count()).toBeGreaterThan(0)
    expect(await page.locator('figure.z-chart svg[role="img"]').count()).toBe(await figures.count())
    expect(
      await page.locator('figure.z-chart table[data-chart-table] tbody tr').count(),
    ).toBeGreaterThan(0)
    // A commune page shows the progress of the actions it leads or takes part in.
    await page.goto(`${url}/${lang}/communes/remich/`)
    expect(
      await page.locator('[aria-labelledby="commune-plan"] .z-progress').count(),
    ).toBeGreaterThan(1)
    for (const pathname of [`/${lang}/inventory/`, `/${lang}/communes/remich/`]) {
      await page.goto(`${url}${pathname}`)
      expect(await page.locator('table[data-chart-table]').count(), pathname).toBeGreaterThan(1)
      // Every figure names its source and date.
      expect(await page.locator('figure.z-chart figcaption .z-meta').count(), pathname).toBe(
        await page.locator('figure.z-chart').count(),
      )
    }
    await page.close()
  })

  it('keeps the reader on the same event when switching language', async () => {
    const page = await browser.newPage()
    await page.goto(`${url}/${lang}/events/language-cafe-remich/`)
    const other = localeCodes.find((code) => code !== lang)!
    await page.click(`nav.z-langs a[hreflang="${other}"]`)
    await page.waitForURL(`${url}/${other}/events/language-cafe-remich/`)
    await page.close()
  })

  it('shows the banner of a cancelled event', async () => {
    const page = await browser.newPage()
    await page.goto(`${url}/${lang}/events/board-games-generations-dalheim-2026/`)
    const banner = page.locator('.z-banner--cancelled')
    expect(await banner.count()).toBe(1)
    await page.close()
  })

  it('finds a known event with search', async () => {
    const page = await browser.newPage()
    await page.goto(`${url}/${lang}/search/`)
    // The commune's name as written in that language's event titles.
    await page.fill('#search input', lang === 'lb' ? 'Réimech' : 'Remich')
    const result = page.locator(`#search a[href^="/${lang}/events/"]`).first()
    await result.waitFor({ timeout: 15_000 })
    await page.close()
  })
})

describe('pages outside a language', () => {
  it('sends / to the reader’s language, or to the remembered one', async () => {
    const negotiated = await fetch(`${url}/`, {
      headers: { 'accept-language': 'pt-PT,pt;q=0.9,en;q=0.5' },
      redirect: 'manual',
    })
    expect(negotiated.status).toBe(302)
    expect(negotiated.headers.get('location')).toBe('/pt/')
    const page = await fetch(`${url}/de/`)
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!
    expect(cookie).toBe('zesummen_lang=de')
    const remembered = await fetch(`${url}/`, {
      headers: { 'accept-language': 'pt', cookie },
      redirect: 'manual',
    })
    expect(remembered.headers.get('location')).toBe('/de/')
  })

  it('serves compressed, revalidatable pages with security headers', async () => {
    const first = await fetch(`${url}/en/events/`, { headers: { 'accept-encoding': 'br' } })
    // Compressed by the server on the first request (the build stores no copies of pages).
    expect(first.headers.get('content-encoding')).toBe('br')
    expect(await first.text()).toContain('</html>')
    expect(first.headers.get('content-security-policy')).toContain("script-src 'self'")
    const etag = first.headers.get('etag')!
    const again = await fetch(`${url}/en/events/`, {
      headers: { 'accept-encoding': 'br', 'if-none-match': etag },
    })
    expect(again.status).toBe(304)
    const admin = await fetch(`${url}/admin/login`)
    expect(admin.headers.get('x-content-type-options')).toBe('nosniff')
    expect(admin.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })

  it('the language chooser lists the five languages and passes axe', async () => {
    // A browser in none of the five languages sees the chooser.
    const page = await browser.newPage({ locale: 'ja-JP' })
    await page.goto(`${url}/`)
    expect(await page.locator('a[hreflang]').allTextContents()).toEqual([
      'Lëtzebuergesch',
      'Français',
      'Deutsch',
      'Português',
      'English',
    ])
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })
})

describe('add to calendar', () => {
  it('offers each upcoming event as an .ics file in the page’s language', async () => {
    const page = await browser.newPage()
    await page.goto(`${url}/pt/events/language-cafe-remich/`)
    const href = await page.locator('a[download]').getAttribute('href')
    expect(href).toBe('/pt/events/language-cafe-remich.ics')
    await page.close()
    const response = await fetch(`${url}${href}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const text = await response.text()
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/)
    expect(text).toContain('UID:seed-language-cafe-remich@zesummen.lu')
    expect(text).toContain('/pt/events/language-cafe-remich/')
  })
})

describe('images', () => {
  it('shows an event image with alt text in the reader’s language, its size and WebP sources', async () => {
    const page = await browser.newPage()
    await page.goto(`${url}/de/events/intercultural-festival-mertert-2027/`)
    const image = page.locator('figure img')
    expect(await image.getAttribute('alt')).toMatch(/^Beispielbild/)
    expect(await image.getAttribute('width')).toBe('1600')
    expect(await image.getAttribute('height')).toBe('900')
    expect(await image.getAttribute('srcset')).toMatch(/800x450\.webp 800w/)
    const loaded = await image.evaluate(
      (img: HTMLImageElement) => img.complete && img.naturalWidth > 0,
    )
    expect(loaded).toBe(true)
    await page.close()
  })
})

describe('language fallback', () => {
  it('marks text shown in another language, with its lang attribute', async () => {
    const page = await browser.newPage()
    // This demo event exists only in Luxembourgish and German.
    await page.goto(`${url}/pt/events/generations-cafe-wormeldange-2027/`)
    const note = page.locator('.z-fallback')
    expect(await note.count()).toBe(1)
    expect(await page.locator('h1 [lang]').getAttribute('lang')).toMatch(/^(de|lb)$/)
    await page.close()
  })
})

describe('without JavaScript', () => {
  it('shows content, navigation and filters', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${url}/fr/events/`)
    await page.click('a[href="/fr/events/commune/remich/"]')
    await page.waitForURL(`${url}/fr/events/commune/remich/`)
    expect(await page.locator('.z-card').count()).toBeGreaterThan(0)
    await page.goto(`${url}/fr/search/`)
    expect(await page.locator('noscript').count()).toBe(1)
    await context.close()
  })
})

describe('the static export', () => {
  const files = () => htmlFiles(siteDir)

  it('holds the pages the server answers, byte for byte', async () => {
    const sample = [
      ['/fr/', 'fr/index.html'],
      ['/de/events/commune/remich/', 'de/events/commune/remich/index.html'],
      ['/pt/events/language-cafe-remich/', 'pt/events/language-cafe-remich/index.html'],
      ['/en/communes/remich/', 'en/communes/remich/index.html'],
      ['/lb/feeds/events.ics', 'lb/feeds/events.ics'],
      ['/sitemap-0.xml', 'sitemap-0.xml'],
    ]
    for (const [pathname, file] of sample) {
      const served = Buffer.from(await (await fetch(`${url}${pathname}`)).arrayBuffer())
      expect(served.equals(readFileSync(path.join(siteDir, file!))), pathname).toBe(true)
    }
  })

  it('has no broken internal links', () => {
    expect(brokenLinks(siteDir)).toEqual([])
  })

  it('validates as HTML', async () => {
    const validator = siteHtmlValidator()
    const problems: string[] = []
    for (const file of files()) {
      const report = await validator.validateString(readFileSync(file, 'utf8'), file)
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(
            `${path.relative(siteDir, file)}:${message.line} ${message.ruleId} ${message.message}`,
          )
        }
      }
    }
    expect(problems.slice(0, 30)).toEqual([])
  })

  it('has a sitemap with language alternates and no drafts', () => {
    const index = readFileSync(path.join(siteDir, 'sitemap-index.xml'), 'utf8')
    expect(index).toContain('sitemap-0.xml')
    const sitemap = readFileSync(path.join(siteDir, 'sitemap-0.xml'), 'utf8')
    expect(sitemap).toContain('hreflang="pt-PT"')
    expect(sitemap).toContain('hreflang="x-default"')
    expect(sitemap).not.toContain('/404/')
    // The language chooser appears once.
    expect(sitemap.match(/<loc>[^<]*:\d+\/<\/loc>/g)).toHaveLength(1)
    const robots = readFileSync(path.join(siteDir, 'robots.txt'), 'utf8')
    expect(robots).toMatch(/^Sitemap: http.*\/sitemap-index\.xml$/m)
  })
})

describe('screenshots', () => {
  it.each([
    ['desktop', { width: 1280, height: 900 }],
    ['mobile', { width: 390, height: 844 }],
  ] as const)('saves %s screenshots of the main pages', async (name, viewport) => {
    const page = await browser.newPage({ viewport })
    for (const [type, pathname] of Object.entries({
      home: '/en/',
      events: '/en/events/',
      event: '/en/events/language-cafe-remich/',
      commune: '/en/communes/remich/',
      plan: '/en/actions/',
      action: '/en/actions/languages-for-everyone/',
      inventory: '/en/inventory/',
    })) {
      await page.goto(`${url}${pathname}`)
      await page.screenshot({ path: path.join(screenshots, `${type}-${name}.png`), fullPage: true })
    }
    await page.close()
  })
})
