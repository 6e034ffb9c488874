// Publish to live on a running portal: an event published through the API is on the site, in its
// feed and in search after the debounce plus one build; unpublishing removes it; a burst of edits
// costs at most two builds; a killed or failing build never touches the live release; SIGTERM lets
// an open request finish.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readlinkSync, readdirSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptySnapshot } from '../../cms/domain/snapshot'
import {
  launchBrowser,
  type RunningPortal,
  startPortal,
  firstAdminToken,
  portalApi,
} from './server'

let portal: RunningPortal
let browser: Browser
let token = ''
const ids: Record<string, string | number> = {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const api = (method: string, pathAndQuery: string, body?: unknown) =>
  portalApi(portal, method, pathAndQuery, body, token)

/** Polls until the check passes; returns the seconds it took. */
async function until(check: () => Promise<boolean>, timeoutMs = 150_000): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (await check()) return (Date.now() - started) / 1000
    await sleep(250)
  }
  throw new Error(`not reached in ${timeoutMs / 1000} s:\n${portal.output().slice(-3000)}`)
}

const status = async (pathname: string) => (await fetch(`${portal.url}${pathname}`)).status

const releasesDir = () => path.join(portal.dataDir, 'releases')
const liveRelease = () => readlinkSync(path.join(releasesDir(), 'current'))

async function siteBuilds(): Promise<{ status: string; reason: string }[]> {
  const result = await api('GET', '/site-builds?limit=200&sort=requestedAt')
  return result.docs as { status: string; reason: string }[]
}

async function buildsSettled(): Promise<boolean> {
  const builds = await siteBuilds()
  return builds.every((build) => build.status === 'succeeded' || build.status === 'failed')
}

function eventData(title: string) {
  return {
    title,
    start: '2031-05-14T16:00:00.000Z',
    end: '2031-05-14T18:00:00.000Z',
    communes: [ids.remich],
    venue: ids.venue,
    _status: 'published',
  }
}

beforeAll(async () => {
  portal = await startPortal()
  browser = await launchBrowser()
  token = await firstAdminToken(portal)
  const communes = await api('GET', '/communes?where[slug][equals]=remich&depth=0')
  ids.remich = (communes.docs as { id: number }[])[0]!.id
  const venues = await api('GET', `/venues?where[commune][equals]=${ids.remich}&depth=0&limit=1`)
  ids.venue = (venues.docs as { id: number }[])[0]!.id
}, 900_000)

afterAll(async () => {
  await browser?.close()
  if (portal && existsSync(portal.dataDir)) await portal.stop()
})

describe('publish to live', () => {
  const latencies: number[] = []

  it('puts a published event on the site, in its feed and in search, five times', async () => {
    for (let round = 1; round <= 5; round++) {
      const title = `Publish probe ${round} ${Date.now()}`
      const created = (await api('POST', '/events', eventData(title))).doc as {
        slug: string
        uid: string
      }
      latencies.push(await until(async () => (await status(`/en/events/${created.slug}/`)) === 200))
      const feed = await (await fetch(`${portal.url}/en/feeds/commune/remich.ics`)).text()
      expect(feed).toContain(`UID:${created.uid}`)
      // An incremental build is live first and refreshes the search index after: once the build
      // has finished, search finds the event.
      await until(buildsSettled)
      if (round === 1) {
        const page = await browser.newPage()
        await page.goto(`${portal.url}/en/search/`)
        await page.fill('#search input', `Publish probe ${round}`)
        await page
          .locator(`#search a[href="/en/events/${created.slug}/"]`)
          .first()
          .waitFor({ timeout: 15_000 })
        await page.close()
        ids.probe = created.slug
      }
    }
    const sorted = [...latencies].sort((a, b) => a - b)
    console.log(
      `[publishing] publish-to-live seconds: ${latencies.map((s) => s.toFixed(1)).join(', ')}; median ${sorted[2]!.toFixed(1)}`,
    )
  }, 900_000)

  it('takes an unpublished event off the site', async () => {
    const found = await api('GET', `/events?where[slug][equals]=${ids.probe}&depth=0`)
    const id = (found.docs as { id: number }[])[0]!.id
    await api('PATCH', `/events/${id}`, { _status: 'draft' })
    await until(async () => (await status(`/en/events/${ids.probe}/`)) === 404)
    const feed = await (await fetch(`${portal.url}/en/feeds/events.ics`)).text()
    expect(feed).not.toContain(String(ids.probe))
    await until(buildsSettled)
  }, 300_000)

  it('coalesces a burst of 20 edits into at most two builds', async () => {
    const before = (await siteBuilds()).length
    const event = (await api('POST', '/events', eventData('Burst probe'))).doc as {
      id: number
      slug: string
    }
    for (let i = 1; i < 20; i++) {
      await api('PATCH', `/events/${event.id}`, { title: `Burst probe ${i}` })
    }
    // Live with the last title, then nothing more is asked for during one more debounce window.
    await until(async () => {
      const response = await fetch(`${portal.url}/en/events/${event.slug}/`)
      return response.status === 200 && (await response.text()).includes('Burst probe 19')
    })
    await until(buildsSettled)
    await sleep(12_000)
    await until(buildsSettled)
    const made = (await siteBuilds()).slice(before)
    console.log(`[publishing] 20 edits in a burst caused ${made.length} build(s)`)
    expect(made.length).toBeGreaterThanOrEqual(1)
    expect(made.length).toBeLessThanOrEqual(2)
    expect(made.every((build) => build.status === 'succeeded')).toBe(true)
  }, 300_000)
})

describe('a build that does not finish well', () => {
  const buildEnv = () => ({
    ...process.env,
    DATA_DIR: portal.dataDir,
    RELEASES_DIR: path.relative(process.cwd(), releasesDir()),
  })

  it('leaves the live release alone when killed mid-way, and the next build cleans up', async () => {
    const live = liveRelease()
    const child = spawn(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/build-site.ts'],
      {
        env: buildEnv(),
        detached: true,
        stdio: 'ignore',
      },
    )
    // Killed once Astro has started writing the new release.
    const known = new Set(readdirSync(releasesDir()))
    await until(
      async () =>
        readdirSync(releasesDir()).some((name) => !known.has(name) && !name.startsWith('.')),
      60_000,
    )
    await sleep(1000)
    process.kill(-child.pid!, 'SIGKILL')
    await new Promise((resolve) => child.on('exit', resolve))
    expect(liveRelease()).toBe(live)
    expect(await status('/en/')).toBe(200)
    // The killed build's folder has no manifest; the lock names a dead process.
    const unfinished = readdirSync(releasesDir()).filter(
      (name) =>
        !name.startsWith('.') &&
        name !== 'current' &&
        !existsSync(path.join(releasesDir(), name, 'release.json')),
    )
    expect(unfinished).toHaveLength(1)
    const next = spawnSync(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        'scripts/build-site.ts',
        '--snapshot',
        path.join(portal.dataDir, 'site-snapshot.json'),
      ],
      { env: buildEnv(), encoding: 'utf8' },
    )
    expect(next.status, next.stdout + next.stderr).toBe(0)
    expect(next.stdout).toMatch(
      new RegExp(`Removed old or unfinished releases: .*${unfinished[0]}`),
    )
    expect(liveRelease()).not.toBe(live)
  }, 300_000)

  it('does not swap in a release that fails its checks', async () => {
    const live = liveRelease()
    const empty = path.join(portal.dataDir, 'empty-snapshot.json')
    writeFileSync(empty, JSON.stringify(emptySnapshot()))
    const result = spawnSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/build-site.ts', '--snapshot', empty],
      { env: buildEnv(), encoding: 'utf8' },
    )
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(
      /Failed, the live site is unchanged: .*pages where the live release has/,
    )
    expect(liveRelease()).toBe(live)
    expect(await status('/en/events/')).toBe(200)
  }, 300_000)

  it('rolls back to the previous release with npm run rollback', async () => {
    const live = liveRelease()
    const result = spawnSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/rollback.ts'],
      {
        env: buildEnv(),
        encoding: 'utf8',
      },
    )
    expect(result.status, result.stderr).toBe(0)
    expect(liveRelease()).not.toBe(live)
    expect(readFileSync(path.join(releasesDir(), liveRelease(), 'release.json'), 'utf8')).toContain(
      '"pages"',
    )
    expect(await status('/en/')).toBe(200)
  })
})

describe('shutdown', () => {
  it('lets a request that is in flight finish on SIGTERM, then exits cleanly', async () => {
    const port = new URL(portal.url).port
    const socket = connect(Number(port), '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    let response = ''
    socket.on('data', (chunk) => (response += chunk.toString()))
    // Half a request: the server has accepted it and waits for the rest.
    socket.write('GET /en/ HTTP/1.1\r\nHost: localhost\r\n')
    await sleep(300)
    const stopped = portal.stop()
    await sleep(500)
    socket.write('Connection: close\r\n\r\n')
    await new Promise((resolve) => socket.once('close', resolve))
    expect(response).toMatch(/^HTTP\/1\.1 200 OK/)
    expect(await stopped).toBe(0)
    expect(portal.output()).toMatch(/SIGTERM: no new connections/)
    expect(portal.output()).toMatch(/\[zesummen\] Stopped\./)
  }, 120_000)
})
