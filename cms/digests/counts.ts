// How many readers get the events digest, per commune and language, and how many addresses are
// paused: the figures the coordinator and the editors see (never an address).
import type { Payload } from 'payload'
import { relationIds } from '../access/roles'

export interface DigestCounts {
  confirmed: number
  unconfirmed: number
  paused: number
  /** Confirmed subscriptions by the language of their mails. */
  byLanguage: Record<string, number>
  /** Confirmed subscriptions by commune slug; `region` for those without a commune (all). */
  byCommune: Record<string, number>
}

/** The figures, counted from the documents (not `exists` queries: see deliveries.ts). */
export async function digestCounts(payload: Payload): Promise<DigestCounts> {
  const [{ docs }, communes] = await Promise.all([
    payload.find({
      collection: 'digest-subscriptions',
      depth: 0,
      limit: 0,
      pagination: false,
      select: { language: true, communes: true, confirmedAt: true, pausedAt: true },
    }),
    payload.find({
      collection: 'communes',
      depth: 0,
      limit: 0,
      pagination: false,
      select: { slug: true },
    }),
  ])
  const slugOf = new Map(communes.docs.map((doc) => [String(doc.id), String(doc.slug)]))
  const counts: DigestCounts = {
    confirmed: 0,
    unconfirmed: 0,
    paused: 0,
    byLanguage: {},
    byCommune: {},
  }
  const add = (record: Record<string, number>, key: string) => {
    record[key] = (record[key] ?? 0) + 1
  }
  for (const doc of docs) {
    if (!doc.confirmedAt) {
      counts.unconfirmed += 1
      continue
    }
    counts.confirmed += 1
    if (doc.pausedAt) counts.paused += 1
    add(counts.byLanguage, String(doc.language))
    const ids = relationIds((doc.communes ?? []) as never)
    if (!ids.length) add(counts.byCommune, 'region')
    for (const id of ids) add(counts.byCommune, slugOf.get(String(id)) ?? String(id))
  }
  return counts
}
