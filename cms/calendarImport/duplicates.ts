// The same event in two calendars (a commune's and an association's, or a neighbour's feed that
// copies another) is shown once. The rule: the source that imported it first owns it; another
// source that offers the same event, by UID or by title, start and commune, creates nothing and
// records a link to the owner's event instead (its `linkedEvents`, counted as "linked").
import type { Payload, Where } from 'payload'
import type { ImportedEvent } from '../domain/calendarImport'
import { idsOf } from '../hooks/enforceScope'
import type { CalendarSource, Event } from '../payload-types'
import { normalisedWords } from './places'

/** `in` lists stay well below SQLite's limit on bound values. */
const CHUNK = 500

function chunks<T>(list: T[]): T[][] {
  const result: T[][] = []
  for (let index = 0; index < list.length; index += CHUNK) {
    result.push(list.slice(index, index + CHUNK))
  }
  return result
}

async function othersWhere(payload: Payload, source: CalendarSource, where: Where) {
  const { docs } = await payload.find({
    collection: 'events',
    where: {
      and: [{ importSource: { exists: true } }, { importSource: { not_equals: source.id } }, where],
    },
    draft: true,
    locale: 'all',
    depth: 0,
    limit: 0,
    pagination: false,
    select: { title: true, start: true, importUid: true, communes: true },
  })
  return docs as Event[]
}

const titlesOf = (value: unknown): string[] =>
  (typeof value === 'string' ? [value] : Object.values((value ?? {}) as Record<string, unknown>))
    .filter((text): text is string => typeof text === 'string' && text.trim() !== '')
    .map(normalisedWords)

const sameEventKey = (title: string, start: string) => `${title}|${Date.parse(start)}`

/**
 * For each event of `events` that another source already brought, that source's event, by the
 * event's UID. Events of this source itself are the caller's to update, not passed here.
 */
export async function ownedElsewhere(
  payload: Payload,
  source: CalendarSource,
  events: ImportedEvent[],
): Promise<Map<string, Event>> {
  const found = new Map<string, Event>()
  if (events.length === 0) return found
  const byUid = new Map<string, Event>()
  for (const uids of chunks(events.map((event) => event.uid))) {
    for (const doc of await othersWhere(payload, source, { importUid: { in: uids } })) {
      if (doc.importUid && !byUid.has(doc.importUid)) byUid.set(doc.importUid, doc)
    }
  }
  const byTitle = new Map<string, Event>()
  const communes = idsOf(source.communes)
  const starts = [...new Set(events.map((event) => event.start))]
  for (const list of chunks(starts)) {
    const docs = await othersWhere(payload, source, {
      and: [{ start: { in: list } }, { communes: { in: communes } }],
    })
    for (const doc of docs) {
      for (const title of titlesOf(doc.title)) {
        const key = sameEventKey(title, doc.start)
        if (!byTitle.has(key)) byTitle.set(key, doc)
      }
    }
  }
  for (const event of events) {
    const twin =
      byUid.get(event.uid) ??
      Object.values(event.texts)
        .map((text) => byTitle.get(sameEventKey(normalisedWords(text.title), event.start)))
        .find(Boolean)
    if (twin) found.set(event.uid, twin)
  }
  return found
}
