import type { Field } from 'payload'
import { spokenLanguages } from '../domain/valueLists'

export const languagesField = (name: string, label: string, description?: string): Field => ({
  name,
  label,
  type: 'select',
  hasMany: true,
  options: spokenLanguages.map((language) => ({ ...language })),
  ...(description ? { admin: { description } } : {}),
})
