// From a fresh data folder, `npm start` builds, migrates, seeds and serves the CMS on one port:
// a newcomer creates the first admin in the browser and finds the seeded content.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type RunningPortal, startPortal } from './server'

let portal: RunningPortal
let browser: Browser

beforeAll(async () => {
  portal = await startPortal()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  if (portal) await portal.stop()
})

describe('npm start on a fresh machine', () => {
  it('seeds the empty database on first start and reports it', () => {
    expect(portal.output()).toMatch(/Empty database: seeding/)
    expect(portal.output()).toMatch(/communes: 18 created/)
  })

  it('serves the public site, the admin and the API on one port', async () => {
    const chooser = await fetch(`${portal.url}/`)
    expect(chooser.status).toBe(200)
    expect(await chooser.text()).toContain('Lëtzebuergesch')
    expect((await fetch(`${portal.url}/pt/`)).status).toBe(200)
    expect((await fetch(`${portal.url}/admin/login`)).status).toBe(200)
    const missing = await fetch(`${portal.url}/de/gibt-es-nicht/`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('lang="de"')
  })

  it('answers health checks and serves the seeded content through /api', async () => {
    const health = await fetch(`${portal.url}/healthz`)
    expect(await health.json()).toEqual({ status: 'ok' })
    const communes = await fetch(`${portal.url}/api/communes?limit=0&locale=lb`)
    expect(communes.status).toBe(200)
    const body = (await communes.json()) as { totalDocs: number; docs: { name: string }[] }
    expect(body.totalDocs).toBe(18)
    expect(body.docs.map((commune) => commune.name)).toContain('Réimech')
  })

  it('keeps drafts and accounts away from the public', async () => {
    expect((await fetch(`${portal.url}/api/users`)).status).toBe(403)
    const drafts = await fetch(`${portal.url}/api/events?draft=true&where[_status][equals]=draft`)
    expect(((await drafts.json()) as { totalDocs: number }).totalDocs).toBe(0)
  })

  it('lets the first person create the admin account in the browser and see the events', async () => {
    const page = await browser.newPage()
    await page.goto(`${portal.url}/admin`)
    await page.waitForURL(/\/admin\/create-first-user/)
    await page.fill('input[name="email"]', 'coordinator@example.org')
    await page.fill('input[name="password"]', 'copper lantern river mosel')
    await page.fill('input[name="confirm-password"]', 'copper lantern river mosel')
    await page.fill('input[name="name"]', 'First Coordinator')
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/', {
      timeout: 60_000,
    })
    // The dashboard's build panel.
    await page
      .getByRole('heading', { name: 'Public site builds' })
      .waitFor({ state: 'visible', timeout: 30_000 })
    await page.goto(`${portal.url}/admin/collections/events`)
    const repairCafe = page.getByText('Repair Café', { exact: false })
    await repairCafe.first().waitFor({ state: 'visible', timeout: 30_000 })
    expect(await repairCafe.count()).toBeGreaterThan(0)
    await page.close()
  })

  it('stops cleanly on SIGTERM', async () => {
    expect(await portal.stop()).toBe(0)
    expect(portal.output()).toMatch(/SIGTERM: no new connections/)
  })
})
