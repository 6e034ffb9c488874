// Reads the snapshot of published content through the Payload Local API with the public's rights
// (overrideAccess: false, no user: published documents and public fields only).
import type { CollectionSlug, Payload } from 'payload'
import { localDay } from '../domain/dates'
import {
  emptySnapshot,
  snapshotCollections,
  type RawDoc,
  type SiteSnapshot,
  type SnapshotCollection,
} from '../domain/snapshot'

// Every snapshot collection is one of the CMS's.
snapshotCollections satisfies readonly CollectionSlug[]

const publicRead = {
  depth: 0,
  draft: false,
  overrideAccess: false,
  pagination: false,
  limit: 0,
  // One order for full reads and refreshes (byId below), so the two give equal snapshots.
  sort: 'id',
} as const

/** The order of `sort: 'id'`: numbers (SQLite) or ObjectId strings of one length (MongoDB). */
function byId(a: RawDoc, b: RawDoc): number {
  return typeof a.id === 'number' && typeof b.id === 'number'
    ? a.id - b.id
    : String(a.id) < String(b.id)
      ? -1
      : String(a.id) > String(b.id)
        ? 1
        : 0
}

/** The published documents of these collections (the others stay empty). */
export async function readSnapshot(
  payload: Payload,
  now = new Date(),
  collections: readonly SnapshotCollection[] = snapshotCollections,
): Promise<SiteSnapshot> {
  const readStartedAt = new Date().toISOString()
  const entries = await Promise.all(
    collections.map(async (collection) => {
      const { docs } = await payload.find({
        collection,
        locale: 'all',
        fallbackLocale: false,
        ...publicRead,
      })
      return [collection, docs as unknown as RawDoc[]] as const
    }),
  )
  const empty = emptySnapshot(now)
  return {
    ...empty,
    readStartedAt,
    collections: { ...empty.collections, ...Object.fromEntries(entries) },
  }
}

/** Documents re-read per query when a refresh finds them changed. */
const REFRESH_BATCH = 500

/**
 * How far before the previous read began a refresh looks again: a save whose transaction
 * committed after that read may carry an earlier updatedAt, and instances' clocks may differ.
 */
const CHANGE_MARGIN_MS = 2 * 60 * 1000

type Listed = { id: string | number; updatedAt?: unknown }

/** The published documents of a collection among `ids`, in full. */
async function readPublic(payload: Payload, collection: SnapshotCollection, ids: unknown[]) {
  const read = new Map<string, RawDoc>()
  for (let start = 0; start < ids.length; start += REFRESH_BATCH) {
    const { docs } = await payload.find({
      collection,
      where: { id: { in: ids.slice(start, start + REFRESH_BATCH) } },
      locale: 'all',
      fallbackLocale: false,
      ...publicRead,
    })
    for (const doc of docs as unknown as RawDoc[]) read.set(String(doc.id), doc)
  }
  return read
}

const newestChange = (docs: readonly RawDoc[]) =>
  docs.reduce((newest, doc) => Math.max(newest, Date.parse(String(doc.updatedAt)) || 0), 0)

/**
 * One collection, refreshed from what changed: the documents (of any status) updated since
 * shortly before the previous read began (or before the newest document it holds) are read again
 * with the public's rights; those no longer public drop out. A deletion leaves no trace to query,
 * so the public count is checked against the result: if they differ, the collection is listed in
 * full (`listAndRefresh`).
 */
async function refreshCollection(
  payload: Payload,
  collection: SnapshotCollection,
  previous: readonly RawDoc[],
  previousReadAt: number,
  changeMarginMs: number,
): Promise<RawDoc[]> {
  const since = (previousReadAt || newestChange(previous)) - changeMarginMs
  if (previous.length === 0 || since <= 0) return listAndRefresh(payload, collection, previous)
  const { docs: changed } = await payload.find({
    collection,
    where: { updatedAt: { greater_than: new Date(since).toISOString() } },
    select: { updatedAt: true },
    depth: 0,
    pagination: false,
    limit: 0,
    overrideAccess: true,
  })
  const changedIds = new Set(changed.map((doc) => String(doc.id)))
  const fresh = await readPublic(
    payload,
    collection,
    changed.map((doc) => doc.id),
  )
  const docs = [
    ...previous.filter((doc) => !changedIds.has(String(doc.id))),
    ...fresh.values(),
  ].sort(byId)
  const { totalDocs } = await payload.count({ collection, overrideAccess: false })
  return totalDocs === docs.length ? docs : listAndRefresh(payload, collection, previous)
}

/**
 * One collection, refreshed by listing every published document with its `updatedAt` and
 * reading again the new and changed ones; one that is no longer listed drops out.
 */
async function listAndRefresh(
  payload: Payload,
  collection: SnapshotCollection,
  previous: readonly RawDoc[],
): Promise<RawDoc[]> {
  const { docs } = await payload.find({ collection, select: { updatedAt: true }, ...publicRead })
  const listed = docs as Listed[]
  const before = new Map(previous.map((doc) => [String(doc.id), doc]))
  const stale = listed
    .filter((doc) => {
      const known = before.get(String(doc.id))
      return !known || !doc.updatedAt || known.updatedAt !== doc.updatedAt
    })
    .map((doc) => doc.id)
  // A document changed between the two queries is taken as the second one read it.
  for (const id of stale) before.delete(String(id))
  const fresh = await readPublic(payload, collection, stale)
  return listed
    .map((doc) => fresh.get(String(doc.id)) ?? before.get(String(doc.id)))
    .filter((doc): doc is RawDoc => doc !== undefined)
}

/**
 * The same as readSnapshot, reading in full only what changed since `previous` (an earlier read
 * of the same collections). At 10,000 events a full read took 24 s and listing every event's
 * `updatedAt` 1.2-2.7 s; asking for what changed takes milliseconds when one event changed.
 *
 * It relies on every change of public content going through Payload (which sets updatedAt);
 * the daily full read catches anything else.
 */
export async function refreshSnapshot(
  payload: Payload,
  previous: SiteSnapshot,
  now = new Date(),
  collections: readonly SnapshotCollection[] = snapshotCollections,
  changeMarginMs = CHANGE_MARGIN_MS,
): Promise<SiteSnapshot> {
  const readStartedAt = new Date().toISOString()
  const entries = await Promise.all(
    collections.map(
      async (collection) =>
        [
          collection,
          await refreshCollection(
            payload,
            collection,
            previous.collections[collection] ?? [],
            Date.parse(previous.readStartedAt ?? '') || 0,
            changeMarginMs,
          ),
        ] as const,
    ),
  )
  const empty = emptySnapshot(now)
  return {
    ...empty,
    readStartedAt,
    collections: { ...empty.collections, ...Object.fromEntries(entries) },
  }
}

/**
 * The published content now: what changed since `base`, on top of it, when `base` is from the
 * same Luxembourg day; otherwise (no base, a new day) a full read. The whole read once a day
 * puts right anything the refresh could miss.
 */
export function readPublished(
  payload: Payload,
  base: SiteSnapshot | null | undefined,
  now = new Date(),
  collections: readonly SnapshotCollection[] = snapshotCollections,
): Promise<SiteSnapshot> {
  return base && localDay(base.generatedAt) === localDay(now)
    ? refreshSnapshot(payload, base, now, collections)
    : readSnapshot(payload, now, collections)
}
