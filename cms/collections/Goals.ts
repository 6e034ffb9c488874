import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { staffOnly } from '../access/staffOnly'
import { seedChecksumField } from '../fields/demo'
import { localizedText } from '../fields/localizedText'
import { slugField } from '../fields/slug'
import { sourceLanguageField } from '../fields/sourceLanguage'

/** The plan's nine primary and three secondary goals (reference content from the plan). */
export const Goals: CollectionConfig = {
  slug: 'goals',
  labels: {
    singular: {
      en: 'Plan goal',
      fr: 'Objectif du plan',
      de: 'Ziel des Plans',
      pt: 'Objetivo do plano',
    },
    plural: {
      en: 'Plan goals',
      fr: 'Objectifs du plan',
      de: 'Ziele des Plans',
      pt: 'Objetivos do plano',
    },
  },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'kind', 'number'], group: 'Plan' },
  defaultSort: 'sortOrder',
  access: { read: anyone, create: staffOnly, update: staffOnly, delete: staffOnly },
  fields: [
    localizedText({ name: 'title', label: 'Title', requiredInSource: true, maxLength: 160 }),
    localizedText({ name: 'description', label: 'Description', kind: 'textarea', maxLength: 1000 }),
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          options: [
            { value: 'primary', label: 'Primary' },
            { value: 'secondary', label: 'Secondary' },
          ],
        },
        { name: 'number', type: 'number', required: true, min: 1, max: 99 },
      ],
    },
    {
      name: 'sortOrder',
      type: 'number',
      index: true,
      admin: { hidden: true },
      hooks: {
        // Primary goals first, then secondary, each by number.
        beforeChange: [
          ({ siblingData }) =>
            (siblingData.kind === 'secondary' ? 100 : 0) + Number(siblingData.number ?? 0),
        ],
      },
    },
    slugField(),
    sourceLanguageField(),
    seedChecksumField(),
  ],
}
