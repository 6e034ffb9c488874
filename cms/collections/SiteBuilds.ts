// Builds of the public site, one document each: what asked for it, when it ran, how long it took,
// whether it went live, and the end of its log when it did not. Written by the rebuild job only;
// editors read them in the dashboard's build panel.
import type { CollectionConfig } from 'payload'
import { adminOnly } from '../access/adminOnly'
import { editorsOnly } from '../access/editorsOnly'
import { nobody } from '../access/nobody'

export const buildStatuses = ['queued', 'running', 'succeeded', 'failed'] as const
export type BuildStatus = (typeof buildStatuses)[number]

export const SiteBuilds: CollectionConfig = {
  slug: 'site-builds',
  labels: {
    singular: {
      en: 'Site build',
      fr: 'Publication du site',
      de: 'Site-Build',
      pt: 'Publicação do site',
    },
    plural: {
      en: 'Site builds',
      fr: 'Publications du site',
      de: 'Site-Builds',
      pt: 'Publicações do site',
    },
  },
  admin: {
    group: 'System',
    useAsTitle: 'reason',
    defaultColumns: ['status', 'reason', 'requestedAt', 'durationMs', 'pages', 'release'],
    description:
      'Every change to published content rebuilds the public site within about half a minute. A failed build leaves the live site as it was.',
  },
  access: { read: editorsOnly, create: nobody, update: nobody, delete: adminOnly },
  defaultSort: '-requestedAt',
  fields: [
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      options: buildStatuses.map((value) => ({ value, label: value })),
      index: true,
    },
    { name: 'reason', type: 'text', maxLength: 500 },
    {
      name: 'requestedAt',
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'startedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'durationMs', label: 'Duration (ms)', type: 'number' },
    { name: 'release', type: 'text' },
    { name: 'pages', type: 'number' },
    { name: 'error', type: 'textarea' },
    { name: 'log', label: 'End of the log', type: 'textarea' },
  ],
}
