import type { Block, CollectionConfig } from 'payload'
import { publishedOnly } from '../access/publishedOnly'
import { versionsOf } from '../access/versionsOf'
import { staffOnly } from '../access/staffOnly'
import { seedChecksumField } from '../fields/demo'
import { localizedText } from '../fields/localizedText'
import { slugField } from '../fields/slug'
import { sourceLanguageField } from '../fields/sourceLanguage'

const TextBlock: Block = {
  slug: 'text',
  labels: { singular: 'Text section', plural: 'Text sections' },
  fields: [
    localizedText({ name: 'heading', label: 'Heading', maxLength: 160 }),
    { name: 'body', type: 'richText', localized: true },
  ],
}

const LinksBlock: Block = {
  slug: 'links',
  labels: { singular: 'List of links', plural: 'Lists of links' },
  fields: [
    localizedText({ name: 'heading', label: 'Heading', maxLength: 160 }),
    {
      name: 'links',
      type: 'array',
      maxRows: 30,
      fields: [
        localizedText({ name: 'label', label: 'Label', requiredInSource: true, maxLength: 160 }),
        { name: 'url', type: 'text', required: true, maxLength: 2048 },
      ],
    },
  ],
}

/** About the plan, privacy notice, accessibility statement, imprint. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  labels: {
    singular: { en: 'Page', fr: 'Page', de: 'Seite', pt: 'Página' },
    plural: { en: 'Pages', fr: 'Pages', de: 'Seiten', pt: 'Páginas' },
  },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', '_status'], group: 'Site' },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  access: {
    read: publishedOnly,
    readVersions: versionsOf(publishedOnly),
    create: staffOnly,
    update: staffOnly,
    delete: staffOnly,
  },
  fields: [
    localizedText({ name: 'title', label: 'Title', requiredInSource: true, maxLength: 160 }),
    localizedText({ name: 'summary', label: 'Summary', kind: 'textarea', maxLength: 600 }),
    { name: 'layout', type: 'blocks', blocks: [TextBlock, LinksBlock], maxRows: 40 },
    slugField(),
    sourceLanguageField(),
    seedChecksumField(),
  ],
}
