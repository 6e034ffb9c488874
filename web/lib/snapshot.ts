// The published content of the CMS as one JSON snapshot: read through the Payload Local API with
// the public's rights (overrideAccess: false, no user: published documents and public fields
// only), all locales in one read. The site build renders from this snapshot.
import type { CollectionSlug, Payload } from 'payload'

export const snapshotCollections = [
  'communes',
  'categories',
  'target-groups',
  'goals',
  'organisations',
  'venues',
  'events',
  'actions',
  'resources',
  'pages',
  'media',
  // Approved initiatives only, without contact details: the public's read rule and field access.
  'submissions',
  'population-figures',
] as const satisfies readonly CollectionSlug[]

export type SnapshotCollection = (typeof snapshotCollections)[number]

/** A document as read with locale "all": localized fields are objects keyed by locale. */
export type RawDoc = Record<string, unknown> & { id: string | number }

export interface SiteSnapshot {
  generatedAt: string
  collections: Record<SnapshotCollection, RawDoc[]>
}

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
        depth: 0,
        draft: false,
        overrideAccess: false,
        pagination: false,
        limit: 0,
      })
      return [collection, docs as unknown as RawDoc[]] as const
    }),
  )
  const empty = emptySnapshot(now)
  return { ...empty, collections: { ...empty.collections, ...Object.fromEntries(entries) } }
}

export function emptySnapshot(now = new Date()): SiteSnapshot {
  return {
    generatedAt: now.toISOString(),
    collections: Object.fromEntries(
      snapshotCollections.map((name) => [name, []]),
    ) as unknown as SiteSnapshot['collections'],
  }
}

/** Files of every uploaded image in the snapshot (originals and sizes), for the build to copy. */
export function mediaFilenames(snapshot: SiteSnapshot): string[] {
  return snapshot.collections.media.flatMap((doc) => [
    String(doc.filename),
    ...Object.values((doc.sizes ?? {}) as Record<string, { filename?: string | null }>)
      .map((size) => size.filename)
      .filter((name): name is string => Boolean(name)),
  ])
}
