// A commune editor adds their commune's calendar in the admin and fetches it; the event arrives as
// a draft, whose edit view says it comes from that calendar; once the editor publishes it, it is
// on the commune's page, on its own page with the credit, and in the commune's feed. The calendar
// is served on loopback, which the portal allows here by its settings.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CalendarServer } from '../int/calendarServer'
import {
  firstAdminToken,
  launchBrowser,
  portalApi,
  type RunningPortal,
  signedIn,
  startPortal,
} from './server'

let portal: RunningPortal
let browser: Browser
let adminToken = ''
const calendars = new CalendarServer()
let calendarUrl = ''
const editor = { email: 'remich.editor@example.org', password: 'quay barge vineyard lantern' }
const title = 'Atelier de conversation au bord de la Moselle'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const api = (method: string, pathAndQuery: string, body?: unknown) =>
  portalApi(portal, method, pathAndQuery, body, adminToken)

/** Polls until the check passes. */
async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (await check()) return
    await sleep(250)
  }
  throw new Error(`not reached in ${timeoutMs / 1000} s:\n${portal.output().slice(-3000)}`)
}

/** A calendar as Google exports it, with one event two days after the test runs (UTC times). */
function agenda(): string {
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')
  return [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:Agenda Remich',
    'X-WR-TIMEZONE:Europe/Luxembourg',
    'BEGIN:VEVENT',
    `DTSTART:${day}T170000Z`,
    `DTEND:${day}T190000Z`,
    'DTSTAMP:20261201T090000Z',
    'UID:conversation-quai@google.com',
    'CREATED:20261201T090000Z',
    'LAST-MODIFIED:20261201T090000Z',
    'SEQUENCE:0',
    'STATUS:CONFIRMED',
    `SUMMARY:${title}`,
    'DESCRIPTION:Parler français\\, luxembourgeois ou portugais autour d’un café.',
    'LOCATION:Esplanade\\, Remich',
    'URL:https://agenda.example.lu/conversation',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')
}

beforeAll(async () => {
  const base = await calendars.start()
  calendars.serve('/remich.ics', agenda())
  calendarUrl = `${base}/remich.ics`
  portal = await startPortal(undefined, undefined, {
    CALENDAR_ALLOW_HTTP: '1',
    CALENDAR_ALLOW_PRIVATE: '1',
  })
  browser = await launchBrowser()
  adminToken = await firstAdminToken(portal)
  const communes = await api('GET', '/communes?where[slug][equals]=remich&depth=0')
  const remich = (communes.docs as { id: number }[])[0]!.id
  await api('POST', '/users', {
    ...editor,
    name: 'Remich editor',
    roles: ['commune-editor'],
    communes: [remich],
    language: 'en',
  })
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await portal?.stop()
  await calendars.close()
})

describe('a commune editor imports their calendar', () => {
  it('adds the source, fetches it, publishes the draft, and the event is on the site', async () => {
    const page = await signedIn(browser, portal, editor)
    await page.goto(`${portal.url}/admin/collections/calendar-sources/create`)
    await page.locator('#field-name').fill('Agenda Remich')
    await page.locator('#field-url').fill(calendarUrl)
    await page.locator('#field-communes .rs__control').click()
    // The list shows the first communes; typing finds the others.
    await page.locator('#field-communes .rs__input').fill('Remich')
    await page.locator('.rs__option', { hasText: /^Remich$/ }).click()
    await Promise.all([
      page.waitForURL(/\/admin\/collections\/calendar-sources\/\d+/),
      page.locator('#action-save').click(),
    ])

    await page.getByRole('button', { name: 'Fetch now' }).click()
    const status = page.locator('[data-fetch-now-status]')
    await expect
      .poll(async () => (await status.textContent()) ?? '', { timeout: 60_000 })
      .toMatch(/Reload the page/)
    expect(await status.textContent()).toMatch(/1 new/)

    const drafts = await api(
      'GET',
      `/events?where[importUid][equals]=conversation-quai@google.com&draft=true&depth=0`,
    )
    const event = (drafts.docs as { id: number; slug: string; _status: string }[])[0]!
    expect(event._status).toBe('draft')
    expect((await fetch(`${portal.url}/fr/events/${event.slug}/`)).status).toBe(404)

    await page.goto(`${portal.url}/admin/collections/events/${event.id}`)
    const ownership = page.locator('#zesummen-import-ownership')
    await ownership.waitFor()
    expect(await ownership.textContent()).toBe('From the calendar “Agenda Remich”')
    expect(await page.locator('[data-import-parts="source"]').textContent()).toContain('Title')
    await page.locator('#action-save').click()
    await expect
      .poll(
        async () => {
          const found = await api('GET', `/events/${event.id}?depth=0`)
          return found._status
        },
        { timeout: 60_000 },
      )
      .toBe('published')

    await until(async () => (await fetch(`${portal.url}/fr/events/${event.slug}/`)).status === 200)
    const eventPage = await (await fetch(`${portal.url}/fr/events/${event.slug}/`)).text()
    expect(eventPage).toContain('Calendrier d’origine')
    expect(eventPage).toContain('Agenda Remich')
    expect(eventPage).toContain('https://agenda.example.lu/conversation')
    // The place the calendar named became a venue in Remich, for an editor to check.
    expect(eventPage).toContain('Esplanade')
    const communePage = await (await fetch(`${portal.url}/fr/communes/remich/`)).text()
    expect(communePage).toContain(title)
    const feed = await (await fetch(`${portal.url}/fr/feeds/commune/remich.ics`)).text()
    expect(feed.replace(/\r\n /g, '')).toContain(`SUMMARY;LANGUAGE=fr:${title}`)
    await page.close()
  }, 300_000)
})
