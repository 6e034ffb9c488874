// Categories and target groups: small lists with labels in all five languages.
import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { staffOnly } from '../access/staffOnly'
import { seedChecksumField } from '../fields/demo'
import { localizedText } from '../fields/localizedText'
import { slugField } from '../fields/slug'
import { sourceLanguageField } from '../fields/sourceLanguage'

type Labels = NonNullable<CollectionConfig['labels']>

export const taxonomyCollection = (slug: string, labels: Labels): CollectionConfig => ({
  slug,
  labels,
  admin: { useAsTitle: 'label', defaultColumns: ['label', 'slug'], group: 'Reference' },
  access: { read: anyone, create: staffOnly, update: staffOnly, delete: staffOnly },
  fields: [
    localizedText({ name: 'label', label: 'Label', requiredInSource: true, maxLength: 80 }),
    localizedText({ name: 'description', label: 'Description', kind: 'textarea', maxLength: 500 }),
    slugField('label'),
    sourceLanguageField(),
    seedChecksumField(),
  ],
})

export const Categories = taxonomyCollection('categories', {
  singular: { en: 'Category', fr: 'Catégorie', de: 'Kategorie', pt: 'Categoria' },
  plural: { en: 'Categories', fr: 'Catégories', de: 'Kategorien', pt: 'Categorias' },
})

export const TargetGroups = taxonomyCollection('target-groups', {
  singular: { en: 'Target group', fr: 'Public cible', de: 'Zielgruppe', pt: 'Público-alvo' },
  plural: { en: 'Target groups', fr: 'Publics cibles', de: 'Zielgruppen', pt: 'Públicos-alvo' },
})
