// Calendar feeds of the running portal: every .ics file the build wrote is read by two
// independent parsers (Mozilla's ical.js here, Python's icalendar from Debian), the live endpoint
// answers through the real server, and the subscription page works with and without JavaScript.
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import ICAL from 'ical.js'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { localeCodes } from '../../locales/config'
import { launchBrowser } from './server'

const url = inject('portalUrl')
const siteDir = inject('siteDir')

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

function icsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry)
    if (statSync(full).isDirectory()) return icsFiles(full)
    return entry.endsWith('.ics') ? [full] : []
  })
}

const feedFiles = () =>
  icsFiles(siteDir).filter((file) => file.includes(`${path.sep}feeds${path.sep}`))

/** Python's icalendar reads every file; it reports what it found and what it found wrong. */
const pythonCheck = String.raw`
import sys, json, datetime
from icalendar import Calendar
report = {}
for name in sys.argv[1:]:
    problems = []
    with open(name, 'rb') as handle:
        cal = Calendar.from_ical(handle.read())
    zones = [str(z.get('TZID')) for z in cal.walk('VTIMEZONE')]
    events = cal.walk('VEVENT')
    zoned = False
    for e in events:
        uid = str(e.get('UID'))
        stamp = e.get('DTSTAMP').dt
        if stamp.utcoffset() != datetime.timedelta(0): problems.append(uid + ': DTSTAMP not UTC')
        start = e.get('DTSTART')
        if isinstance(start.dt, datetime.datetime):
            zoned = True
            if start.params.get('TZID') != 'Europe/Luxembourg': problems.append(uid + ': no TZID')
        elif e.get('DTEND').dt <= start.dt: problems.append(uid + ': all-day end not exclusive')
        if not e.get('URL'): problems.append(uid + ': no URL')
    # A VTIMEZONE for the zone the times use, none when every event is all-day.
    if zones != (['Europe/Luxembourg'] if zoned else []): problems.append('VTIMEZONE ' + repr(zones))
    report[name] = {'name': str(cal.get('X-WR-CALNAME')), 'events': len(events), 'problems': problems}
print(json.dumps(report))
`

describe('static calendar feeds', () => {
  it('exist per language for all events, each commune, category and target group', () => {
    for (const lang of localeCodes) {
      const dir = path.join(siteDir, lang, 'feeds')
      // Besides the precompressed copies (.br, .gz) the server sends to browsers that accept them.
      const entries = readdirSync(dir).filter((name) => !/\.(br|gz)$/.test(name))
      expect(entries.sort()).toEqual(['audience', 'category', 'commune', 'events.ics'])
      expect(readdirSync(dir)).toContain('events.ics.br')
      expect(readdirSync(path.join(dir, 'commune'))).toContain('remich.ics')
      expect(readdirSync(path.join(dir, 'category'))).toContain('language-cafe.ics')
      expect(readdirSync(path.join(dir, 'audience')).length).toBeGreaterThan(0)
    }
  })

  it('are all read by ical.js with UIDs, UTC stamps and Luxembourg times', () => {
    const files = icsFiles(siteDir)
    expect(files.length).toBeGreaterThan(100)
    for (const file of files) {
      const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')))
      for (const event of calendar.getAllSubcomponents('vevent')) {
        expect(event.getFirstPropertyValue('uid'), file).toBeTruthy()
        const stamp = event.getFirstPropertyValue('dtstamp') as ICAL.Time
        expect(stamp.zone?.tzid, file).toBe('UTC')
        const start = event.getFirstProperty('dtstart')!
        const value = start.getFirstValue() as ICAL.Time
        if (!value.isDate) expect(start.getParameter('tzid'), file).toBe('Europe/Luxembourg')
      }
    }
  })

  it('are all read by Python’s icalendar without problems', () => {
    const files = icsFiles(siteDir)
    const result = spawnSync('/usr/bin/python3', ['-c', pythonCheck, ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    expect(result.status, result.stderr).toBe(0)
    const report = JSON.parse(result.stdout) as Record<
      string,
      { name: string; events: number; problems: string[] }
    >
    expect(Object.keys(report)).toHaveLength(files.length)
    expect(Object.values(report).flatMap((entry) => entry.problems)).toEqual([])
    const all = report[path.join(siteDir, 'de', 'feeds', 'events.ics')]!
    expect(all.name).toBe('Miselerland: alle Veranstaltungen')
    expect(all.events).toBeGreaterThan(5)
    const remich = report[path.join(siteDir, 'pt', 'feeds', 'commune', 'remich.ics')]!
    expect(remich.name).toBe('Miselerland: eventos · Remich')
    expect(remich.events).toBeLessThan(all.events)
    console.log(
      `[feeds] ${feedFiles().length} feeds and ${files.length - feedFiles().length} single-event files; ` +
        `all-events feed (de): ${all.events} events, ${statSync(path.join(siteDir, 'de', 'feeds', 'events.ics')).size} bytes`,
    )
  })

  it('are served as text/calendar and linked from their listing pages', async () => {
    const response = await fetch(`${url}/fr/feeds/commune/remich.ics`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const page = await browser.newPage()
    await page.goto(`${url}/fr/events/commune/remich/`)
    const subscribe = page.locator('.z-feedlink a').first()
    expect(await subscribe.getAttribute('href')).toMatch(
      /^webcal:\/\/.*\/fr\/feeds\/commune\/remich\.ics$/,
    )
    await page.goto(`${url}/en/events/category/language-cafe/`)
    expect(await page.locator('.z-feedlink a[download]').getAttribute('href')).toBe(
      '/en/feeds/category/language-cafe.ics',
    )
    await page.close()
  })
})

describe('the live feed through the server', () => {
  it('filters, validates and revalidates', async () => {
    const ok = await fetch(
      `${url}/api/feeds/events.ics?commune=remich&category=language-cafe&lang=pt`,
    )
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const text = await ok.text()
    expect(text).toContain('UID:seed-language-cafe-remich@zesummen.lu')
    const again = await fetch(
      `${url}/api/feeds/events.ics?commune=remich&category=language-cafe&lang=pt`,
      {
        headers: { 'if-none-match': ok.headers.get('etag')! },
      },
    )
    expect(again.status).toBe(304)
    const bad = await fetch(`${url}/api/feeds/events.ics?commune=atlantis&lang=en`)
    expect(bad.status).toBe(400)
    expect(await bad.text()).toMatch(/^Unknown value “atlantis” for “commune”/)
  })
})

describe('the subscription page', () => {
  it('builds a feed address as a plain GET form without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true })
    const page = await context.newPage()
    await page.goto(`${url}/en/subscribe/`)
    expect(await page.locator('[data-feed-result]').isHidden()).toBe(true)
    await page.selectOption('#builder-commune', ['remich', 'mertert'])
    await page.check('#builder-free')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('form[data-feed-builder] button[type="submit"]'),
    ])
    const address = new URL(download.url())
    expect(address.pathname).toBe('/api/feeds/events.ics')
    expect(address.searchParams.get('lang')).toBe('en')
    expect(address.searchParams.getAll('commune')).toEqual(['mertert', 'remich'])
    expect(address.searchParams.get('free')).toBe('1')
    const file = readFileSync((await download.path())!, 'utf8')
    expect(file).toMatch(/^BEGIN:VCALENDAR\r\n/)
    await context.close()
  })

  it('shows the address and a webcal link as the form changes, with JavaScript', async () => {
    const page = await browser.newPage()
    await page.goto(`${url}/pt/subscribe/`)
    await page.selectOption('#builder-spoken', ['pt'])
    const address = await page.inputValue('#builder-result')
    expect(address).toMatch(/\/api\/feeds\/events\.ics\?lang=pt&spoken=pt$/)
    expect(await page.locator('[data-feed-webcal]').getAttribute('href')).toBe(
      address.replace(/^https?:/, 'webcal:'),
    )
    expect(await page.locator('.z-copy').first().isVisible()).toBe(true)
    const response = await fetch(address.replace(/^https?:\/\/[^/]+/, url))
    expect(response.status).toBe(200)
    await page.close()
  })
})
