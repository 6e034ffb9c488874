// Publish to live: changes to published content queue a site rebuild through the jobs queue,
// debounced and coalesced; drafts do not; failures are recorded for the build panel. The build
// itself is replaced by a stand-in here (the end-to-end tests run the real one).
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSnapshot, refreshSnapshot } from '../../cms/snapshot/read'
import {
  rebuildIdle,
  rebuildOnNewDay,
  startRebuildOnPublish,
  useBuildRunner,
  type BuildResult,
} from '../../cms/jobs/rebuildSite'
import { closeTestPayload, createEventIn, createRemichWithHall, testPayload } from './helpers'

let payload: Payload
let restore: () => void
const ids: Record<string, string | number> = {}
let calls = 0
let outcome: BuildResult = {
  ok: true,
  log: '[build] Release r1 is live: 42 pages, built in 1.0 s.',
}

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
    expect(made[0]).toMatchObject({ release: 'r1', pages: 42 })
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
    outcome = { ok: true, log: '[build] Release r2 is live: 40 pages, built in 1.0 s.' }
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
    const previous = process.env.RELEASES_DIR
    const releases = path.join('releases', `int-new-day-${process.pid}`)
    process.env.RELEASES_DIR = releases
    try {
      mkdirSync(path.join(releases, 'r1'), { recursive: true })
      const builtAt = '2027-03-09T20:00:00.000Z'
      writeFileSync(
        path.join(releases, 'r1', 'release.json'),
        JSON.stringify({
          id: 'r1',
          createdAt: builtAt,
          contentAt: builtAt,
          pages: 1,
          durationMs: 1,
          counts: {},
        }),
      )
      symlinkSync('r1', path.join(releases, 'current'))
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
      if (previous === undefined) delete process.env.RELEASES_DIR
      else process.env.RELEASES_DIR = previous
      rmSync(releases, { recursive: true, force: true })
    }
  })
})

describe('reading published content again', () => {
  it('re-reads only what changed, and gets what a full read gets', async () => {
    await settled()
    const now = new Date()
    const kept = await createEventIn(payload, ids, { title: 'Stays as it is' })
    const edited = await createEventIn(payload, ids, { title: 'Before the edit' })
    const withdrawn = await createEventIn(payload, ids, { title: 'Soon a draft' })
    const base = await readSnapshot(payload, now)
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
    const find = payload.find.bind(payload)
    const reread: unknown[] = []
    payload.find = ((options: Parameters<Payload['find']>[0]) => {
      const ids = (options.where?.id as { in?: unknown[] } | undefined)?.in
      if (options.collection === 'events' && ids) reread.push(...ids)
      return find(options)
    }) as Payload['find']
    let refreshed
    try {
      refreshed = await refreshSnapshot(payload, base, now)
    } finally {
      payload.find = find
    }
    expect(reread.map(String).sort()).toEqual([String(edited.id), String(added.id)].sort())
    expect(refreshed).toEqual(await readSnapshot(payload, now))
    const titles = refreshed.collections.events.map((event) => (event.title as { fr?: string }).fr)
    expect(titles).toEqual(
      expect.arrayContaining(['Stays as it is', 'After the edit', 'New since']),
    )
    expect(titles).not.toContain('Soon a draft')
    expect(titles).not.toContain('A draft nobody sees')
  })
})
