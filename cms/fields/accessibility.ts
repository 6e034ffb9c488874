import type { Field } from 'payload'
import { accessibilityFeatures } from '../domain/valueLists'

export const accessibilityField = (name = 'accessibility'): Field => ({
  name,
  label: 'Accessibility',
  type: 'select',
  hasMany: true,
  options: accessibilityFeatures.map((feature) => ({ ...feature })),
})
