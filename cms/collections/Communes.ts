import type { CollectionConfig, Field, Validate } from 'payload'
import { anyone } from '../access/anyone'
import { staffOnly } from '../access/staffOnly'
import { coordinatesGroup } from '../fields/address'
import { publicContactGroup, emailField } from '../fields/contact'
import { seedChecksumField } from '../fields/demo'
import { localizedText } from '../fields/localizedText'
import { slugField } from '../fields/slug'
import { sourceLanguageField } from '../fields/sourceLanguage'
import { requestMessage } from '../i18n/messages'

export const communeStatuses = [
  { value: 'partner', label: 'Partner commune of the PCI' },
  { value: 'leader-member', label: 'LEADER Miselerland member' },
  { value: 'cross-border-neighbour', label: 'Cross-border neighbour' },
] as const

/**
 * Communes are content, never hard-coded: they merge (Bous + Waldbredimus → Bous-Waldbredimus on
 * 2023-09-01), so each has a validity period and a successor whose pages include its history.
 */
export const Communes: CollectionConfig = {
  slug: 'communes',
  labels: {
    singular: { en: 'Commune', fr: 'Commune', de: 'Gemeinde', pt: 'Comuna' },
    plural: { en: 'Communes', fr: 'Communes', de: 'Gemeinden', pt: 'Comunas' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'code', 'status', 'validTo'],
    group: 'Reference',
  },
  defaultSort: 'slug',
  access: { read: anyone, create: staffOnly, update: staffOnly, delete: staffOnly },
  fields: [
    localizedText({ name: 'name', label: 'Name', requiredInSource: true, maxLength: 100 }),
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          unique: true,
          index: true,
          admin: { description: 'Official STATEC code for Luxembourg communes, e.g. 1205.' },
          validate: ((value: string | null | undefined, { data, req }) => {
            const country = (data as { country?: string }).country
            if (country === 'LU' && !/^\d{4}$/.test(value ?? ''))
              return requestMessage(req, 'codeFormat')
            return true
          }) as Validate,
        } as Field,
        {
          name: 'country',
          type: 'select',
          required: true,
          defaultValue: 'LU',
          options: [
            { value: 'LU', label: 'Luxembourg' },
            { value: 'DE', label: 'Germany' },
          ],
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          options: communeStatuses.map((status) => ({ ...status })),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'validFrom', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
        {
          name: 'validTo',
          type: 'date',
          admin: {
            date: { pickerAppearance: 'dayOnly' },
            description: 'Set when the commune merged.',
          },
          validate: ((value: string | null | undefined, { siblingData, req }) => {
            const from = (siblingData as { validFrom?: string }).validFrom
            if (value && from && new Date(value) < new Date(from)) {
              return requestMessage(req, 'validToBeforeValidFrom')
            }
            return true
          }) as Validate,
        } as Field,
      ],
    },
    {
      name: 'successor',
      type: 'relationship',
      relationTo: 'communes',
      admin: { description: 'The commune that took over after a merger.' },
    },
    publicContactGroup('contact', 'Town hall contact'),
    {
      name: 'commission',
      label: 'Consultative commission (vivre-ensemble interculturel)',
      type: 'group',
      fields: [
        localizedText({ name: 'name', label: 'Name', maxLength: 200 }),
        emailField('email', 'Email'),
      ],
    },
    coordinatesGroup(),
    slugField('name'),
    sourceLanguageField(),
    seedChecksumField(),
  ],
}
