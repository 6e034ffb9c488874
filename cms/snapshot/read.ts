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
} as const

/** The published documents of these collections (the others stay empty). */
export async function readSnapshot(
  payload: Payload,
  now = new Date(),
  collections: readonly SnapshotCollection[] = snapshotCollections,
): Promise<SiteSnapshot> {
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
  return { ...empty, collections: { ...empty.collections, ...Object.fromEntries(entries) } }
}

/** Documents re-read per query when a refresh finds them changed. */
const REFRESH_BATCH = 500

/**
 * The same as readSnapshot, reading in full only what changed since `previous` (an earlier read
 * of the same collections): one light query per collection lists the published documents with
 * their `updatedAt`, then the new and changed ones are read. A document that is no longer
 * listed (deleted, unpublished, withdrawn) drops out. At 10,000 events a full read took 24 s;
 * this takes well under one when one event changed.
 *
 * It relies on every change of public content going through Payload (which sets updatedAt);
 * the daily full read catches anything else.
 */
export async function refreshSnapshot(
  payload: Payload,
  previous: SiteSnapshot,
  now = new Date(),
  collections: readonly SnapshotCollection[] = snapshotCollections,
): Promise<SiteSnapshot> {
  const entries = await Promise.all(
    collections.map(async (collection) => {
      const { docs: listed } = await payload.find({
        collection,
        select: { updatedAt: true },
        ...publicRead,
      })
      const before = new Map(
        (previous.collections[collection] ?? []).map((doc) => [String(doc.id), doc]),
      )
      const stale = listed
        .filter((doc) => {
          const known = before.get(String(doc.id))
          const stamp = (doc as { updatedAt?: unknown }).updatedAt
          return !known || !stamp || known.updatedAt !== stamp
        })
        .map((doc) => doc.id)
      // A document changed between the two queries is taken as the second one read it.
      for (const id of stale) before.delete(String(id))
      const fresh = new Map<string, RawDoc>()
      for (let start = 0; start < stale.length; start += REFRESH_BATCH) {
        const { docs } = await payload.find({
          collection,
          where: { id: { in: stale.slice(start, start + REFRESH_BATCH) } },
          locale: 'all',
          fallbackLocale: false,
          ...publicRead,
        })
        for (const doc of docs as unknown as RawDoc[]) fresh.set(String(doc.id), doc)
      }
      const docs = listed
        .map((doc) => fresh.get(String(doc.id)) ?? before.get(String(doc.id)))
        .filter((doc): doc is RawDoc => doc !== undefined)
      return [collection, docs] as const
    }),
  )
  const empty = emptySnapshot(now)
  return { ...empty, collections: { ...empty.collections, ...Object.fromEntries(entries) } }
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
