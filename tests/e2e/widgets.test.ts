// The embeddable events widget through the real server: it renders without JavaScript, passes
// axe in every language, may be framed by another site (and the rest of the portal may not),
// sets no cookie, validates its query; the "for communes" page gives snippets with and without
// JavaScript.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { localeCodes } from '../../locales/config'
import { widgetAccentNames } from '../../web/lib/widget'
import { axeViolations } from './axe'
import { launchBrowser } from './server'

const url = inject('portalUrl')
const widgetUrl = (query: string) => `${url}/api/widgets/events?${query}`

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** Console errors of a page that name the Content-Security-Policy (a blocked stylesheet…). */
function cspErrors(page: Page): string[] {
  const blocked: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      blocked.push(`${page.url()}: ${message.text()}`)
  })
  return blocked
}

describe('the events widget', () => {
  it('is sent for framing by any site, cacheable, without cookies', async () => {
    const response = await fetch(widgetUrl('commune=remich&lang=en'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const policy = response.headers.get('content-security-policy') ?? ''
    expect(policy).toContain('frame-ancestors *')
    expect(policy).toContain("default-src 'none'")
    expect(policy).not.toContain('script-src')
    expect(response.headers.get('x-frame-options')).toBeNull()
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('cache-control')).toBe('public, max-age=60')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const etag = response.headers.get('etag')!
    const body = await response.text()
    expect(body).toContain('<html lang="en" dir="ltr">')
    const again = await fetch(widgetUrl('commune=remich&lang=en'), {
      headers: { 'if-none-match': etag },
    })
    expect(again.status).toBe(304)
    // The rest of the portal keeps refusing to be framed by other sites.
    expect((await fetch(`${url}/api/feeds/events.ics`)).headers.get('x-frame-options')).toBe(
      'SAMEORIGIN',
    )
    expect((await fetch(`${url}/en/`)).headers.get('content-security-policy')).toContain(
      "frame-ancestors 'self'",
    )
    // Page weight, for the record: the largest widget (20 events).
    const largest = await (await fetch(widgetUrl('lang=en&limit=20'))).text()
    const gzip = gzipSync(largest).length
    console.log(
      `[widget] commune=remich: ${Buffer.byteLength(body)} B (${gzipSync(body).length} B gzip); ` +
        `limit=20: ${Buffer.byteLength(largest)} B (${gzip} B gzip)`,
    )
    expect(gzip).toBeLessThan(16_000)
  })

  it('states one framing policy, however its address is spelled', async () => {
    for (const path of ['/api/widgets/events', '/api/%77idgets/events', '/api/widgets/%65vents']) {
      const response = await fetch(`${url}${path}?commune=remich&lang=en`)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('content-security-policy'), path).toContain('frame-ancestors *')
      expect(response.headers.get('x-frame-options'), path).toBeNull()
    }
  })

  it('renders the next events without JavaScript, labelled and linked to the portal', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const blocked = cspErrors(page)
    await page.goto(widgetUrl('commune=remich&lang=en&limit=3'))
    expect(await page.locator('h1').innerText()).toBe('Miselerland: events · Remich')
    const items = page.locator('li.w__item')
    expect(await items.count()).toBeGreaterThan(0)
    expect(await items.count()).toBeLessThanOrEqual(3)
    const link = items.first().locator('a')
    expect(await link.getAttribute('target')).toBe('_top')
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${url}/en/events/[^/]+/$`))
    // The seeded events are demo content: residents see it said on each.
    expect(await items.locator('.w__badge--demo').count()).toBe(await items.count())
    expect(await page.locator('.w__more a').getAttribute('href')).toBe(
      `${url}/en/events/commune/remich/`,
    )
    // The stylesheet applied (its hash is in the policy): the accent colours the links.
    expect(await link.evaluate((element) => getComputedStyle(element).color)).toBe(
      'rgb(11, 94, 85)',
    )
    expect(blocked).toEqual([])
    await context.close()
  })

  // Across the five languages every accent is checked (regular), and five of them compact.
  it.each(localeCodes.map((lang, index) => [lang, index] as const))(
    'passes axe in %s, regular and compact',
    async (lang, index) => {
      const page = await browser.newPage()
      const blocked = cspErrors(page)
      const accent = (offset: number) =>
        widgetAccentNames[(index + offset) % widgetAccentNames.length]
      for (const [density, color] of [
        ['regular', accent(0)],
        ['compact', accent(2)],
        ['regular', accent(5)],
      ]) {
        await page.goto(widgetUrl(`lang=${lang}&density=${density}&accent=${color}&limit=8`))
        expect(await page.getAttribute('html', 'lang')).toBe(lang)
        expect(await page.locator('li.w__item').count()).toBeGreaterThan(0)
        expect(await axeViolations(page), `${lang} ${density} ${color}`).toEqual([])
      }
      expect(blocked).toEqual([])
      await page.close()
    },
  )

  it('shows in an iframe of a page on another origin', async () => {
    const page = await browser.newPage()
    const src = widgetUrl('lang=pt&commune=remich')
    // A commune's website: a second local server on another port (another origin).
    const commune = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(`<!DOCTYPE html><html lang="pt"><title>Gemeng</title><h1>Gemeng</h1>
        <iframe id="widget" src="${src}" title="Eventos" width="600" height="500"></iframe>
        <iframe id="site" src="${url}/pt/" title="Portal" width="600" height="300"></iframe>`)
    })
    await new Promise<void>((resolve) => commune.listen(0, '127.0.0.1', resolve))
    const { port } = commune.address() as AddressInfo
    await page.goto(`http://127.0.0.1:${port}/`)
    const widget = page.frameLocator('#widget')
    expect(await widget.locator('h1').innerText()).toBe('Miselerland: eventos · Remich')
    expect(await widget.locator('li.w__item').count()).toBeGreaterThan(0)
    // The portal's pages are not framed by other sites: Chromium shows its error page instead.
    const site = await (await page.locator('#site').elementHandle())!.contentFrame()
    await expect.poll(() => site!.url()).toMatch(/^chrome-error:/)
    await page.close()
    await new Promise((resolve) => commune.close(resolve))
  })

  it('answers a wrong query with 400 and a message naming the accepted values', async () => {
    const cases: [string, number, string][] = [
      ['lang=en&limit=50', 400, '“limit” must be a whole number from 1 to 20, not “50”.'],
      ['lang=fr&accent=pink', 400, 'Valeur inconnue « pink » pour « accent »'],
      ['lang=de&density=tiny', 400, 'Unbekannter Wert „tiny“ für „density“'],
      ['lang=en&colour=red', 400, 'Unknown parameter “colour”'],
      ['lang=en&commune=atlantis', 400, 'Unknown value “atlantis” for “commune”'],
      [`lang=en&spoken=${'fr,'.repeat(400)}`, 414, 'too long'],
    ]
    for (const [query, status, message] of cases) {
      const response = await fetch(widgetUrl(query))
      expect(response.status, query).toBe(status)
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
      expect(await response.text(), query).toContain(message)
    }
  })
})

describe('the page for communes', () => {
  it('gives a snippet for every commune and shows the chosen widget without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${url}/en/widgets/`)
    const snippets = page.locator('.z-snippets textarea')
    expect(await snippets.count()).toBeGreaterThanOrEqual(10)
    const remich = await page.locator('#snippet-remich').inputValue()
    expect(remich).toBe(
      `<iframe src="${url}/api/widgets/events?lang=en&amp;commune=remich&amp;limit=5&amp;accent=teal&amp;density=regular" title="Miselerland: events · Remich (Zesummen)" width="100%" height="965" loading="lazy"></iframe>`,
    )
    expect(await page.locator('iframe[data-widget-preview]').getAttribute('title')).toBe(
      'Miselerland: all events (Zesummen)',
    )
    // The builder is a plain form: it opens the widget with the choices.
    await page.selectOption('#widget-commune', 'remich')
    await page.fill('#widget-limit', '2')
    await page.click('form[data-widget-builder] button[type="submit"]')
    await page.waitForURL(/\/api\/widgets\/events\?/)
    expect(new URL(page.url()).searchParams.get('commune')).toBe('remich')
    expect(await page.locator('li.w__item').count()).toBeLessThanOrEqual(2)
    await context.close()
  })

  it('updates the snippet and the preview as the choices change, with JavaScript', async () => {
    const page = await browser.newPage()
    const blocked = cspErrors(page)
    await page.goto(`${url}/en/widgets/`)
    expect(await page.locator('#snippet-remich + .z-copy').isVisible()).toBe(true)
    await page.selectOption('#widget-lang', 'de')
    await page.selectOption('#widget-commune', 'remich')
    await page.fill('#widget-limit', '3')
    await page.selectOption('#widget-accent', 'blue')
    await page.selectOption('#widget-density', 'compact')
    const snippet = await page.locator('#widget-snippet').inputValue()
    expect(snippet).toBe(
      `<iframe src="${url}/api/widgets/events?lang=de&amp;commune=remich&amp;limit=3&amp;accent=blue&amp;density=compact" title="Miselerland: Veranstaltungen · Remich (Zesummen)" width="100%" height="376" loading="lazy"></iframe>`,
    )
    const preview = page.locator('iframe[data-widget-preview]')
    await expect
      .poll(() => preview.getAttribute('src'))
      .toBe(`${url}/api/widgets/events?lang=de&commune=remich&limit=3&accent=blue&density=compact`)
    expect(await preview.getAttribute('title')).toBe(
      'Miselerland: Veranstaltungen · Remich (Zesummen)',
    )
    const frame = page.frameLocator('iframe[data-widget-preview]')
    await expect.poll(() => frame.locator('html').getAttribute('lang')).toBe('de')
    expect(await frame.locator('body').getAttribute('class')).toBe('w w--blue w--compact')
    expect(blocked).toEqual([])
    await page.close()
  })
})
