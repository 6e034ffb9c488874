// npm run build: a new release of the public site from the current database. Reads the published
// content through the Payload Local API (public rights), renders it with Astro, indexes it with
// Pagefind, precompresses it, checks it, and only then makes it live (releases/current).
//   --snapshot <file>  render this snapshot instead of reading the database (the CMS's rebuild
//                      job reads it in its own process and passes it here)
//   --allow-shrink     accept a release with less than half the live release's pages
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { mediaFilenames, readSnapshot, type SiteSnapshot } from '../web/lib/snapshot'
import { dataDir, mediaDir, publicUrl, releasesDir } from '../cms/settings'
import { precompress } from './lib/compress'
import {
  acquireBuildLock,
  activate,
  checkRelease,
  countPages,
  currentReleaseId,
  newReleaseId,
  prune,
  readManifest,
  writeManifest,
} from './lib/releases'

const { values: options } = parseArgs({
  options: {
    snapshot: { type: 'string' },
    'allow-shrink': { type: 'boolean', default: false },
  },
})

function step(text: string) {
  console.log(`[build] ${text}`)
}

/** Milliseconds each step took, logged and kept in the release's manifest. */
const timings: Record<string, number> = {}
async function timed<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now()
  try {
    return await work()
  } finally {
    timings[name] = Math.round(performance.now() - started)
    step(`${name}: ${(timings[name] / 1000).toFixed(1)} s`)
  }
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(args[0] ?? command)} exited with ${code ?? signal}`)),
    )
  })
}

/** Published images are copied as sharp made them at upload: builds never re-encode images. */
function copyMedia(outDir: string, files: string[]) {
  const target = path.join(outDir, 'media')
  mkdirSync(target, { recursive: true })
  let copied = 0
  for (const file of files) {
    const source = path.join(mediaDir(), path.basename(file))
    if (!existsSync(source)) {
      console.warn(`[build] Missing uploaded file ${source}: the page shows no image there.`)
      continue
    }
    copyFileSync(source, path.join(target, path.basename(file)))
    copied += 1
  }
  step(`Copied ${copied} image files.`)
}

async function loadSnapshot(): Promise<SiteSnapshot> {
  if (options.snapshot) {
    step(`Reading the snapshot ${options.snapshot}…`)
    return JSON.parse(readFileSync(options.snapshot, 'utf8')) as SiteSnapshot
  }
  step('Reading published content…')
  // Loaded only here: Payload and its config take seconds to import.
  const { openPayload } = await import('../cms/openPayload')
  const payload = await openPayload()
  try {
    return await readSnapshot(payload)
  } finally {
    await payload.destroy()
  }
}

async function main() {
  const started = performance.now()
  const releases = releasesDir()
  const unlock = acquireBuildLock(releases)
  const id = newReleaseId()
  const outDir = path.join(releases, id)
  try {
    const removed = prune(releases)
    if (removed.length) step(`Removed old or unfinished releases: ${removed.join(', ')}`)
    const snapshot = await timed('snapshot', loadSnapshot)
    const snapshotFile = path.join(dataDir(), 'site-snapshot.json')
    mkdirSync(path.dirname(snapshotFile), { recursive: true })
    writeFileSync(snapshotFile, JSON.stringify(snapshot))
    const counts = Object.fromEntries(
      Object.entries(snapshot.collections).map(([name, docs]) => [name, docs.length]),
    )
    step(
      `Snapshot: ${Object.entries(counts)
        .map(([name, count]) => `${count} ${name}`)
        .join(', ')}`,
    )
    const env = {
      ZESUMMEN_SNAPSHOT: snapshotFile,
      ZESUMMEN_SITE_OUT: outDir,
      ASTRO_TELEMETRY_DISABLED: '1',
    }
    step(`Rendering pages with Astro into ${outDir}…`)
    await timed('astro', () =>
      run(
        process.execPath,
        [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--silent'],
        env,
      ),
    )
    await timed('calendars', async () => {
      // The content module renders from this snapshot (Astro read the same file).
      const [{ useSnapshot }, { writeEventCalendars }] = await Promise.all([
        import('../web/lib/content'),
        import('../web/lib/eventCalendars'),
      ])
      useSnapshot(snapshot)
      step(`Wrote ${writeEventCalendars(outDir, new URL(publicUrl()))} event calendar files.`)
    })
    await timed('media', () => copyMedia(outDir, mediaFilenames(snapshot)))
    step('Indexing with Pagefind…')
    await timed('pagefind', () =>
      run(
        process.execPath,
        [path.resolve('node_modules/pagefind/lib/runner/bin.cjs'), '--site', outDir, '--silent'],
        env,
      ),
    )
    const liveId = currentReleaseId(releases)
    const compressed = await timed('compress', () =>
      precompress(outDir, liveId ? path.join(releases, liveId) : null),
    )
    step(
      `Precompressed ${compressed.files} files (brotli and gzip), ${compressed.reused} of them unchanged since the live release.`,
    )
    const pages = countPages(outDir)
    const live = liveId ? readManifest(releases, liveId) : null
    const problems = checkRelease(outDir, pages, live, options['allow-shrink'])
    if (problems.length) {
      throw new Error(`the new release failed its checks: ${problems.join('; ')}`)
    }
    const durationMs = Math.round(performance.now() - started)
    writeManifest(releases, {
      id,
      createdAt: new Date().toISOString(),
      pages,
      durationMs,
      counts,
      steps: timings,
    })
    activate(releases, id)
    prune(releases)
    step(`Release ${id} is live: ${pages} pages, built in ${(durationMs / 1000).toFixed(1)} s.`)
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true })
    throw error
  } finally {
    unlock()
  }
}

main().catch((error: unknown) => {
  console.error(
    `[build] Failed, the live site is unchanged: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(1)
})
