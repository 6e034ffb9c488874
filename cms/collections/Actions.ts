import type { CollectionConfig, Field, Validate } from 'payload'
import { ownScope } from '../access/ownScope'
import { publishedOrOwnScope } from '../access/publishedOrOwnScope'
import { versionsOf } from '../access/versionsOf'
import { staffOnly } from '../access/staffOnly'
import { demoField, seedChecksumField } from '../fields/demo'
import { localizedText } from '../fields/localizedText'
import { slugField } from '../fields/slug'
import { sourceLanguageField } from '../fields/sourceLanguage'
import { enforceScope } from '../hooks/enforceScope'
import { relationsInReach } from '../hooks/relationsInReach'
import { requestMessage } from '../i18n/messages'

// Editors of a lead commune record indicator values; only the coordinator creates actions.
const scope = { communeField: 'leadCommunes' }

export const actionStatuses = [
  { value: 'planned', label: 'Planned' },
  { value: 'ongoing', label: 'Ongoing' },
  { value: 'completed', label: 'Completed' },
  { value: 'paused', label: 'Paused' },
  { value: 'cancelled', label: 'Cancelled' },
] as const

export const indicatorSources = [
  { value: 'manual', label: 'Values entered by editors' },
  { value: 'participants', label: 'Participants of the action’s events (cumulative)' },
  { value: 'events', label: 'Events of the action held (cumulative)' },
] as const

const milestones: Field = {
  name: 'milestones',
  type: 'array',
  maxRows: 30,
  fields: [
    localizedText({ name: 'title', label: 'Milestone', requiredInSource: true, maxLength: 200 }),
    {
      type: 'row',
      fields: [
        { name: 'due', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'done', type: 'checkbox', defaultValue: false },
        {
          name: 'doneOn',
          type: 'date',
          admin: {
            date: { pickerAppearance: 'dayOnly' },
            condition: (_, sibling) => sibling?.done,
          },
        },
      ],
    },
  ],
}

const indicators: Field = {
  name: 'indicators',
  type: 'array',
  maxRows: 20,
  fields: [
    localizedText({ name: 'name', label: 'Indicator', requiredInSource: true, maxLength: 200 }),
    localizedText({ name: 'unit', label: 'Unit', maxLength: 60 }),
    {
      name: 'source',
      label: 'Measured by',
      type: 'select',
      required: true,
      defaultValue: 'manual',
      options: indicatorSources.map((source) => ({ ...source })),
      admin: {
        description:
          'Participants and events held are counted from the attendance recorded on this action’s events; their measurements are then written by the portal.',
      },
    },
    {
      type: 'row',
      fields: [
        { name: 'baseline', type: 'number', required: true, defaultValue: 0 },
        {
          name: 'target',
          type: 'number',
          required: true,
          validate: ((value: number | null | undefined, { siblingData, req }) =>
            typeof value === 'number' && value === (siblingData as { baseline?: number }).baseline
              ? requestMessage(req, 'indicatorTargetEqualsBaseline')
              : true) as Validate,
        } as Field,
      ],
    },
    {
      name: 'measurements',
      type: 'array',
      maxRows: 500,
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'date',
              type: 'date',
              required: true,
              admin: { date: { pickerAppearance: 'dayOnly' } },
            },
            { name: 'value', type: 'number', required: true },
          ],
        },
        localizedText({ name: 'note', label: 'Note', maxLength: 300 }),
      ],
    },
  ],
}

export const Actions: CollectionConfig = {
  slug: 'actions',
  labels: {
    singular: { en: 'Action', fr: 'Action', de: 'Aktion', pt: 'Ação' },
    plural: { en: 'Actions', fr: 'Actions', de: 'Aktionen', pt: 'Ações' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'leadCommunes'],
    group: 'Plan',
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  access: {
    read: publishedOrOwnScope(scope),
    readVersions: versionsOf(publishedOrOwnScope(scope)),
    create: staffOnly,
    update: ownScope(scope),
    delete: staffOnly,
  },
  hooks: { beforeChange: [enforceScope(scope), relationsInReach] },
  fields: [
    localizedText({ name: 'title', label: 'Title', requiredInSource: true, maxLength: 200 }),
    localizedText({ name: 'summary', label: 'Summary', kind: 'textarea', maxLength: 600 }),
    { name: 'description', type: 'richText', localized: true },
    { name: 'goals', type: 'relationship', relationTo: 'goals', hasMany: true },
    { name: 'targetGroups', type: 'relationship', relationTo: 'target-groups', hasMany: true },
    {
      type: 'row',
      fields: [
        {
          name: 'leadCommunes',
          type: 'relationship',
          relationTo: 'communes',
          hasMany: true,
          index: true,
        },
        { name: 'partnerCommunes', type: 'relationship', relationTo: 'communes', hasMany: true },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'leadOrganisations',
          type: 'relationship',
          relationTo: 'organisations',
          hasMany: true,
        },
        {
          name: 'partnerOrganisations',
          type: 'relationship',
          relationTo: 'organisations',
          hasMany: true,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'periodStart', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
        {
          name: 'periodEnd',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayOnly' } },
          validate: ((value: string | null | undefined, { siblingData, req }) => {
            const start = (siblingData as { periodStart?: string }).periodStart
            return value && start && new Date(value) < new Date(start)
              ? requestMessage(req, 'periodEndBeforeStart')
              : true
          }) as Validate,
        } as Field,
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'planned',
          options: actionStatuses.map((status) => ({ ...status })),
        },
      ],
    },
    milestones,
    indicators,
    localizedText({
      name: 'evaluationNotes',
      label: 'Evaluation notes',
      kind: 'textarea',
      maxLength: 5000,
    }),
    {
      name: 'relatedEvents',
      type: 'join',
      collection: 'events',
      on: 'action',
      admin: { description: 'Events that belong to this action (set on the event).' },
    },
    slugField(),
    sourceLanguageField(),
    demoField(),
    seedChecksumField(),
  ],
}
