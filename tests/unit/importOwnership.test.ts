// Which parts of an imported event the source still owns: what the import writes and what the
// database gives back compare equal; an editor's change is seen part by part.
import { describe, expect, it } from 'vitest'
import {
  changedInPortal,
  fingerprintsOf,
  storedFingerprints,
  withoutParts,
} from '../../cms/calendarImport/ownership'
import { plainTextToLexical } from '../../cms/seed/richText'

const written = {
  start: '2030-03-19T17:30:00.000Z',
  end: '2030-03-19T19:00:00.000Z',
  allDay: false,
  recurrence: { frequency: 'weekly', count: 4, byWeekday: ['TU'] },
  overrides: [
    {
      occurrenceDate: '2030-04-02',
      status: 'rescheduled',
      newStart: '2030-04-02T17:00:00Z',
      newEnd: null,
    },
  ],
  status: 'scheduled',
  communes: ['12', '3'],
  organiser: null,
  categories: [],
  targetGroups: ['7'],
}
const texts = {
  fr: {
    title: 'Conversation',
    description: plainTextToLexical('Pour débutants.\n\nInscription.'),
    statusReason: null,
  },
}

/** The same event as the database answers with `locale: 'all'`: ids, defaults, row ids, nulls. */
const stored = () => ({
  ...written,
  start: '2030-03-19T17:30:00.000Z',
  start_tz: 'Europe/Luxembourg',
  recurrence: {
    frequency: 'weekly',
    interval: 1,
    count: 4,
    until: null as string | null,
    byWeekday: ['TU'],
    exdates: [],
    rdates: [],
  },
  overrides: [
    {
      id: '66f0c0ffee',
      occurrenceDate: '2030-04-02T00:00:00.000Z',
      status: 'rescheduled',
      newStart: '2030-04-02T17:00:00.000Z',
      newEnd: null,
      reason: { fr: null },
    },
  ],
  communes: [3, 12],
  targetGroups: [{ id: 7, label: 'Newcomers' }],
  title: { fr: 'Conversation', de: 'Konversation' },
  description: { fr: JSON.parse(JSON.stringify(texts.fr.description)) },
  statusReason: { fr: null },
})

describe('import ownership', () => {
  const recorded = fingerprintsOf(written, texts)

  it('sees no change between what was written and what is stored', () => {
    expect([...changedInPortal(recorded, storedFingerprints(stored(), ['fr']))]).toEqual([])
  })

  it('names each part an editor changed, and only parts the import wrote', () => {
    const doc = stored()
    doc.title.fr = 'Conversation (salle 2)'
    doc.recurrence.count = 5
    doc.communes = [3]
    const changed = changedInPortal(recorded, storedFingerprints(doc, ['fr', 'de']))
    expect([...changed].sort()).toEqual(['communes', 'dates', 'title.fr'])
  })

  it('reads the dates by their occurrences: the same dates written another way are no change', () => {
    const doc = stored()
    doc.recurrence = {
      ...doc.recurrence,
      count: null as never,
      until: '2030-04-09T21:00:00.000Z',
    }
    expect(changedInPortal(recorded, storedFingerprints(doc, ['fr'])).has('dates')).toBe(false)
  })

  it('has nothing recorded for events imported before fingerprints were kept', () => {
    expect(changedInPortal(null, storedFingerprints(stored(), ['fr'])).size).toBe(0)
  })

  it('leaves out every field of a kept part', () => {
    expect(Object.keys(withoutParts(written, new Set(['dates', 'status'])))).toEqual([
      'overrides',
      'communes',
      'organiser',
      'categories',
      'targetGroups',
    ])
  })
})
