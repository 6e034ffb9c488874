// Initiatives and event proposals sent by associations and residents through the public forms.
// Nobody creates them through the API: the public endpoint (cms/endpoints/submit.ts) validates
// and stores them as `pending`. Editors moderate them; every decision is recorded. The public
// reads approved initiatives only, and never the contact details.
import { ValidationError } from 'payload'
import type {
  Access,
  CollectionBeforeChangeHook,
  CollectionBeforeValidateHook,
  CollectionConfig,
  FieldAccess,
  Where,
} from 'payload'
import { localeCodes } from '../../locales/config'
import { nobody } from '../access/nobody'
import { ownScope } from '../access/ownScope'
import { ownScopeQueries } from '../access/publishedOrOwnScope'
import { hasRole, isStaff, relationId } from '../access/roles'
import { staffOnly } from '../access/staffOnly'
import { languagesField } from '../fields/languages'
import { enforceScope } from '../hooks/enforceScope'
import { relationsInReach } from '../hooks/relationsInReach'
import { personalDataEraseEndpoint, personalDataExportEndpoint } from '../endpoints/personalData'
import { requestMessage } from '../i18n/messages'
import { carryOutDecision, isPublicSubmission } from '../submissions/moderation'
import { slugField } from '../fields/slug'
import {
  initiativeNeeds,
  SUBMISSION_LIMITS,
  submissionKinds,
  submissionStatuses,
} from '../domain/submissionLimits'

const scope = { communeField: 'communes', organisationField: 'organisation' }

/** Staff and commune editors of the concerned communes read everything; associations their own. */
const readSubmissions: Access = ({ req: { user } }) => {
  if (isStaff(user)) return true
  const own = ownScopeQueries(user, scope)
  const publicInitiatives: Where = {
    and: [{ status: { equals: 'approved' } }, { kind: { equals: 'initiative' } }],
  }
  return own.length ? { or: [publicInitiatives, ...own] } : publicInitiatives
}

/** Contact details: the people who moderate (staff, commune editors); never the public. */
const moderatorsOnlyField: FieldAccess = ({ req: { user } }) =>
  isStaff(user) || hasRole(user, 'commune-editor')

/** Written by the public endpoint and the moderation hook (system work), never by a client. */
const setByServer = { create: () => false, update: () => false }

/** A stored log entry as it is written back (the user as an id, however it was read). */
const logEntries = (value: unknown) =>
  (Array.isArray(value) ? value : []).map((entry: Record<string, unknown>) => ({
    ...entry,
    by: relationId(entry.by as never),
  }))

/**
 * The decision log is written by the hook below only, whatever a client sends: every change
 * starts from the stored log (a change that leaves out the field must not empty it either).
 */
const keepDecisionLog: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  if (data) data.decisions = logEntries(originalDoc?.decisions)
  return data
}

/** Rejecting or asking for changes tells the submitter why: a reason is needed. */
const reasonForRefusal: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  const status = data?.status ?? originalDoc?.status
  const reason = typeof data?.reason === 'string' ? data.reason : originalDoc?.reason
  const changed = data?.status !== undefined && data.status !== originalDoc?.status
  if (changed && (status === 'rejected' || status === 'changes-requested') && !reason?.trim()) {
    throw new ValidationError({
      collection: 'submissions',
      errors: [{ path: 'reason', message: requestMessage(req, 'submissionNeedsReason') }],
    })
  }
  return data
}

/** A status change is a decision: who, when, what, and the reason given. */
const recordDecision: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc || data.status === undefined) return data
  if (data.status === originalDoc.status) return data
  data.decisions = [
    ...logEntries(originalDoc.decisions),
    {
      at: new Date().toISOString(),
      by: req.user?.id ?? null,
      decision: data.status,
      reason: typeof data.reason === 'string' ? data.reason : (originalDoc.reason ?? null),
    },
  ]
  return data
}

export const Submissions: CollectionConfig = {
  slug: 'submissions',
  labels: {
    singular: { en: 'Submission', fr: 'Proposition', de: 'Einreichung', pt: 'Proposta' },
    plural: { en: 'Submissions', fr: 'Propositions', de: 'Einreichungen', pt: 'Propostas' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'status', 'communes', 'createdAt'],
    group: 'Participation',
    description:
      'Initiatives and event proposals from the public forms. Filter by status "pending" to moderate.',
    components: { beforeList: ['/components/PersonalDataTool#PersonalDataTool'] },
  },
  defaultSort: '-createdAt',
  endpoints: [personalDataExportEndpoint, personalDataEraseEndpoint],
  access: {
    read: readSubmissions,
    create: nobody,
    update: ownScope({ communeField: 'communes' }),
    delete: staffOnly,
  },
  hooks: {
    beforeValidate: [keepDecisionLog, reasonForRefusal],
    beforeChange: [enforceScope({ communeField: 'communes' }), relationsInReach, recordDecision],
    afterChange: [carryOutDecision],
  },
  // Only approved initiatives are on the site: other changes need no rebuild.
  custom: { isPublic: isPublicSubmission },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: submissionKinds.map((value) => ({ value, label: value })),
      access: { update: () => false },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: submissionStatuses.map((value) => ({ value, label: value })),
    },
    {
      name: 'reason',
      label: 'Reason or requested changes (sent to the submitter)',
      type: 'textarea',
      maxLength: SUBMISSION_LIMITS.reason,
      access: { read: moderatorsOnlyField },
    },
    {
      name: 'language',
      label: 'Language of the submitter',
      type: 'select',
      required: true,
      options: localeCodes.map((code) => ({ value: code, label: code })),
    },
    { name: 'title', type: 'text', required: true, maxLength: SUBMISSION_LIMITS.title },
    slugField('title'),
    {
      name: 'description',
      type: 'textarea',
      required: true,
      maxLength: SUBMISSION_LIMITS.description,
      admin: { description: 'Plain text as the submitter wrote it; the site shows it as text.' },
    },
    { name: 'organisation', type: 'relationship', relationTo: 'organisations', index: true },
    {
      name: 'organisationName',
      label: 'New organisation or group (name given by the submitter)',
      type: 'text',
      maxLength: SUBMISSION_LIMITS.organisationName,
    },
    { name: 'communes', type: 'relationship', relationTo: 'communes', hasMany: true, index: true },
    { name: 'targetGroups', type: 'relationship', relationTo: 'target-groups', hasMany: true },
    languagesField('languages', 'Languages'),
    {
      name: 'needs',
      type: 'select',
      hasMany: true,
      options: initiativeNeeds.map((value) => ({ value, label: value })),
      admin: { condition: (data) => data?.kind === 'initiative' },
    },
    {
      name: 'event',
      type: 'group',
      admin: { condition: (data) => data?.kind === 'event' },
      fields: [
        { name: 'start', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'end', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'place', type: 'text', maxLength: SUBMISSION_LIMITS.place },
        { name: 'onlineUrl', type: 'text', maxLength: SUBMISSION_LIMITS.url },
        { name: 'free', type: 'checkbox' },
      ],
    },
    {
      type: 'row',
      fields: [
        // The submitter's own image, stored by the public endpoint only.
        { name: 'image', type: 'upload', relationTo: 'submission-images', access: setByServer },
        {
          name: 'imageAlt',
          label: 'Image description (by the submitter)',
          type: 'text',
          maxLength: SUBMISSION_LIMITS.imageAlt,
        },
      ],
    },
    {
      name: 'publicImage',
      label: 'Image in the media library (copied on approval)',
      type: 'upload',
      relationTo: 'media',
      access: setByServer,
      admin: { readOnly: true },
    },
    {
      name: 'createdEvent',
      label: 'Draft event created on approval',
      type: 'relationship',
      relationTo: 'events',
      access: setByServer,
      admin: {
        readOnly: true,
        condition: (data) => data?.kind === 'event',
        description: 'Complete it (place, category, translations) and publish it.',
      },
    },
    {
      name: 'contact',
      label: 'Contact (private)',
      type: 'group',
      access: { read: moderatorsOnlyField },
      admin: { description: 'Never shown on the site, in feeds or in search.' },
      fields: [
        { name: 'name', type: 'text', maxLength: SUBMISSION_LIMITS.contactName },
        // Required by the public endpoint; empty only after an erasure on request.
        { name: 'email', type: 'email' },
      ],
    },
    {
      name: 'consentAt',
      label: 'Privacy notice accepted at',
      type: 'date',
      required: true,
      access: { read: moderatorsOnlyField, update: () => false },
    },
    {
      name: 'decisions',
      type: 'array',
      access: { read: moderatorsOnlyField },
      admin: { readOnly: true },
      fields: [
        { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'by', type: 'relationship', relationTo: 'users' },
        {
          name: 'decision',
          type: 'select',
          options: submissionStatuses.map((value) => ({ value, label: value })),
        },
        { name: 'reason', type: 'textarea' },
      ],
    },
  ],
}
