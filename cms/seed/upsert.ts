// Idempotent writes of seed records: create once, update when the seed file changed, and write
// every language the record has, starting with its source language.
import { createHash } from 'node:crypto'
import type { CollectionSlug, Payload } from 'payload'
import { localeCodes, type LocaleCode } from '../../locales/config'

export type Outcome = 'created' | 'updated' | 'unchanged'

export interface SeedDocument {
  /** How the record is found again: slug for most collections, uid for events. */
  key: { field: 'slug' | 'uid'; value: string }
  sourceLanguage: LocaleCode
  /** The languages the record has text for. */
  languages: readonly LocaleCode[]
  /** The document data as written in one language (localized fields for that language only). */
  dataFor: (locale: LocaleCode) => Record<string, unknown>
  /** What the checksum is computed from: the seed record as read from its file. */
  source: unknown
  drafts: boolean
}

export function checksum(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32)
}

/** Copies array/block row ids from the stored document so a translation updates the same rows. */
export function withRowIds(data: unknown, stored: unknown): unknown {
  if (Array.isArray(data)) {
    const storedRows = Array.isArray(stored) ? stored : []
    return data.map((row, index) => {
      const storedRow = storedRows[index] as Record<string, unknown> | undefined
      const merged = withRowIds(row, storedRow)
      if (merged && typeof merged === 'object' && !Array.isArray(merged) && storedRow?.id) {
        return { ...(merged as Record<string, unknown>), id: storedRow.id }
      }
      return merged
    })
  }
  if (data && typeof data === 'object' && !(data instanceof Date)) {
    const storedRecord = (stored && typeof stored === 'object' ? stored : {}) as Record<
      string,
      unknown
    >
    return Object.fromEntries(
      Object.entries(data as Record<string, unknown>).map(([key, value]) => [
        key,
        Array.isArray(value) || (value && typeof value === 'object' && !isRichText(value))
          ? withRowIds(value, storedRecord[key])
          : value,
      ]),
    )
  }
  return data
}

function isRichText(value: object): boolean {
  return 'root' in value
}

export async function upsert(
  payload: Payload,
  collection: CollectionSlug,
  doc: SeedDocument,
): Promise<{ outcome: Outcome; id: string | number }> {
  const sum = checksum(doc.source)
  const found = await payload.find({
    collection,
    where: { [doc.key.field]: { equals: doc.key.value } },
    limit: 1,
    depth: 0,
    draft: doc.drafts,
    pagination: false,
  })
  const existing = found.docs[0] as { id: string | number; seedChecksum?: string } | undefined
  if (existing && existing.seedChecksum === sum) return { outcome: 'unchanged', id: existing.id }

  const status = doc.drafts ? { _status: 'published' } : {}
  const base = { ...doc.dataFor(doc.sourceLanguage), ...status, seedChecksum: sum }
  const written = existing
    ? await payload.update({
        collection,
        id: existing.id,
        data: base as never,
        locale: doc.sourceLanguage,
        depth: 0,
      })
    : await payload.create({
        collection,
        data: base as never,
        locale: doc.sourceLanguage,
        depth: 0,
      })

  for (const locale of localeCodes) {
    if (locale === doc.sourceLanguage || !doc.languages.includes(locale)) continue
    const stored = await payload.findByID({
      collection,
      id: written.id,
      depth: 0,
      locale,
      draft: doc.drafts,
    })
    const data = withRowIds({ ...doc.dataFor(locale), ...status }, stored) as Record<
      string,
      unknown
    >
    await payload.update({ collection, id: written.id, data: data as never, locale, depth: 0 })
  }
  return { outcome: existing ? 'updated' : 'created', id: written.id }
}
