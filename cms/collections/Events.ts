import type { CollectionConfig, DateFieldValidation, Field, Validate } from 'payload'
import { canCreateInScope } from '../access/canCreateInScope'
import { ownScope, ownScopeDelete } from '../access/ownScope'
import { publishedOrOwnScope } from '../access/publishedOrOwnScope'
import { serverOnlyField } from '../access/serverOnlyField'
import { signedInField } from '../access/signedInField'
import { versionsOf } from '../access/versionsOf'
import { zonedFromISO, PORTAL_TIME_ZONE } from '../domain/dates'
import {
  frequencies,
  recurrenceProblems,
  weekdays,
  type RecurrenceProblem,
} from '../domain/recurrence'
import { accessibilityField } from '../fields/accessibility'
import { attendanceField } from '../fields/attendance'
import { emailField, phoneField, urlField, validateUrl } from '../fields/contact'
import { demoField, seedChecksumField } from '../fields/demo'
import { languagesField } from '../fields/languages'
import { localizedText, requiredInSourceLanguage } from '../fields/localizedText'
import { slugField } from '../fields/slug'
import { sourceLanguageField } from '../fields/sourceLanguage'
import { assignEventIdentity } from '../hooks/eventIdentity'
import { enforceScope } from '../hooks/enforceScope'
import { relationsInReach } from '../hooks/relationsInReach'
import { associationsWriteDraftsOnly } from '../hooks/statusTransitions'
import { requestMessage } from '../i18n/messages'

const scope = { communeField: 'communes', organisationField: 'organiser' }

export const eventStatuses = [
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'postponed', label: 'Postponed' },
  { value: 'rescheduled', label: 'Rescheduled' },
  { value: 'moved-online', label: 'Moved online' },
] as const

/** An event may last at most this many days; longer things are series or actions. */
export const MAX_EVENT_DAYS = 31

const timezone = {
  defaultTimezone: PORTAL_TIME_ZONE,
  supportedTimezones: [{ label: 'Luxembourg', value: PORTAL_TIME_ZONE }],
}

const validateEnd: DateFieldValidation = (value, { req, siblingData }) => {
  const start = (siblingData as { start?: string | Date }).start
  if (!value || !start) return true
  const startTime = zonedFromISO(start)
  const endTime = zonedFromISO(value)
  const allDay = Boolean((siblingData as { allDay?: boolean }).allDay)
  // All-day events store their last day (inclusive), so the same day is a valid end.
  const tooEarly = allDay ? endTime.startOf('day') < startTime.startOf('day') : endTime <= startTime
  if (tooEarly) {
    const format = allDay ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm'
    return requestMessage(req, 'endBeforeStart', {
      start: startTime.toFormat(format),
      end: endTime.toFormat(format),
    })
  }
  if (endTime.diff(startTime, 'days').days > MAX_EVENT_DAYS) {
    return requestMessage(req, 'durationTooLong', { days: MAX_EVENT_DAYS })
  }
  return true
}

/** Each recurrence sub-field reports the problems that belong to it. */
function recurrenceValidator(field: RecurrenceProblem['field']): Validate {
  return (_value, { req, data }) => {
    const doc = data as { start?: string; recurrence?: Parameters<typeof recurrenceProblems>[0] }
    const problem = recurrenceProblems(doc.recurrence, doc.start).find((p) => p.field === field)
    return problem ? requestMessage(req, problem.key, problem.vars) : true
  }
}

const recurrenceGroup: Field = {
  name: 'recurrence',
  type: 'group',
  admin: {
    description:
      'For repeating events. Dates repeat at the same Luxembourg time. An end (until or count) is required.',
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'frequency',
          type: 'select',
          options: frequencies.map((value) => ({ value, label: value })),
          validate: recurrenceValidator('frequency'),
        },
        {
          name: 'interval',
          type: 'number',
          defaultValue: 1,
          min: 1,
          admin: { description: '1 = every week/month, 2 = every other…' },
          validate: recurrenceValidator('interval'),
        },
      ],
    },
    {
      name: 'byWeekday',
      label: 'On weekdays',
      type: 'select',
      hasMany: true,
      options: weekdays.map((value) => ({ value, label: value })),
      validate: recurrenceValidator('byWeekday'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'until',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayOnly' } },
          validate: recurrenceValidator('until'),
        },
        { name: 'count', type: 'number', min: 1, validate: recurrenceValidator('count') },
      ],
    },
    {
      name: 'exdates',
      label: 'Skipped dates',
      type: 'array',
      maxRows: 200,
      fields: [
        {
          name: 'date',
          type: 'date',
          required: true,
          admin: { date: { pickerAppearance: 'dayOnly' } },
        },
      ],
    },
    {
      name: 'rdates',
      label: 'Extra dates',
      type: 'array',
      maxRows: 200,
      fields: [
        {
          name: 'start',
          type: 'date',
          required: true,
          timezone,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
  ],
}

/** Where an imported event comes from (cms/calendarImport): written by the import only. */
const importFields: Field[] = (
  [
    { name: 'importSource', type: 'relationship', relationTo: 'calendar-sources', index: true },
    { name: 'importUid', type: 'text', index: true, admin: { description: 'UID in the source.' } },
    { name: 'importSequence', type: 'number' },
    { name: 'importModified', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'importHash', type: 'text', admin: { hidden: true } },
    { name: 'importLocation', label: 'Place (as the source names it)', type: 'text' },
    { name: 'importUrl', label: 'Page at the source', type: 'text' },
    // Shown to readers ("from the calendar of …"): the source itself is not public.
    { name: 'importCredit', label: 'Calendar it comes from', type: 'text' },
    // What the import last wrote, part by part (cms/calendarImport/ownership.ts): a part that no
    // longer matches was changed by an editor and is kept at the next import. Working data.
    {
      name: 'importFingerprints',
      type: 'json',
      access: { read: signedInField },
      admin: { hidden: true },
    },
  ] as Field[]
).map(
  (field) =>
    ({
      ...field,
      access: {
        ...('access' in field ? field.access : {}),
        create: serverOnlyField,
        update: serverOnlyField,
      },
      admin: { position: 'sidebar', readOnly: true, ...('admin' in field ? field.admin : {}) },
    }) as Field,
)

/** The edit view says which parts come from the source and which an editor changed. */
const importOwnershipField: Field = {
  name: 'importOwnership',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: { Field: '/components/ImportOwnership#ImportOwnership' },
  },
}

export const Events: CollectionConfig = {
  slug: 'events',
  labels: {
    singular: { en: 'Event', fr: 'Événement', de: 'Veranstaltung', pt: 'Evento' },
    plural: { en: 'Events', fr: 'Événements', de: 'Veranstaltungen', pt: 'Eventos' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'start', 'status', 'communes', '_status'],
    group: 'Agenda',
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  access: {
    read: publishedOrOwnScope(scope),
    readVersions: versionsOf(publishedOrOwnScope(scope)),
    create: canCreateInScope(scope),
    update: ownScope(scope),
    delete: ownScopeDelete(scope),
  },
  hooks: {
    beforeOperation: [associationsWriteDraftsOnly],
    beforeChange: [enforceScope(scope), relationsInReach, assignEventIdentity],
  },
  fields: [
    localizedText({ name: 'title', label: 'Title', requiredInSource: true, maxLength: 160 }),
    localizedText({
      name: 'summary',
      label: 'Summary',
      kind: 'textarea',
      maxLength: 400,
      description: 'One or two plain sentences shown in lists and calendar apps.',
    }),
    {
      name: 'description',
      type: 'richText',
      localized: true,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'start',
          type: 'date',
          required: true,
          index: true,
          timezone,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'end',
          type: 'date',
          required: true,
          timezone,
          admin: {
            date: { pickerAppearance: 'dayAndTime' },
            description: 'For all-day events: the last day.',
          },
          validate: validateEnd,
        },
      ],
    },
    { name: 'allDay', type: 'checkbox', defaultValue: false },
    recurrenceGroup,
    {
      name: 'overrides',
      label: 'Changed occurrences',
      type: 'array',
      maxRows: 200,
      admin: { description: 'Cancel or move a single date of a recurring event.' },
      fields: [
        {
          name: 'occurrenceDate',
          type: 'date',
          required: true,
          admin: { date: { pickerAppearance: 'dayOnly' } },
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          options: [
            { value: 'cancelled', label: 'Cancelled' },
            { value: 'rescheduled', label: 'Rescheduled' },
          ],
        },
        {
          name: 'newStart',
          type: 'date',
          timezone,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'newEnd',
          type: 'date',
          timezone,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        localizedText({ name: 'reason', label: 'Reason', kind: 'textarea', maxLength: 400 }),
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'scheduled',
          options: eventStatuses.map((status) => ({ ...status })),
        },
      ],
    },
    {
      ...localizedText({
        name: 'statusReason',
        label: 'Status reason',
        kind: 'textarea',
        maxLength: 400,
      }),
      validate: (value: unknown, args: Parameters<Validate>[1]) => {
        const { data, req } = args
        const status = (data as { status?: string }).status
        const source = requiredInSourceLanguage<unknown>('Status reason')
        if (status && status !== 'scheduled') {
          const result = source(value, args)
          if (result !== true) return requestMessage(req, 'statusNeedsReason', { status })
        }
        return true
      },
    } as Field,
    {
      name: 'venue',
      type: 'relationship',
      relationTo: 'venues',
      validate: (value: unknown, { data, req }: Parameters<Validate>[1]) => {
        const doc = data as { onlineUrl?: string; status?: string }
        // A postponed or cancelled event may no longer have a place.
        const placeNeeded = !['postponed', 'cancelled'].includes(doc.status ?? 'scheduled')
        // An imported event names its place as the source calendar does, until matched to a venue.
        const placeText = (doc as { importLocation?: string }).importLocation
        if (placeNeeded && !value && !doc.onlineUrl && !placeText)
          return requestMessage(req, 'venueOrOnline')
        return true
      },
    } as Field,
    {
      ...urlField('onlineUrl', 'Online link'),
      validate: (value: string | null | undefined, args: Parameters<Validate>[1]) => {
        const doc = args.data as { status?: string }
        if (doc.status === 'moved-online' && !value)
          return requestMessage(args.req, 'movedOnlineNeedsLink')
        return validateUrl(value, args as never)
      },
    } as Field,
    {
      name: 'communes',
      type: 'relationship',
      relationTo: 'communes',
      hasMany: true,
      required: true,
      minRows: 1,
      index: true,
    },
    { name: 'organiser', type: 'relationship', relationTo: 'organisations', index: true },
    { name: 'categories', type: 'relationship', relationTo: 'categories', hasMany: true },
    { name: 'targetGroups', type: 'relationship', relationTo: 'target-groups', hasMany: true },
    languagesField('languagesSpoken', 'Languages spoken'),
    languagesField(
      'interpretation',
      'Interpretation offered',
      'Languages interpreted on site, including sign languages.',
    ),
    accessibilityField(),
    {
      name: 'price',
      type: 'group',
      fields: [
        { name: 'free', type: 'checkbox', defaultValue: true },
        {
          name: 'amountEuro',
          label: 'Amount (EUR)',
          type: 'number',
          min: 0,
          max: 10000,
          admin: { condition: (_, siblingData) => !siblingData?.free },
          validate: (
            value: number | null | undefined,
            { siblingData, req }: Parameters<Validate>[1],
          ) =>
            (siblingData as { free?: boolean }).free || (typeof value === 'number' && value >= 0)
              ? true
              : requestMessage(req, 'amountRequired'),
        } as Field,
        localizedText({ name: 'note', label: 'Price note', maxLength: 200 }),
      ],
    },
    {
      name: 'registration',
      type: 'group',
      fields: [
        { name: 'required', type: 'checkbox', defaultValue: false },
        urlField('url', 'Registration link'),
        emailField('email', 'Registration email'),
        phoneField('phone', 'Registration phone'),
        { name: 'deadline', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'capacity', type: 'number', min: 1, max: 100000 },
      ],
    },
    attendanceField(),
    {
      name: 'image',
      type: 'upload',
      relationTo: 'media',
      admin: { description: 'The image’s alternative text is written in the media library.' },
    },
    { name: 'action', type: 'relationship', relationTo: 'actions', index: true },
    slugField(),
    sourceLanguageField(),
    demoField(),
    {
      name: 'uid',
      type: 'text',
      unique: true,
      index: true,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Calendar identity; never changes.',
      },
    },
    {
      name: 'sequence',
      type: 'number',
      defaultValue: 0,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Grows when date, time, place or status change, so calendars update.',
      },
    },
    seedChecksumField(),
    importOwnershipField,
    ...importFields,
  ],
}
