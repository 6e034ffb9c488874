// npm run bench [-- --events 10000 --resources 1000 --actions 200 --seed 1 --skip-server --keep]:
// the portal's performance on this machine, in one run. Generates a synthetic region into a fresh
// database, builds the site from it (time, pages, peak memory, per step), builds the same number
// of trivial pages with a bare Astro project (the baseline), measures Pagefind's index and what a
// first search downloads in Chromium, the all-events feed, page weights, a rebuild after one
// event changed, and (unless --skip-server) publish-to-live and REST latency on the real server.
// Writes bench/results/<date>.json and bench/results/latest.md. Not part of npm test.
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { rebuildDebounceMs } from '../../cms/settings'
import { localeCodes } from '../../locales/config'
import { readManifest, type ReleaseManifest } from '../lib/releases'
import { REGION_OPTIONS, regionCounts } from '../lib/synthetic'
import { typescriptArgs } from '../lib/typescriptChild'
import type { FeedTiming } from './feedTiming'
import { lighthouseScores } from './lighthouse'
import { freePort, serveRelease } from './local'
import { percentile, resultsTable, type BenchResults } from './report'

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
// Astro's build needs node_modules above the release folder: it stays inside the project.
const releasesRel = path.join('releases', `bench-${stamp}`)
const releases = path.resolve(releasesRel)
const baselineDir = path.resolve('releases', `bench-baseline-${stamp}`)
const env: Record<string, string | undefined> = {
  ...process.env,
  DATA_DIR: dataDir,
  RELEASES_DIR: releasesRel,
  DATABASE_URL: undefined,
  MEDIA_DIR: undefined,
  ZESUMMEN_SNAPSHOT: undefined,
  PUBLIC_URL: undefined,
  NODE_ENV: undefined,
  PAYLOAD_LOG_LEVEL: 'warn',
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
}
/** Node's type wants NODE_ENV set; children get it unset on purpose (start.ts decides). */
const childEnv = (extra: Record<string, string | undefined> = {}) =>
  ({ ...env, ...extra }) as unknown as NodeJS.ProcessEnv
const tsx = path.resolve('node_modules/tsx/dist/cli.mjs')
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

function liveRelease(): { dir: string; manifest: ReleaseManifest } {
  const dir = path.join(releases, 'current')
  const id = path.basename(readFileSyncLink(dir))
  const manifest = readManifest(releases, id)
  if (!manifest) throw new Error(`no manifest for release ${id}`)
  return { dir: path.join(releases, id), manifest }
}

function readFileSyncLink(link: string): string {
  return path.resolve(path.dirname(link), readlinkSync(link))
}

function folderBytes(dir: string, include: (file: string) => boolean = () => true): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) total += folderBytes(full, include)
    else if (include(full)) total += statSync(full).size
  }
  return total
}

/** A bare Astro project with `pages` trivial pages: what Astro itself costs per page here. */
async function baseline(pages: number): Promise<Ran> {
  // Beside the releases folder: a build prunes everything in it that is not a release.
  const dir = baselineDir
  mkdirSync(path.join(dir, 'src', 'pages'), { recursive: true })
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `export default { output: 'static', outDir: './dist', build: { format: 'directory' } }\n`,
  )
  writeFileSync(
    path.join(dir, 'src', 'pages', '[n].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, n) => ({ params: { n: String(n) } }))
}
const { n } = Astro.params
---
<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>Page {n}</title></head>
<body><h1>Page {n}</h1><p>A trivial page of the baseline.</p></body></html>
`,
  )
  return run(process.execPath, [
    path.resolve('node_modules/astro/bin/astro.mjs'),
    'build',
    '--silent',
    '--root',
    dir,
  ])
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

/** Changes one event's title in the snapshot and builds again, incrementally: a one-event change. */
async function rebuildAfterOneChange(snapshotFile: string) {
  const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as {
    collections: { events: { title: Record<string, string> }[] }
  }
  const event = snapshot.collections.events[0]!
  for (const lang of Object.keys(event.title)) event.title[lang] = `${event.title[lang]} (changed)`
  const changed = path.join(dataDir, 'changed-snapshot.json')
  writeFileSync(changed, JSON.stringify(snapshot))
  const ran = await tsxRun('scripts/build-site.ts', ['--snapshot', changed, '--incremental'])
  const { manifest } = liveRelease()
  return {
    seconds: ran.seconds,
    liveSeconds: manifest.durationMs / 1000,
    mode: manifest.mode ?? 'full',
    steps: manifest.steps ?? {},
  }
}

type Api = (
  method: string,
  pathname: string,
  body?: unknown,
  token?: string,
) => Promise<Record<string, unknown>>

/**
 * The server's builds since `since` (its build panel's records), once they are done: when each
 * started after the save, and how long its build script took until live, step by step. Explains
 * the publish-to-live time (what is the build, what is waiting and the server around it).
 */
async function publishBuilds(api: Api, token: string, since: number) {
  type Build = { status: string; requestedAt: string; startedAt?: string; log?: string }
  const deadline = Date.now() + 600_000
  for (;;) {
    const found = await api(
      'GET',
      '/site-builds?sort=requestedAt&limit=10&depth=0',
      undefined,
      token,
    )
    const builds = (found.docs as Build[]).filter((build) => Date.parse(build.requestedAt) >= since)
    const done = builds.every((build) => build.status === 'succeeded' || build.status === 'failed')
    if ((builds.length && done) || Date.now() > deadline) {
      return builds.map((build) => {
        const log = build.log ?? ''
        const live = /built in ([\d.]+) s/.exec(log)
        return {
          status: build.status,
          startedAfterSeconds: build.startedAt
            ? (Date.parse(build.startedAt) - since) / 1000
            : null,
          liveAfterSeconds: live ? Number(live[1]) : null,
          steps: Object.fromEntries(
            [...log.matchAll(/\[build\] ([a-z-]+): ([\d.]+) s/g)].map((match) => [
              match[1]!,
              Number(match[2]) * 1000,
            ]),
          ),
        }
      })
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

/** The real server (`scripts/start.ts`) on this database: publish-to-live and REST latency. */
/**
 * The real server's port, chosen first: every build of the run gets the server's address as
 * PUBLIC_URL, as in production, so the server's publish builds can be incremental.
 */
let serverPort = 0

async function serverMeasurements(): Promise<BenchResults['server']> {
  const port = serverPort
  const url = `http://localhost:${port}`
  const child = spawn(process.execPath, [tsx, 'scripts/start.ts'], {
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
    const api = async (method: string, pathname: string, body?: unknown, token = '') => {
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

    step('REST /api/events under concurrency (10 s, 32 connections)…')
    const rest = await loadTest(`${url}/api/events?limit=10&depth=0`, 10, 32)

    step('Publishing one event and waiting for it on the site…')
    const found = await api('GET', '/events?limit=1&sort=-start&depth=0', undefined, token)
    const event = (found.docs as { id: number; slug: string }[])[0]!
    const title = `Bench publish probe ${Date.now()}`
    const started = performance.now()
    const savedAt = Date.now()
    await api('PATCH', `/events/${event.id}?locale=fr`, { title, _status: 'published' }, token)
    let publishSeconds: number | null = null
    while (performance.now() - started < 900_000) {
      const page = await fetch(`${url}/fr/events/${event.slug}/`)
      if (page.ok && (await page.text()).includes(title)) {
        publishSeconds = (performance.now() - started) / 1000
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const debounce = rebuildDebounceMs(env) / 1000
    return {
      rest,
      publishToLiveSeconds: publishSeconds,
      debounceSeconds: debounce,
      publishBuilds: await publishBuilds(api, token, savedAt),
    }
  } finally {
    await stop()
  }
}

/** `connections` clients asking one URL again and again for `seconds`: latency percentiles. */
async function loadTest(target: string, seconds: number, connections: number) {
  const latencies: number[] = []
  let errors = 0
  const end = performance.now() + seconds * 1000
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const started = performance.now()
        try {
          const response = await fetch(target, { signal: AbortSignal.timeout(30_000) })
          await response.arrayBuffer()
          if (!response.ok) errors += 1
        } catch {
          errors += 1
        }
        latencies.push(performance.now() - started)
      }
    }),
  )
  latencies.sort((a, b) => a - b)
  return {
    requests: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50Ms: Math.round(percentile(latencies, 0.5)),
    p95Ms: Math.round(percentile(latencies, 0.95)),
    errors,
    connections,
  }
}

async function main() {
  const counts = regionCounts(values, 'bench')
  serverPort = await freePort()
  env.PUBLIC_URL = `http://localhost:${serverPort}`
  step(`Data in ${dataDir}, releases in ${releasesRel}, site address ${env.PUBLIC_URL}.`)
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

  step(`1/8 Generating the synthetic region (${counts.events} events)…`)
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

  step('2/8 Full site build from the database…')
  const built = await tsxRun('scripts/build-site.ts')
  const live = liveRelease()
  results.build = {
    seconds: built.seconds,
    pages: live.manifest.pages,
    files: countFiles(live.dir),
    peakMiB: built.peakMiB,
    steps: live.manifest.steps ?? {},
  }

  step(`3/8 Bare Astro baseline with ${live.manifest.pages} trivial pages…`)
  const bare = await baseline(live.manifest.pages)
  const astroMs = live.manifest.steps?.astro ?? built.seconds * 1000
  results.baseline = {
    pages: live.manifest.pages,
    seconds: bare.seconds,
    msPerPage: (bare.seconds * 1000) / live.manifest.pages,
    siteAstroMsPerPage: astroMs / live.manifest.pages,
    ratio: astroMs / (bare.seconds * 1000),
  }

  step('4/8 Pagefind index and first searches in Chromium…')
  const pagefindDir = path.join(live.dir, 'pagefind')
  const served = await serveRelease(path.join(releases, 'current'))
  const url = served.url
  cleanups.push(served.close)
  results.pagefind = {
    seconds: (live.manifest.steps?.pagefind ?? 0) / 1000,
    indexBytes: folderBytes(pagefindDir, (file) => !/\.(br|gz)$/.test(file)),
    firstSearchBytes: await firstSearchBytes(url, 'synthetic'),
  }
  await served.close()

  step('5/8 All-events feed…')
  const snapshotFile = path.join(dataDir, 'site-snapshot.json')
  results.feed = await feedTiming(snapshotFile)

  step('6/8 Page weights…')
  const { contentOf } = await import('../../web/lib/content')
  const upcoming = contentOf(JSON.parse(readFileSync(snapshotFile, 'utf8'))).upcomingEvents('fr')
  const eventSlug = upcoming[0]?.event.slug ?? ''
  results.pages = [
    pageWeight(live.dir, '/fr/'),
    pageWeight(live.dir, '/fr/events/'),
    pageWeight(live.dir, `/fr/events/${eventSlug}/`),
  ]
  step('6/8 Lighthouse on the same three pages…')
  const site = await serveRelease(path.join(releases, 'current'))
  cleanups.push(site.close)
  try {
    results.lighthouse = {
      done: true,
      pages: await lighthouseScores(
        site.url,
        results.pages.map((page) => page.path),
      ),
    }
  } catch (error) {
    results.lighthouse = {
      done: false,
      reason: `Lighthouse failed: ${error instanceof Error ? error.message : String(error)}`,
    }
  } finally {
    await site.close()
  }

  step('7/8 Rebuild after one event changed…')
  results.rebuild = await rebuildAfterOneChange(snapshotFile)

  if (values['skip-server']) {
    step('8/8 Server measurements skipped (--skip-server).')
    results.server = null
  } else {
    step('8/8 The real server: REST latency and publish-to-live…')
    results.server = await serverMeasurements()
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
  if (!values.keep) {
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(releases, { recursive: true, force: true })
  } else {
    step(`Kept ${dataDir} and ${releasesRel} (--keep).`)
  }
  rmSync(baselineDir, { recursive: true, force: true })
  if (partial.date && !finished) {
    // What was measured before the failure, for the next investigation.
    const file = path.join(dataDir.replace(/[^/]+$/, ''), `zesummen-bench-partial-${stamp}.json`)
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
