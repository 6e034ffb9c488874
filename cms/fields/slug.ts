import type { Field } from 'payload'
import { slugify } from '../domain/validation'

/**
 * URL identifier, unique per collection. Generated from `fromField` in the source language when
 * left empty; editors may change it, old links then break (so the seed never changes slugs).
 */
export const slugField = (fromField = 'title'): Field => ({
  name: 'slug',
  type: 'text',
  required: true,
  unique: true,
  index: true,
  maxLength: 80,
  admin: {
    position: 'sidebar',
    description: 'Part of the web address. Lowercase letters, digits and hyphens.',
  },
  validate: (value: string | null | undefined) =>
    !value || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
      ? true
      : 'Use lowercase letters, digits and single hyphens only, for example "language-cafe-remich".',
  hooks: {
    beforeValidate: [
      ({ value, data }) => {
        if (typeof value === 'string' && value.trim()) return slugify(value)
        const source = data?.[fromField]
        const text =
          typeof source === 'string'
            ? source
            : source && typeof source === 'object'
              ? Object.values(source as Record<string, unknown>).find((v) => typeof v === 'string')
              : undefined
        return typeof text === 'string' ? slugify(text) : value
      },
    ],
  },
})
