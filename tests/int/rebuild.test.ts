// Publish to live: changes to published content queue a publish through the jobs queue,
// debounced and coalesced; drafts do not; failures are recorded for the dashboard's panel. The
// publish itself is replaced by a stand-in here (the end-to-end tests run the real one); the
// snapshot store it writes to has tests of its own below.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SnapshotStore } from '../../cms/domain/snapshotStore'
import { emptySnapshot, type SiteSnapshot } from '../../cms/domain/snapshot'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSnapshot, refreshSnapshot } from '../../cms/snapshot/read'
import {
  rebuildIdle,
  rebuildOnNewDay,
  startRebuildOnPublish,
  useBuildRunner,
  type BuildResult,
} from '../../cms/jobs/publishSite'
import { closeTestPayload, createEventIn, createRemichWithHall, testPayload } from './helpers'

let payload: Payload
let restore: () => void
const ids: Record<string, string | number> = {}
let calls = 0
let outcome: BuildResult = { ok: true, version: 'v1', log: '[publish] Snapshot v1 is live.' }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function builds() {
  const { docs } = await payload.find({
    collection: 'site-builds',
    sort: 'requestedAt',
    limit: 100,
  })
  return docs
}

/** Waits until no build is queued or running (the debounce timer runs the job). */
async function settled(timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const open = (await builds()).filter((b) => b.status === 'queued' || b.status === 'running')
    if (open.length === 0 && rebuildIdle()) return
    await sleep(100)
  }
  throw new Error('builds did not settle')
}

beforeAll(async () => {
  process.env.REBUILD_DEBOUNCE_SECONDS = '0.5'
  payload = await testPayload()
  restore = useBuildRunner(async () => {
    calls += 1
    await sleep(400)
    return outcome
  })
  Object.assign(ids, await createRemichWithHall(payload))
  await startRebuildOnPublish(payload)
  await settled()
})

afterAll(async () => {
  restore()
  delete process.env.REBUILD_DEBOUNCE_SECONDS
  await closeTestPayload()
})

describe('rebuild on publish', () => {
  it('coalesces a burst of 20 publishes into at most 2 builds', async () => {
    const before = (await builds()).length
    calls = 0
    const event = await createEventIn(payload, ids, { title: 'Burst' })
    for (let i = 1; i < 20; i++) {
      await payload.update({
        collection: 'events',
        id: event.id,
        data: { title: `Burst ${i}`, _status: 'published' } as never,
      })
    }
    await settled()
    const made = (await builds()).slice(before)
    expect(made.length).toBeGreaterThanOrEqual(1)
    expect(made.length).toBeLessThanOrEqual(2)
    expect(calls).toBe(made.length)
    expect(made.every((build) => build.status === 'succeeded')).toBe(true)
    expect(made[0]).toMatchObject({ release: 'v1' })
    expect(made[0]!.reason).toMatch(/^events ×\d+$/)
    expect(made[0]!.durationMs).toBeGreaterThanOrEqual(400)
  })

  it('does not rebuild for a draft nobody sees', async () => {
    await settled()
    const before = (await builds()).length
    await createEventIn(payload, ids, { title: 'Only a draft', _status: 'draft' })
    await sleep(1200)
    expect((await builds()).length).toBe(before)
  })

  it('rebuilds when a published event is unpublished, and records a failed build', async () => {
    const event = await createEventIn(payload, ids, { title: 'Soon withdrawn' })
    await settled()
    const before = (await builds()).length
    outcome = {
      ok: false,
      log: `[build] Rendering…\n    at render (${process.cwd()}/web/lib/content.ts:12:3)\n[build] Failed, the live site is unchanged: the new release failed its checks: missing sitemap-index.xml in ${process.env.DATA_DIR}/x\n(build exited with 1)`,
    }
    await payload.update({
      collection: 'events',
      id: event.id,
      data: { _status: 'draft' } as never,
    })
    await settled()
    const [failed] = (await builds()).slice(before)
    expect(failed).toMatchObject({ status: 'failed', reason: 'events' })
    expect(failed!.error).toContain('failed its checks: missing sitemap-index.xml')
    expect(failed!.log).toContain('[build] Rendering…')
    // Commune editors read this: no server paths.
    expect(failed!.log).toContain('<portal>/web/lib/content.ts')
    expect(`${failed!.log ?? ''} ${failed!.error ?? ''}`).not.toContain(process.cwd())
    outcome = { ok: true, version: 'v2', log: '[publish] Snapshot v2 is live.' }
  })

  it('with RUN_JOBS=0 only queues builds, for the instance that runs jobs', async () => {
    await settled()
    const before = (await builds()).length
    calls = 0
    Object.assign(process.env, { ZESUMMEN_SERVER: '1', ZESUMMEN_JOBS_AUTORUN: '' })
    try {
      await createEventIn(payload, ids, { title: 'Queued elsewhere' })
      await sleep(1000)
      const queued = (await builds()).slice(before)
      expect(queued.map((build) => build.status)).toEqual(['queued'])
      expect(calls).toBe(0)
      // This instance asks again for the next change instead of waiting for a job it never runs.
      expect(rebuildIdle()).toBe(true)
    } finally {
      delete process.env.ZESUMMEN_SERVER
      delete process.env.ZESUMMEN_JOBS_AUTORUN
    }
    // The jobs instance (here: the same process, running the queue) builds it.
    await payload.jobs.run({ queue: 'site' })
    await settled()
    expect(calls).toBe(1)
    expect((await builds()).slice(before).map((build) => build.status)).toEqual(['succeeded'])
  })

  it('rebuilds on a new day (Luxembourg time) even when nothing was published', async () => {
    await settled()
    const store = new SnapshotStore(path.join(process.env.DATA_DIR!, 'snapshots'))
    try {
      const builtAt = new Date('2027-03-09T20:00:00.000Z')
      store.activate(store.write(emptySnapshot(), builtAt), builtAt)
      // 23:50 in Luxembourg: the same day.
      expect(rebuildOnNewDay(payload, new Date('2027-03-09T22:50:00Z'))).toBe(false)
      const before = (await builds()).length
      // 00:10 the next day.
      expect(rebuildOnNewDay(payload, new Date('2027-03-09T23:10:00Z'))).toBe(true)
      await settled()
      expect((await builds()).slice(before)).toMatchObject([
        { reason: 'a new day', status: 'succeeded' },
      ])
    } finally {
      rmSync(store.dir, { recursive: true, force: true })
    }
  })
})

describe('reading published content again', () => {
  /** Runs a refresh, noting the events read again in full and whether all were listed. */
  async function refreshWatched(base: SiteSnapshot, now: Date, changeMarginMs: number) {
    const find = payload.find.bind(payload)
    const reread: string[] = []
    let listed = false
    payload.find = ((options: Parameters<Payload['find']>[0]) => {
      if (options.collection === 'events') {
        const ids = (options.where?.id as { in?: unknown[] } | undefined)?.in
        if (ids) reread.push(...ids.map(String))
        if (!options.where) listed = true
      }
      return find(options)
    }) as Payload['find']
    try {
      const refreshed = await refreshSnapshot(payload, base, now, undefined, changeMarginMs)
      return { refreshed, reread: reread.sort(), listed }
    } finally {
      payload.find = find
    }
  }
  const titlesOf = (snapshot: SiteSnapshot) =>
    snapshot.collections.events.map((event) => (event.title as { fr?: string }).fr)

  it('re-reads only what changed since the last read, and gets what a full read gets', async () => {
    await settled()
    const now = new Date()
    const kept = await createEventIn(payload, ids, { title: 'Stays as it is' })
    const edited = await createEventIn(payload, ids, { title: 'Before the edit' })
    const withdrawn = await createEventIn(payload, ids, { title: 'Soon a draft' })
    const base = await readSnapshot(payload, now)
    // updatedAt has millisecond precision: the changes below come after the newest in `base`.
    await new Promise((resolve) => setTimeout(resolve, 5))
    await payload.update({ collection: 'events', id: edited.id, data: { title: 'After the edit' } })
    await payload.update({
      collection: 'events',
      id: withdrawn.id,
      data: { _status: 'draft' } as never,
    })
    const added = await createEventIn(payload, ids, { title: 'New since' })
    // A draft of a published event changes nothing the public sees.
    await payload.update({
      collection: 'events',
      id: kept.id,
      data: { title: 'A draft nobody sees' },
      draft: true,
    })
    const { refreshed, reread, listed } = await refreshWatched(base, now, 0)
    expect(listed).toBe(false)
    expect(reread).toEqual([edited.id, withdrawn.id, added.id].map(String).sort())
    expect(refreshed.collections).toEqual((await readSnapshot(payload, now)).collections)
    expect(titlesOf(refreshed)).toEqual(
      expect.arrayContaining(['Stays as it is', 'After the edit', 'New since']),
    )
    expect(titlesOf(refreshed)).not.toContain('Soon a draft')
    expect(titlesOf(refreshed)).not.toContain('A draft nobody sees')
  })

  it('notices a deletion by the public count, and then lists every event', async () => {
    await settled()
    const now = new Date()
    const deleted = await createEventIn(payload, ids, { title: 'Soon deleted' })
    const base = await readSnapshot(payload, now)
    await payload.delete({ collection: 'events', id: deleted.id })
    const { refreshed, listed } = await refreshWatched(base, now, 10 * 60 * 1000)
    expect(listed).toBe(true)
    expect(refreshed.collections).toEqual((await readSnapshot(payload, now)).collections)
    expect(titlesOf(refreshed)).not.toContain('Soon deleted')
  })
})

describe('the snapshot store', () => {
  const store = new SnapshotStore(mkdtempSync(path.join(tmpdir(), 'zesummen-snapshots-')))
  const at = (iso: string) => new Date(iso)
  const snapshot = (generatedAt: string) => ({ ...emptySnapshot(), generatedAt })

  it('stores versions, switches the live one and goes back on rollback', () => {
    expect(store.live()).toBeNull()
    expect(store.rollback()).toBeNull()
    const first = store.write(snapshot('2027-01-01T00:00:00.000Z'), at('2027-01-01T00:00:00Z'))
    const second = store.write(snapshot('2027-01-02T00:00:00.000Z'), at('2027-01-02T00:00:00Z'))
    expect(store.versions()).toEqual([first, second])
    // Written, not live until switched.
    expect(store.live()).toBeNull()
    expect(store.activate(first)).toMatchObject({ version: first, generation: 1 })
    expect(store.activate(second)).toMatchObject({ version: second, generation: 2 })
    expect(store.read(second).generatedAt).toBe('2027-01-02T00:00:00.000Z')
    // Back to the one before; the generation still grows, so servers follow.
    expect(store.rollback()).toMatchObject({ version: first, generation: 3 })
    expect(store.rollback()).toBeNull()
    expect(() => store.activate('20990101T000000000Z-000000')).toThrow(/No snapshot version/)
    expect(() => store.read('../../etc/passwd')).toThrow(/Not a snapshot version/)
  })

  it('shares the newest version it wrote in this process, and parses older ones anew', async () => {
    const older = store.write(snapshot('2027-01-03T00:00:00.000Z'), at('2027-01-03T00:00:00Z'))
    const made = snapshot('2027-01-04T00:00:00.000Z')
    const newest = store.write(made, at('2027-01-04T00:00:00Z'))
    expect(store.read(newest)).toBe(made)
    expect(await store.load(newest)).toBe(made)
    // Another store on the same folder (another module copy in this process) shares it too.
    expect(await new SnapshotStore(store.dir).load(newest)).toBe(made)
    expect(await store.load(older)).toEqual(snapshot('2027-01-03T00:00:00.000Z'))
    expect(store.read(older)).not.toBe(made)
  })

  it('keeps the live version when pruning, and leaves no temporary files', () => {
    const versions = Array.from({ length: 4 }, (_, day) =>
      store.write(snapshot('2027-02-01T00:00:00.000Z'), at(`2027-02-0${day + 1}T00:00:00Z`)),
    )
    const live = store.live()!.version
    store.prune(2)
    expect(store.versions()).toContain(live)
    expect(store.versions().slice(-2)).toEqual(versions.slice(-2))
    expect(readFileSync(path.join(store.dir, 'live.json'), 'utf8')).toContain(live)
    expect(existsSync(path.join(store.dir, `live.json.${process.pid}.tmp`))).toBe(false)
  })
})
