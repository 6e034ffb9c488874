// The event finder in real Chromium, on the demo content with "now" pinned to Monday 8 March 2027
// (a copy of the live snapshot with that time is made live for this file, and the original again
// after it): "this week, Remich, Portuguese spoken, step-free" finds exactly the language café,
// whose date that week is cancelled, with JavaScript off and on; its feed holds the same events
// for two calendar readers; a malformed filter is a 400 in the reader's language; the pages are
// valid HTML and axe finds nothing on them in any language; the static export says it cannot
// filter.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { zonedFromWallTime } from '../../cms/domain/dates'
import { SnapshotStore } from '../../cms/domain/snapshotStore'
import { type LocaleCode, localeCodes } from '../../locales/config'
import { t } from '../../locales/i18n'
import { icalJsOccurrences, pythonOccurrences } from '../unit/icalReaders'
import { axeViolations } from './axe'
import { launchBrowser } from './server'
import { siteHtmlValidator } from './siteFiles'

const url = inject('portalUrl')
const siteDir = inject('siteDir')
const store = new SnapshotStore(path.join(path.dirname(siteDir), 'snapshots'))

const PINNED_NOW = zonedFromWallTime('2027-03-08T09:00:00').toUTC().toISO()!
const QUERY = 'when=week&commune=remich&spoken=pt&access=step-free'
const CAFE = 'language-cafe-remich'

let browser: Browser
let original: string

/** Makes a version live and waits until the site answers with it. */
async function goLive(version: string) {
  store.activate(version)
  for (let tries = 0; tries < 100; tries++) {
    const answer = await fetch(`${url}/en/`, { method: 'HEAD' })
    if (answer.headers.get('x-content-version') === version) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`the site did not switch to ${version}`)
}

beforeAll(async () => {
  original = store.live()!.version
  const pinned = store.write({ ...store.read(original), generatedAt: PINNED_NOW })
  await goLive(pinned)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  if (original) await goLive(original)
})

/** The events of the results, as "slug cancelled?" in order. */
async function results(page: Page): Promise<string[]> {
  return page.locator('.z-finder__results .z-card').evaluateAll((cards) =>
    cards.map((card) => {
      const slug = card.querySelector('a')!.getAttribute('href')!.split('/').at(-2)
      return `${slug}${card.querySelector('s') ? ' cancelled' : ''}`
    }),
  )
}

describe.each([false, true])('the finder with JavaScript %s', (javaScriptEnabled) => {
  it('finds this week’s step-free events in Remich where Portuguese is spoken', async () => {
    const context = await browser.newContext({ javaScriptEnabled })
    const page = await context.newPage()
    await page.goto(`${url}/pt/events/`)
    await page.check('#finder-when-week')
    await page.check('#finder-commune-remich')
    await page.check('#finder-spoken-pt')
    await page.check('#finder-access-step-free')
    await Promise.all([page.waitForURL(/\?/), page.click('.z-finder__form button[type=submit]')])
    expect(new URL(page.url()).search).toBe(`?${QUERY}`)
    expect(await results(page)).toEqual([`${CAFE} cancelled`])
    const card = page.locator('.z-finder__results .z-card')
    expect(await card.locator('.z-badge--status').innerText()).toBe(
      t('pt', 'event.status.cancelled'),
    )
    expect(await page.locator('#results').innerText()).toBe(t('pt', 'finder.count', { count: 1 }))
    // The form shows the filter it found.
    expect(await page.isChecked('#finder-when-week')).toBe(true)
    expect(await page.isChecked('#finder-spoken-pt')).toBe(true)
    // Not for search engines: noindex, canonical to the whole listing.
    expect(await page.getAttribute('meta[name=robots]', 'content')).toBe('noindex')
    expect(await page.getAttribute('link[rel=canonical]', 'href')).toBe(`${url}/pt/events/`)
    // A chip removes its part: without Portuguese the filter still finds the café.
    const without = '/pt/events/?when=week&commune=remich&access=step-free'
    await Promise.all([
      page.waitForURL((address) => !address.search.includes('spoken')),
      page.click(`.z-chips--remove a[href="${without}"]`),
    ])
    expect(`${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe(without)
    expect(await results(page)).toEqual([`${CAFE} cancelled`])
    await context.close()
  })
})

describe('what the result page offers', () => {
  it('a feed of the same events, read by ical.js and by Python icalendar', async () => {
    const page = await browser.newPage()
    await page.goto(`${url}/en/events/?${QUERY}`)
    const feed = await page.inputValue('#finder-feed')
    expect(feed).toBe(`${url}/api/feeds/events.ics?lang=en&${QUERY}`)
    expect(await page.getAttribute(`a[href^="webcal:"]`, 'href')).toBe(
      feed.replace(/^http:/, 'webcal:'),
    )
    const text = await (await fetch(feed)).text()
    // The time zone the times are in is defined in the file, for readers without their own.
    expect(text).toMatch(/BEGIN:VTIMEZONE\r?\nTZID:Europe\/Luxembourg/)
    const listed = await page
      .locator('.z-finder__results .z-card a')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))
    // Each VEVENT's page (the calendar itself names the site's home).
    const urls = text
      .split('BEGIN:VEVENT')
      .slice(1)
      .map((vevent) => /^URL[^:]*:(.*)$/m.exec(vevent)![1]!.trim())
    expect([...new Set(urls)]).toEqual(listed)
    for (const occurrences of [icalJsOccurrences(text), pythonOccurrences(text)]) {
      const uids = Object.keys(occurrences)
      expect(uids).toHaveLength(1)
      // The week's date is there, cancelled, as the listing shows it.
      expect(occurrences[uids[0]!]).toContainEqual([
        zonedFromWallTime('2027-03-10T19:00:00').toUTC().toISO({ suppressMilliseconds: true }),
        true,
      ])
    }
    const widget = await page.inputValue('#finder-widget')
    const framed = await (await fetch(widget)).text()
    expect(framed).toContain(`/en/events/${CAFE}/`)
    await page.close()
  })

  it('wider searches when nothing is found, and the filter’s one address', async () => {
    const page = await browser.newPage()
    await page.goto(`${url}/en/events/?when=today&commune=remich&spoken=pt&access=step-free`)
    expect(await results(page)).toEqual([])
    expect(await page.locator('.z-finder__results').innerText()).toContain(t('en', 'finder.none'))
    const week = page.locator('.z-finder__results a', { hasText: 'this week: 1 event' })
    expect(await week.getAttribute('href')).toBe(`/en/events/?${QUERY}`)
    const single = await fetch(`${url}/en/events/?commune=remich`, { redirect: 'manual' })
    expect(single.status).toBe(302)
    expect(single.headers.get('location')).toBe('/en/events/commune/remich/')
    const spelled = await fetch(`${url}/en/events/?commune=remich,mertert&when=`, {
      redirect: 'manual',
    })
    expect(spelled.headers.get('location')).toBe('/en/events/?commune=remich&commune=mertert')
    await page.close()
  })
})

describe('a malformed filter', () => {
  it.each([
    ['pt', 'when=amanha', 'Valor desconhecido «amanha» para «when»'],
    ['de', 'from=2027-02-30', '„2027-02-30“ für „from“ ist kein Datum'],
    ['en', 'spoken=klingon', 'Unknown value “klingon” for “spoken”'],
    ['fr', 'page=0', 'Valeur inconnue « 0 » pour « page »'],
  ] as [LocaleCode, string, string][])(
    'in %s (%s) is a 400 that names the value',
    async (lang, query, message) => {
      const page = await browser.newPage()
      const response = await page.goto(`${url}/${lang}/events/?${query}`)
      expect(response?.status()).toBe(400)
      expect(await page.getAttribute('html', 'lang')).toBe(lang)
      expect(await page.locator('[data-filter-error]').innerText()).toContain(message)
      expect(await page.locator('h1').innerText()).toBe(t(lang, 'finder.error.title'))
      await page.close()
    },
  )
})

describe('accessibility', () => {
  it('the finder’s pages, found, empty and refused, are valid HTML', async () => {
    // As the export's pages are checked (site.test.ts); these exist only on the server.
    const validator = siteHtmlValidator()
    for (const query of [QUERY, 'when=today&commune=remich&spoken=pt&free=1', 'when=amanha']) {
      const html = await (await fetch(`${url}/pt/events/?${query}`)).text()
      const report = await validator.validateString(html, query)
      expect(report.results.flatMap((result) => result.messages.map((m) => m.message))).toEqual([])
    }
  })

  it.each(localeCodes)('the filtered listing in %s has no axe violations', async (lang) => {
    const page = await browser.newPage()
    await page.goto(`${url}/${lang}/events/?${QUERY}`)
    expect(await page.locator('fieldset > legend').count()).toBeGreaterThan(5)
    expect(await axeViolations(page)).toEqual([])
    await page.goto(`${url}/${lang}/events/?when=today&commune=remich&spoken=pt&free=1`)
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })
})

describe('the static export', () => {
  it('says the listing cannot filter there and leads to the pre-built pages and search', () => {
    const html = readFileSync(path.join(siteDir, 'pt', 'events', 'index.html'), 'utf8')
    expect(html).not.toContain('<form')
    expect(html).toContain(t('pt', 'finder.static'))
    expect(html).toContain('href="/pt/search/"')
    expect(html).toContain('href="/pt/events/commune/remich/"')
  })
})
