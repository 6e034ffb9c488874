// The diversity inventory's figures: residents per commune (and nationally) by nationality group
// and date, each with its source. Written by `npm run import:statec` (upsert on `key`, so an
// import is idempotent); readable by everyone, corrected by the coordinator only.
import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { staffOnly } from '../access/staffOnly'
import { populationGroups } from '../domain/population'

export const PopulationFigures: CollectionConfig = {
  slug: 'population-figures',
  labels: {
    singular: {
      en: 'Population figure',
      fr: 'Donnée de population',
      de: 'Bevölkerungszahl',
      pt: 'Dado de população',
    },
    plural: {
      en: 'Population figures',
      fr: 'Données de population',
      de: 'Bevölkerungszahlen',
      pt: 'Dados de população',
    },
  },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['communeCode', 'referenceDate', 'group', 'count', 'sourceLabel'],
    group: 'Plan',
    description: 'Imported with `npm run import:statec -- <file>`; see content/statec/README.md.',
  },
  defaultSort: 'referenceDate',
  access: { read: anyone, create: staffOnly, update: staffOnly, delete: staffOnly },
  fields: [
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { readOnly: true, description: 'Source, commune, date and group: one figure each.' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'area',
          type: 'select',
          required: true,
          options: [
            { value: 'commune', label: 'Commune' },
            { value: 'national', label: 'Luxembourg (national)' },
          ],
        },
        { name: 'commune', type: 'relationship', relationTo: 'communes', index: true },
        { name: 'communeCode', type: 'text', maxLength: 8 },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'period', type: 'text', required: true, maxLength: 20 },
        {
          name: 'referenceDate',
          type: 'date',
          required: true,
          index: true,
          admin: { date: { pickerAppearance: 'dayOnly' } },
        },
        {
          name: 'group',
          type: 'select',
          required: true,
          options: populationGroups.map((group) => ({ value: group, label: group })),
        },
        { name: 'count', type: 'number', required: true, min: 0 },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'sourceDataset', type: 'text', required: true, maxLength: 120 },
        { name: 'sourceLabel', type: 'text', required: true, maxLength: 300 },
        { name: 'sourceFile', type: 'text', maxLength: 300 },
      ],
    },
  ],
}
