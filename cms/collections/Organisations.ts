import { APIError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { communeEditorsCreate } from '../access/communeEditorsCreate'
import { editorsOnlyField } from '../access/editorsOnlyField'
import { organisationEditors } from '../access/organisationEditors'
import { isStaff } from '../access/roles'
import { staffOnly } from '../access/staffOnly'
import { staffOnlyField } from '../access/staffOnlyField'
import { emailField, phoneField, publicContactGroup } from '../fields/contact'
import { demoField, seedChecksumField } from '../fields/demo'
import { localizedText } from '../fields/localizedText'
import { slugField } from '../fields/slug'
import { sourceLanguageField } from '../fields/sourceLanguage'
import { requestMessage } from '../i18n/messages'
import { enforceScope } from '../hooks/enforceScope'
import { relationsInReach } from '../hooks/relationsInReach'

export const organisationTypes = [
  { value: 'coordinator', label: 'Coordinator of the plan' },
  { value: 'commune-service', label: 'Commune service' },
  { value: 'association', label: 'Association' },
  { value: 'citizen-initiative', label: 'Citizen initiative' },
  { value: 'national-partner', label: 'National partner' },
] as const

/** The plan's coordinator is one organisation, named by staff: no editor makes another one. */
const coordinatorTypeByStaff: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!req.user || isStaff(req.user)) return data
  if (data.type === 'coordinator' && originalDoc?.type !== 'coordinator') {
    throw new APIError(requestMessage(req, 'organisationTypeStaffOnly'), 403, null, true)
  }
  return data
}

export const Organisations: CollectionConfig = {
  slug: 'organisations',
  labels: {
    singular: { en: 'Organisation', fr: 'Organisation', de: 'Organisation', pt: 'Organização' },
    plural: { en: 'Organisations', fr: 'Organisations', de: 'Organisationen', pt: 'Organizações' },
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'type', 'communes'], group: 'Directory' },
  defaultSort: 'name',
  access: {
    read: anyone,
    create: communeEditorsCreate,
    update: organisationEditors,
    delete: staffOnly,
  },
  hooks: {
    beforeChange: [
      enforceScope({ communeField: 'communes' }),
      coordinatorTypeByStaff,
      relationsInReach,
    ],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200 },
    {
      name: 'type',
      type: 'select',
      required: true,
      options: organisationTypes.map((type) => ({ ...type })),
      access: { create: editorsOnlyField, update: editorsOnlyField },
    },
    {
      name: 'communes',
      type: 'relationship',
      relationTo: 'communes',
      hasMany: true,
      index: true,
      access: { create: editorsOnlyField, update: editorsOnlyField },
    },
    localizedText({ name: 'description', label: 'Description', kind: 'textarea', maxLength: 2000 }),
    publicContactGroup(),
    { name: 'logo', type: 'upload', relationTo: 'media' },
    {
      name: 'contactPerson',
      label: 'Contact person (private)',
      type: 'group',
      access: { read: staffOnlyField },
      admin: { description: 'Never shown on the site; for the coordinator only.' },
      fields: [
        { name: 'name', type: 'text', maxLength: 200 },
        emailField('email', 'Email'),
        phoneField('phone', 'Phone'),
      ],
    },
    slugField('name'),
    sourceLanguageField(),
    demoField(),
    seedChecksumField(),
  ],
}
