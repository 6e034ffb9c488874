// "Fetch now" for one calendar source, with the rights of the person asking: only someone who may
// change the source may make the server fetch it (a fetch writes its events and its status).
import type { Payload, TypedUser } from 'payload'
import { editableWhere } from '../dashboard/overview'
import type { CalendarSource } from '../payload-types'
import { importSource, type SourceReport } from './run'

export type FetchNowOutcome =
  { kind: 'done'; report: SourceReport } | { kind: 'not-found' } | { kind: 'forbidden' }

/** A document id as the database adapters write them: digits (SQLite) or 24 hex (MongoDB). */
export function isDocumentId(value: unknown): value is string {
  return typeof value === 'string' && /^(?:[1-9]\d{0,15}|[0-9a-f]{24})$/i.test(value)
}

async function mayUpdate(payload: Payload, user: TypedUser, id: string | number) {
  const scope = await editableWhere(payload, user, 'calendar-sources')
  if (!scope) return false
  const { totalDocs } = await payload.count({
    collection: 'calendar-sources',
    where: { and: [{ id: { equals: id } }, scope] },
    overrideAccess: true,
  })
  return totalDocs === 1
}

/** Imports the source `id` now when `user` may update it; a source they cannot read is not found. */
export async function fetchSourceNow(
  payload: Payload,
  user: TypedUser | null | undefined,
  id: unknown,
  now = new Date(),
): Promise<FetchNowOutcome> {
  if (!user) return { kind: 'forbidden' }
  if (!isDocumentId(id)) return { kind: 'not-found' }
  const source = (await payload.findByID({
    collection: 'calendar-sources',
    id,
    depth: 0,
    overrideAccess: false,
    user,
    disableErrors: true,
  })) as CalendarSource | null
  if (!source) return { kind: 'not-found' }
  if (!(await mayUpdate(payload, user, source.id))) return { kind: 'forbidden' }
  return { kind: 'done', report: await importSource(payload, source, now) }
}
