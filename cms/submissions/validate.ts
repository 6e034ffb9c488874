// Server-side validation of the public submission forms. Input is what a form posts (every value
// a string, lists repeated); output is either clean data or one message key per field, in the
// submitter's language later. Whatever else a client sends (status, owner, ids) is ignored.
import { DateTime } from 'luxon'
import { isLocaleCode, type LocaleCode } from '../../locales/config'
import { portalZone } from '../domain/dates'
import { plainText } from '../domain/plainText'
import { initiativeNeeds, SUBMISSION_LIMITS, submissionKinds } from '../domain/submissionLimits'

export type FormValues = Map<string, string[]>

/** The choices a form may send, read from the published content when validating. */
export interface KnownChoices {
  communes: string[]
  targetGroups: string[]
  organisations: string[]
  languages: string[]
}

export interface FieldError {
  key: string
  vars?: Record<string, string | number>
}

export interface CleanSubmission {
  kind: (typeof submissionKinds)[number]
  language: LocaleCode
  title: string
  description: string
  organisation: string | null
  organisationName: string | null
  communes: string[]
  targetGroups: string[]
  languages: string[]
  needs: string[]
  event: {
    start: string
    end: string
    place: string | null
    onlineUrl: string | null
    free: boolean
  } | null
  contact: { name: string | null; email: string }
}

export type ValidationResult =
  | { ok: true; value: CleanSubmission }
  | { ok: false; language: LocaleCode; errors: Record<string, FieldError> }

/** Most values a list field may carry. */
const MAX_LIST = 30
const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/

function one(values: FormValues, name: string): string {
  const list = values.get(name)
  // No control, bidi-override or hidden characters: they end up in titles and email subjects.
  return list?.length ? plainText(list[list.length - 1]!).trim() : ''
}

function many(values: FormValues, name: string): string[] {
  return [...new Set((values.get(name) ?? []).map((value) => value.trim()).filter(Boolean))]
}

/** Normalises line endings and collapses runs of blank lines; the result is stored as text. */
function paragraphs(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
}

/** "2027-05-14T18:30" (a datetime-local input) as a Luxembourg wall time. */
function wallTime(value: string): DateTime | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null
  const parsed = DateTime.fromISO(value, { zone: portalZone })
  return parsed.isValid ? parsed : null
}

export function validateSubmission(
  values: FormValues,
  known: KnownChoices,
  now: DateTime = DateTime.now().setZone(portalZone),
): ValidationResult {
  const errors: Record<string, FieldError> = {}
  const requested = one(values, 'lang')
  const language: LocaleCode = isLocaleCode(requested) ? requested : 'fr'
  const kindValue = one(values, 'kind')
  const kind = (submissionKinds as readonly string[]).includes(kindValue)
    ? (kindValue as CleanSubmission['kind'])
    : null
  if (!kind) errors.kind = { key: 'submit.error.kind' }

  const text = (name: string, max: number, required: boolean, multiline = false): string => {
    const raw = multiline ? paragraphs(one(values, name)) : one(values, name).replace(/\s+/g, ' ')
    if (!raw && required) errors[name] = { key: 'submit.error.required' }
    else if ([...raw].length > max) errors[name] = { key: 'submit.error.tooLong', vars: { max } }
    return raw
  }
  const choices = (name: string, allowed: readonly string[]): string[] => {
    const list = many(values, name)
    if (list.length > MAX_LIST)
      errors[name] = { key: 'submit.error.tooMany', vars: { max: MAX_LIST } }
    else if (list.some((value) => !allowed.includes(value)))
      errors[name] = { key: 'submit.error.unknownChoice' }
    return list
  }

  const title = text('title', SUBMISSION_LIMITS.title, true)
  const description = text('description', SUBMISSION_LIMITS.description, true, true)
  const organisationName = text('organisationName', SUBMISSION_LIMITS.organisationName, false)
  const organisation = one(values, 'organisation')
  if (organisation && !known.organisations.includes(organisation))
    errors.organisation = { key: 'submit.error.unknownChoice' }
  const communes = choices('communes', known.communes)
  if (!errors.communes && communes.length === 0) errors.communes = { key: 'submit.error.chooseOne' }
  const targetGroups = choices('targetGroups', known.targetGroups)
  const languages = choices('languages', known.languages)
  const needs = kind === 'initiative' ? choices('needs', initiativeNeeds) : []

  const contactName = text('contactName', SUBMISSION_LIMITS.contactName, false)
  const email = one(values, 'contactEmail')
  if (!email) errors.contactEmail = { key: 'submit.error.required' }
  else if (email.length > SUBMISSION_LIMITS.email || !emailPattern.test(email))
    errors.contactEmail = { key: 'submit.error.email' }
  if (one(values, 'consent') !== 'yes') errors.consent = { key: 'submit.error.consent' }

  let event: CleanSubmission['event'] = null
  if (kind === 'event') {
    const start = wallTime(one(values, 'start'))
    const end = wallTime(one(values, 'end'))
    if (!start) errors.start = { key: 'submit.error.dateTime' }
    else if (start < now) errors.start = { key: 'submit.error.past' }
    if (!end) errors.end = { key: 'submit.error.dateTime' }
    else if (start && end <= start) errors.end = { key: 'submit.error.endBeforeStart' }
    else if (start && end.diff(start, 'days').days > 14)
      errors.end = { key: 'submit.error.tooLongEvent', vars: { days: 14 } }
    const place = text('place', SUBMISSION_LIMITS.place, false)
    const onlineUrl = one(values, 'onlineUrl')
    if (onlineUrl) {
      let valid = false
      try {
        const parsed = new URL(onlineUrl)
        valid =
          (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
          onlineUrl.length <= SUBMISSION_LIMITS.url
      } catch {
        valid = false
      }
      if (!valid) errors.onlineUrl = { key: 'submit.error.url' }
    }
    if (!place && !onlineUrl && !errors.onlineUrl)
      errors.place = { key: 'submit.error.placeOrOnline' }
    if (start && end)
      event = {
        start: start.toUTC().toISO()!,
        end: end.toUTC().toISO()!,
        place: place || null,
        onlineUrl: onlineUrl || null,
        free: one(values, 'free') === 'yes',
      }
  }

  if (Object.keys(errors).length > 0 || !kind) return { ok: false, language, errors }
  return {
    ok: true,
    value: {
      kind,
      language,
      title,
      description,
      organisation: organisation || null,
      organisationName: organisationName || null,
      communes,
      targetGroups,
      languages,
      needs,
      event,
      contact: { name: contactName || null, email },
    },
  }
}
