// The published content of the CMS as one JSON snapshot: every public collection, all locales in
// one read. The CMS writes it (cms/snapshot/read.ts); the site renders from it.
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
] as const

export type SnapshotCollection = (typeof snapshotCollections)[number]

/** A document as read with locale "all": localized fields are objects keyed by locale. */
export type RawDoc = Record<string, unknown> & { id: string | number }

export interface SiteSnapshot {
  /** "Now" of the content: what is upcoming and what is past (tests pin it). */
  generatedAt: string
  /** When the read from the CMS began, by the clock: a refresh asks for changes since then. */
  readStartedAt?: string
  collections: Record<SnapshotCollection, RawDoc[]>
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
