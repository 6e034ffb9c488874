// The portal's own feed as a calendar source: its events exported, imported again as a source's
// events (the originals removed first, so the import does not link to them as the same events),
// and exported again give the same occurrences, moved and cancelled dates included, read with
// ical.js.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importSource } from '../../cms/calendarImport/run'
import type { CalendarSource } from '../../cms/payload-types'
import { readSnapshot } from '../../cms/snapshot/read'
import { SiteContent } from '../../web/lib/content'
import { feedText } from '../../web/lib/feeds'
import { icalJsOccurrences, type Seen } from '../unit/icalReaders'
import { CalendarServer } from './calendarServer'
import {
  closeTestPayload,
  createDoc,
  createEventIn,
  createRemichWithHall,
  testPayload,
} from './helpers'

process.env.CALENDAR_ALLOW_HTTP = '1'
process.env.CALENDAR_ALLOW_PRIVATE = '1'

const NOW = new Date('2030-02-15T12:00:00Z')
const site = new URL('https://zesummen.example.lu')
const calendars = new CalendarServer()
let payload: Payload
let place: Record<string, string | number>

/** The feed of every published event, in French, as the site answers it at NOW. */
async function exported(): Promise<string> {
  return feedText(new SiteContent(await readSnapshot(payload, NOW)), 'fr', {}, site).text
}

/** Each event's occurrences by its title (UIDs differ: the portal gives its own). */
function occurrencesByTitle(text: string): Record<string, Seen[]> {
  const byUid = icalJsOccurrences(text)
  const titles = new Map(
    text
      .split('BEGIN:VEVENT')
      .slice(1)
      .filter((block) => !block.includes('RECURRENCE-ID'))
      .map((block) => [
        /\r\nUID:(.*)\r\n/.exec(block)![1]!,
        /\r\nSUMMARY[^:]*:(.*)\r\n/.exec(block)![1]!,
      ]),
  )
  return Object.fromEntries(Object.entries(byUid).map(([uid, seen]) => [titles.get(uid)!, seen]))
}

beforeAll(async () => {
  payload = await testPayload()
  place = await createRemichWithHall(payload)
  await createEventIn(payload, place, {
    title: 'Café des langues',
    sourceLanguage: 'fr',
    start: '2030-03-05T17:30:00.000Z',
    end: '2030-03-05T19:30:00.000Z',
    recurrence: {
      frequency: 'weekly',
      byWeekday: ['TU'],
      count: 8,
      exdates: [{ date: '2030-03-19T17:30:00.000Z' }],
    },
    overrides: [
      {
        occurrenceDate: '2030-04-02',
        status: 'rescheduled',
        newStart: '2030-04-02T18:00:00.000Z',
        newEnd: '2030-04-02T20:00:00.000Z',
      },
      { occurrenceDate: '2030-04-09', status: 'cancelled', reason: 'Salle occupée.' },
    ],
  })
  await createEventIn(payload, place, {
    title: 'Fête des cultures',
    sourceLanguage: 'fr',
    allDay: true,
    start: '2030-05-01T10:00:00.000Z',
    end: '2030-05-02T10:00:00.000Z',
  })
  await createEventIn(payload, place, {
    title: 'Soirée d’information',
    sourceLanguage: 'fr',
    start: '2030-03-12T18:00:00.000Z',
    end: '2030-03-12T20:00:00.000Z',
    status: 'cancelled',
    statusReason: 'Annulée faute de salle.',
  })
})

afterAll(async () => {
  await calendars.close()
  await closeTestPayload()
})

describe('the portal’s own feed, exported, imported and exported again', () => {
  it('gives the same occurrences, moved and cancelled dates included', async () => {
    const first = await exported()
    const before = occurrencesByTitle(first)
    expect(Object.keys(before).sort()).toEqual([
      'Café des langues',
      'Fête des cultures',
      'Soirée d’information',
    ])
    expect(before['Café des langues']).toContainEqual(['2030-04-02T18:00:00Z', false])
    expect(before['Café des langues']).toContainEqual(['2030-04-09T16:30:00Z', true])

    await payload.delete({ collection: 'events', where: { id: { exists: true } } })
    const base = await calendars.start()
    calendars.serve('/portal.ics', first)
    const created = await createDoc(payload, 'calendar-sources', {
      name: 'Zesummen',
      url: `${base}/portal.ics`,
      communes: [place.commune],
      language: 'fr',
      arrival: 'published',
    })
    const source = (await payload.findByID({
      collection: 'calendar-sources',
      id: created.id,
      depth: 0,
    })) as CalendarSource
    const report = await importSource(payload, source, NOW)
    expect(report.skipped).toEqual([])
    expect(report).toMatchObject({ ok: true, counts: { new: 3, skipped: 0 } })

    expect(occurrencesByTitle(await exported())).toEqual(before)
  })
})
