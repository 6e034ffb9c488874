// "Public content changed": one signal for everything derived from published content (the live
// calendar feeds' cache now, site rebuilds later). The listeners live on globalThis because
// Next.js may load this module once per bundle in the same process.
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
} from 'payload'

type Listener = (collection: string) => void

const key = Symbol.for('zesummen.contentChanged')
const registry = ((globalThis as Record<symbol, unknown>)[key] ??=
  new Set<Listener>()) as Set<Listener>

export function onContentChanged(listener: Listener): () => void {
  registry.add(listener)
  return () => registry.delete(listener)
}

export function contentChanged(collection: string): void {
  for (const listener of registry) listener(collection)
}

const afterChange: CollectionAfterChangeHook = ({ collection, doc }) => {
  contentChanged(collection.slug)
  return doc
}
const afterDelete: CollectionAfterDeleteHook = ({ collection, doc }) => {
  contentChanged(collection.slug)
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
