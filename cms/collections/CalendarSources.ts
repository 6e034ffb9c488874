// Calendars that communes and associations already keep (Google, Outlook, Nextcloud…), fetched
// by the import job: what to fetch and how its events arrive, and, written by the server only,
// how the last fetch went. Scoped like events: editors their communes' sources, an association
// its organisation's; only editors may let a source publish without review.
import type { CollectionBeforeChangeHook, CollectionConfig, Field, Validate } from 'payload'
import { locales } from '../../locales/config'
import { canCreateInScope } from '../access/canCreateInScope'
import { calendarFetchEndpoint } from '../endpoints/calendarFetch'
import { editorsOnlyField } from '../access/editorsOnlyField'
import { ownScope } from '../access/ownScope'
import { serverOnlyField } from '../access/serverOnlyField'
import { enforceScope } from '../hooks/enforceScope'
import { relationsInReach } from '../hooks/relationsInReach'
import { calendarAllowHttp } from '../settings'

const scope = { communeField: 'communes', organisationField: 'organiser' }

const validateCalendarUrl: Validate = (value) => {
  if (typeof value !== 'string' || !value) return 'Give the calendar’s address.'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `“${value}” is not a web address. Example: https://calendar.google.com/calendar/ical/…/basic.ics`
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && calendarAllowHttp())) return true
  return 'The address must start with https:// (calendars are fetched over https only).'
}

/** Read-only in the admin and never written by a client. */
const serverField = (field: Field): Field =>
  ({
    ...field,
    access: { create: serverOnlyField, update: serverOnlyField },
    admin: { ...('admin' in field ? field.admin : {}), readOnly: true },
  }) as Field

/**
 * Written by the server; the edit view shows it through the fetch panel (CalendarFetchStatus),
 * the list as a column.
 */
const panelField = (field: Field): Field =>
  serverField({ ...field, admin: { components: { Field: false } } } as Field)

const counts = ['new', 'updated', 'unchanged', 'removed', 'skipped', 'newVenues', 'linked'] as const

/** The settings its events are made with: the name they credit, and what every event gets. */
const EVENT_SETTINGS = [
  'name',
  'communes',
  'organiser',
  'categories',
  'targetGroups',
  'categoryMapping',
] as const

const settingValue = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(settingValue)
    : value && typeof value === 'object'
      ? 'id' in value
        ? (value as { id: unknown }).id
        : Object.fromEntries(
            Object.entries(value)
              .filter(([key]) => key !== 'id')
              .map(([key, entry]) => [key, settingValue(entry)]),
          )
      : (value ?? null)

/**
 * A source whose name or event settings changed: the next fetch reads the whole calendar again
 * (no ETag or Last-Modified asked with), so that its events credit the new name and get the new
 * communes, organiser, categories and target groups (except those an editor changed on an event).
 */
const refetchWhenSettingsChange: CollectionBeforeChangeHook = ({ data, originalDoc, operation }) =>
  operation === 'update' &&
  EVENT_SETTINGS.some(
    (field) =>
      data[field] !== undefined &&
      JSON.stringify(settingValue(data[field])) !==
        JSON.stringify(settingValue(originalDoc?.[field])),
  )
    ? { ...data, etag: null, lastModified: null }
    : data

export const CalendarSources: CollectionConfig = {
  slug: 'calendar-sources',
  labels: {
    singular: {
      en: 'Calendar source',
      fr: 'Calendrier importé',
      de: 'Kalenderquelle',
      pt: 'Calendário importado',
    },
    plural: {
      en: 'Calendar sources',
      fr: 'Calendriers importés',
      de: 'Kalenderquellen',
      pt: 'Calendários importados',
    },
  },
  admin: {
    useAsTitle: 'name',
    group: 'Agenda',
    defaultColumns: ['name', 'organiser', 'enabled', 'lastFetchedAt', 'lastResult'],
    description:
      'Calendars fetched every hour or so; their events arrive as drafts unless the source is trusted.',
  },
  // The fetch status changes every hour: nothing here is public, so no site rebuild.
  custom: { isPublic: () => false },
  access: {
    read: ownScope(scope),
    create: canCreateInScope(scope),
    update: ownScope(scope),
    delete: ownScope(scope),
  },
  hooks: { beforeChange: [enforceScope(scope), relationsInReach, refetchWhenSettingsChange] },
  endpoints: [calendarFetchEndpoint],
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'url',
      label: 'Calendar address (iCalendar)',
      type: 'text',
      required: true,
      maxLength: 2000,
      validate: validateCalendarUrl,
      admin: {
        description:
          'The calendar’s public .ics link (in Google: “Public address in iCal format”).',
      },
    },
    { name: 'organiser', type: 'relationship', relationTo: 'organisations', index: true },
    {
      name: 'communes',
      type: 'relationship',
      relationTo: 'communes',
      hasMany: true,
      required: true,
      minRows: 1,
      index: true,
    },
    {
      name: 'categories',
      label: 'Default categories',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
    },
    {
      name: 'targetGroups',
      label: 'Default target groups',
      type: 'relationship',
      relationTo: 'target-groups',
      hasMany: true,
    },
    {
      name: 'categoryMapping',
      type: 'array',
      maxRows: 100,
      admin: {
        description: 'A CATEGORIES word of the source calendar and the portal category it means.',
      },
      fields: [
        { name: 'word', type: 'text', required: true, maxLength: 80 },
        { name: 'category', type: 'relationship', relationTo: 'categories', required: true },
      ],
    },
    {
      name: 'language',
      label: 'Language of texts without LANGUAGE',
      type: 'select',
      required: true,
      defaultValue: 'fr',
      options: locales.map((locale) => ({ label: locale.name, value: locale.code })),
    },
    {
      name: 'arrival',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      access: { create: editorsOnlyField, update: editorsOnlyField },
      options: [
        { value: 'draft', label: 'As drafts, for review' },
        { value: 'published', label: 'Published (trusted source)' },
      ],
    },
    {
      name: 'onRemoval',
      label: 'When an event disappears from the source',
      type: 'select',
      required: true,
      defaultValue: 'cancel',
      options: [
        { value: 'cancel', label: 'Mark it cancelled' },
        { value: 'unpublish', label: 'Unpublish it' },
      ],
    },
    { name: 'enabled', type: 'checkbox', defaultValue: true },
    {
      name: 'intervalMinutes',
      label: 'Fetch every (minutes)',
      type: 'number',
      required: true,
      defaultValue: 60,
      min: 15,
      max: 10080,
    },
    {
      name: 'fetchStatus',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/components/CalendarFetchStatus#CalendarFetchStatus' },
      },
    },
    panelField({ name: 'lastFetchedAt', type: 'date' }),
    panelField({ name: 'lastResult', type: 'textarea' }),
    panelField({
      name: 'counts',
      label: 'Last import',
      type: 'group',
      fields: counts.map((name) => ({ name, type: 'number', defaultValue: 0 }) as Field),
    }),
    panelField({
      name: 'skippedReasons',
      type: 'array',
      fields: [{ name: 'reason', type: 'text' }],
    }),
    serverField({
      name: 'linkedEvents',
      label: 'Also in this calendar',
      type: 'relationship',
      relationTo: 'events',
      hasMany: true,
      admin: {
        description:
          'Events of this calendar that another calendar source brought first: shown once, from that source.',
      },
    }),
    serverField({ name: 'etag', type: 'text', admin: { position: 'sidebar' } }),
    serverField({ name: 'lastModified', type: 'text', admin: { position: 'sidebar' } }),
    serverField({
      name: 'failures',
      type: 'number',
      defaultValue: 0,
      admin: { position: 'sidebar' },
    }),
    serverField({
      name: 'nextFetchAt',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    }),
  ],
}
