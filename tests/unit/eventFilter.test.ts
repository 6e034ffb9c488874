// The event finder's filter, shared by the listing, the live feed and the widget: periods computed
// in Luxembourg time from a pinned "now", a merged commune's predecessors, languages spoken or
// interpreted, every asked accessibility feature, free only; and the parser's messages for each
// malformed value.
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { portalZone } from '../../cms/domain/dates'
import { emptySnapshot, type SiteSnapshot } from '../../cms/domain/snapshot'
import { SiteContent } from '../../web/lib/content'
import {
  type FeedFilter,
  feedEvents,
  feedName,
  feedQuery,
  filteredEvents,
  filterPeriod,
  parseFeedQuery,
} from '../../web/lib/feeds'
import { defaultWidgetOptions, parseWidgetQuery, widgetEvents } from '../../web/lib/widget'
import { findEvents } from '../../web/lib/eventFinder'
import { at } from './snapshotFixture'

/** Wednesday 3 March 2027, 10:00 in Luxembourg. */
const NOW = at('2027-03-03T10:00:00')

const snapshot = (generatedAt = NOW): SiteSnapshot => ({
  generatedAt,
  collections: {
    ...emptySnapshot().collections,
    communes: [
      { id: 1, slug: 'remich', name: { fr: 'Remich' }, status: 'partner' },
      { id: 2, slug: 'mertert', name: { fr: 'Mertert' }, status: 'partner' },
      { id: 3, slug: 'bous-waldbredimus', name: { fr: 'Bous-Waldbredimus' }, status: 'partner' },
      {
        id: 4,
        slug: 'bous',
        name: { fr: 'Bous' },
        status: 'partner',
        successor: 3,
        validTo: '2023-08-31T12:00:00.000Z',
      },
    ],
    categories: [{ id: 20, slug: 'sport', label: { fr: 'Sport' } }],
    'target-groups': [{ id: 30, slug: 'newcomers', label: { fr: 'Nouveaux arrivants' } }],
    venues: [
      { id: 5, slug: 'hall', name: { fr: 'Salle' }, commune: 1, accessibility: ['step-free'] },
    ],
    events: [
      {
        id: 10,
        slug: 'cafe',
        uid: 'cafe@test',
        title: { fr: 'Café des langues' },
        start: at('2027-02-03T19:00:00'),
        end: at('2027-02-03T20:30:00'),
        recurrence: {
          frequency: 'weekly',
          interval: 1,
          byWeekday: ['WE'],
          until: at('2027-04-28T12:00:00'),
        },
        overrides: [{ occurrenceDate: at('2027-03-10T12:00:00'), status: 'cancelled' }],
        venue: 5,
        communes: [1],
        languagesSpoken: ['fr', 'pt'],
        price: { free: true },
      },
      {
        id: 11,
        slug: 'walk',
        uid: 'walk@test',
        title: { fr: 'Promenade' },
        start: at('2027-03-06T10:00:00'),
        end: at('2027-03-06T12:00:00'),
        communes: [4],
        languagesSpoken: ['lb'],
        interpretation: ['pt'],
        accessibility: ['hearing-loop'],
        price: { free: false, amountEuro: 5 },
      },
      {
        id: 12,
        slug: 'fest',
        uid: 'fest@test',
        title: { fr: 'Fête' },
        allDay: true,
        start: at('2027-03-27T00:00:00'),
        end: at('2027-03-28T00:00:00'),
        communes: [2],
        categories: [20],
        targetGroups: [30],
        accessibility: ['step-free', 'quiet-room'],
        price: { free: true },
      },
      {
        id: 13,
        slug: 'breakfast',
        uid: 'breakfast@test',
        title: { fr: 'Petit-déjeuner' },
        start: at('2027-03-03T08:00:00'),
        end: at('2027-03-03T09:00:00'),
        communes: [1],
        price: { free: true },
      },
      {
        id: 14,
        slug: 'april',
        uid: 'april@test',
        title: { fr: 'Avril' },
        start: at('2027-04-15T18:00:00'),
        end: at('2027-04-15T19:00:00'),
        communes: [1],
        price: { free: true },
      },
    ],
  },
})

const content = new SiteContent(snapshot())

/** The filter of a query, which must be valid. */
function filterOf(query: string, site = content): FeedFilter {
  const parsed = parseFeedQuery(site, query, { lang: 'en' })
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.filter
}

/** What the listing finds for a query: "slug day" per date, soonest first. */
const found = (query: string, site = content) =>
  filteredEvents(site, 'en', filterOf(query, site)).map(
    (item) => `${item.event.slug} ${item.occurrence.start.toISODate()}`,
  )

const errorOf = (query: string, lang?: 'en' | 'fr' | 'de') => {
  const parsed = parseFeedQuery(content, query, lang ? { lang } : {})
  return parsed.ok ? null : { status: parsed.status, message: parsed.message }
}

describe('the period of a filter, from a pinned now in Luxembourg time', () => {
  it('today is what is left of today', () => {
    expect(found('when=today')).toEqual(['cafe 2027-03-03'])
  })

  it('this weekend is the coming Saturday and Sunday, or this one on a weekend', () => {
    expect(found('when=weekend')).toEqual(['walk 2027-03-06'])
    const saturday = new SiteContent(snapshot(at('2027-03-06T11:00:00')))
    const period = filterPeriod({ when: 'weekend' }, saturday.now)!
    expect(period.start.toISO()).toBe(saturday.now.toISO())
    expect(period.end!.toISO()).toBe(
      DateTime.fromISO('2027-03-08T00:00', { zone: portalZone }).toISO(),
    )
    expect(found('when=weekend', saturday)).toEqual(['walk 2027-03-06'])
  })

  it('this week runs to Sunday night; this month lists every date, cancelled ones too', () => {
    expect(found('when=week')).toEqual(['cafe 2027-03-03', 'walk 2027-03-06'])
    const month = filteredEvents(content, 'en', filterOf('when=month'))
    expect(month.map((item) => `${item.event.slug} ${item.occurrence.start.toISODate()}`)).toEqual([
      'cafe 2027-03-03',
      'walk 2027-03-06',
      'cafe 2027-03-10',
      'cafe 2027-03-17',
      'cafe 2027-03-24',
      'fest 2027-03-27',
      'cafe 2027-03-31',
    ])
    expect(month.find((item) => item.occurrence.day === '2027-03-10')?.occurrence.status).toBe(
      'cancelled',
    )
  })

  it('a date range includes both days, and an all-day event on its last day', () => {
    expect(found('from=2027-03-28&to=2027-03-29')).toEqual(['fest 2027-03-27'])
    expect(found('from=2027-04-14')).toEqual([
      'cafe 2027-04-14',
      'april 2027-04-15',
      'cafe 2027-04-21',
      'cafe 2027-04-28',
    ])
    expect(found('to=2027-03-04')).toEqual(['cafe 2027-03-03'])
  })

  it('without a period, each upcoming event once at its next date', () => {
    expect(found('')).toEqual([
      'cafe 2027-03-03',
      'walk 2027-03-06',
      'fest 2027-03-27',
      'april 2027-04-15',
    ])
  })
})

describe('the other facets', () => {
  it('a commune includes the communes merged into it', () => {
    expect(found('commune=bous-waldbredimus')).toEqual(['walk 2027-03-06'])
    expect(found('commune=bous')).toEqual(['walk 2027-03-06'])
  })

  it('a language counts when spoken or interpreted', () => {
    expect(found('when=week&spoken=pt')).toEqual(['cafe 2027-03-03', 'walk 2027-03-06'])
    expect(found('when=week&spoken=lb')).toEqual(['walk 2027-03-06'])
  })

  it('every accessibility feature asked for must be offered, by the event or its venue', () => {
    expect(found('access=step-free')).toEqual(['cafe 2027-03-03', 'fest 2027-03-27'])
    expect(found('access=step-free&access=quiet-room')).toEqual(['fest 2027-03-27'])
    expect(found('access=step-free,hearing-loop')).toEqual([])
  })

  it('free only, topics and target groups', () => {
    expect(found('when=week&free=1')).toEqual(['cafe 2027-03-03'])
    expect(found('category=sport')).toEqual(['fest 2027-03-27'])
    expect(found('audience=newcomers&when=today')).toEqual([])
  })
})

describe('one filter for the listing, the feed and the widget', () => {
  const query = 'when=week&commune=remich&spoken=pt&access=step-free'

  it('the feed holds the events the listing finds', () => {
    const filter = filterOf(query)
    expect(feedEvents(content, 'en', filter).map((view) => view.uid)).toEqual(['cafe@test'])
    expect(feedName(content, 'en', filter)).toBe(
      'Miselerland: events · this week · Remich · Portuguese · Step-free access',
    )
  })

  it('the widget lists the same dates', () => {
    const widget = parseWidgetQuery(content, `lang=en&${query}&limit=3`)
    expect(widget.ok).toBe(true)
    if (!widget.ok) return
    expect(widgetEvents(content, 'en', widget.filter, defaultWidgetOptions.limit)).toEqual(
      filteredEvents(content, 'en', filterOf(query)),
    )
  })

  it('writes the query back so that it reads as the same filter', () => {
    for (const written of [
      query,
      'from=2027-03-01&to=2027-03-31&free=1',
      'when=month&category=sport',
    ]) {
      const filter = filterOf(written)
      expect(feedQuery(null, filter)).toBe(written)
      expect(filterOf(feedQuery(null, filter))).toEqual(filter)
    }
    expect(feedQuery('pt', filterOf(query))).toBe(`lang=pt&${query}`)
  })

  it('treats the empty fields a form sends as no filter', () => {
    expect(filterOf('when=&from=&to=&commune=&free=')).toEqual({})
  })
})

describe('malformed filters are named in the reader’s language', () => {
  it('an unknown period', () => {
    expect(errorOf('when=tomorrow', 'en')).toEqual({
      status: 400,
      message: 'Unknown value “tomorrow” for “when”. Accepted values: today, weekend, week, month.',
    })
    expect(errorOf('when=demain', 'fr')?.message).toMatch(
      /^Valeur inconnue « demain » pour « when »/,
    )
  })

  it('a day that does not exist, or is not written YYYY-MM-DD', () => {
    expect(errorOf('from=2027-02-30', 'en')?.message).toBe(
      '“2027-02-30” for “from” is not a date: write it as YYYY-MM-DD, for example 2027-03-08.',
    )
    expect(errorOf('to=8.3.2027', 'de')?.message).toMatch(/^„8\.3\.2027“ für „to“ ist kein Datum/)
  })

  it('an end before the start, or a period and dates together', () => {
    expect(errorOf('from=2027-03-10&to=2027-03-01', 'en')?.message).toBe(
      'The end date 2027-03-01 is before the start date 2027-03-10.',
    )
    expect(errorOf('when=week&from=2027-03-10', 'en')?.message).toMatch(/not both/)
  })

  it('an unknown feature; `lang` where the address gives the language', () => {
    expect(errorOf('access=lift', 'en')?.message).toMatch(/^Unknown value “lift” for “access”/)
    expect(errorOf('lang=pt', 'en')?.message).toMatch(/^Unknown parameter “lang”/)
    expect(errorOf('lang=pt&when=week')).toBeNull()
  })
})

describe('the listing’s answer to a query', () => {
  it('lists a page of what the filter finds, with its parts to remove', () => {
    const answer = findEvents(content, 'en', 'when=week&spoken=pt')
    expect(answer.kind).toBe('list')
    if (answer.kind !== 'list') return
    expect(answer.total).toBe(2)
    expect(answer.parts.map((part) => [part.label.value, part.href])).toEqual([
      ['this week', '/en/events/?spoken=pt'],
      ['Portuguese', '/en/events/?when=week'],
    ])
    expect(answer.widenings).toEqual([])
  })

  it('suggests wider searches that find something when nothing is found', () => {
    const answer = findEvents(content, 'en', 'when=today&commune=bous-waldbredimus')
    expect(answer.kind === 'list' && answer.widenings).toEqual([
      { label: 'this week', href: '/en/events/?when=week&commune=bous-waldbredimus', count: 1 },
      { label: 'without “today”', href: '/en/events/?commune=bous-waldbredimus', count: 1 },
      {
        label: 'without “Bous-Waldbredimus”',
        href: '/en/events/?when=today',
        count: 1,
      },
    ])
  })

  it('sends a commune’s or a topic’s filter to its page, and another spelling to one address', () => {
    expect(findEvents(content, 'en', 'commune=remich')).toEqual({
      kind: 'redirect',
      location: '/en/events/commune/remich/',
    })
    expect(findEvents(content, 'en', 'category=sport')).toEqual({
      kind: 'redirect',
      location: '/en/events/category/sport/',
    })
    // A merged commune has no page of its own: its filter is listed.
    expect(findEvents(content, 'en', 'commune=bous').kind).toBe('list')
    expect(findEvents(content, 'en', 'commune=remich,mertert&free=&when=')).toEqual({
      kind: 'redirect',
      location: '/en/events/?commune=remich&commune=mertert',
    })
    expect(findEvents(content, 'en', 'page=1')).toEqual({
      kind: 'redirect',
      location: '/en/events/',
    })
  })

  it('refuses a page that does not exist and a wrong value, naming it', () => {
    expect(findEvents(content, 'de', 'when=week&page=3')).toEqual({
      kind: 'error',
      status: 400,
      message: 'Unbekannter Wert „3“ für „page“. Erlaubt sind: 1.',
    })
    expect(findEvents(content, 'fr', 'when=semaine')).toMatchObject({ kind: 'error', status: 400 })
    expect(findEvents(content, 'en', `when=${'x'.repeat(1100)}`)).toMatchObject({ status: 414 })
  })
})
