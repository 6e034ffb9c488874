import type { Field, FieldHook } from 'payload'
import { slugify } from '../domain/validation'

/** The first text of a localized value (source language first when known). */
function textOf(value: unknown, preferred?: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (!value || typeof value !== 'object') return undefined
  const record = value as Record<string, unknown>
  const first = typeof preferred === 'string' ? record[preferred] : undefined
  if (typeof first === 'string' && first.trim()) return first
  return Object.values(record).find((v): v is string => typeof v === 'string' && v.trim() !== '')
}

/**
 * Generated slugs get a number when taken ("language-cafe-2"), so titles that repeat every year
 * never block saving. A slug typed by the editor is kept as typed and must be unique.
 */
const generateSlug =
  (fromField: string): FieldHook =>
  async ({ value, data, req, collection, originalDoc }) => {
    if (typeof value === 'string' && value.trim()) return slugify(value)
    if (originalDoc?.slug) return originalDoc.slug
    const text = textOf(data?.[fromField], data?.sourceLanguage)
    if (!text || !collection) return value
    const base = slugify(text) || 'item'
    const { docs } = await req.payload.find({
      collection: collection.slug,
      where: { slug: { like: base } },
      depth: 0,
      limit: 1000,
      pagination: false,
      draft: true,
      req,
      select: { slug: true },
    })
    const taken = new Set(docs.map((doc) => (doc as { slug?: string }).slug))
    if (!taken.has(base)) return base
    let counter = 2
    while (taken.has(`${base}-${counter}`)) counter += 1
    return `${base}-${counter}`
  }

/** URL identifier, unique per collection; generated from `fromField` when left empty. */
export const slugField = (fromField = 'title'): Field => ({
  name: 'slug',
  type: 'text',
  required: true,
  unique: true,
  index: true,
  maxLength: 80,
  admin: {
    position: 'sidebar',
    description: 'Part of the web address. Leave empty to make one from the title.',
  },
  validate: (value: string | null | undefined) =>
    !value || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
      ? true
      : 'Use lowercase letters, digits and single hyphens only, for example "language-cafe-remich".',
  hooks: { beforeValidate: [generateSlug(fromField)] },
})
