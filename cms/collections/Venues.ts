import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { canCreateInScope } from '../access/canCreateInScope'
import { ownScope } from '../access/ownScope'
import { serverOnlyField } from '../access/serverOnlyField'
import { accessibilityField } from '../fields/accessibility'
import { coordinatesGroup, postalAddressGroup } from '../fields/address'
import { demoField, seedChecksumField } from '../fields/demo'
import { localizedText } from '../fields/localizedText'
import { slugField } from '../fields/slug'
import { sourceLanguageField } from '../fields/sourceLanguage'
import { enforceScope } from '../hooks/enforceScope'
import { relationsInReach } from '../hooks/relationsInReach'

const scope = { communeField: 'commune' }

export const Venues: CollectionConfig = {
  slug: 'venues',
  labels: {
    singular: { en: 'Venue', fr: 'Lieu', de: 'Ort', pt: 'Local' },
    plural: { en: 'Venues', fr: 'Lieux', de: 'Orte', pt: 'Locais' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'commune', 'needsReview'],
    group: 'Agenda',
  },
  access: {
    read: anyone,
    create: canCreateInScope(scope),
    update: ownScope(scope),
    delete: ownScope(scope),
  },
  hooks: { beforeChange: [enforceScope(scope), relationsInReach] },
  fields: [
    localizedText({ name: 'name', label: 'Name', requiredInSource: true, maxLength: 160 }),
    { name: 'commune', type: 'relationship', relationTo: 'communes', required: true, index: true },
    postalAddressGroup(),
    coordinatesGroup(),
    accessibilityField(),
    localizedText({
      name: 'accessibilityNotes',
      label: 'Accessibility notes',
      kind: 'textarea',
      maxLength: 1000,
    }),
    slugField('name'),
    sourceLanguageField(),
    {
      name: 'needsReview',
      label: 'To check',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: {
        position: 'sidebar',
        description:
          'Made by the calendar import from the place a source calendar names. Check the name, address and commune, then untick.',
      },
    },
    {
      name: 'importSource',
      label: 'Made from the calendar',
      type: 'relationship',
      relationTo: 'calendar-sources',
      access: { create: serverOnlyField, update: serverOnlyField },
      admin: { position: 'sidebar', readOnly: true },
    },
    demoField(),
    seedChecksumField(),
  ],
}
