// Readers who get the week's (or month's) events by email. Personal data: only admins read the
// addresses; the coordinator sees counts per commune and language (GET
// /api/digest-subscriptions/counts). Nobody creates one through the API: the public form's
// endpoint (cms/endpoints/digest.ts) stores it unconfirmed, and only the link in the
// confirmation mail makes it receive digests. Links are signed, not stored (cms/digests/links.ts).
import type { CollectionConfig } from 'payload'
import { localeCodes } from '../../locales/config'
import { adminOnly } from '../access/adminOnly'
import { nobody } from '../access/nobody'
import { DIGEST_MAX_FAILURES, digestFrequencies } from '../domain/digest'
import { digestCountsEndpoint } from '../endpoints/digestCounts'
import { languagesField } from '../fields/languages'

export const DigestSubscriptions: CollectionConfig = {
  slug: 'digest-subscriptions',
  labels: {
    singular: {
      en: 'Digest subscriber',
      fr: 'Abonné·e au résumé',
      de: 'Newsletter-Abonnent:in',
      pt: 'Assinante do resumo',
    },
    plural: {
      en: 'Digest subscribers',
      fr: 'Abonné·es au résumé',
      de: 'Newsletter-Abonnent:innen',
      pt: 'Assinantes do resumo',
    },
  },
  admin: {
    group: 'Participation',
    useAsTitle: 'email',
    defaultColumns: ['email', 'language', 'frequency', 'confirmedAt', 'pausedAt'],
    description:
      'Readers who receive the events by email. Addresses are personal data: only admins see them.',
    hidden: ({ user }) => !(user as { roles?: string[] } | null)?.roles?.includes('admin'),
  },
  // The public never sees a subscription; a change is not published content.
  custom: { isPublic: () => false },
  defaultSort: '-createdAt',
  endpoints: [digestCountsEndpoint],
  access: { read: adminOnly, create: nobody, update: adminOnly, delete: adminOnly },
  fields: [
    {
      name: 'email',
      type: 'email',
      required: true,
      unique: true,
      index: true,
    },
    {
      name: 'language',
      type: 'select',
      required: true,
      options: localeCodes.map((code) => ({ label: code, value: code })),
    },
    {
      name: 'frequency',
      type: 'select',
      required: true,
      defaultValue: 'weekly',
      options: digestFrequencies.map((value) => ({ label: value, value })),
    },
    {
      name: 'communes',
      type: 'relationship',
      relationTo: 'communes',
      hasMany: true,
      admin: { description: 'None: the whole region.' },
    },
    { name: 'categories', type: 'relationship', relationTo: 'categories', hasMany: true },
    { name: 'targetGroups', type: 'relationship', relationTo: 'target-groups', hasMany: true },
    languagesField('spoken', 'Events in these languages', 'None: events in any language.'),
    { name: 'consentAt', type: 'date', required: true },
    {
      name: 'confirmedAt',
      type: 'date',
      index: true,
      admin: { description: 'Empty until the link in the confirmation mail is followed.' },
    },
    {
      name: 'linkGeneration',
      type: 'number',
      defaultValue: 0,
      admin: { readOnly: true, description: 'Raised to end every link sent before.' },
    },
    {
      name: 'lastSentPeriod',
      type: 'text',
      index: true,
      admin: { readOnly: true, description: 'The last period (2027-W10, 2027-03) sent.' },
    },
    {
      name: 'sendingPeriod',
      type: 'text',
      admin: {
        readOnly: true,
        description:
          'Set just before a digest is handed to the mail server and cleared after: a run that stops in between never sends that period again.',
      },
    },
    { name: 'failures', type: 'number', defaultValue: 0, admin: { readOnly: true } },
    { name: 'lastError', type: 'text', admin: { readOnly: true } },
    {
      name: 'pausedAt',
      type: 'date',
      index: true,
      admin: {
        description: `Set after ${DIGEST_MAX_FAILURES} permanent delivery failures. Clear it (and the failures) to resume.`,
      },
    },
  ],
}
