// The numbers: a calendar of 2,000 events imported into a fresh database, and a re-fetch
// of the same content (a new ETag, so the file is read again) that writes no event at all. The
// time is printed, not asserted (speed is measured, not tested); bench/results/ keeps the figure.
import { cpus } from 'node:os'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importSource } from '../../cms/calendarImport/run'
import type { CalendarSource } from '../../cms/payload-types'
import { CalendarServer } from './calendarServer'
import { closeTestPayload, createCommune, createDoc, testPayload } from './helpers'

process.env.CALENDAR_ALLOW_HTTP = '1'
process.env.CALENDAR_ALLOW_PRIVATE = '1'
// What this test measures is the import, not the download limit, which a loaded machine can reach.
process.env.CALENDAR_FETCH_TIMEOUT_SECONDS = '120'

const NOW = new Date('2030-02-15T12:00:00Z')
const EVENTS = 2000
const PLACES = 40

/**
 * 2,000 events as an association's Google calendar would hold a year: evenings across 2030, one
 * in ten weekly for six weeks, one in five with a German title beside the French, 40 places.
 */
function largeCalendar(): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  ]
  for (let index = 0; index < EVENTS; index += 1) {
    const day = new Date(Date.UTC(2030, 2, 1) + (index % 300) * 86_400_000)
    const date = day.toISOString().slice(0, 10).replace(/-/g, '')
    const hour = String(16 + (index % 4)).padStart(2, '0')
    lines.push(
      'BEGIN:VEVENT',
      `UID:volume-${index}@google.com`,
      `DTSTART:${date}T${hour}0000Z`,
      `DTEND:${date}T${hour}4500Z`,
      `SUMMARY:Rencontre ${index}`,
      ...(index % 5 === 0 ? [`SUMMARY;LANGUAGE=de:Treffen ${index}`] : []),
      `DESCRIPTION:<p>Soirée d’échange n° ${index}.</p><br>Ouvert à tous.`,
      `LOCATION:Salle ${index % PLACES}\\, ${index % 90} Rue de la Gare\\, 5555 Remich`,
      ...(index % 10 === 0 ? ['RRULE:FREQ=WEEKLY;COUNT=6'] : []),
      'SEQUENCE:0',
      'LAST-MODIFIED:20300101T000000Z',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.join('\r\n')
}

const calendars = new CalendarServer()
let payload: Payload
let source: CalendarSource

beforeAll(async () => {
  const base = await calendars.start()
  payload = await testPayload()
  const remich = await createCommune(payload, 'Remich', '1205')
  const created = await createDoc(payload, 'calendar-sources', {
    name: 'A large calendar',
    url: `${base}/large.ics`,
    communes: [remich.id],
    language: 'fr',
  })
  source = (await payload.findByID({
    collection: 'calendar-sources',
    id: created.id,
    depth: 0,
  })) as CalendarSource
})

afterAll(async () => {
  await calendars.close()
  await closeTestPayload()
})

const eventStamps = async () =>
  (
    await payload.find({
      collection: 'events',
      draft: true,
      depth: 0,
      limit: 0,
      pagination: false,
      select: { updatedAt: true },
      sort: 'id',
    })
  ).docs.map((doc) => `${doc.id}:${doc.updatedAt}`)

describe(`a calendar of ${EVENTS} events`, () => {
  it('imports, and a re-fetch of unchanged content writes nothing', async () => {
    const body = largeCalendar()
    calendars.serve('/large.ics', body, '"first"')
    const started = performance.now()
    const first = await importSource(payload, source, NOW)
    const seconds = (performance.now() - started) / 1000
    expect(first.counts).toMatchObject({ new: EVENTS, skipped: 0, newVenues: PLACES })

    const stamps = await eventStamps()
    const versions = (await payload.countVersions({ collection: 'events' })).totalDocs
    const venues = (await payload.count({ collection: 'venues' })).totalDocs
    // The same content under another ETag: read and compared again, not answered 304.
    calendars.serve('/large.ics', body, '"second"')
    const againStarted = performance.now()
    const again = await importSource(payload, source, NOW)
    const againSeconds = (performance.now() - againStarted) / 1000
    expect(again.result).toMatch(/^Imported:/)
    expect(again.counts).toMatchObject({
      new: 0,
      updated: 0,
      unchanged: EVENTS,
      removed: 0,
      skipped: 0,
      newVenues: 0,
    })
    expect(await eventStamps()).toEqual(stamps)
    expect((await payload.countVersions({ collection: 'events' })).totalDocs).toBe(versions)
    expect((await payload.count({ collection: 'venues' })).totalDocs).toBe(venues)

    const cpu = cpus()[0]?.model ?? 'unknown CPU'
    console.log(
      `calendar import: ${EVENTS} events (${(body.length / 1024 / 1024).toFixed(1)} MB) imported in ${seconds.toFixed(1)} s ` +
        `(${(EVENTS / seconds).toFixed(0)} events/s); re-fetch of the same content ${againSeconds.toFixed(1)} s, ` +
        `${again.counts.updated} updated, ${again.counts.new} new; ${cpus().length} × ${cpu}, Node ${process.version}`,
    )
  }, 900_000)
})
