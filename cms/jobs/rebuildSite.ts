// Publish to live: every change to published content asks for a site rebuild through Payload's
// jobs queue. Requests are debounced and coalesced: while a build waits to start, further changes
// join it; while one runs, changes queue exactly one more. Builds run one at a time, in a child
// process (`scripts/build-site.ts --snapshot --incremental`), from a snapshot this process reads
// with the public's rights (only what changed since the last read, and in full once a day). Each
// build is a `site-builds` document: the dashboard's build panel. An incremental build is live
// before its search index is refreshed; a newer build stops that refresh and does its own.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import type { Payload, TaskConfig } from 'payload'
import { localDay } from '../domain/dates'
import { RELEASE_SNAPSHOT, type SiteSnapshot, snapshotCollections } from '../domain/snapshot'
import { readPublished } from '../snapshot/read'
import { onContentChanged } from '../hooks/contentChanged'
import { currentReleaseId, readManifest } from '../../scripts/lib/releases'
import { typescriptArgs } from '../../scripts/lib/typescriptChild'
import { dataDir, rebuildDebounceMs, releasesDir } from '../settings'

export const REBUILD_QUEUE = 'site'
/** Even without a debounce, wait until the saving transaction has committed. */
const MIN_DELAY_MS = 200
const LOG_LINES = 60

export interface BuildResult {
  ok: boolean
  log: string
}

/** Runs one build from a snapshot file; replaceable in tests. */
export type BuildRunner = (snapshotFile: string) => Promise<BuildResult>

interface RebuildState {
  /** A build is asked for and has not started: new changes join it. */
  waiting: boolean
  /** Collections changed since the pending build was queued, with counts. */
  changes: Map<string, number>
  /** Builds run one after another. */
  chain: Promise<unknown>
  timer: NodeJS.Timeout | null
  child: ChildProcess | null
  /** The running build is live and only refreshing its search index. */
  childLive: boolean
  /** The last snapshot read: the next read re-reads only what changed since. */
  lastSnapshot: SiteSnapshot | null
  running: boolean
  listening: boolean
  runner: BuildRunner
}

const stateKey = Symbol.for('zesummen.rebuildSite')
const state = ((globalThis as Record<symbol, unknown>)[stateKey] ??= {
  waiting: false,
  changes: new Map(),
  chain: Promise.resolve(),
  timer: null,
  child: null,
  childLive: false,
  lastSnapshot: null,
  running: false,
  listening: false,
  runner: runBuildScript,
} satisfies RebuildState) as RebuildState

/** Tests swap the build for a stand-in; returns a function restoring the real one. */
export function useBuildRunner(runner: BuildRunner): () => void {
  state.runner = runner
  return () => {
    state.runner = runBuildScript
  }
}

export function isBuilding(): boolean {
  return state.running
}

/**
 * On shutdown: waits for a running build up to `timeoutMs`, then stops its child process (a
 * stopped build never went live; the next build cleans up after it).
 */
export async function finishRunningBuild(timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (state.running && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250))
  if (state.running) state.child?.kill('SIGTERM')
}

/** No build asked for, waiting or running. */
export function rebuildIdle(): boolean {
  return !state.waiting && !state.running
}

function describeChanges(changes: Map<string, number>): string {
  return [...changes]
    .map(([collection, count]) => (count > 1 ? `${collection} ×${count}` : collection))
    .join(', ')
}

/**
 * Asks for a rebuild in `debounceMs`. Nothing is written now: this runs inside the saving
 * request's transaction (an afterChange hook), and SQLite allows one writer. When the time is up
 * the build is recorded, queued and started; changes until it starts join it, the first change
 * after it started waits for the next one.
 */
export function requestRebuild(
  payload: Payload,
  collection: string,
  debounceMs = rebuildDebounceMs(),
): void {
  state.changes.set(collection, (state.changes.get(collection) ?? 0) + 1)
  if (state.waiting) return
  state.waiting = true
  state.timer = setTimeout(
    () => {
      state.timer = null
      void queueBuild(payload).catch((error: unknown) => {
        state.waiting = false
        payload.logger.error({ err: error }, 'Could not queue a site rebuild')
      })
    },
    Math.max(debounceMs, MIN_DELAY_MS),
  )
  state.timer.unref()
}

async function queueBuild(payload: Payload): Promise<void> {
  const build = await payload.create({
    collection: 'site-builds',
    data: {
      status: 'queued',
      reason: describeChanges(state.changes),
      requestedAt: new Date().toISOString(),
    },
    overrideAccess: true,
  })
  await payload.jobs.queue({
    task: 'rebuildSite',
    queue: REBUILD_QUEUE,
    input: { build: String(build.id) },
  })
  if (process.env.ZESUMMEN_JOBS_AUTORUN === '1' || !process.env.ZESUMMEN_SERVER) {
    await payload.jobs.run({ queue: REBUILD_QUEUE })
  } else {
    // RUN_JOBS=0: the jobs instance runs it (its queue poll comes every 10 s); the next change
    // seen here asks for the next build.
    state.changes = new Map()
    state.waiting = false
  }
}

/** The last lines of a build's output. */
/**
 * The log as editors may read it: the server's folders (the project, the data folder, the home
 * folder) are named, not spelled out, since commune editors see failed builds too.
 */
export function withoutServerPaths(text: string): string {
  const folders = [
    [path.resolve(dataDir()), '<data>'],
    [process.cwd(), '<portal>'],
    [homedir(), '~'],
  ].filter(([folder]) => folder && folder !== path.sep)
  let result = text
  for (const [folder, name] of folders) result = result.split(folder!).join(name!)
  return result
}

function tail(text: string): string {
  return text.trimEnd().split('\n').slice(-LOG_LINES).join('\n')
}

/** The real build: `scripts/build-site.ts --snapshot <file>` as a child process. */
function runBuildScript(snapshotFile: string): Promise<BuildResult> {
  return new Promise((resolve) => {
    const env = { ...process.env }
    // The child must not run jobs of its own.
    delete env.ZESUMMEN_JOBS_AUTORUN
    const child = spawn(
      process.execPath,
      typescriptArgs('scripts/build-site.ts', ['--snapshot', snapshotFile, '--incremental']),
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    state.child = child
    state.childLive = false
    let log = ''
    let live = false
    const collect = (chunk: Buffer) => {
      log = tail(log + chunk.toString())
      if (!live && releaseLine.test(log)) live = state.childLive = true
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('error', (error) => {
      state.child = null
      resolve({ ok: false, log: tail(`${log}\n${error.message}`) })
    })
    child.on('exit', (code, signal) => {
      state.child = null
      state.childLive = false
      // Stopped or failed after going live (refreshing search): the release is live all the same.
      const note = live
        ? '(the search index was not refreshed: a newer build does it)'
        : `(build exited with ${code ?? signal})`
      resolve({ ok: code === 0 || live, log: code === 0 ? log : tail(`${log}\n${note}`) })
    })
  })
}

const releaseLine = /Release (\S+) is live: (\d+) pages/

/**
 * The published content now: what changed since the last read, on top of it; a full read the
 * first time in a day (the live release's snapshot is the last read after a restart).
 */
async function currentSnapshot(payload: Payload): Promise<SiteSnapshot> {
  const now = new Date()
  let base = state.lastSnapshot
  if (!base) {
    const file = path.join(releasesDir(), 'current', RELEASE_SNAPSHOT)
    try {
      if (existsSync(file)) base = JSON.parse(readFileSync(file, 'utf8')) as SiteSnapshot
    } catch {
      base = null
    }
  }
  const snapshot = await readPublished(payload, base, now)
  state.lastSnapshot = snapshot
  return snapshot
}

async function build(payload: Payload, id: string): Promise<'succeeded' | 'failed'> {
  const startedAt = new Date()
  await payload.update({
    collection: 'site-builds',
    id,
    data: { status: 'running', startedAt: startedAt.toISOString() },
    overrideAccess: true,
  })
  let result: BuildResult
  try {
    const snapshot = await currentSnapshot(payload)
    const file = path.join(dataDir(), 'rebuild-snapshot.json')
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(snapshot))
    result = await state.runner(file)
  } catch (error) {
    result = {
      ok: false,
      log: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }
  }
  const released = releaseLine.exec(result.log)
  // The build script's own verdict first, then any error, then the exit status.
  const lines = result.log.split('\n').reverse()
  const failure = [/\[build\] Failed/, /Error/, /exited/]
    .map((pattern) => lines.find((line) => pattern.test(line)))
    .find(Boolean)
  const finishedAt = new Date()
  await payload.update({
    collection: 'site-builds',
    id,
    data: {
      status: result.ok ? 'succeeded' : 'failed',
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      release: released?.[1] ?? null,
      pages: released ? Number(released[2]) : null,
      error: result.ok ? null : withoutServerPaths(failure ?? 'The build failed; see the log.'),
      log: withoutServerPaths(result.log),
    },
    overrideAccess: true,
  })
  if (!result.ok) payload.logger.error(`Site build ${id} failed; the live site is unchanged.`)
  return result.ok ? 'succeeded' : 'failed'
}

export const rebuildSiteTask: TaskConfig<{
  input: { build: string }
  output: { status: string }
}> = {
  slug: 'rebuildSite',
  label: 'Rebuild the public site',
  // A failed build is reported, not retried: the next change asks for a new one.
  retries: 0,
  inputSchema: [{ name: 'build', type: 'text', required: true }],
  outputSchema: [{ name: 'status', type: 'text' }],
  handler: async ({ input, req }) => {
    const payload = req.payload
    // From here on, changes ask for the next build instead of joining this one.
    state.waiting = false
    const reason = describeChanges(state.changes)
    state.changes = new Map()
    if (reason) {
      await payload.update({
        collection: 'site-builds',
        id: input.build,
        data: { reason },
        overrideAccess: true,
      })
    }
    // A build that is live and only refreshing its search index gives way: this one refreshes it.
    if (state.childLive) state.child?.kill('SIGTERM')
    const run = state.chain.then(async () => {
      state.running = true
      try {
        return await build(payload, input.build)
      } finally {
        state.running = false
      }
    })
    state.chain = run.catch(() => undefined)
    return { output: { status: await run } }
  },
}

const NEW_DAY_CHECK_MS = 10 * 60 * 1000

/**
 * What is upcoming and what is past is decided when the site is built: the first check on a new
 * day (Luxembourg time) rebuilds it, in full, even when nothing was published.
 */
export function rebuildOnNewDay(payload: Payload, now = new Date()): boolean {
  const releases = releasesDir()
  const id = currentReleaseId(releases)
  const manifest = id ? readManifest(releases, id) : null
  const builtFor = manifest?.contentAt ?? manifest?.createdAt
  if (!builtFor || localDay(builtFor) === localDay(now) || !rebuildIdle()) return false
  requestRebuild(payload, 'a new day')
  return true
}

/**
 * In the server process: rebuild when public content changes, and mark builds that a restart
 * interrupted. Scripts and tests do not call this.
 */
export async function startRebuildOnPublish(payload: Payload): Promise<void> {
  if (state.listening) return
  state.listening = true
  const publicCollections = new Set<string>(snapshotCollections)
  onContentChanged((collection, isPublic) => {
    if (isPublic && publicCollections.has(collection)) requestRebuild(payload, collection)
  })
  setInterval(() => rebuildOnNewDay(payload), NEW_DAY_CHECK_MS).unref()
  await payload.update({
    collection: 'site-builds',
    where: { status: { equals: 'running' } },
    data: { status: 'failed', error: 'Interrupted: the server stopped during the build.' },
    overrideAccess: true,
  })
  // Content changed after the last successful build (the server stopped before rebuilding):
  // build again now.
  const [lastBuild] = (
    await payload.find({
      collection: 'site-builds',
      where: { status: { equals: 'succeeded' } },
      sort: '-startedAt',
      limit: 1,
      depth: 0,
    })
  ).docs
  const builtAt = lastBuild?.startedAt ? Date.parse(lastBuild.startedAt) : null
  for (const collection of publicCollections) {
    const [latest] = (
      await payload.find({
        collection: collection as (typeof snapshotCollections)[number],
        sort: '-updatedAt',
        limit: 1,
        depth: 0,
        select: { updatedAt: true },
      })
    ).docs
    if (builtAt !== null && latest && Date.parse(String(latest.updatedAt)) > builtAt) {
      requestRebuild(payload, 'changes made before the restart')
      break
    }
  }
}
