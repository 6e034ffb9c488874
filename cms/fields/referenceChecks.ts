// Every relationship and upload field checks that the documents it points to exist, so a wrong
// id (a typo in an API call, a deleted commune) is a 400 naming the field, not a database error.
import type { CollectionConfig, Field, Validate } from 'payload'
import { relationship as defaultRelationship, upload as defaultUpload } from 'payload/shared'
import { requestMessage } from '../i18n/messages'

type Reference = string | number | { id?: string | number; value?: string | number } | null

function referencedIds(value: unknown): (string | number)[] {
  const list = Array.isArray(value) ? value : [value]
  return list
    .map((entry: Reference) => {
      if (entry === null || entry === undefined || entry === '') return null
      if (typeof entry === 'object') return entry.value ?? entry.id ?? null
      return entry
    })
    .filter((id): id is string | number => id !== null && id !== undefined)
}

function withExistenceCheck(field: Field & { relationTo: string }, base: Validate): Validate {
  return async (value, args) => {
    const result = await base(value, args)
    if (result !== true) return result
    const ids = referencedIds(value)
    if (ids.length === 0) return true
    const { docs } = await args.req.payload.find({
      collection: field.relationTo as never,
      where: { id: { in: ids } },
      depth: 0,
      limit: ids.length,
      pagination: false,
      draft: true,
      overrideAccess: true,
      req: args.req,
    })
    const found = new Set(docs.map((doc) => String((doc as { id: string | number }).id)))
    const missing = ids.filter((id) => !found.has(String(id)))
    if (missing.length === 0) return true
    return requestMessage(args.req, 'unknownReference', {
      collection: field.relationTo,
      ids: missing.join(', '),
    })
  }
}

function checkField(field: Field): Field {
  if (
    (field.type === 'relationship' || field.type === 'upload') &&
    typeof field.relationTo === 'string'
  ) {
    const fallback = (field.type === 'upload' ? defaultUpload : defaultRelationship) as Validate
    const base = (field.validate as Validate | undefined) ?? fallback
    return {
      ...field,
      validate: withExistenceCheck(field as Field & { relationTo: string }, base),
    } as Field
  }
  if ('fields' in field && Array.isArray(field.fields)) {
    return { ...field, fields: field.fields.map(checkField) } as Field
  }
  if (field.type === 'tabs') {
    return {
      ...field,
      tabs: field.tabs.map((tab) => ({ ...tab, fields: tab.fields.map(checkField) })),
    }
  }
  if (field.type === 'blocks') {
    return {
      ...field,
      blocks: field.blocks.map((block) => ({ ...block, fields: block.fields.map(checkField) })),
    }
  }
  return field
}

export function withReferenceChecks(collection: CollectionConfig): CollectionConfig {
  return { ...collection, fields: collection.fields.map(checkField) }
}
