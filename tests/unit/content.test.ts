// The site's view of CMS content, from a small hand-written snapshot: language fallback, merged
// communes, recurring events with changed dates, and what counts as upcoming at build time.
import { beforeAll, describe, expect, it } from 'vitest'
import type * as ContentModule from '../../web/lib/content'
import type { SiteSnapshot } from '../../cms/domain/snapshot'
import { at, withSnapshot } from './snapshotFixture'

type Content = ContentModule.SiteContent
let content: Content

const snapshot: SiteSnapshot = {
  generatedAt: '2027-01-10T12:00:00.000Z',
  collections: {
    communes: [
      {
        id: 1,
        slug: 'bous-waldbredimus',
        name: { fr: 'Bous-Waldbredimus', lb: 'Bous-Waldbriedemes' },
        status: 'partner',
      },
      {
        id: 2,
        slug: 'waldbredimus',
        name: { fr: 'Waldbredimus' },
        status: 'partner',
        successor: 1,
        validTo: '2023-08-31T10:00:00.000Z',
      },
    ],
    categories: [],
    'target-groups': [],
    goals: [],
    organisations: [],
    venues: [],
    events: [
      {
        id: 10,
        slug: 'cafe',
        uid: 'u-10',
        title: { de: 'Sprachcafé', fr: 'Café des langues' },
        start: at('2027-01-06T19:00:00'),
        end: at('2027-01-06T20:30:00'),
        recurrence: {
          frequency: 'weekly',
          interval: 1,
          byWeekday: ['WE'],
          count: 4,
          exdates: [],
          rdates: [],
        },
        overrides: [
          {
            occurrenceDate: at('2027-01-13T12:00:00'),
            status: 'cancelled',
            reason: { fr: 'Salle occupée' },
          },
          {
            occurrenceDate: at('2027-01-20T12:00:00'),
            status: 'rescheduled',
            newStart: at('2027-01-21T19:00:00'),
            newEnd: at('2027-01-21T20:30:00'),
          },
        ],
        communes: [2],
        status: 'scheduled',
      },
      {
        id: 11,
        slug: 'picnic',
        uid: 'u-11',
        title: { fr: 'Pique-nique' },
        start: at('2023-05-20T11:00:00'),
        end: at('2023-05-20T16:00:00'),
        communes: [2],
        status: 'scheduled',
      },
    ],
    actions: [],
    resources: [],
    pages: [],
    media: [],
    submissions: [],
    'population-figures': [],
  },
}

beforeAll(async () => {
  ;({ content } = await withSnapshot(snapshot))
})

describe('content views', () => {
  it('resolves each text through the reader’s fallback chain and says where it came from', () => {
    expect(content.event('cafe', 'lb')!.title).toEqual({
      value: 'Sprachcafé',
      lang: 'de',
      fallback: true,
    })
    expect(content.event('cafe', 'pt')!.title).toEqual({
      value: 'Café des langues',
      lang: 'fr',
      fallback: true,
    })
    expect(content.event('cafe', 'fr')!.title.fallback).toBe(false)
  })

  it('expands recurring events with cancelled and moved dates', () => {
    const occurrences = content.event('cafe', 'en')!.occurrences
    expect(occurrences.map((o) => [o.start.toFormat('yyyy-MM-dd HH:mm'), o.status])).toEqual([
      ['2027-01-06 19:00', 'scheduled'],
      ['2027-01-13 19:00', 'cancelled'],
      ['2027-01-21 19:00', 'rescheduled'],
      ['2027-01-27 19:00', 'scheduled'],
    ])
    expect(occurrences[1]!.reason).toEqual({ value: 'Salle occupée', lang: 'fr', fallback: true })
  })

  it('lists an event as upcoming at its next date after the build time, and past events apart', () => {
    const upcoming = content.upcomingEvents('en')
    expect(upcoming.map((item) => [item.event.slug, item.occurrence.day])).toEqual([
      ['cafe', '2027-01-13'],
    ])
    expect(content.pastEvents('en').map((item) => item.event.slug)).toEqual(['picnic'])
  })

  it('counts events of a merged commune for its successor', () => {
    const successor = content.commune('bous-waldbredimus', 'lb')!
    expect(successor.predecessors.map((p) => p.slug)).toEqual(['waldbredimus'])
    expect(content.inCommune(content.event('picnic', 'en')!, 'bous-waldbredimus')).toBe(true)
    expect(content.currentCommunes('en').map((c) => c.slug)).toEqual(['bous-waldbredimus'])
  })

  it('groups occurrences by month for the calendar', () => {
    expect(content.calendarMonths()).toEqual(['2027-01'])
    expect(content.occurrencesInMonth('en', '2027-01')).toHaveLength(4)
    expect(content.occurrencesInMonth('en', '2027-02')).toEqual([])
  })
})
