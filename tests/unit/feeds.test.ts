// Calendar feeds read back by Mozilla's ical.js (the parser of Thunderbird): filters, names in the
// feed's language, LANGUAGE on fallback text, escaping and folding, and a recurring event
// expanded across both daylight-saving changes with a skipped, an extra and a moved date.
import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import { beforeAll, describe, expect, it } from 'vitest'
import * as ContentModule from '../../web/lib/content'
import type * as FeedsModule from '../../web/lib/feeds'
import { emptySnapshot, type SiteSnapshot } from '../../cms/domain/snapshot'
import { at, withSnapshot } from './snapshotFixture'

let content: ContentModule.SiteContent
let feeds: typeof FeedsModule

const site = new URL('https://zesummen.example.lu')
const awkwardSummary = 'Bring: bread, cheese; a "backslash" \\ and\ntwo lines'

const snapshot: SiteSnapshot = {
  generatedAt: '2026-12-01T12:00:00.000Z',
  collections: {
    ...emptySnapshot().collections,
    communes: [
      { id: 1, slug: 'remich', name: { fr: 'Remich', lb: 'Réimech' }, status: 'partner' },
      { id: 2, slug: 'mertert', name: { fr: 'Mertert' }, status: 'partner' },
    ],
    categories: [
      { id: 20, slug: 'language-cafe', label: { fr: 'Café des langues', pt: 'Café de línguas' } },
      { id: 21, slug: 'sport', label: { fr: 'Sport' } },
    ],
    'target-groups': [{ id: 30, slug: 'newcomers', label: { fr: 'Nouveaux arrivants' } }],
    goals: [],
    organisations: [],
    venues: [
      {
        id: 3,
        slug: 'hall',
        name: { fr: 'Salle des fêtes' },
        commune: 1,
        accessibility: ['step-free'],
        address: { street: 'Rue de la Gare 1', postcode: '5555', locality: 'Remich' },
      },
    ],
    events: [
      {
        id: 10,
        slug: 'cafe',
        uid: 'cafe@zesummen.test',
        sequence: 1,
        updatedAt: '2026-11-20T08:00:00.000Z',
        title: { fr: 'Café des langues' },
        summary: { fr: awkwardSummary },
        start: at('2027-03-03T19:00:00'),
        end: at('2027-03-03T20:30:00'),
        recurrence: {
          frequency: 'weekly',
          interval: 1,
          byWeekday: ['WE'],
          until: at('2027-11-10T12:00:00'),
          exdates: [{ date: at('2027-03-31T12:00:00') }],
          rdates: [{ start: at('2027-10-30T10:00:00') }],
        },
        overrides: [
          {
            occurrenceDate: at('2027-10-27T12:00:00'),
            status: 'rescheduled',
            newStart: at('2027-10-28T19:00:00'),
            newEnd: at('2027-10-28T20:30:00'),
          },
        ],
        venue: 3,
        communes: [1],
        categories: [20],
        targetGroups: [30],
        languagesSpoken: ['fr', 'pt'],
        price: { free: true },
      },
      {
        id: 11,
        slug: 'old-run',
        uid: 'old-run@zesummen.test',
        sequence: 0,
        updatedAt: '2026-05-01T08:00:00.000Z',
        title: { fr: 'Course', pt: 'Corrida' },
        start: at('2026-06-01T10:00:00'),
        end: at('2026-06-01T12:00:00'),
        communes: [2],
        categories: [21],
        price: { free: false },
      },
      {
        id: 12,
        slug: 'concert',
        uid: 'concert@zesummen.test',
        sequence: 2,
        status: 'cancelled',
        updatedAt: '2026-11-28T08:00:00.000Z',
        title: { fr: 'Concert', pt: 'Concerto' },
        start: at('2027-01-15T20:00:00'),
        end: at('2027-01-15T22:00:00'),
        communes: [2],
        categories: [21],
        languagesSpoken: ['de'],
        price: { free: false },
      },
      {
        id: 13,
        slug: 'recent-walk',
        uid: 'recent-walk@zesummen.test',
        sequence: 0,
        updatedAt: '2026-10-01T08:00:00.000Z',
        title: { fr: 'Promenade' },
        start: at('2026-10-20T14:00:00'),
        end: at('2026-10-20T16:00:00'),
        communes: [1],
      },
    ],
  },
}

beforeAll(async () => {
  ;({ content } = await withSnapshot(snapshot))
  feeds = await import('../../web/lib/feeds')
})

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone)
  }
  return calendar
}

const uids = (text: string) =>
  [
    ...new Set(
      parse(text)
        .getAllSubcomponents('vevent')
        .map((event) => String(event.getFirstPropertyValue('uid'))),
    ),
  ].sort()

describe('feed contents', () => {
  it('hold upcoming and recently finished events, not ones over for more than 90 days', () => {
    const { text, count } = feeds.feedText(content, 'fr', {}, site)
    expect(count).toBe(3)
    expect(uids(text)).toEqual([
      'cafe@zesummen.test',
      'concert@zesummen.test',
      'recent-walk@zesummen.test',
    ])
  })

  it('filter by commune, category, target group, spoken language, free and step-free', () => {
    const ids = (filter: FeedsModule.FeedFilter) =>
      feeds.feedEvents(content, 'fr', filter).map((view) => view.slug)
    expect(ids({ communes: ['mertert'] })).toEqual(['concert'])
    expect(ids({ communes: ['remich', 'mertert'] })).toEqual(['recent-walk', 'concert', 'cafe'])
    expect(ids({ categories: ['language-cafe'] })).toEqual(['cafe'])
    expect(ids({ audiences: ['newcomers'] })).toEqual(['cafe'])
    expect(ids({ spoken: ['de'] })).toEqual(['concert'])
    expect(ids({ free: true })).toEqual(['recent-walk', 'cafe'])
    expect(ids({ accessible: true })).toEqual(['cafe'])
    expect(ids({ communes: ['remich'], categories: ['sport'] })).toEqual([])
  })

  it('keep a cancelled event with STATUS:CANCELLED and its raised SEQUENCE', () => {
    const calendar = parse(feeds.feedText(content, 'fr', { communes: ['mertert'] }, site).text)
    const event = calendar.getFirstSubcomponent('vevent')!
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(event.getFirstPropertyValue('sequence')).toBe(2)
  })
})

describe('feed format', () => {
  it('names the calendar in its language and tells apps how often to refresh', () => {
    const calendar = parse(
      feeds.feedText(content, 'pt', { categories: ['language-cafe'] }, site).text,
    )
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      'Miselerland: eventos · Café de línguas',
    )
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Luxembourg')
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT6H')
    expect(String(calendar.getFirstPropertyValue('x-published-ttl'))).toBe('PT6H')
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1)
  })

  it('marks text shown in another language with LANGUAGE', () => {
    const calendar = parse(feeds.feedText(content, 'pt', {}, site).text)
    const byUid = (uid: string) =>
      calendar
        .getAllSubcomponents('vevent')
        .find((event) => event.getFirstPropertyValue('uid') === uid)!
    const cafe = byUid('cafe@zesummen.test')
    expect(cafe.getFirstProperty('summary')!.getParameter('language')).toBe('fr')
    expect(cafe.getFirstProperty('location')!.getParameter('language')).toBe('fr')
    const concert = byUid('concert@zesummen.test')
    expect(concert.getFirstPropertyValue('summary')).toBe('Concerto')
    expect(concert.getFirstProperty('summary')!.getParameter('language')).toBe('pt')
    expect(concert.getFirstPropertyValue('url')).toBe(
      'https://zesummen.example.lu/pt/events/concert/',
    )
  })

  it('escapes commas, semicolons, backslashes and newlines, and folds at 75 octets', () => {
    const text = feeds.feedText(content, 'fr', { categories: ['language-cafe'] }, site).text
    const lines = text.split('\r\n').slice(0, -1)
    expect(lines.every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true)
    expect(text).not.toMatch(/[^\r]\n/)
    expect(text).toContain('DESCRIPTION;LANGUAGE=fr:Bring: bread\\, cheese\\; a "backslash" \\\\ ')
    const event = parse(text).getFirstSubcomponent('vevent')!
    expect(String(event.getFirstPropertyValue('description'))).toContain(awkwardSummary)
    expect(event.getFirstPropertyValue('location')).toBe(
      'Salle des fêtes\nRue de la Gare 1, 5555 Remich, Remich',
    )
  })
})

describe('a recurring event expanded by ical.js', () => {
  it('keeps 19:00 Luxembourg time across both DST changes, with skipped, extra and moved dates', () => {
    const calendar = parse(
      feeds.feedText(content, 'fr', { categories: ['language-cafe'] }, site).text,
    )
    const [master, ...exceptions] = calendar.getAllSubcomponents('vevent')
    const event = new ICAL.Event(master!)
    for (const exception of exceptions) event.relateException(exception)
    const seen: string[] = []
    const iterator = event.iterator()
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next)
      seen.push(
        DateTime.fromJSDate(details.startDate.toJSDate())
          .setZone('Europe/Luxembourg')
          .toFormat("yyyy-MM-dd'T'HH:mm"),
      )
    }
    const expected: string[] = []
    for (
      let day = DateTime.fromISO('2027-03-03T19:00', { zone: 'Europe/Luxembourg' });
      day.toISODate()! <= '2027-11-10';
      day = day.plus({ weeks: 1 })
    ) {
      const date = day.toISODate()!
      if (date === '2027-03-31') continue
      expected.push(date === '2027-10-27' ? '2027-10-28T19:00' : `${date}T19:00`)
    }
    expected.push('2027-10-30T10:00')
    expect(seen.sort()).toEqual(expected.sort())
    // The instants move by an hour in UTC where the wall time stays.
    const utc = (local: string) =>
      DateTime.fromISO(local, { zone: 'Europe/Luxembourg' }).toUTC().toFormat('HH:mm')
    expect([utc('2027-03-24T19:00'), utc('2027-04-07T19:00'), utc('2027-11-03T19:00')]).toEqual([
      '18:00',
      '17:00',
      '18:00',
    ])
  })
})

describe('the live feed query', () => {
  it('accepts repeated and comma-separated values and yes/no flags', () => {
    const result = feeds.parseFeedQuery(
      content,
      'lang=pt&commune=remich,mertert&category=sport&category=language-cafe&free=1&accessible=0',
    )
    expect(result).toEqual({
      ok: true,
      lang: 'pt',
      filter: {
        communes: ['remich', 'mertert'],
        categories: ['sport', 'language-cafe'],
        free: true,
      },
    })
    expect(feeds.parseFeedQuery(content, 'commune=&category=')).toEqual({
      ok: true,
      lang: 'fr',
      filter: {},
    })
  })

  it('refuses unknown parameters and values with a message naming them', () => {
    const unknownParameter = feeds.parseFeedQuery(content, 'lang=de&town=remich')
    expect(unknownParameter).toMatchObject({ ok: false, status: 400, lang: 'de' })
    expect((unknownParameter as { message: string }).message).toContain('„town“')
    const unknownValue = feeds.parseFeedQuery(content, 'commune=atlantis')
    expect(unknownValue).toMatchObject({ ok: false, status: 400 })
    expect((unknownValue as { message: string }).message).toBe(
      'Valeur inconnue « atlantis » pour « commune ». Valeurs acceptées : mertert, remich.',
    )
    expect(feeds.parseFeedQuery(content, 'lang=xx')).toMatchObject({
      ok: false,
      status: 400,
      lang: 'en',
    })
    expect(feeds.parseFeedQuery(content, 'free=maybe')).toMatchObject({ ok: false, status: 400 })
  })

  it('bounds the query: 414 when too long, 400 for too many values', () => {
    const long = `spoken=${'fr,'.repeat(400)}`
    expect(feeds.parseFeedQuery(content, long)).toMatchObject({ ok: false, status: 414 })
    const twenty = 'lb,fr,de,pt,en,it,es,nl,pl,ro,sq,sr,uk,ru,ar,fa,ti,kea,gsg,fsl'
    expect(feeds.parseFeedQuery(content, `spoken=${twenty}`)).toMatchObject({ ok: true })
    const tooMany = feeds.parseFeedQuery(content, `spoken=${twenty}&spoken=xx`)
    expect(tooMany).toMatchObject({ ok: false, status: 400 })
    expect((tooMany as { message: string }).message).toBe(
      'Trop de valeurs pour « spoken » (au plus 20).',
    )
    // The same value repeated counts once.
    const repeated = `spoken=${Array.from({ length: 30 }, () => 'fr').join('&spoken=')}`
    expect(feeds.parseFeedQuery(content, repeated)).toMatchObject({ ok: true })
  })

  it('writes the same query back from a filter (the builder and cache key use it)', () => {
    const filter = { communes: ['remich'], spoken: ['pt'], free: true }
    const query = feeds.feedQuery('lb', filter)
    expect(query).toBe('lang=lb&commune=remich&spoken=pt&free=1')
    expect(feeds.parseFeedQuery(content, query)).toEqual({ ok: true, lang: 'lb', filter })
  })

  it('reads its accepted values from the current content', () => {
    const other = new ContentModule.SiteContent({
      ...snapshot,
      collections: {
        ...snapshot.collections,
        communes: [{ id: 9, slug: 'betzdorf', name: { fr: 'Betzdorf' }, status: 'partner' }],
      },
    })
    expect(feeds.parseFeedQuery(other, 'commune=betzdorf')).toMatchObject({ ok: true })
    expect(feeds.parseFeedQuery(other, 'commune=remich')).toMatchObject({ ok: false, status: 400 })
    expect(feeds.parseFeedQuery(content, 'commune=remich')).toMatchObject({ ok: true })
  })
})
