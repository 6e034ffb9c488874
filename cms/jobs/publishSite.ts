// Publish to live: every change to published content asks for a publish through Payload's jobs
// queue. Requests are debounced and coalesced: while a publish waits to start, further changes
// join it; while one runs, changes queue exactly one more. A publish reads the content with the
// public's rights (only what changed since the last read, and in full once a day), stores it as a
// new snapshot version and makes it the live one: every site server follows that pointer and
// renders from it at once. The search index of the version is then made in a child process
// (`scripts/index-search.ts`); a newer publish stops it and makes its own. Each publish is a
// `site-builds` document: the dashboard's panel.
import { type ChildProcess, spawn } from 'node:child_process'
import { homedir } from 'node:os'
import path from 'node:path'
import type { Payload, TaskConfig } from 'payload'
import { localDay } from '../domain/dates'
import { type SiteSnapshot, snapshotCollections } from '../domain/snapshot'
import { SnapshotStore } from '../domain/snapshotStore'
import { readPublished } from '../snapshot/read'
import { onContentChanged } from '../hooks/contentChanged'
import { typescriptArgs } from '../../scripts/lib/typescriptChild'
import { dataDir, rebuildDebounceMs, snapshotsDir } from '../settings'

export const REBUILD_QUEUE = 'site'
/** Even without a debounce, wait until the saving transaction has committed. */
const MIN_DELAY_MS = 200

export interface BuildResult {
  ok: boolean
  log: string
  /** The snapshot version made live. */
  version?: string
}

/** Publishes one snapshot; replaceable in tests. */
export type BuildRunner = (snapshot: SiteSnapshot) => Promise<BuildResult>

/** Snapshot versions kept for `npm run rollback`. */
export const KEPT_VERSIONS = 10

interface RebuildState {
  /** A build is asked for and has not started: new changes join it. */
  waiting: boolean
  /** When the change that started the wait came. */
  waitingSince: number
  /** Collections changed since the pending build was queued, with counts. */
  changes: Map<string, number>
  /** Builds run one after another. */
  chain: Promise<unknown>
  timer: NodeJS.Timeout | null
  /** The search index being made for the live version. */
  child: ChildProcess | null
  /** The last snapshot read: the next read re-reads only what changed since. */
  lastSnapshot: SiteSnapshot | null
  running: boolean
  listening: boolean
  runner: BuildRunner
}

const stateKey = Symbol.for('zesummen.rebuildSite')
const state = ((globalThis as Record<symbol, unknown>)[stateKey] ??= {
  waiting: false,
  waitingSince: 0,
  changes: new Map(),
  chain: Promise.resolve(),
  timer: null,
  child: null,
  lastSnapshot: null,
  running: false,
  listening: false,
  runner: publishSnapshot,
} satisfies RebuildState) as RebuildState

/** Tests swap the build for a stand-in; returns a function restoring the real one. */
export function useBuildRunner(runner: BuildRunner): () => void {
  state.runner = runner
  return () => {
    state.runner = publishSnapshot
  }
}

export function isBuilding(): boolean {
  return state.running
}

/**
 * On shutdown: waits for a running publish up to `timeoutMs`, and stops the search indexing (the
 * next publish makes the index again).
 */
export async function finishRunningBuild(timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (state.running && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250))
  state.child?.kill('SIGTERM')
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

/** However long a burst of saves lasts, its publish starts this long after its first save. */
const MAX_WAIT_MS = 10_000

/**
 * Asks for a publish once `debounceMs` pass without another change (at most MAX_WAIT_MS after
 * the first), so a single save is live soon and a burst of saves costs one publish. Nothing is
 * written now: this runs inside the saving request's transaction (an afterChange hook), and
 * SQLite allows one writer. When the time is up the publish is recorded, queued and started;
 * changes until it starts join it, the first change after it started waits for the next one.
 */
export function requestRebuild(
  payload: Payload,
  collection: string,
  debounceMs = rebuildDebounceMs(),
): void {
  state.changes.set(collection, (state.changes.get(collection) ?? 0) + 1)
  const delay = Math.max(debounceMs, MIN_DELAY_MS)
  if (state.waiting) {
    // Still counting down: wait for quiet again, unless the burst has gone on long enough.
    if (!state.timer || Date.now() - state.waitingSince + delay > MAX_WAIT_MS) return
    clearTimeout(state.timer)
  } else {
    state.waiting = true
    state.waitingSince = Date.now()
  }
  state.timer = setTimeout(() => {
    state.timer = null
    void queueBuild(payload).catch((error: unknown) => {
      state.waiting = false
      payload.logger.error({ err: error }, 'Could not queue a site rebuild')
    })
  }, delay)
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

const store = () => new SnapshotStore(snapshotsDir())

/**
 * Makes the search index of a version in a child process (`scripts/index-search.ts`); one at a
 * time: a newer version's stops an older one's. Readers get the previous index until it is done.
 */
function indexSearch(version: string) {
  state.child?.kill('SIGTERM')
  // It never opens Payload: it reads the snapshot file and renders with the site's build.
  const child = spawn(process.execPath, typescriptArgs('scripts/index-search.ts', [version]), {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  state.child = child
  child.on('exit', () => {
    if (state.child === child) state.child = null
  })
  child.on('error', () => {
    if (state.child === child) state.child = null
  })
}

/** The real publish: store the snapshot as a new version, make it live, index it for search. */
async function publishSnapshot(snapshot: SiteSnapshot): Promise<BuildResult> {
  const snapshots = store()
  const version = snapshots.write(snapshot)
  const pointer = snapshots.activate(version)
  snapshots.prune(KEPT_VERSIONS)
  indexSearch(version)
  return {
    ok: true,
    version,
    log: `[publish] Snapshot ${version} is live (switch ${pointer.generation}); search index follows.`,
  }
}

/**
 * The published content now: what changed since the last read, on top of it; a full read the
 * first time in a day (the live version is the last read after a restart).
 */
async function currentSnapshot(payload: Payload): Promise<SiteSnapshot> {
  const now = new Date()
  let base = state.lastSnapshot
  if (!base) {
    const snapshots = store()
    const live = snapshots.live()
    try {
      base = live ? snapshots.read(live.version) : null
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
    result = await state.runner(await currentSnapshot(payload))
  } catch (error) {
    result = {
      ok: false,
      log: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }
  }
  const lines = result.log.split('\n').reverse()
  const failure = [/Failed/, /Error/]
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
      release: result.version ?? null,
      pages: null,
      error: result.ok ? null : withoutServerPaths(failure ?? 'The build failed; see the log.'),
      log: withoutServerPaths(result.log),
    },
    overrideAccess: true,
  })
  if (!result.ok) payload.logger.error(`Publish ${id} failed; the live site is unchanged.`)
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
  const builtFor = store().live()?.since
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
