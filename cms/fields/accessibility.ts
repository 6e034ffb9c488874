import type { Field } from 'payload'

export const accessibilityFeatures = [
  { value: 'step-free', label: 'Step-free access' },
  { value: 'accessible-toilet', label: 'Accessible toilet' },
  { value: 'hearing-loop', label: 'Hearing loop' },
  { value: 'easy-read', label: 'Easy-to-read language' },
  { value: 'childcare', label: 'Childcare' },
  { value: 'quiet-room', label: 'Quiet room' },
] as const

export const accessibilityField = (name = 'accessibility'): Field => ({
  name,
  label: 'Accessibility',
  type: 'select',
  hasMany: true,
  options: accessibilityFeatures.map((feature) => ({ ...feature })),
})
