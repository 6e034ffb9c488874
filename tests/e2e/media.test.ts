// An association uploads a PNG that also holds an HTML page, named `x.html`: on the running portal
// it is an image wherever it is served (the site's /media/ and Payload's /api/media/file/), and
// Chromium opening it directly neither renders its markup nor runs its script.
import { crc32 } from 'node:zlib'
import sharp from 'sharp'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  firstAdminToken,
  launchBrowser,
  portalApi,
  type RunningPortal,
  startPortal,
} from './server'

let portal: RunningPortal
let browser: Browser
let adminToken = ''
let associationToken = ''
const association = { email: 'association@example.org', password: 'walnut ferry quarry mosel' }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls until the check passes. */
async function until(check: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (await check()) return
    await sleep(500)
  }
  throw new Error(`not reached in ${timeoutMs / 1000} s:\n${portal.output().slice(-3000)}`)
}

const page = '<html><body><h1 id="planted">Planted page</h1><script>document.title = "ran"</script>'

/** A valid PNG whose bytes also carry an HTML page (in a text chunk, as any tool may write). */
async function pngWithPage(): Promise<Buffer> {
  const png = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 11, g: 94, b: 85 } },
  })
    .png()
    .toBuffer()
  const body = Buffer.concat([Buffer.from('tEXt'), Buffer.from(`Comment\0${page}`, 'latin1')])
  const chunk = Buffer.alloc(body.length + 8)
  chunk.writeUInt32BE(body.length - 4, 0)
  body.copy(chunk, 4)
  chunk.writeUInt32BE(crc32(body), body.length + 4)
  // Right after the signature (8 bytes) and the IHDR chunk (25 bytes).
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)])
}

beforeAll(async () => {
  portal = await startPortal()
  browser = await launchBrowser()
  adminToken = await firstAdminToken(portal)
  const organisation = (
    await portalApi(
      portal,
      'POST',
      '/organisations',
      { name: 'Upload probe', slug: 'upload-probe', type: 'association' },
      adminToken,
    )
  ).doc as { id: number }
  await portalApi(
    portal,
    'POST',
    '/users',
    { ...association, name: 'Association', roles: ['association'], organisation: organisation.id },
    adminToken,
  )
  const login = await portalApi(portal, 'POST', '/users/login', association)
  associationToken = String(login.token)
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await portal?.stop()
})

describe('an upload named x.html carrying a PNG', () => {
  it('is an image at its /media/ address, never a page of the portal', async () => {
    const form = new FormData()
    form.append(
      'file',
      new Blob([new Uint8Array(await pngWithPage())], { type: 'image/png' }),
      'x.html',
    )
    form.append('_payload', JSON.stringify({ alt: 'Green rectangle' }))
    const uploaded = await fetch(`${portal.url}/api/media`, {
      method: 'POST',
      headers: { authorization: `JWT ${associationToken}` },
      body: form,
    })
    expect(uploaded.status, await uploaded.clone().text()).toBe(201)
    const media = ((await uploaded.json()) as { doc: { id: number; filename: string } }).doc

    // Published with an event, the file is copied into the site's next release.
    const communes = await portalApi(portal, 'GET', '/communes?where[slug][equals]=remich&depth=0')
    const remich = (communes.docs as { id: number }[])[0]!.id
    const venues = await portalApi(
      portal,
      'GET',
      `/venues?where[commune][equals]=${remich}&limit=1`,
    )
    await portalApi(
      portal,
      'POST',
      '/events',
      {
        title: 'Upload probe',
        start: '2031-05-14T16:00:00.000Z',
        end: '2031-05-14T18:00:00.000Z',
        communes: [remich],
        venue: (venues.docs as { id: number }[])[0]!.id,
        image: media.id,
        _status: 'published',
      },
      adminToken,
    )
    const address = `${portal.url}/media/${encodeURIComponent(media.filename)}`
    await until(async () => (await fetch(address, { method: 'HEAD' })).status === 200)

    for (const url of [address, `${portal.url}/api/media/file/${media.filename}`]) {
      const response = await fetch(url)
      expect(response.headers.get('content-type'), url).toBe('image/png')
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff')
      expect(response.headers.get('content-security-policy'), url).toMatch(/(^|; )sandbox(;|$)/)
    }

    const tab = await browser.newPage()
    const response = await tab.goto(address)
    expect(response?.headers()['content-type']).toBe('image/png')
    const shown = await tab.evaluate(() => ({
      contentType: document.contentType,
      title: document.title,
      planted: document.getElementById('planted') !== null,
      images: document.images.length,
    }))
    expect(shown).toMatchObject({ contentType: 'image/png', planted: false, images: 1 })
    expect(shown.title).not.toBe('ran')
    await tab.close()
  }, 300_000)
})
