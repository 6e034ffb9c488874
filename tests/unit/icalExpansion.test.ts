// The portal expands recurrences itself (cms/domain/recurrence.ts) and writes them to calendar
// files as RRULE, EXDATE, RDATE and RECURRENCE-ID overrides. Two independent readers expand
// those files again: Mozilla's ical.js (with the file's own VTIMEZONE) and Python's icalendar
// with dateutil's rrule (with the system's zoneinfo). All three must give the same occurrence
// starts, and the same cancelled ones, for every demo event and for synthetic ones.
import { beforeAll, describe, expect, it } from 'vitest'
import { eventSchedule, type SeedSchedule } from '../../cms/seed/eventSchedule'
import demoEvents from '../../content/demo/events.json'
import { syntheticRegion } from '../../scripts/lib/synthetic'
import type * as ContentModule from '../../web/lib/content'
import type * as IcalModule from '../../web/lib/ical'
import { emptySnapshot, type RawDoc, type SiteSnapshot } from '../../cms/domain/snapshot'
import { icalJsOccurrences, pythonOccurrences, utc, type ByUid, type Seen } from './icalReaders'
import { withSnapshot } from './snapshotFixture'

const site = new URL('https://zesummen.example.lu')

function demoDoc(record: (typeof demoEvents)[number], index: number): RawDoc {
  return {
    id: 1000 + index,
    slug: record.slug,
    uid: `seed-${record.slug}@zesummen.lu`,
    sequence: 0,
    demo: true,
    sourceLanguage: record.sourceLanguage,
    title: record.title,
    // The seed's own conversion: wall times in Luxembourg, days at local noon.
    ...eventSchedule(record as SeedSchedule),
    status: record.status ?? 'scheduled',
    communes: [1],
    updatedAt: '2026-11-20T08:00:00.000Z',
  }
}

const synthetic = syntheticRegion(
  { events: 400, resources: 0, actions: 0, seed: 26, now: new Date('2027-01-15T12:00:00Z') },
  {
    communes: [{ id: 1, slug: 'remich', name: 'Remich' }],
    categories: [{ id: 10, slug: 'language-cafe' }],
    targetGroups: [{ id: 20, slug: 'newcomers' }],
    goals: [],
    images: [],
  },
).events.map((event, index): RawDoc => ({
  ...event,
  id: 5000 + index,
  venue: null,
  organiser: null,
  action: null,
  categories: [],
  targetGroups: [],
  updatedAt: '2026-11-20T08:00:00.000Z',
}))

const snapshot: SiteSnapshot = {
  generatedAt: '2026-12-01T12:00:00.000Z',
  collections: {
    ...emptySnapshot().collections,
    communes: [{ id: 1, slug: 'remich', name: { fr: 'Remich' }, status: 'partner' }],
    events: [...demoEvents.map(demoDoc), ...synthetic],
  },
}

function portalOccurrences(views: readonly ContentModule.EventView[]): ByUid {
  return Object.fromEntries(
    views.map((view) => [
      view.uid,
      view.occurrences.map((o): Seen => [utc(o.start), o.status === 'cancelled']),
    ]),
  )
}

let content: ContentModule.SiteContent
let ical: typeof IcalModule

beforeAll(async () => {
  ;({ content, ical } = await withSnapshot(snapshot))
})

describe('recurrences read back by ical.js and by Python icalendar with dateutil', () => {
  const cases = [
    ['every demo event', (view: ContentModule.EventView) => view.uid.startsWith('seed-')],
    [
      '400 synthetic events (seed 26)',
      (view: ContentModule.EventView) => !view.uid.startsWith('seed-'),
    ],
  ] as const

  for (const [name, chosen] of cases) {
    it(`give the portal's occurrence starts and cancellations for ${name}`, () => {
      const views = content.events('fr').filter(chosen)
      const text = ical.calendarFile({ lang: 'fr', name: 'All', site }, views)
      const portal = portalOccurrences(views)
      const sorted = Object.fromEntries(
        Object.entries(portal).map(([uid, seen]) => [
          uid,
          [...seen].sort((a, b) => a[0].localeCompare(b[0])),
        ]),
      )
      expect(icalJsOccurrences(text)).toEqual(sorted)
      expect(pythonOccurrences(text)).toEqual(sorted)
      // The comparison covers what it is meant to: rules, moved and cancelled dates.
      const recurring = views.filter((view) => view.recurrence?.frequency)
      expect(recurring.length).toBeGreaterThan(3)
      expect(views.some((view) => view.occurrences.some((o) => o.status === 'cancelled'))).toBe(
        true,
      )
      // Two other processes read the file: on a loaded machine that takes more than 5 s.
    }, 60_000)
  }
})
