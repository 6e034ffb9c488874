// npm run bench [-- --events 10000 --resources 1000 --actions 200 --seed 1 --skip-server --keep]:
// the portal's performance on this machine, in one run. Generates a synthetic region into a fresh
// database, builds the site (code only), publishes it (snapshot and search index), writes the
// static export, times the all-events feed and page weights, and (unless --skip-server) runs the
// real server: first renders, a cached page at 100 connections beside Debian's nginx serving the
// export's bytes, publish-to-live and the search index after it, memory, REST latency, first
// searches and Lighthouse. Writes bench/results/<date>-<events>.json and bench/results/latest.md.
// Not part of npm test.
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { SnapshotStore } from '../../cms/domain/snapshotStore'
import { rebuildDebounceMs } from '../../cms/settings'
import { localeCodes } from '../../locales/config'
import { REGION_OPTIONS, regionCounts } from '../lib/synthetic'
import { typescriptArgs } from '../lib/typescriptChild'
import type { FeedTiming } from './feedTiming'
import { lighthouseScores } from './lighthouse'
import { freePort, nginxBinary, serveWithNginx } from './local'
import { resultsTable, type BenchResults } from './report'

const { values } = parseArgs({
  options: {
    ...REGION_OPTIONS,
    'skip-server': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
})

const root = process.cwd()
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zesummen-bench-'))
const env: Record<string, string | undefined> = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: undefined,
  MEDIA_DIR: undefined,
  PUBLIC_URL: undefined,
  NODE_ENV: undefined,
  PAYLOAD_LOG_LEVEL: 'warn',
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
}
/** Node's type wants NODE_ENV set; children get it unset on purpose (start.ts decides). */
const childEnv = (extra: Record<string, string | undefined> = {}) =>
  ({ ...env, ...extra }) as unknown as NodeJS.ProcessEnv
const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
const cleanups: (() => Promise<void> | void)[] = []

function step(text: string) {
  console.log(`[bench] ${text}`)
}

interface Ran {
  seconds: number
  output: string
  /** Largest resident set of the command or any of its children (GNU time), in MiB. */
  peakMiB: number | null
}

/** Runs a command with its output shown (indented) and kept; GNU time measures peak memory. */
function run(
  command: string,
  args: string[],
  extraEnv: Record<string, string | undefined> = {},
): Promise<Ran> {
  const started = performance.now()
  const timeFile = path.join(dataDir, 'time.txt')
  const [bin, argv] = timeBinary
    ? [timeBinary, ['-v', '-o', timeFile, command, ...args]]
    : [command, args]
  return new Promise((resolve, reject) => {
    const child = spawn(bin, argv, {
      env: childEnv(extraEnv),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const show = (chunk: Buffer) => {
      const text = chunk.toString()
      output += text
      for (const line of text.split('\n')) {
        if (line.trim()) process.stdout.write(`    ${line}\n`)
      }
    }
    child.stdout.on('data', show)
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      for (const line of chunk.toString().split('\n')) {
        if (line.trim()) process.stdout.write(`    ${line}\n`)
      }
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000
      const times = timeBinary && existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : ''
      const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(times)
      if (code !== 0) {
        reject(new Error(`${path.basename(args[0] ?? command)} exited with ${code}`))
        return
      }
      resolve({ seconds, output, peakMiB: peak ? Math.round(Number(peak[1]) / 1024) : null })
    })
  })
}

const tsxRun = (
  script: string,
  args: string[] = [],
  extraEnv: Record<string, string | undefined> = {},
) => run(process.execPath, typescriptArgs(script, args), extraEnv)

function folderBytes(dir: string, include: (file: string) => boolean = () => true): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) total += folderBytes(full, include)
    else if (include(full)) total += statSync(full).size
  }
  return total
}

/**
 * Bytes a first search downloads in each language, measured in Chromium: every /pagefind/ file
 * the search page fetched until the first results showed (script, styles, WebAssembly, entry,
 * index chunks, filters and result fragments), as transferred (Resource Timing transferSize).
 */
async function firstSearchBytes(siteUrl: string, query: string): Promise<Record<string, number>> {
  const { launchBrowser } = await import('../../tests/e2e/server')
  const browser = await launchBrowser()
  cleanups.push(() => browser.close())
  const result: Record<string, number> = {}
  try {
    for (const lang of localeCodes) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(`${siteUrl}/${lang}/search/`, { waitUntil: 'networkidle' })
      await page.fill('#search input', query)
      await page.locator('#search .pagefind-ui__result').first().waitFor({ timeout: 30_000 })
      await page.waitForLoadState('networkidle')
      result[lang] = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.includes('/pagefind/'))
          .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).transferSize, 0),
      )
      await context.close()
    }
  } finally {
    await browser.close()
  }
  return result
}

interface PageWeight {
  path: string
  htmlGzip: number
  jsGzip: number
}

function pageWeight(dir: string, urlPath: string): PageWeight {
  const file = path.join(dir, urlPath, 'index.html')
  const html = readFileSync(file)
  const scripts = [...html.toString().matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!)
  const jsGzip = scripts
    .map((src) => path.join(dir, src.split('?')[0]!))
    .filter((script) => existsSync(script))
    .reduce((sum, script) => sum + gzipSync(readFileSync(script), { level: 9 }).length, 0)
  return { path: urlPath, htmlGzip: gzipSync(html, { level: 9 }).length, jsGzip }
}

/** The all-events feed, timed in a child process (scripts/bench/feedTiming.ts). */
async function feedTiming(snapshotFile: string): Promise<FeedTiming> {
  const ran = await tsxRun('scripts/bench/feedTiming.ts', [snapshotFile])
  const line = ran.output
    .trim()
    .split('\n')
    .findLast((text) => text.startsWith('{'))
  if (!line) throw new Error(`feedTiming.ts printed no result:\n${ran.output.slice(-2000)}`)
  return JSON.parse(line) as FeedTiming
}

type Api = (
  method: string,
  pathname: string,
  body?: unknown,
  token?: string,
) => Promise<Record<string, unknown>>

/** `connections` clients asking one URL for `seconds` (autocannon): throughput and latency. */
async function loadTest(target: string, seconds: number, connections: number) {
  const { default: autocannon } = await import('autocannon')
  const result = await autocannon({
    url: target,
    connections,
    duration: seconds,
    headers: { 'accept-encoding': 'gzip' },
  })
  return {
    perSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
    connections,
  }
}

/** Resident memory of a process and all its descendants, in MiB (Linux /proc). */
function treeRssMiB(pid: number): number {
  const children = new Map<number, number[]>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(parent, [...(children.get(parent) ?? []), Number(name)])
    } catch {
      // Gone meanwhile.
    }
  }
  let kib = 0
  const visit = (id: number) => {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))
      kib += match ? Number(match[1]) : 0
    } catch {
      // Gone meanwhile.
    }
    for (const child of children.get(id) ?? []) visit(child)
  }
  visit(pid)
  return Math.round(kib / 1024)
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** The real server (`scripts/start.ts`) on this database. */
async function serverMeasurements(exportDir: string, eventSlugs: string[]) {
  const port = serverPort
  const url = `http://localhost:${port}`
  const child = spawn(process.execPath, typescriptArgs('scripts/start.ts'), {
    env: childEnv({ PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  }
  cleanups.push(stop)
  try {
    const deadline = Date.now() + 600_000
    while (!log.includes('[zesummen] Ready on')) {
      if (child.exitCode !== null) throw new Error(`the server stopped:\n${log.slice(-3000)}`)
      if (Date.now() > deadline) throw new Error(`the server did not start:\n${log.slice(-3000)}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    step(`Server ready on ${url}.`)
    const api: Api = async (method, pathname, body, token = '') => {
      const response = await fetch(`${url}/api${pathname}`, {
        method,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `JWT ${token}` } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      })
      const json = (await response.json()) as Record<string, unknown>
      if (!response.ok)
        throw new Error(`${method} ${pathname}: ${response.status} ${JSON.stringify(json)}`)
      return json
    }
    const admin = { email: 'runner@example.org', password: 'violet harbour cinnamon tractor dusk' }
    await api('POST', '/users/first-register', { ...admin, name: 'Measurement Runner' })
    const token = String((await api('POST', '/users/login', admin)).token)

    step('First renders of event pages (cache cold)…')
    const timedGet = async (pathname: string) => {
      const started = performance.now()
      const response = await fetch(`${url}${pathname}`, { headers: { 'accept-encoding': 'gzip' } })
      await response.arrayBuffer()
      return performance.now() - started
    }
    // The first request of all also builds the views of every event: counted apart.
    const firstOfAll = await timedGet(`/fr/events/${eventSlugs[0]}/`)
    const cold = []
    for (const slug of eventSlugs.slice(1, 6)) cold.push(await timedGet(`/de/events/${slug}/`))
    const warm = []
    for (const slug of eventSlugs.slice(1, 6)) warm.push(await timedGet(`/de/events/${slug}/`))

    step('First renders of filtered event listings (cache cold)…')
    const finderCold = []
    for (const query of FINDER_QUERIES) {
      const started = performance.now()
      const response = await fetch(`${url}/fr/events/?${query}`, { redirect: 'manual' })
      await response.arrayBuffer()
      if (response.status !== 200)
        throw new Error(`/fr/events/?${query} answered ${response.status}, not a listing`)
      finderCold.push(performance.now() - started)
    }

    const pagePath = `/fr/events/${eventSlugs[0]}/`
    const finderPath = `/fr/events/?${FINDER_QUERIES[0]}`
    step(`Cached pages at 100 connections, 10 s: the server, then nginx (${pagePath})…`)
    const portal = await loadTest(`${url}${pagePath}`, 10, 100)
    const finderPortal = await loadTest(`${url}${finderPath}`, 10, 100)
    let nginx: Awaited<ReturnType<typeof loadTest>> | null = null
    let listingNginx: Awaited<ReturnType<typeof loadTest>> | null = null
    const binary = nginxBinary()
    if (binary) {
      const served = await serveWithNginx(binary, exportDir, path.join(dataDir, 'nginx'))
      cleanups.push(served.close)
      nginx = await loadTest(`${served.url}${pagePath}`, 10, 100)
      // The export's own listing: what a file host serves where the server filters.
      listingNginx = await loadTest(`${served.url}/fr/events/`, 10, 100)
      await served.close()
    }

    step('REST /api/events under concurrency (10 s, 32 connections)…')
    const rest = await loadTest(`${url}/api/events?limit=10&depth=0`, 10, 32)

    step('Publishing one event five times and waiting for it on the site…')
    const found = await api('GET', '/events?limit=1&sort=-start&depth=0', undefined, token)
    const event = (found.docs as { id: number; slug: string }[])[0]!
    const entry = async () => (await fetch(`${url}/pagefind/pagefind-entry.json`)).text()
    const publishes: number[] = []
    let searchSeconds: number | null = null
    for (let round = 1; round <= 5; round += 1) {
      const title = `Bench publish probe ${round} ${Date.now()}`
      const indexBefore = await entry()
      const started = performance.now()
      await api('PATCH', `/events/${event.id}?locale=fr`, { title, _status: 'published' }, token)
      let seconds = Infinity
      while (performance.now() - started < 120_000) {
        const page = await fetch(`${url}/fr/events/${event.slug}/`)
        if (page.ok && (await page.text()).includes(title)) {
          seconds = (performance.now() - started) / 1000
          break
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      publishes.push(seconds)
      if (round === 5) {
        while (performance.now() - started < 600_000) {
          if ((await entry()) !== indexBefore) {
            searchSeconds = (performance.now() - started) / 1000
            break
          }
          await new Promise((resolve) => setTimeout(resolve, 500))
        }
      } else {
        // The next publish after the debounce window, so each is one publish of its own.
        await new Promise((resolve) => setTimeout(resolve, 2000))
      }
    }
    const memoryMiB = treeRssMiB(child.pid!)

    step('Lighthouse on three pages…')
    let lighthouse: BenchResults['lighthouse']
    try {
      lighthouse = {
        done: true,
        pages: await lighthouseScores(url, ['/fr/', '/fr/events/', pagePath]),
      }
    } catch (error) {
      lighthouse = {
        done: false,
        reason: `Lighthouse failed: ${error instanceof Error ? error.message : String(error)}`,
      }
    }
    step('First searches in Chromium…')
    const firstSearch = await firstSearchBytes(url, 'synthetic')
    return {
      server: {
        firstRenderOfAllMs: firstOfAll,
        coldRenderMs: median(cold),
        warmMs: median(warm),
        cached: { portal, nginx },
        finder: {
          queries: FINDER_QUERIES.length,
          coldRenderMs: median(finderCold),
          cached: { portal: finderPortal, nginx: listingNginx },
        },
        rest,
        publishToLiveSeconds: publishes,
        searchAfterPublishSeconds: searchSeconds,
        memoryMiB,
        debounceSeconds: rebuildDebounceMs(env) / 1000,
      },
      lighthouse,
      firstSearch,
    }
  } finally {
    await stop()
  }
}

/**
 * Filters of the event finder asked of the server once each (distinct, so each is a first
 * render), in their one written-out form so none is answered with a redirect.
 */
const FINDER_QUERIES = [
  'when=week&commune=remich&spoken=pt&access=step-free',
  'when=month&commune=grevenmacher&free=1',
  'when=month&spoken=en',
  'when=weekend&access=step-free',
  'when=month&commune=mertert&commune=wormeldange&access=hearing-loop',
]

/** The real server's port, chosen first: every step of the run gets its address as PUBLIC_URL. */
let serverPort = 0

async function main() {
  const counts = regionCounts(values, 'bench')
  serverPort = await freePort()
  env.PUBLIC_URL = `http://localhost:${serverPort}`
  step(`Data in ${dataDir}, site address ${env.PUBLIC_URL}.`)
  const results = partial
  Object.assign(results, {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtStart: os.loadavg()[0]!,
    },
    options: counts,
  })

  step(`1/6 Generating the synthetic region (${counts.events} events)…`)
  const generated = await tsxRun('scripts/generate.ts', [
    '--events',
    String(counts.events),
    '--resources',
    String(counts.resources),
    '--actions',
    String(counts.actions),
    '--seed',
    String(counts.seed),
  ])
  const summary = /\{"generate":.*\}/.exec(generated.output)
  results.generate = {
    seconds: generated.seconds,
    eventsPerSecond: summary ? (JSON.parse(summary[0]).generate.eventsPerSecond as number) : null,
  }

  step('2/6 Site build (Astro server build: code and assets)…')
  const built = await run(process.execPath, [
    path.resolve('node_modules/astro/bin/astro.mjs'),
    'build',
  ])
  results.siteBuild = { seconds: built.seconds, peakMiB: built.peakMiB }

  step('3/6 Publishing from the database: snapshot, then its search index…')
  const published = await tsxRun('scripts/publish.ts')
  const live = /is live \(([\d.]+) s\)/.exec(published.output)
  const all = /Search index of (\d+) pages ready \(([\d.]+) s in all\)/.exec(published.output)
  results.publish = {
    liveSeconds: live ? Number(live[1]) : null,
    searchPages: all ? Number(all[1]) : null,
    seconds: published.seconds,
    peakMiB: published.peakMiB,
    indexBytes: folderBytes(path.join(dataDir, 'search')),
  }

  step('4/6 Static export of the whole site, search index included…')
  const exportDir = path.join(dataDir, 'export')
  const exported = await tsxRun('scripts/export-site.ts', ['--out', exportDir])
  results.export = {
    seconds: exported.seconds,
    files: countFiles(exportDir),
    peakMiB: exported.peakMiB,
  }

  step('5/6 All-events feed and page weights…')
  const store = new SnapshotStore(path.join(dataDir, 'snapshots'))
  const snapshotFile = path.join(store.dir, `${store.live()!.version}.json`)
  results.feed = await feedTiming(snapshotFile)
  const { contentOf } = await import('../../web/lib/content')
  const upcoming = contentOf(JSON.parse(readFileSync(snapshotFile, 'utf8'))).upcomingEvents('fr')
  const slugs = upcoming.slice(0, 6).map((item) => item.event.slug)
  results.pages = [
    pageWeight(exportDir, '/fr/'),
    pageWeight(exportDir, '/fr/events/'),
    pageWeight(exportDir, `/fr/events/${slugs[0]}/`),
  ]

  if (values['skip-server'] || slugs.length < 6) {
    step('6/6 Server measurements skipped.')
    results.server = null
    results.lighthouse = { done: false, reason: 'not measured (--skip-server)' }
    results.firstSearchBytes = {}
  } else {
    step('6/6 The real server…')
    const measured = await serverMeasurements(exportDir, slugs)
    results.server = measured.server
    results.lighthouse = measured.lighthouse
    results.firstSearchBytes = measured.firstSearch
  }

  const day = results.date.slice(0, 10)
  const dir = path.resolve('bench/results')
  mkdirSync(dir, { recursive: true })
  const jsonFile = path.join(dir, `${day}-${counts.events}.json`)
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`)
  const table = resultsTable(results)
  writeFileSync(path.join(dir, 'latest.md'), table)
  console.log(`\n${table}`)
  step(`Results in ${path.relative(root, jsonFile)} and bench/results/latest.md.`)
  finished = true
}

/** Filled step by step; written out even when a later step fails. */
const partial = {} as BenchResults
let finished = false

function countFiles(dir: string): number {
  let count = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countFiles(path.join(dir, entry.name))
    else count += 1
  }
  return count
}

async function cleanUp() {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup()
    } catch {
      // Already stopped.
    }
  }
  if (!values.keep) rmSync(dataDir, { recursive: true, force: true })
  else step(`Kept ${dataDir} (--keep).`)
  if (partial.date && !finished) {
    // What was measured before the failure, for the next investigation.
    const file = path.join(os.tmpdir(), `zesummen-bench-partial-${stamp}.json`)
    writeFileSync(file, `${JSON.stringify(partial, null, 2)}\n`)
    step(`Measurements so far in ${file}.`)
  }
}

process.on('SIGINT', () => {
  void cleanUp().then(() => process.exit(130))
})

main()
  .then(cleanUp)
  .catch(async (error: unknown) => {
    console.error(
      `[bench] Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    )
    await cleanUp()
    process.exit(1)
  })
