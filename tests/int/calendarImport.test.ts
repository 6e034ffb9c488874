// The calendar import against the real database: fixtures written like Google, Outlook and
// Nextcloud exports, served by this test on 127.0.0.1, imported at a fixed "now".
import { readFileSync } from 'node:fs'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  changedInPortal,
  storedFingerprints,
  type Fingerprints,
} from '../../cms/calendarImport/ownership'
import { importSource } from '../../cms/calendarImport/run'
import { editorOverview } from '../../cms/dashboard/overview'
import { expandOccurrences } from '../../cms/domain/recurrence'
import { FETCH_NOW_LIMIT } from '../../cms/endpoints/calendarFetch'
import type { CalendarSource } from '../../cms/payload-types'
import { CalendarServer } from './calendarServer'
import {
  closeTestPayload,
  createCommune,
  createDoc,
  createUser,
  rest,
  testPayload,
  type TestUser,
} from './helpers'

process.env.CALENDAR_ALLOW_HTTP = '1'
process.env.CALENDAR_ALLOW_PRIVATE = '1'

const NOW = new Date('2030-02-15T12:00:00Z')
const fixture = (name: string) => readFileSync(`tests/fixtures/calendars/${name}.ics`, 'utf8')

const dd = (day: number) => String(day).padStart(2, '0')

/** An evening event (17:00–19:00 UTC) on `date` (YYYYMMDD), with further property lines. */
const evening = (uid: string, title: string, date: string, ...lines: string[]) => [
  'BEGIN:VEVENT',
  `UID:${uid}`,
  `DTSTART:${date}T170000Z`,
  `DTEND:${date}T190000Z`,
  `SUMMARY:${title}`,
  ...lines,
  'END:VEVENT',
]

/** A calendar file of the events given. */
const ics = (...events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Zesummen tests//EN', ...events.flat()]
    .concat('END:VCALENDAR')
    .join('\r\n')

/** One-off evening events in June 2030, one per UID. */
const calendarOf = (uids: string[]) =>
  ics(
    ...uids.map((uid, index) =>
      evening(
        uid,
        `Soirée ${uid}`,
        `203006${dd(10 + (index % 18))}`,
        'LOCATION:Centre culturel, 5555 Remich',
      ),
    ),
  )

const calendars = new CalendarServer()
const routes = calendars.routes
const serveCalendar = calendars.serve.bind(calendars)
let base: string
let payload: Payload
let remich: string | number

async function newSource(name: string, path: string, data: Record<string, unknown> = {}) {
  const created = await createDoc(payload, 'calendar-sources', {
    name,
    url: `${base}${path}`,
    communes: [remich],
    language: 'fr',
    ...data,
  })
  return source(created.id)
}

const source = (id: string | number) =>
  payload.findByID({ collection: 'calendar-sources', id, depth: 0 }) as Promise<CalendarSource>

async function eventsOf(sourceId: string | number) {
  const { docs } = await payload.find({
    collection: 'events',
    where: { importSource: { equals: sourceId } },
    draft: true,
    depth: 0,
    limit: 0,
    pagination: false,
    sort: 'start',
  })
  return docs
}

const byUid = async (sourceId: string | number, uid: string) =>
  (await eventsOf(sourceId)).find((event) => event.importUid === uid)!

beforeAll(async () => {
  base = await calendars.start()
  payload = await testPayload()
  remich = (await createCommune(payload, 'Remich', '1205')).id
})

afterAll(async () => {
  await calendars.close()
  await closeTestPayload()
})

describe('importing a Google Calendar export', () => {
  const weekly = '2k3j4h5g6f7d8s9a0@google.com'
  const allDay = '7h8j9k0l1m2n3b4v5@google.com'
  let id: string | number

  beforeAll(async () => {
    serveCalendar('/google.ics', fixture('google-remich'))
    id = (await newSource('Gemeng Réimech', '/google.ics')).id
  })

  it('creates drafts with the source’s dates, across the change to summer time', async () => {
    const report = await importSource(payload, await source(id), NOW)
    expect(report).toMatchObject({ ok: true, counts: { new: 3, skipped: 0 } })
    const event = await byUid(id, weekly)
    expect(event).toMatchObject({
      _status: 'draft',
      title: 'Conversation en luxembourgeois',
      sourceLanguage: 'fr',
      importLocation: 'Centre culturel, 5 Place du Marché, 5555 Remich, Luxembourg',
      importCredit: 'Gemeng Réimech',
      communes: [remich],
    })
    // Every Tuesday at 18:30 in Luxembourg: 17:30 UTC in winter, 16:30 UTC after 31 March;
    // 9 April is an EXDATE and 2 April moved to 19:00.
    const dates = expandOccurrences(event.recurrence, event.start).map((o) => o.start.toISO())
    expect(dates).toEqual([
      '2030-03-19T18:30:00.000+01:00',
      '2030-03-26T18:30:00.000+01:00',
      '2030-04-02T18:30:00.000+02:00',
    ])
    expect(event.overrides).toMatchObject([
      { status: 'rescheduled', newStart: '2030-04-02T17:00:00.000Z' },
    ])
    expect(JSON.stringify(event.description)).toContain('pour débutants.')
    expect(JSON.stringify(event.description)).not.toContain('<')
  })

  it('stores an all-day event as the portal does: first and last day, both at midnight', async () => {
    const event = await byUid(id, allDay)
    expect(event).toMatchObject({
      allDay: true,
      start: '2030-04-30T22:00:00.000Z',
      end: '2030-05-01T22:00:00.000Z',
      importUrl: 'https://www.remich.lu/fete',
    })
    const other = await byUid(id, '1q2w3e4r5t6y7u8i9@google.com')
    expect(other.importUrl ?? null).toBeNull()
  })

  it('writes nothing when the content is unchanged, and asks with the ETag (304)', async () => {
    const before = (await eventsOf(id)).map((event) => event.updatedAt)
    let conditional = 0
    const body = fixture('google-remich')
    routes.set('/google.ics', (req, res) => {
      if (req.headers['if-none-match']) conditional += 1
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end()
      res.writeHead(200, { etag: '"v1"' }).end(body)
    })
    const again = await importSource(payload, await source(id), NOW)
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 3 })
    const notModified = await importSource(payload, await source(id), NOW)
    expect(conditional).toBeGreaterThan(0)
    expect(notModified).toMatchObject({ ok: true, counts: { updated: 0, unchanged: 3 } })
    expect((await source(id)).lastResult).toMatch(/Not changed/)
    expect((await eventsOf(id)).map((event) => event.updatedAt)).toEqual(before)
  })

  it('updates an event whose SEQUENCE grew, and cancels one that left the source', async () => {
    const text = fixture('google-remich')
      .replace(
        'SEQUENCE:0\r\nSTATUS:CONFIRMED\r\nSUMMARY:Fête des cultures',
        'SEQUENCE:1\r\nSTATUS:CONFIRMED\r\nSUMMARY:Fête des cultures 2030',
      )
      .replace(/BEGIN:VEVENT\r\nDTSTART:20300612[\s\S]*?END:VEVENT\r\n/, '')
    serveCalendar('/google.ics', text, '"v2"')
    const report = await importSource(payload, await source(id), NOW)
    expect(report.counts).toMatchObject({ new: 0, updated: 1, removed: 1, unchanged: 1 })
    expect((await byUid(id, allDay)).title).toBe('Fête des cultures 2030')
    const removed = await byUid(id, '1q2w3e4r5t6y7u8i9@google.com')
    expect(removed).toMatchObject({
      status: 'cancelled',
      statusReason: 'Retiré du calendrier d’origine.',
    })
  })

  it('credits a renamed source by its new name at the next fetch, then writes nothing', async () => {
    const editor = await createUser(payload, 'rename-editor', ['commune-editor'], {
      communes: [remich],
    })
    const renamed = await rest('PATCH', `/calendar-sources/${id}`, {
      token: editor.token,
      body: { name: 'Gemeng Réimech – Agenda' },
    })
    expect(renamed.status).toBe(200)
    // The name changed: the next fetch does not ask with the ETag, and reads every event again.
    expect(await source(id)).toMatchObject({ etag: null, lastModified: null })
    const report = await importSource(payload, await source(id), NOW)
    expect(report.counts).toMatchObject({ new: 0, updated: 2 })
    for (const uid of [weekly, allDay])
      expect((await byUid(id, uid)).importCredit).toBe('Gemeng Réimech – Agenda')
    const again = await importSource(payload, await source(id), NOW)
    expect(again.counts).toMatchObject({ new: 0, updated: 0 })
  })
})

describe('Outlook and Nextcloud exports', () => {
  it('reads Windows zone names, expands rules the portal cannot say, keeps cancellations', async () => {
    serveCalendar('/outlook.ics', fixture('outlook-grevenmacher'))
    const { id } = await newSource('Grevenmacher', '/outlook.ics')
    const report = await importSource(payload, await source(id), NOW)
    expect(report).toMatchObject({ ok: true, counts: { new: 2 } })
    const [consultation, cancelled] = await eventsOf(id)
    // Second Thursday of each month, 17:00 in Berlin's (and Luxembourg's) time.
    const dates = expandOccurrences(consultation!.recurrence, consultation!.start).map((o) =>
      o.start.toISO(),
    )
    expect(dates).toEqual([
      '2030-03-14T17:00:00.000+01:00',
      '2030-04-11T17:00:00.000+02:00',
      '2030-05-09T17:00:00.000+02:00',
      '2030-06-13T17:00:00.000+02:00',
    ])
    expect(consultation).toMatchObject({ sourceLanguage: 'de', title: 'Sprechstunde Integration' })
    expect(cancelled).toMatchObject({ status: 'cancelled', title: 'Infoabend Wohnen' })
  })

  it('strips scripts and markup, bounds an endless rule, skips a duplicate UID', async () => {
    serveCalendar('/nextcloud.ics', fixture('nextcloud-mertert'))
    const { id } = await newSource('ASBL Mertert', '/nextcloud.ics', { language: 'de' })
    const report = await importSource(payload, await source(id), NOW)
    expect(report.counts).toMatchObject({ new: 2, skipped: 1 })
    expect(report.skipped[0]).toMatch(/duplicate-1@asbl-mertert\.lu.*appears again/)
    const stored = await source(id)
    expect(stored.skippedReasons?.[0]?.reason).toMatch(/first one is imported/)
    const workshop = await byUid(id, '6b0a3c6e-9f4d-4a4b-8d9e-3f2a1b0c9d8e')
    const french = await payload.findByID({
      collection: 'events',
      id: workshop.id,
      locale: 'fr',
      draft: true,
    })
    const description = JSON.stringify(french.description)
    expect(description).toContain('Ouvert à tous')
    expect(description).not.toMatch(/script|alert|<|onerror/)
    const portuguese = await payload.findByID({
      collection: 'events',
      id: workshop.id,
      locale: 'pt',
      draft: true,
      fallbackLocale: false,
    })
    expect(portuguese.title).toBe('Oficina de costura')
    expect(workshop.recurrence?.until).toBeTruthy()
    expect(expandOccurrences(workshop.recurrence, workshop.start).length).toBeLessThanOrEqual(60)
  })
})

describe('bad input leaves the events as they were and says why', () => {
  let id: string | number
  let before: string[]

  beforeAll(async () => {
    serveCalendar('/good.ics', fixture('google-remich'))
    id = (await newSource('Often broken', '/good.ics')).id
    await importSource(payload, await source(id), NOW)
    before = (await eventsOf(id)).map((event) => `${event.id}:${event.updatedAt}`)
  })

  const big = 'BEGIN:VCALENDAR\r\n' + 'X-PAD:'.padEnd(70, 'x').concat('\r\n').repeat(80_000)
  routes.set('/broken.ics', (_req, res) => res.end('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART'))
  routes.set('/page.html', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html>Login</html>'),
  )
  routes.set('/big.ics', (_req, res) => res.end(big))
  routes.set('/silent.ics', () => undefined)
  // 20 MB without a Content-Length: only counting what arrives can stop it.
  routes.set('/huge.ics', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/calendar' })
    const chunk = Buffer.alloc(64 * 1024, 'X')
    let sent = 0
    const more = () => {
      while (sent < 20 * 1024 * 1024 && !res.destroyed) {
        sent += chunk.length
        if (!res.write(chunk)) return void res.once('drain', more)
      }
      res.end()
    }
    res.write('BEGIN:VCALENDAR\r\nX-PAD:')
    more()
  })
  routes.set('/loop.ics', (_req, res) => res.writeHead(302, { location: '/loop.ics' }).end())

  it.each([
    ['/broken.ics', /broken and was not imported/],
    ['/page.html', /web page, not a calendar/],
    ['/big.ics', /larger than 5 MB/],
    ['/huge.ics', /larger than 5 MB/],
    ['/silent.ics', /did not send the calendar within 0.3 s/],
    ['/loop.ics', /redirects more than 3 times/],
    ['/private', /private or local network \(127\.0\.0\.1\)/],
  ])('%s', async (path, message) => {
    process.env.CALENDAR_FETCH_TIMEOUT_SECONDS = '0.3'
    if (path === '/private') process.env.CALENDAR_ALLOW_PRIVATE = '0'
    try {
      const current = await source(id)
      await payload.update({
        collection: 'calendar-sources',
        id,
        data: { url: `${base}${path === '/private' ? '/good.ics' : path}`, etag: null },
      })
      const report = await importSource(payload, await source(id), NOW)
      expect(report.ok).toBe(false)
      const stored = await source(id)
      expect(stored.lastResult).toMatch(message)
      expect(stored.lastResult).toMatch(/events left as they were/)
      expect(stored.failures).toBe((current.failures ?? 0) + 1)
      // Backoff: 1 h after the first failure, doubling, at most a day.
      const hours = Math.min(2 ** ((stored.failures ?? 1) - 1), 24)
      expect(Date.parse(stored.nextFetchAt!) - NOW.getTime()).toBe(hours * 3_600_000)
      expect((await eventsOf(id)).map((event) => `${event.id}:${event.updatedAt}`)).toEqual(before)
    } finally {
      process.env.CALENDAR_ALLOW_PRIVATE = '1'
      delete process.env.CALENDAR_FETCH_TIMEOUT_SECONDS
    }
  })

  it('an event with impossible dates is skipped with its reason; the others stay as they were', async () => {
    const invalid = [
      'BEGIN:VEVENT',
      'UID:invalid-date@remich.lu',
      'SUMMARY:Réunion du 31 février',
      'DTSTART;VALUE=DATE:20300231',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:garbage-date@remich.lu',
      'SUMMARY:Réunion sans date',
      'DTSTART:garbage',
      'DURATION:PT1H',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n')
    serveCalendar('/invalid-dates.ics', fixture('google-remich').replace('END:VCALENDAR', invalid))
    await payload.update({
      collection: 'calendar-sources',
      id,
      data: { url: `${base}/invalid-dates.ics`, etag: null },
    })
    const report = await importSource(payload, await source(id), NOW)
    expect(report).toMatchObject({ ok: true, counts: { new: 0, updated: 0, skipped: 2 } })
    const reasons = (await source(id)).skippedReasons?.map((row) => row.reason)
    expect(reasons).toEqual([
      expect.stringMatching(/“Réunion du 31 février” .* DTSTART “2030-02-31” is not a real date/),
      expect.stringMatching(/“Réunion sans date” .* is not a real date/),
    ])
    expect((await eventsOf(id)).map((event) => `${event.id}:${event.updatedAt}`)).toEqual(before)
  })
})

describe('“Fetch now” in the admin, and failing sources on the dashboard', () => {
  let remichEditor: TestUser
  let otherEditor: TestUser
  let id: string | number

  beforeAll(async () => {
    const grevenmacher = await createCommune(payload, 'Grevenmacher', '1104')
    await createUser(payload, 'fetch-admin', ['admin'])
    remichEditor = await createUser(payload, 'fetch-remich', ['commune-editor'], {
      communes: [remich],
    })
    otherEditor = await createUser(payload, 'fetch-grevenmacher', ['commune-editor'], {
      communes: [grevenmacher.id],
    })
    // "Fetch now" imports at today's date: single events, which no horizon leaves out.
    serveCalendar('/fetch-now.ics', calendarOf(['fetch-now-1', 'fetch-now-2']))
    id = (await newSource('Fetched by hand', '/fetch-now.ics')).id
  })

  it('imports at once for an editor of the source and answers the counts', async () => {
    const response = await rest('POST', `/calendar-sources/${id}/fetch`, {
      token: remichEditor.token,
    })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      ok: true,
      counts: { new: 2, updated: 0, unchanged: 0, removed: 0, skipped: 0 },
      result: 'Imported: 2 new, 0 updated, 0 unchanged, 0 removed, 0 skipped.',
    })
    expect((await eventsOf(id)).length).toBe(2)
    const again = await rest('POST', `/calendar-sources/${id}/fetch`, { token: remichEditor.token })
    expect(again.body).toMatchObject({ ok: true, counts: { new: 0, unchanged: 2 } })
  })

  it('two fetches of one source at once run one after the other', async () => {
    // Each answer takes 200 ms: overlapping imports would have both requests open at once.
    const body = calendarOf(['twice-1', 'twice-2', 'twice-3'])
    let open = 0
    let mostOpen = 0
    routes.set('/twice.ics', (req, res) => {
      open += 1
      mostOpen = Math.max(mostOpen, open)
      setTimeout(() => {
        open -= 1
        if (req.headers['if-none-match'] === '"twice"') res.writeHead(304).end()
        else res.writeHead(200, { etag: '"twice"' }).end(body)
      }, 200)
    })
    const twice = await newSource('Clicked twice', '/twice.ics')
    const reports = await Promise.all([
      importSource(payload, twice, NOW),
      importSource(payload, twice, NOW),
    ])
    expect(mostOpen).toBe(1)
    // The second asks with the ETag the first recorded.
    expect(reports.map((report) => report.result)).toEqual([
      'Imported: 3 new, 0 updated, 0 unchanged, 0 removed, 0 skipped.',
      'Not changed since the last fetch.',
    ])
    expect((await eventsOf(twice.id)).length).toBe(3)
  })

  it('refuses anonymous callers, other communes’ editors and ids that are not ids', async () => {
    const before = (await source(id)).lastFetchedAt
    expect((await rest('POST', `/calendar-sources/${id}/fetch`)).status).toBe(401)
    const other = await rest('POST', `/calendar-sources/${id}/fetch`, { token: otherEditor.token })
    expect(other.status).toBe(404)
    expect(other.body.error).toMatch(/No such calendar source/)
    for (const bad of ['abc', '1%20OR%201', '0', '-1']) {
      const response = await rest('POST', `/calendar-sources/${bad}/fetch`, {
        token: remichEditor.token,
      })
      expect(response.status, bad).toBe(404)
    }
    expect((await source(id)).lastFetchedAt).toBe(before)
  })

  it('is rate-limited per person, with the wait in the answer', async () => {
    const busy = await createUser(payload, 'fetch-busy', ['commune-editor'], { communes: [remich] })
    const statuses: number[] = []
    let last
    for (let call = 0; call <= FETCH_NOW_LIMIT.points; call += 1) {
      last = await rest('POST', `/calendar-sources/${id}/fetch`, { token: busy.token })
      statuses.push(last.status)
    }
    expect(statuses).toEqual([...Array<number>(FETCH_NOW_LIMIT.points).fill(200), 429])
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(JSON.stringify(last!.body)).toMatch(/Too many fetches/)
    // Another person is not held back.
    const other = await rest('POST', `/calendar-sources/${id}/fetch`, { token: remichEditor.token })
    expect(other.status).toBe(200)
  })

  it('lists failing sources on the dashboard of those who may see them', async () => {
    routes.set('/gone.ics', (_req, res) => res.writeHead(410).end())
    const failing = await newSource('Gone away', '/gone.ics')
    await importSource(payload, failing, NOW)
    const mine = await editorOverview(payload, remichEditor.user as never, 'en', NOW)
    expect(mine.failingSources).toContainEqual(
      expect.objectContaining({
        id: failing.id,
        title: 'Gone away',
        href: `/admin/collections/calendar-sources/${failing.id}`,
        detail: expect.stringMatching(/answered 410/),
      }),
    )
    expect(mine.failingSources.map((item) => item.id)).not.toContain(id)
    const theirs = await editorOverview(payload, otherEditor.user as never, 'en', NOW)
    expect(theirs.failingSources).toEqual([])
  })
})

describe('the places the source names become venues', () => {
  let stadtbredimus: string | number
  let grevenmacherHall: string | number
  let culturalCentre: string | number
  let kiosk: string | number

  const event = (uid: string, day: number, lines: string[]) =>
    evening(uid, `Rencontre ${uid}`, `203007${dd(day)}`, ...lines)
  const places = ics(
    event('by-name', 1, ['LOCATION:centre culturel\\, Stadtbredimus']),
    event('by-geo', 2, ['LOCATION:Am Park', 'GEO:49.56415;6.36300']),
    event('new-place', 3, [
      'LOCATION:Salle des fêtes\\, 12 Rue de la Gare\\, L-5450 Stadtbredimus\\, Luxembourg',
      'GEO:49.5700;6.3700',
    ]),
    event('same-new-place', 4, ['LOCATION:Salle des Fêtes\\, Stadtbredimus']),
    event('other-commune-name', 5, ['LOCATION:Kulturhaus Grevenmacher']),
    event('no-place', 6, []),
  )

  beforeAll(async () => {
    stadtbredimus = (await createCommune(payload, 'Stadtbredimus', '1206')).id
    const grevenmacher = await payload.find({
      collection: 'communes',
      where: { slug: { equals: 'grevenmacher' } },
    })
    const venue = async (name: string, commune: string | number, data = {}) =>
      (await createDoc(payload, 'venues', { name, commune, ...data })).id
    grevenmacherHall = await venue('Kulturhaus Grevenmacher', grevenmacher.docs[0]!.id)
    culturalCentre = await venue('Centre Culturel', stadtbredimus)
    kiosk = await venue('Kiosque', stadtbredimus, {
      coordinates: { latitude: 49.5637, longitude: 6.363 },
    })
    serveCalendar('/places.ics', places)
  })

  it('links a matching venue, or makes one marked for an editor, never leaving the place out', async () => {
    const { id } = await newSource('Stadtbredimus', '/places.ics', { communes: [stadtbredimus] })
    const report = await importSource(payload, await source(id), NOW)
    expect(report.counts).toMatchObject({ new: 6, newVenues: 2, skipped: 0 })
    expect(report.result).toMatch(
      /2 new venue\(s\) made from the calendar’s places, for an editor to check: “Salle des fêtes”, “Kulturhaus Grevenmacher”\./,
    )
    expect((await byUid(id, 'by-name')).venue).toBe(culturalCentre)
    expect((await byUid(id, 'by-geo')).venue).toBe(kiosk)
    const made = (await byUid(id, 'new-place')).venue as string | number
    expect((await byUid(id, 'same-new-place')).venue).toBe(made)
    expect(await payload.findByID({ collection: 'venues', id: made, depth: 0 })).toMatchObject({
      name: 'Salle des fêtes',
      commune: stadtbredimus,
      address: { street: '12 Rue de la Gare', postcode: '5450', locality: 'Stadtbredimus' },
      coordinates: { latitude: 49.57, longitude: 6.37 },
      needsReview: true,
      importSource: id,
      sourceLanguage: 'fr',
    })
    // A venue of a commune the source does not cover is not theirs to use: a new one is made.
    const other = (await byUid(id, 'other-commune-name')).venue
    expect(other).not.toBe(grevenmacherHall)
    expect(other).toBeTruthy()
    expect((await byUid(id, 'no-place')).venue ?? null).toBeNull()
    expect((await source(id)).counts?.newVenues).toBe(2)
  })

  it('shows the new venues to the editors who may change them', async () => {
    const editor = await createUser(payload, 'venues-stadtbredimus', ['commune-editor'], {
      communes: [stadtbredimus],
    })
    const elsewhere = await createUser(payload, 'venues-remich', ['commune-editor'], {
      communes: [remich],
    })
    const mine = await editorOverview(payload, editor.user as never, 'en', NOW)
    expect(mine.venuesToCheck.map((item) => item.title).sort()).toEqual([
      'Kulturhaus Grevenmacher',
      'Salle des fêtes',
    ])
    const theirs = await editorOverview(payload, elsewhere.user as never, 'en', NOW)
    expect(theirs.venuesToCheck.map((item) => item.title)).not.toContain('Salle des fêtes')
  })
})

describe('the same event in two calendars is shown once', () => {
  const vevent = (uid: string, title: string, day: number) =>
    evening(uid, title, `203008${dd(day)}`)
  const file = ics

  it('the first source owns it; the second links to it by UID or by title, start and commune', async () => {
    serveCalendar(
      '/commune.ics',
      file(vevent('shared-1@remich.lu', 'Fête de quartier', 1), vevent('a-2', 'Repair Café', 2)),
    )
    const associationFile = file(
      vevent('shared-1@remich.lu', 'Fête de quartier (Asbl)', 1),
      vevent('b-2@asbl.lu', 'repair  CAFÉ', 2),
      vevent('b-3@asbl.lu', 'Repair Café', 3),
    )
    serveCalendar('/association.ics', associationFile)
    const commune = await newSource('Commune calendar', '/commune.ics')
    const association = await newSource('Association calendar', '/association.ics')
    expect((await importSource(payload, commune, NOW)).counts).toMatchObject({ new: 2 })
    const report = await importSource(payload, association, NOW)
    expect(report.counts).toMatchObject({ new: 1, linked: 2, skipped: 0 })
    expect(report.result).toMatch(/2 already imported from another calendar: linked/)
    const owned = await eventsOf(commune.id)
    expect((await source(association.id)).linkedEvents?.slice().sort()).toEqual(
      owned.map((event) => event.id).sort(),
    )
    expect((await eventsOf(association.id)).map((event) => event.importUid)).toEqual([
      'b-3@asbl.lu',
    ])
    const { totalDocs } = await payload.count({
      collection: 'events',
      where: { importUid: { equals: 'shared-1@remich.lu' } },
    })
    expect(totalDocs).toBe(1)

    // Fetched again (a new ETag, the same events): nothing is created, the links stay.
    serveCalendar('/association.ics', associationFile, '"again"')
    const again = await importSource(payload, await source(association.id), NOW)
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 1, linked: 2 })
    expect((await source(association.id)).counts?.linked).toBe(2)
  })

  it('the same title and start in a commune the source does not cover is another event', async () => {
    const schengen = await createCommune(payload, 'Schengen', '1207')
    serveCalendar('/schengen.ics', file(vevent('s-2@schengen.lu', 'Repair Café', 2)))
    const other = await newSource('Schengen', '/schengen.ics', { communes: [schengen.id] })
    expect((await importSource(payload, other, NOW)).counts).toMatchObject({ new: 1, linked: 0 })
  })
})

describe('what an editor changed in the portal stays', () => {
  const file = (title: string, day: string, sequence: number) =>
    ics(
      evening(
        'kept-1@remich.lu',
        title,
        day,
        `SEQUENCE:${sequence}`,
        'DESCRIPTION:Cuisine du monde.',
      ),
      evening('kept-2@remich.lu', `Jeux ${sequence}`, '20300920', `SEQUENCE:${sequence}`),
    )
  let id: string | number
  let editor: TestUser

  beforeAll(async () => {
    serveCalendar('/kept.ics', file('Atelier cuisine', '20300910', 0), '"k0"')
    id = (await newSource('Remich – ateliers', '/kept.ics')).id
    editor = await createUser(payload, 'kept-editor', ['commune-editor'], { communes: [remich] })
  })

  it('keeps the editor’s title, takes the source’s new date, and says which is which', async () => {
    expect((await importSource(payload, await source(id), NOW)).counts).toMatchObject({ new: 2 })
    const imported = await byUid(id, 'kept-1@remich.lu')
    const edited = await rest('PATCH', `/events/${imported.id}?draft=true&locale=fr`, {
      token: editor.token,
      body: { title: 'Atelier cuisine du monde (salle 2)' },
    })
    expect(edited.status).toBe(200)

    serveCalendar('/kept.ics', file('Atelier cuisine – nouvelle date', '20300911', 1), '"k1"')
    const report = await importSource(payload, await source(id), NOW)
    expect(report.counts).toMatchObject({ new: 0, updated: 2, unchanged: 0 })
    const after = await byUid(id, 'kept-1@remich.lu')
    expect(after.title).toBe('Atelier cuisine du monde (salle 2)')
    expect(after.start).toBe('2030-09-11T17:00:00.000Z')
    expect(after.importSequence).toBe(1)
    // The other event, untouched in the portal, follows the source entirely.
    expect((await byUid(id, 'kept-2@remich.lu')).title).toBe('Jeux 1')

    const stored = await payload.findByID({
      collection: 'events',
      id: after.id,
      locale: 'all',
      draft: true,
      depth: 0,
    })
    const changed = changedInPortal(
      after.importFingerprints as Fingerprints,
      storedFingerprints(stored as never, ['fr']),
    )
    expect([...changed]).toEqual(['title.fr'])

    // The source comes round to the editor's wording: the title is the source's again.
    serveCalendar('/kept.ics', file('Atelier cuisine du monde (salle 2)', '20300911', 2), '"k2"')
    await importSource(payload, await source(id), NOW)
    serveCalendar('/kept.ics', file('Atelier cuisine', '20300911', 3), '"k3"')
    await importSource(payload, await source(id), NOW)
    expect((await byUid(id, 'kept-1@remich.lu')).title).toBe('Atelier cuisine')
  })

  it('keeps a status an editor set, with its reason, while the dates still follow', async () => {
    const current = await byUid(id, 'kept-2@remich.lu')
    const postponed = await rest('PATCH', `/events/${current.id}?draft=true&locale=fr`, {
      token: editor.token,
      body: { status: 'postponed', statusReason: 'Reporté : la salle est en travaux.' },
    })
    expect(postponed.status).toBe(200)
    serveCalendar('/kept.ics', file('Atelier cuisine', '20300912', 4), '"k4"')
    await importSource(payload, await source(id), NOW)
    const after = await byUid(id, 'kept-2@remich.lu')
    expect(after).toMatchObject({
      status: 'postponed',
      statusReason: 'Reporté : la salle est en travaux.',
      title: 'Jeux 4',
    })
  })

  it('gives the events a changed setting of the source at the next fetch, the file unchanged', async () => {
    const [cooking, games] = await Promise.all([
      createDoc(payload, 'categories', { label: 'Cuisine' }),
      createDoc(payload, 'categories', { label: 'Jeux' }),
    ])
    // An editor chose a category for the first event; the second has the source's (none).
    const first = await byUid(id, 'kept-1@remich.lu')
    await rest('PATCH', `/events/${first.id}?draft=true&locale=fr`, {
      token: editor.token,
      body: { categories: [games.id] },
    })
    await payload.update({
      collection: 'calendar-sources',
      id,
      data: { categories: [cooking.id as number] },
    })
    // The same file with the same ETag: the source asks without it, so reads it all again.
    expect((await source(id)).etag).toBeNull()
    const report = await importSource(payload, await source(id), NOW)
    expect(report.counts).toMatchObject({ new: 0, updated: 2, unchanged: 0 })
    expect((await byUid(id, 'kept-2@remich.lu')).categories).toEqual([cooking.id])
    expect((await byUid(id, 'kept-1@remich.lu')).categories).toEqual([games.id])
    // The next fetch has nothing to do.
    expect((await importSource(payload, await source(id), NOW)).counts).toMatchObject({
      updated: 0,
    })
  })
})

describe('Decidim and Gancio exports', () => {
  const decidim = fixture('decidim-meetings')
  const uuids = [...decidim.matchAll(/^UID:(.*)\r$/gm)].map((match) => match[1]!)

  it('follows Decidim meetings whose UID changes at every export, by their page address', async () => {
    serveCalendar('/decidim.ics', decidim, '"d1"')
    const { id } = await newSource('Participer – PCI', '/decidim.ics')
    expect((await importSource(payload, await source(id), NOW)).counts).toMatchObject({
      new: 2,
      skipped: 0,
    })
    const first = await eventsOf(id)
    expect(first[0]).toMatchObject({
      title: 'Réunion publique PCI Miselerland',
      start: '2030-03-05T17:30:00.000Z',
      importUrl: 'https://participer.example.lu/processes/pci-miselerland/f/12/meetings/41',
    })
    expect(JSON.stringify(first[0]!.description)).toContain('prochaines actions')

    // The next export: new UIDs, and the first meeting an hour later (Decidim sends no SEQUENCE).
    const next = decidim
      .replace(uuids[0]!, '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e')
      .replace(uuids[1]!, '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b')
      .replace('DTSTART;TZID=UTC:20300305T173000', 'DTSTART;TZID=UTC:20300305T183000')
      .replace('DTEND;TZID=UTC:20300305T193000', 'DTEND;TZID=UTC:20300305T203000')
    serveCalendar('/decidim.ics', next, '"d2"')
    const report = await importSource(payload, await source(id), NOW)
    expect(report.counts).toMatchObject({ new: 0, updated: 1, unchanged: 1, removed: 0 })
    const second = await eventsOf(id)
    expect(second.map((event) => event.id)).toEqual(first.map((event) => event.id))
    expect(second[0]).toMatchObject({
      start: '2030-03-05T18:30:00.000Z',
      importUid: '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
      status: 'scheduled',
    })
    expect(second[1]!.importUid).toBe('9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b')
  })

  it('reads a Gancio feed: plain DESCRIPTION only, CATEGORIES mapped, GEO kept', async () => {
    const found = await payload.find({
      collection: 'communes',
      where: { slug: { equals: 'grevenmacher' } },
    })
    const grevenmacher =
      found.docs[0]?.id ?? (await createCommune(payload, 'Grevenmacher', '1004')).id
    const repair = await createDoc(payload, 'categories', { label: 'Réparer ensemble' })
    serveCalendar('/gancio.ics', fixture('gancio-agenda'))
    const { id } = await newSource('Agenda solidaire', '/gancio.ics', {
      communes: [grevenmacher],
      language: 'en',
      categoryMapping: [{ word: 'Repair', category: repair.id }],
    })
    const report = await importSource(payload, await source(id), NOW)
    expect(report.counts).toMatchObject({ new: 2, skipped: 0 })
    const [cafe, swap] = await eventsOf(id)
    expect(cafe).toMatchObject({
      title: 'Repair Café',
      sourceLanguage: 'en',
      categories: [repair.id],
      importUrl: 'https://agenda.example.lu/event/repair-cafe',
    })
    const description = JSON.stringify(cafe!.description)
    expect(description).toContain('we repair them together.')
    expect(description).toContain('Free, for everyone.')
    expect(description).not.toMatch(/<|strong|script|alert/)
    const venue = await payload.findByID({ collection: 'venues', id: cafe!.venue as never })
    expect(venue.coordinates).toMatchObject({ latitude: 49.68, longitude: 6.44 })
    expect(swap).toMatchObject({ title: 'Language swap', categories: [] })
  })
})
