import type { CollectionConfig } from 'payload'
import { canCreateInScope } from '../access/canCreateInScope'
import { ownScope } from '../access/ownScope'
import { publishedOrOwnScope } from '../access/publishedOrOwnScope'
import { versionsOf } from '../access/versionsOf'
import { postalAddressGroup } from '../fields/address'
import { publicContactGroup } from '../fields/contact'
import { demoField, seedChecksumField } from '../fields/demo'
import { languagesField } from '../fields/languages'
import { localizedText } from '../fields/localizedText'
import { slugField } from '../fields/slug'
import { sourceLanguageField } from '../fields/sourceLanguage'
import { resourceTypes } from '../domain/valueLists'
import { enforceScope } from '../hooks/enforceScope'
import { relationsInReach } from '../hooks/relationsInReach'

const scope = { communeField: 'communes' }

export const Resources: CollectionConfig = {
  slug: 'resources',
  labels: {
    singular: { en: 'Resource', fr: 'Ressource', de: 'Angebot', pt: 'Recurso' },
    plural: { en: 'Resources', fr: 'Ressources', de: 'Angebote', pt: 'Recursos' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'type', 'communes', 'lastReviewed'],
    group: 'Directory',
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  access: {
    read: publishedOrOwnScope(scope),
    readVersions: versionsOf(publishedOrOwnScope(scope)),
    create: canCreateInScope(scope),
    update: ownScope(scope),
    delete: ownScope(scope),
  },
  hooks: { beforeChange: [enforceScope(scope), relationsInReach] },
  fields: [
    localizedText({ name: 'title', label: 'Title', requiredInSource: true, maxLength: 200 }),
    localizedText({ name: 'summary', label: 'Summary', kind: 'textarea', maxLength: 600 }),
    { name: 'description', type: 'richText', localized: true },
    {
      name: 'type',
      type: 'select',
      required: true,
      index: true,
      options: resourceTypes.map((type) => ({ ...type })),
    },
    {
      name: 'communes',
      type: 'relationship',
      relationTo: 'communes',
      hasMany: true,
      index: true,
      admin: { description: 'Leave empty for information valid in the whole region.' },
    },
    languagesField('languagesOffered', 'Languages offered'),
    postalAddressGroup(),
    publicContactGroup(),
    localizedText({
      name: 'openingHours',
      label: 'Opening hours',
      kind: 'textarea',
      maxLength: 500,
    }),
    {
      name: 'lastReviewed',
      type: 'date',
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly' },
        description: 'When someone last checked this information is still right.',
      },
    },
    slugField(),
    sourceLanguageField(),
    demoField(),
    seedChecksumField(),
  ],
}
