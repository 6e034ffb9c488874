// npm run build: a new release of the public site from the current database. Reads the published
// content through the Payload Local API (public rights), renders it with Astro, indexes it with
// Pagefind, precompresses it, checks it, and only then makes it live (releases/current).
//   --snapshot <file>  render this snapshot instead of reading the database (the CMS's rebuild
//                      job reads it in its own process and passes it here)
//   --allow-shrink     accept a release with less than half the live release's pages
//   --incremental      render only what changed since the live release when that is safe
//                      (scripts/lib/incremental.ts decides; the CMS's publish builds use it),
//                      make it live, then bring the search index up to date
import { type ChildProcess, spawn } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { localeCodes } from '../locales/config'
import { builtLocales } from '../web/lib/paths'
import { mediaFilenames, type SiteSnapshot } from '../cms/domain/snapshot'
import { dataDir, mediaDir, publicUrl, releasesDir } from '../cms/settings'
import { precompress, precompressFiles } from './lib/compress'
import { typescriptArgs } from './lib/typescriptChild'
import {
  type BuildDecision,
  activateSearchDir,
  decideBuild,
  keptFromLive,
  linkKept,
  linkListings,
  linkLiveSitemap,
  liveListings,
  liveSitemapPages,
  moveInto,
  readListingRecords,
  refreshedSearchDir,
  RELEASE_SNAPSHOT,
  SEARCH_DIR,
  siteSourcesFingerprint,
  writeListings,
} from './lib/incremental'
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
import { mergeInto, renderProcessCount } from './lib/renderProcesses'
import { searchableGlob } from './lib/search'

const { values: options } = parseArgs({
  options: {
    snapshot: { type: 'string' },
    'allow-shrink': { type: 'boolean', default: false },
    incremental: { type: 'boolean', default: false },
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

/** The step's child processes (Astro, Pagefind), stopped with this one. */
const running = new Set<ChildProcess>()

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
    running.add(child)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      running.delete(child)
      if (code === 0) resolve()
      else {
        const script = args.find((arg) => /\.[cm]?[jt]s$/.test(arg)) ?? command
        reject(new Error(`${path.basename(script)} exited with ${code ?? signal}`))
      }
    })
  })
}

function stopChildren() {
  for (const child of running) child.kill('SIGTERM')
}

/** Waits for child processes run side by side; when one fails, the others are stopped. */
async function together(children: Promise<void>[]): Promise<void> {
  try {
    await Promise.all(children)
  } catch (error) {
    stopChildren()
    await Promise.allSettled(children)
    throw error
  }
}

/** Pagefind's index of the release in `dir`, written to `output`. */
function indexSearch(dir: string, output: string, env: Record<string, string>) {
  // One process: two, each on some of the languages, took longer (62 s against 54 s at 10,000
  // events, with more system time): much of Pagefind's run is writing its 56,000 files.
  return run(
    process.execPath,
    [
      pagefindBin(),
      '--site',
      dir,
      '--glob',
      searchableGlob(dir),
      '--output-path',
      output,
      '--silent',
    ],
    env,
  )
}

// Stopped (the CMS stops a search refresh when a newer build is due): the children go too. What
// was not live stays unfinished and the next build removes it.
process.on('SIGTERM', () => {
  stopChildren()
  step('Stopped.')
  process.exit(143)
})

/**
 * Renders the site with Astro into `target`: one process per core, each with a share of the work
 * (a language's own pages go whole to one process, detail pages are shared out by slug; see
 * web/lib/paths.ts), merged into `target` when all are done. When one fails, the others
 * are stopped. Returns the listings' fingerprints (web/lib/buildPlan.ts).
 */
async function renderSite(target: string, env: Record<string, string>) {
  const count = renderProcessCount(localeCodes.length)
  const parts = Array.from({ length: count }, (_, index) => ({
    share: `${index}/${count}`,
    languages: builtLocales({ index, count }),
    // Beside the target, a dot name: never taken for a release, removed by prune if left.
    dir:
      index === 0
        ? target
        : path.join(path.dirname(target), `.part-${index}-${path.basename(target)}`),
    listings: path.join(dataDir(), `build-listings-${index}.jsonl`),
    pages: path.join(dataDir(), `build-pages-${index}.json`),
  }))
  const clear = () => {
    for (const [index, part] of parts.entries()) {
      rmSync(part.listings, { force: true })
      rmSync(part.pages, { force: true })
      if (index > 0) rmSync(part.dir, { recursive: true, force: true })
    }
  }
  clear()
  step(
    count === 1
      ? 'Astro: one process.'
      : `Astro: ${count} processes (${parts.map((part) => part.languages.join(' ')).join(' | ')}; detail pages shared out by slug).`,
  )
  try {
    const started = performance.now()
    const renders = parts.map((part, index) =>
      run(
        process.execPath,
        [
          // A larger young generation: rendering makes many short-lived objects, and with the
          // default size the collector ran often (listings at 10,000 events: 37.5 s → 30.7 s).
          '--max-semi-space-size=64',
          path.resolve('node_modules/astro/bin/astro.mjs'),
          'build',
          '--silent',
        ],
        {
          ...env,
          // A release is a production build, also when the build was started under Vitest
          // (NODE_ENV "test": Vite then bundled React's development build for the islands).
          NODE_ENV: 'production',
          ZESUMMEN_SITE_OUT: part.dir,
          ZESUMMEN_LISTINGS_OUT: part.listings,
          ZESUMMEN_BUILD_SHARE: part.share,
          // The first process writes the sitemap, with the others' pages.
          ...(index === 0
            ? {
                ZESUMMEN_PAGES_IN: parts
                  .slice(1)
                  .map((other) => other.pages)
                  .join(','),
              }
            : { ZESUMMEN_PAGES_OUT: part.pages }),
        },
      ).then(() => {
        if (count > 1) {
          step(
            `Astro process ${index + 1} (${part.languages.join(' ')}): ${((performance.now() - started) / 1000).toFixed(1)} s.`,
          )
        }
      }),
    )
    await together(renders)
    for (const part of parts.slice(1)) {
      const differing = mergeInto(part.dir, target)
      if (differing.length) {
        throw new Error(
          `two Astro processes rendered different versions of ${differing.slice(0, 5).join(', ')}`,
        )
      }
    }
    return parts.flatMap((part) => readListingRecords(part.listings))
  } finally {
    clear()
  }
}

const pagefindBin = () => path.resolve('node_modules/pagefind/lib/runner/bin.cjs')

/**
 * Published images are copied as sharp made them at upload: builds never re-encode images. Files
 * already in the release (linked from the live one) are left as they are.
 */
function copyMedia(outDir: string, files: string[]) {
  const target = path.join(outDir, 'media')
  mkdirSync(target, { recursive: true })
  let copied = 0
  for (const file of files) {
    if (existsSync(path.join(target, path.basename(file)))) continue
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

/** The content to build, written to `file` for the Astro processes and returned. */
async function loadSnapshot(file: string): Promise<SiteSnapshot> {
  mkdirSync(path.dirname(file), { recursive: true })
  if (options.snapshot) {
    step(`Reading the snapshot ${options.snapshot}…`)
    if (path.resolve(options.snapshot) !== path.resolve(file)) copyFileSync(options.snapshot, file)
  } else {
    step('Reading published content…')
    await run(process.execPath, typescriptArgs('scripts/read-snapshot.ts', [file]), {})
  }
  return JSON.parse(readFileSync(file, 'utf8')) as SiteSnapshot
}

/** The live release's snapshot and sources fingerprint, when it has them. */
function liveInputs(releases: string, liveId: string | null) {
  if (!liveId) return null
  const manifest = readManifest(releases, liveId)
  const file = path.join(releases, liveId, RELEASE_SNAPSHOT)
  if (!manifest?.sources || !existsSync(file)) return null
  try {
    return {
      snapshot: JSON.parse(readFileSync(file, 'utf8')) as SiteSnapshot,
      sources: manifest.sources,
    }
  } catch {
    return null
  }
}

/**
 * A step of child processes (`children`: Astro, Pagefind) and `work` done in this process
 * meanwhile, on the other core: in an incremental build, the kept files linked and the changed
 * events' calendar files written while Astro renders; compression while Pagefind reads pages on
 * one thread. When `work` fails, the children are stopped.
 */
async function alongside<T, U>(children: Promise<T>, work: () => Promise<U>): Promise<[T, U]> {
  // Handled at once too: the children may fail while `work` is still running.
  children.catch(() => undefined)
  try {
    const done = await work()
    return [await children, done]
  } catch (error) {
    stopChildren()
    await children.catch(() => undefined)
    throw error
  }
}

/** writeEventCalendars over this snapshot's content. */
async function calendarsFrom(snapshot: SiteSnapshot) {
  const [{ contentOf }, { writeEventCalendars }] = await Promise.all([
    import('../web/lib/content'),
    import('../web/lib/eventCalendars'),
  ])
  const content = contentOf(snapshot)
  return (outDir: string, site: URL, only?: ReadonlySet<string>) =>
    writeEventCalendars(content, outDir, site, only)
}

/**
 * Indexes the live release again and points its search at the new index: Pagefind's files are
 * named by their content, so the new ones go beside the old in a new folder of the release that
 * starts as hard links of the current index (see refreshedSearchDir), and the release's
 * `pagefind` link is switched to it in one step. A search under way keeps the files it started
 * with; no file of the index the live release was built with is written.
 */
async function refreshSearch(dir: string, env: Record<string, string>) {
  const next = path.join(dir, '.pagefind-next')
  rmSync(next, { recursive: true, force: true })
  const target = refreshedSearchDir(dir)
  try {
    await indexSearch(dir, next, env)
    // Files of the same name are the same file (named by content, or the same Pagefind version).
    const added = moveInto(
      next,
      target,
      (from, to) => path.basename(from) === ENTRY || sameSize(from, to),
    )
    const entry = path.join(target, ENTRY)
    for (const suffix of ['.br', '.gz']) rmSync(entry + suffix, { force: true })
    renameSync(path.join(next, ENTRY), entry)
    await precompressFiles([...added, entry], target, null)
    activateSearchDir(dir, target)
  } catch (error) {
    rmSync(target, { recursive: true, force: true })
    throw error
  } finally {
    rmSync(next, { recursive: true, force: true })
  }
}

const ENTRY = 'pagefind-entry.json'

function sameSize(a: string, b: string): boolean {
  return existsSync(b) && statSync(a).size === statSync(b).size
}

async function main() {
  const started = performance.now()
  const releases = releasesDir()
  const unlock = acquireBuildLock(releases)
  const id = newReleaseId()
  const outDir = path.join(releases, id)
  let isLive = false
  try {
    const removed = prune(releases, null, { deferRemoval: true })
    if (removed.length) step(`Removed old or unfinished releases: ${removed.join(', ')}`)
    const snapshotFile = path.join(dataDir(), 'site-snapshot.json')
    const snapshot = await timed('snapshot', () => loadSnapshot(snapshotFile))
    const counts = Object.fromEntries(
      Object.entries(snapshot.collections).map(([name, docs]) => [name, docs.length]),
    )
    step(
      `Snapshot: ${Object.entries(counts)
        .map(([name, count]) => `${count} ${name}`)
        .join(', ')}`,
    )
    const liveId = currentReleaseId(releases)
    const liveDir = liveId ? path.join(releases, liveId) : null
    const sources = siteSourcesFingerprint(process.cwd(), publicUrl())
    const decision: BuildDecision = options.incremental
      ? decideBuild(liveInputs(releases, liveId), snapshot, sources)
      : { mode: 'full', reason: 'asked for' }
    step(`${decision.mode === 'full' ? 'Full' : 'Incremental'} build: ${decision.reason}.`)
    const env: Record<string, string> = {
      ZESUMMEN_SNAPSHOT: snapshotFile,
      ASTRO_TELEMETRY_DISABLED: '1',
    }
    const site = new URL(publicUrl())
    if (decision.mode === 'full') {
      step(`Rendering pages with Astro into ${outDir}…`)
      writeListings(outDir, await timed('astro', () => renderSite(outDir, env)))
      await timed('media', () => copyMedia(outDir, mediaFilenames(snapshot)))
      step('Indexing with Pagefind; writing the add-to-calendar files and compressing meanwhile…')
      // Pagefind reads the pages on one thread for most of its run: on the other core meanwhile
      // the add-to-calendar files are written (Pagefind reads HTML only), then the files it does
      // not write are compressed; its own files after it.
      const [, compressed] = await alongside(
        timed('pagefind', () => indexSearch(outDir, path.join(outDir, SEARCH_DIR), env)),
        async () => {
          const calendars = await timed('calendars', async () =>
            (await calendarsFrom(snapshot))(outDir, site),
          )
          step(`Wrote ${calendars.length} add-to-calendar files.`)
          return timed('compress', () => precompress(outDir, liveDir, [SEARCH_DIR]))
        },
      )
      const search = await timed('compress-search', () =>
        precompress(path.join(outDir, SEARCH_DIR), liveDir && path.join(liveDir, SEARCH_DIR)),
      )
      step(
        `Precompressed ${compressed.files + search.files} files (brotli and gzip), ${compressed.reused + search.reused} of them unchanged since the live release.`,
      )
    } else {
      // The unaffected detail pages, the search index, assets and images: linked, not copied,
      // while Astro renders (it needs only their list).
      const kept = keptFromLive(liveDir!, decision.keep, mediaFilenames(snapshot))
      const rendered = path.join(releases, `.render-${id}`)
      const planFile = path.join(dataDir(), 'build-plan.json')
      const keptFile = path.join(dataDir(), 'build-kept-pages.json')
      writeFileSync(
        planFile,
        JSON.stringify({ ...decision.plan, listings: liveListings(liveDir!) }),
      )
      writeFileSync(keptFile, JSON.stringify(kept.pages))
      const sitemapPages = liveSitemapPages(liveDir!)
      Object.assign(env, {
        ZESUMMEN_BUILD_PLAN: planFile,
        ZESUMMEN_SITEMAP_PAGES: keptFile,
        ...(sitemapPages ? { ZESUMMEN_LIVE_SITEMAP_PAGES: sitemapPages } : {}),
      })
      try {
        step('Rendering the changed pages and listings with Astro…')
        // Astro renders into its own folder: meanwhile the kept files are linked into the
        // release and the changed events' calendar files written straight in (a publish at
        // 10,000 events links 109,000 files, 3.4–4.5 s before Astro started).
        const [listings, calendars] = await alongside(
          timed('astro', () => renderSite(rendered, env)),
          async () => {
            const files = await timed('link', () => linkKept(liveDir!, outDir, kept))
            step(`Kept ${kept.pages.length} pages of the live release (${files} files linked).`)
            return timed('calendars', async () =>
              (await calendarsFrom(snapshot))(outDir, site, new Set(decision.plan.render.events)),
            )
          },
        )
        const moved = moveInto(rendered, outDir)
        if (linkLiveSitemap(liveDir!, outDir)) step('Kept the sitemap: the same pages as live.')
        const keptListings = await timed('link-listings', () =>
          linkListings(liveDir!, outDir, listings),
        )
        writeListings(outDir, listings)
        step(
          `Rendered ${listings.length - keptListings} of ${listings.length} listings and feeds; kept the others.`,
        )
        await timed('media', () => copyMedia(outDir, mediaFilenames(snapshot)))
        const compressed = await timed('compress', () =>
          precompressFiles([...moved, ...calendars], outDir, liveDir),
        )
        step(
          `Rendered ${moved.length} files; precompressed ${compressed.files}, ${compressed.reused} of them unchanged.`,
        )
      } finally {
        rmSync(rendered, { recursive: true, force: true })
      }
    }
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
      contentAt: snapshot.generatedAt,
      mode: decision.mode,
      sources,
    })
    // The same content the pages were built from, as read (not written out again).
    copyFileSync(snapshotFile, path.join(outDir, RELEASE_SNAPSHOT))
    activate(releases, id)
    step(`Release ${id} is live: ${pages} pages, built in ${(durationMs / 1000).toFixed(1)} s.`)
    isLive = true
    if (decision.mode === 'partial') {
      // Live already; the search index catches up (the kept one does not know the changes yet).
      try {
        await timed('search', () => refreshSearch(outDir, env))
        step('The search index is up to date.')
      } catch (error) {
        console.warn(
          `[build] Warning: the search index was not refreshed (${error instanceof Error ? error.message : String(error)}); search shows the previous index until the next build.`,
        )
      }
    }
  } catch (error) {
    if (!isLive) rmSync(outDir, { recursive: true, force: true })
    throw error
  } finally {
    // Last: deleting old releases takes a while at 10,000 events (15 s for one release's 227,000
    // files); neither going live nor the search refresh waits for it.
    try {
      await timed('prune', () => prune(releases))
    } catch (error) {
      console.warn(`[build] Warning: old releases were not all removed: ${String(error)}`)
    }
    unlock()
  }
}

main().catch((error: unknown) => {
  console.error(
    `[build] Failed, the live site is unchanged: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(1)
})
