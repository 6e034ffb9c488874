// "Public content changed": one signal for everything derived from published content (the live
// calendar feeds' cache now, site rebuilds later). The listeners live on globalThis because
// Next.js may load this module once per bundle in the same process.
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
} from 'payload'

/** `isPublic`: the change may alter what the public sees (not a draft of an unpublished doc). */
type Listener = (collection: string, isPublic: boolean) => void

const key = Symbol.for('zesummen.contentChanged')
const registry = ((globalThis as Record<symbol, unknown>)[key] ??=
  new Set<Listener>()) as Set<Listener>

export function onContentChanged(listener: Listener): () => void {
  registry.add(listener)
  return () => registry.delete(listener)
}

export function contentChanged(collection: string, isPublic: boolean): void {
  for (const listener of registry) listener(collection, isPublic)
}

type Versioned = { _status?: string | null } | undefined | null

/**
 * Without drafts every saved document is public; with drafts only published ones are. A
 * collection may say otherwise with `custom.isPublic(doc)` (submissions: approved initiatives).
 */
const isPublished = (collection: Pick<CollectionConfig, 'versions' | 'custom'>, doc: Versioned) => {
  const isPublic = collection.custom?.isPublic as ((doc: Versioned) => boolean) | undefined
  if (isPublic) return isPublic(doc)
  return (
    !(typeof collection.versions === 'object' && collection.versions.drafts) ||
    doc?._status === 'published'
  )
}

const afterChange: CollectionAfterChangeHook = ({ collection, doc, previousDoc }) => {
  contentChanged(
    collection.slug,
    isPublished(collection, doc) || isPublished(collection, previousDoc),
  )
  return doc
}
const afterDelete: CollectionAfterDeleteHook = ({ collection, doc }) => {
  contentChanged(collection.slug, isPublished(collection, doc))
  return doc
}

/** Adds the signal to a collection whose published documents the public sees. */
export function withContentChangedSignal(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
    },
  }
}
