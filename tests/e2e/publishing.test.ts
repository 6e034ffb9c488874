// Publish to live on a running portal: an event published through the API is on the site and in
// its feed within seconds, and in search once its index is made; unpublishing removes it; a burst
// of edits costs at most two publishes; a killed publish or search indexing never touches what is
// live; a rollback is followed at once; SIGTERM lets an open request finish.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SnapshotStore } from '../../cms/domain/snapshotStore'
import {
  launchBrowser,
  type RunningPortal,
  startPortal,
  firstAdminToken,
  portalApi,
} from './server'
import { typescriptArgs } from '../../scripts/lib/typescriptChild'

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

const store = () => new SnapshotStore(path.join(portal.dataDir, 'snapshots'))
const liveVersion = () => store().live()!.version
const searchPointer = () => readFileSync(path.join(portal.dataDir, 'search', 'live.json'), 'utf8')

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
      await until(buildsSettled)
      if (round === 1) {
        // The search index of the new version follows in the background.
        const page = await browser.newPage()
        const indexed = await until(async () => {
          await page.goto(`${portal.url}/en/search/`)
          await page.fill('#search input', `Publish probe ${round}`)
          return page
            .locator(`#search a[href="/en/events/${created.slug}/"]`)
            .first()
            .waitFor({ timeout: 5_000 })
            .then(
              () => true,
              () => false,
            )
        }, 90_000)
        console.log(`[publishing] in search after ${indexed.toFixed(1)} s more`)
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

describe('a publish that does not finish well', () => {
  const scriptEnv = () => ({
    ...process.env,
    DATA_DIR: portal.dataDir,
    PORT: new URL(portal.url).port,
  })
  /** Runs a script and kills it (with its children) after `ms`, or once `until` holds. */
  const killedAfter = async (
    script: string,
    args: string[],
    ms: number,
    until: () => boolean = () => true,
  ) => {
    const child = spawn(process.execPath, typescriptArgs(script, args), {
      env: scriptEnv(),
      detached: true,
      stdio: 'ignore',
    })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    await sleep(ms)
    while (!until()) await sleep(10)
    expect(child.exitCode, `${script} ended before it was killed`).toBeNull()
    process.kill(-child.pid!, 'SIGKILL')
    await exited
  }

  it('leaves the live version alone when a publish is killed mid-way', async () => {
    const live = liveVersion()
    const versions = store().versions()
    for (const ms of [1500, 4000]) {
      await killedAfter('scripts/publish.ts', [], ms)
      const now = store().live()!.version
      // Killed before it switched: nothing changed. After: a whole new version is live.
      if (now === live) expect(store().versions()).toEqual(versions)
      else expect(store().read(now).collections.events.length).toBeGreaterThan(0)
      expect(await status('/en/events/')).toBe(200)
    }
  }, 300_000)

  it('keeps the previous search index when indexing is killed mid-way', async () => {
    const before = searchPointer()
    const version = liveVersion()
    // Killed while its pages go to Pagefind: the folder it writes into exists, not yet renamed.
    const partial = path.join(portal.dataDir, 'search', `${version}.partial`)
    rmSync(partial, { recursive: true, force: true })
    await killedAfter('scripts/index-search.ts', [version], 0, () => existsSync(partial))
    expect(searchPointer()).toBe(before)
    expect(await status('/pagefind/pagefind-entry.json')).toBe(200)
  }, 120_000)

  it('rolls back to the previous version with npm run rollback, followed at once', async () => {
    const live = liveVersion()
    const result = spawnSync(process.execPath, typescriptArgs('scripts/rollback.ts'), {
      env: scriptEnv(),
      encoding: 'utf8',
    })
    expect(result.status, result.stderr).toBe(0)
    expect(liveVersion()).not.toBe(live)
    expect(result.stdout).toContain(`Live snapshot: ${liveVersion()} (was ${live})`)
    const served = async () =>
      (await fetch(`${portal.url}/en/events/`)).headers.get('x-content-version')
    const seconds = await until(async () => (await served()) === liveVersion(), 5_000)
    console.log(`[publishing] rollback followed after ${seconds.toFixed(1)} s`)
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
