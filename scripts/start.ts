// npm start: from a fresh clone to a running portal in one command. Checks the configuration,
// builds the CMS and the site's server build when their sources changed, applies migrations,
// seeds an empty database, publishes the content when nothing was published yet, and serves the
// site, /admin and /api on one port. `--dev` runs Next.js in development mode (hot reload).
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import type { Payload } from 'payload'
import { emailSettings } from '../cms/email'
import { SnapshotStore } from '../cms/domain/snapshotStore'
import { finishRunningBuild, isBuilding } from '../cms/jobs/publishSite'
import { emailsDelivered } from '../cms/submissions/emails'
import { LiveContent, loadSiteApp, PageCache } from './lib/livePages'
import { liveSearchDir } from './lib/searchIndex'
import { setCmsSecurityHeaders } from './lib/securityHeaders'
import { typescriptArgs } from './lib/typescriptChild'
import { serveSite } from './lib/siteServer'
import { stampClientAddress } from '../cms/security/clientAddress'
import {
  SettingsError,
  dataDir,
  digestSendSettings,
  isProduction,
  mediaDir,
  pageCacheBytes,
  payloadSecret,
  port,
  publicUrl,
  rebuildDebounceMs,
  runJobs,
  searchIndexDir,
  snapshotsDir,
  submissionRetentionDays,
  trustProxy,
} from '../cms/settings'

const dev = process.argv.includes('--dev')
const cmsDir = path.resolve('cms')
const buildStamp = path.join(cmsDir, '.next', 'zesummen-build-fingerprint')
const siteDist = path.resolve('dist')
const siteBuildStamp = path.join(siteDist, '.zesummen-build-fingerprint')

/** Paths answered by Payload's Next.js app; everything else is the static site. */
function isCmsPath(url: string): boolean {
  return /^\/(admin|api|_next)(\/|\?|$)/.test(url) || url.startsWith('/__nextjs')
}

function step(text: string) {
  console.log(`[zesummen] ${text}`)
}

function settingsOrExit() {
  try {
    const production = isProduction()
    const secret = payloadSecret(process.env, production)
    const url = publicUrl()
    return {
      production,
      secret,
      port: port(process.env),
      url,
      https: url.startsWith('https:'),
      trustProxy: trustProxy(),
      snapshots: snapshotsDir(),
      pageCacheBytes: pageCacheBytes(),
      runJobs: runJobs(),
      rebuildDebounceMs: rebuildDebounceMs(),
      submissionRetentionDays: submissionRetentionDays(),
      digestSending: digestSendSettings(),
      email: emailSettings(),
    }
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(`[zesummen] ${error.message}`)
      process.exit(1)
    }
    throw error
  }
}

/**
 * Fingerprint of everything the CMS build depends on (file sizes and times, cheap to compute):
 * its own folder, the locales, and the site and script libraries its endpoints share (feeds,
 * widgets, the submission form, CSV).
 */
function sourceFingerprint(entries: readonly string[]): string {
  const hash = createHash('sha256')
  const visit = (entry: string) => {
    const stats = statSync(entry)
    if (stats.isDirectory()) {
      if (['.next', 'node_modules'].includes(path.basename(entry))) return
      for (const child of readdirSync(entry).sort()) visit(path.join(entry, child))
    } else {
      hash.update(`${entry}:${stats.size}:${stats.mtimeMs}\n`)
    }
  }
  for (const entry of entries) visit(path.resolve(entry))
  return hash.digest('hex')
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: process.env })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    )
  })
}

/** What the CMS build is made of: its folder, the locales and the site code its endpoints share. */
const CMS_SOURCES = ['cms', 'locales', 'web/lib', 'scripts/lib', 'package-lock.json']
/** What the site's server build is made of (code and assets, never content). */
const SITE_SOURCES = [
  'web',
  'locales',
  'public',
  'cms/domain',
  'astro.config.mjs',
  'package-lock.json',
]

async function buildCmsIfNeeded() {
  const fingerprint = sourceFingerprint(CMS_SOURCES)
  const built = existsSync(path.join(cmsDir, '.next', 'BUILD_ID'))
  if (built && existsSync(buildStamp) && readFileSync(buildStamp, 'utf8') === fingerprint) {
    step('CMS build is up to date.')
    return
  }
  step('Building the CMS (Next.js production build, about a minute on 2 cores)…')
  const started = performance.now()
  await run(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'build', cmsDir])
  writeFileSync(buildStamp, fingerprint)
  step(`CMS built in ${((performance.now() - started) / 1000).toFixed(0)} s.`)
}

/**
 * Migrations and the first seed run in their own process: Payload caches its instance per
 * process, and the server must not inherit one that was opened and closed before it.
 */
async function prepareDatabase() {
  step('Applying database migrations…')
  await run(process.execPath, typescriptArgs('scripts/seed.ts', ['--if-empty']))
}

/**
 * The site's server build (Astro: code and assets, no content), made again when its sources
 * changed; pages are rendered from the live snapshot when asked for.
 */
async function buildSiteIfNeeded() {
  const fingerprint = sourceFingerprint(SITE_SOURCES)
  const entry = path.join(siteDist, 'server', 'entry.mjs')
  if (
    existsSync(entry) &&
    existsSync(siteBuildStamp) &&
    readFileSync(siteBuildStamp, 'utf8') === fingerprint
  ) {
    step('Site build is up to date.')
    return
  }
  step('Building the site (Astro server build)…')
  const started = performance.now()
  await run(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build'])
  writeFileSync(siteBuildStamp, fingerprint)
  step(`Site built in ${((performance.now() - started) / 1000).toFixed(0)} s.`)
}

/** Publishes the content once when nothing was published yet (later, every save publishes). */
async function publishIfNone() {
  await run(process.execPath, typescriptArgs('scripts/publish.ts', ['--if-none']))
}

async function main() {
  const settings = settingsOrExit()
  process.env.PAYLOAD_SECRET = settings.secret
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  // Next.js decides its mode from NODE_ENV; production intent was read above.
  Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production' })

  step(
    settings.email.mode === 'smtp'
      ? `Email: sent through ${new URL(settings.email.url).hostname} as ${settings.email.from}.`
      : `Email: no SMTP_URL set; messages are written to ${settings.email.dir}.`,
  )
  if (!dev) await buildCmsIfNeeded()
  await prepareDatabase()
  await buildSiteIfNeeded()
  await publishIfNone()
  const live = new LiveContent(new SnapshotStore(settings.snapshots))
  await live.start()
  const searchDir = searchIndexDir()
  const site = {
    app: await loadSiteApp(siteDist),
    url: new URL(settings.url),
    https: settings.https,
    live,
    pages: new PageCache(settings.pageCacheBytes),
    clientDir: path.join(siteDist, 'client'),
    mediaDir: mediaDir(),
    searchDir: () => liveSearchDir(searchDir),
  }

  // Only the server process (not the migration/seed process above) watches for changes to
  // rebuild the site, and runs jobs unless RUN_JOBS=0 leaves them to another instance.
  Object.assign(process.env, {
    ZESUMMEN_SERVER: '1',
    ZESUMMEN_JOBS_AUTORUN: settings.runJobs ? '1' : '',
  })
  const { default: next } = await import('next')
  const app = next({ dev, dir: cmsDir, port: settings.port, hostname: 'localhost' })
  await app.prepare()
  const handle = app.getRequestHandler()

  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    if (url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(JSON.stringify({ status: 'ok' }))
      return
    }
    if (isCmsPath(url)) {
      stampClientAddress(req, settings.trustProxy)
      // Framed by the portal only, unless the response says otherwise (the widgets: any site).
      setCmsSecurityHeaders(res, settings.https)
      void handle(req, res)
      return
    }
    serveSite(site, req, res)
  })

  server.listen(settings.port, () => {
    // Payload starts lazily on the first API request; start it now so its job runner (scheduled
    // publishing) works even before anyone visits.
    void fetch(`http://localhost:${settings.port}/api/communes?limit=0`).catch(() => {})
    step(`Ready on ${settings.url} (admin: ${settings.url}/admin, API: ${settings.url}/api)`)
    if (!settings.production) {
      step(
        `Not production: the session secret is kept in ${path.join(dataDir(), '.payload-secret')}.`,
      )
    }
  })

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    step(`${signal}: no new connections; finishing open requests…`)
    const force = setTimeout(() => {
      step('Open connections did not finish in 15 s; closing them.')
      server.closeAllConnections()
    }, 15_000)
    await new Promise<void>((resolve) => server.close(() => resolve()))
    clearTimeout(force)
    if (isBuilding()) step('Waiting for the running publish (up to 2 minutes)…')
    // Also stops the search indexing of the live version, which must not outlive the server.
    await finishRunningBuild()
    // Confirmations and notices already asked for (a few seconds at most with a working server).
    await Promise.race([emailsDelivered(), new Promise((resolve) => setTimeout(resolve, 20_000))])
    await app.close()
    // Payload's instances (cached by Payload on globalThis): stop their jobs, close the database.
    const instances = (globalThis as { _payload?: Map<unknown, { payload?: Payload | null }> })
      ._payload
    for (const entry of instances?.values() ?? []) await entry.payload?.destroy()
    step('Stopped.')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((error: unknown) => {
  console.error(
    `[zesummen] Start failed: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(1)
})
