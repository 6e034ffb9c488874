// Every document a non-staff editor links (a venue, an image, an action, an organisation…) must be
// one that editor may read. Access rules see the editor, not the values written; without this a
// commune editor could attach another commune's draft action or a private file by its id.
import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionSlug,
  type FlattenedField,
  type PayloadRequest,
} from 'payload'
import { asPortalUser, isStaff } from '../access/roles'
import { requestMessage } from '../i18n/messages'
import { idsOf } from './enforceScope'

/** Newly written ids per linked collection, with the field that names them. */
type Linked = Map<string, { field: string; ids: Set<string> }>

function rowsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : []
}

function collect(
  fields: FlattenedField[],
  data: Record<string, unknown> | undefined,
  original: Record<string, unknown> | undefined,
  found: Linked,
  path: string,
) {
  if (!data) return
  for (const field of fields) {
    if (!('name' in field) || !(field.name in data)) continue
    const value = data[field.name]
    const before = original?.[field.name]
    const fieldPath = path ? `${path}.${field.name}` : field.name
    if ((field.type === 'relationship' || field.type === 'upload') && !field.virtual) {
      // Polymorphic relations are not used by the portal; their values carry their collection.
      if (typeof field.relationTo !== 'string') continue
      const known = new Set(idsOf(before))
      const added = idsOf(value).filter((id) => !known.has(id))
      if (added.length === 0) continue
      const entry = found.get(field.relationTo) ?? { field: fieldPath, ids: new Set<string>() }
      for (const id of added) entry.ids.add(id)
      found.set(field.relationTo, entry)
    } else if (field.type === 'group' || field.type === 'tab') {
      collect(
        field.flattenedFields,
        value as Record<string, unknown> | undefined,
        before as Record<string, unknown> | undefined,
        found,
        fieldPath,
      )
    } else if (field.type === 'array') {
      const previous = new Map(rowsOf(before).map((row) => [String(row.id), row]))
      for (const row of rowsOf(value)) {
        collect(field.flattenedFields, row, previous.get(String(row.id)), found, fieldPath)
      }
    }
  }
}

async function unreadable(
  req: PayloadRequest,
  collection: CollectionSlug,
  ids: string[],
): Promise<string[]> {
  const query = { collection, where: { id: { in: ids } }, depth: 0, limit: ids.length, req }
  const { docs } = await req.payload.find({ ...query, overrideAccess: false, user: req.user })
  const readable = new Set(docs.map((doc) => String(doc.id)))
  const missing = ids.filter((id) => !readable.has(id))
  if (missing.length === 0) return []
  // Ids that do not exist at all are the reference check's to report (a clearer message).
  const existing = await req.payload.find({ ...query, where: { id: { in: missing } } })
  return existing.docs.map((doc) => String(doc.id))
}

export const relationsInReach: CollectionBeforeChangeHook = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const user = asPortalUser(req.user)
  // No user: system work (seed, jobs, the public endpoints) that runs with overrideAccess.
  if (!user || isStaff(user)) return data
  const found: Linked = new Map()
  collect(collection.flattenedFields, data, originalDoc, found, '')
  for (const [target, { field, ids }] of found) {
    const outside = await unreadable(req, target as CollectionSlug, [...ids])
    if (outside.length > 0) {
      throw new APIError(
        requestMessage(req, 'referenceOutOfReach', {
          field,
          collection: target,
          ids: outside.join(', '),
        }),
        403,
        null,
        true,
      )
    }
  }
  return data
}
