// Reach of an event, recorded after it by its organiser or an editor: how many took part, by age
// group and languages used. The plan's indicators measured in participants or events held are
// computed from these (cms/hooks/attendanceIndicators.ts).
import type { Field, Validate } from 'payload'
import { requestMessage } from '../i18n/messages'
import { languagesField } from './languages'

export const ageGroups = [
  { value: 'children', label: 'Children (0–11)' },
  { value: 'youth', label: 'Young people (12–25)' },
  { value: 'adults', label: 'Adults (26–64)' },
  { value: 'seniors', label: 'Seniors (65+)' },
] as const

/** The age groups may be partly known, but never add up to more than the participants. */
const withinParticipants: Validate = (value, { siblingData, req }) => {
  const data = siblingData as { participants?: number | null; ages?: Record<string, unknown> }
  const ages = Object.values(value && typeof value === 'object' ? value : (data.ages ?? {}))
  const sum = ages.reduce<number>(
    (total, count) => total + (typeof count === 'number' ? count : 0),
    0,
  )
  if (sum > 0 && typeof data.participants !== 'number')
    return requestMessage(req, 'attendanceNeedsParticipants')
  if (typeof data.participants === 'number' && sum > data.participants)
    return requestMessage(req, 'attendanceAgesTooMany', { sum, participants: data.participants })
  return true
}

export const attendanceField = (): Field => ({
  name: 'attendance',
  label: 'Attendance (after the event)',
  type: 'group',
  admin: {
    description:
      'After the event: how many took part. Feeds the indicators of the related action that count participants or events held.',
  },
  fields: [
    { name: 'participants', type: 'number', min: 0, max: 100000 },
    {
      name: 'ages',
      label: 'By age group (optional)',
      type: 'group',
      validate: withinParticipants,
      fields: [
        {
          type: 'row',
          fields: ageGroups.map((group) => ({
            name: group.value,
            label: group.label,
            type: 'number' as const,
            min: 0,
            max: 100000,
          })),
        },
      ],
    } as Field,
    languagesField('languagesUsed', 'Languages used', 'Languages actually spoken at the event.'),
  ],
})
