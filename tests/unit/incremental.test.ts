// Which pages an incremental build renders again: the changed documents' pages, the pages that
// show a changed document (an event shows its action, an action lists its events), and a full
// build whenever a change can show anywhere (a venue, a commune…), the site's code changed or the
// day changed. The list of followed references is checked against the collections themselves.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DateTime } from 'luxon'
import { describe, expect, it, vi } from 'vitest'
import type { Field } from 'payload'
import { Actions } from '../../cms/collections/Actions'
import { Events } from '../../cms/collections/Events'
import { Resources } from '../../cms/collections/Resources'
import { Submissions } from '../../cms/collections/Submissions'
import { SiteContent } from '../../web/lib/content'
import { detailSections, type DetailCollection, fingerprint } from '../../web/lib/buildPlan'
import { emptySnapshot, type RawDoc, type SiteSnapshot } from '../../cms/domain/snapshot'
import {
  changedDocuments,
  decideBuild,
  FOLLOWED_REFERENCES,
  linkListings,
  listingFile,
  liveListings,
  readListingRecords,
  RELEASE_LISTINGS,
  UNSHOWN_REFERENCES,
} from '../../scripts/lib/incremental'

const morning = new Date('2027-03-10T08:00:00Z')

function region(): SiteSnapshot {
  const snapshot = emptySnapshot(morning)
  const event = (id: number, extra: Partial<RawDoc> = {}): RawDoc => ({
    id,
    slug: `event-${id}`,
    title: { fr: `Événement ${id}` },
    updatedAt: '2027-03-01T10:00:00.000Z',
    ...extra,
  })
  snapshot.collections.events = [
    event(1, { action: 10, image: 20 }),
    event(2, { action: 11 }),
    event(3),
    ...Array.from({ length: 300 }, (_, n) => event(100 + n)),
  ]
  snapshot.collections.actions = [
    { id: 10, slug: 'languages', title: { fr: 'Langues' } },
    { id: 11, slug: 'festival', title: { fr: 'Festival' } },
  ]
  snapshot.collections.resources = [{ id: 30, slug: 'guide', title: { fr: 'Guide' } }]
  snapshot.collections.media = [{ id: 20, filename: 'a.webp', alt: { fr: 'Une image' } }]
  snapshot.collections.venues = [{ id: 40, slug: 'hall', name: { fr: 'Salle' } }]
  return snapshot
}

/** The next snapshot: read later the same day, changed by `change`. */
function after(previous: SiteSnapshot, change: (next: SiteSnapshot) => void): SiteSnapshot {
  const next = structuredClone(previous)
  next.generatedAt = new Date(morning.getTime() + 60_000).toISOString()
  change(next)
  return next
}

const live = (snapshot: SiteSnapshot, sources = 'code-1') => ({ snapshot, sources })

function partial(decision: ReturnType<typeof decideBuild>) {
  if (decision.mode !== 'partial')
    throw new Error(`expected an incremental build: ${decision.reason}`)
  return decision
}

describe('changedDocuments', () => {
  it('finds added, removed and changed documents, per collection', () => {
    const before = region()
    const next = after(before, (s) => {
      s.collections.events[0]!.title = { fr: 'Autre titre' }
      s.collections.events.splice(1, 1)
      s.collections.resources.push({ id: 31, slug: 'new', title: { fr: 'Nouveau' } })
    })
    const changed = changedDocuments(before, next)
    expect([...changed.keys()].sort()).toEqual(['events', 'resources'])
    expect([...changed.get('events')!].sort()).toEqual(['1', '2'])
    expect([...changed.get('resources')!]).toEqual(['31'])
  })
})

describe('decideBuild', () => {
  it('builds everything without a live release, after a code change, or on a new day', () => {
    const before = region()
    const next = after(before, () => {})
    expect(decideBuild(null, next, 'code-1').mode).toBe('full')
    expect(decideBuild(live(before), next, 'code-2')).toMatchObject({
      mode: 'full',
      reason: expect.stringContaining('code'),
    })
    const tomorrow = { ...next, generatedAt: '2027-03-10T23:30:00Z' } // 00:30 in Luxembourg
    expect(decideBuild(live(before), tomorrow, 'code-1')).toMatchObject({
      mode: 'full',
      reason: expect.stringContaining('new day'),
    })
  })

  it('builds everything when a venue changed (every page showing it would be stale)', () => {
    const before = region()
    const next = after(before, (s) => {
      s.collections.venues[0]!.name = { fr: 'Grande salle' }
    })
    expect(decideBuild(live(before), next, 'code-1')).toMatchObject({
      mode: 'full',
      reason: expect.stringContaining('venues'),
    })
  })

  it('renders a changed event and the action page listing it, and keeps the others', () => {
    const before = region()
    const next = after(before, (s) => {
      s.collections.events[0]!.title = { fr: 'Titre corrigé' }
    })
    const decision = partial(decideBuild(live(before), next, 'code-1'))
    expect(decision.plan.render.events).toEqual(['event-1'])
    expect(decision.plan.render.actions).toEqual(['languages'])
    expect(decision.plan.render.resources).toEqual([])
    expect(decision.keep.events.has('event-1')).toBe(false)
    expect(decision.keep.events.has('event-2')).toBe(true)
    expect(decision.keep.actions.has('festival')).toBe(true)
  })

  it('renders both actions when an event moves from one to the other', () => {
    const before = region()
    const next = after(before, (s) => {
      s.collections.events[0]!.action = 11
    })
    const decision = partial(decideBuild(live(before), next, 'code-1'))
    expect(decision.plan.render.actions.sort()).toEqual(['festival', 'languages'])
  })

  it('renders the events of a changed action, and those showing a changed image', () => {
    const before = region()
    const renamed = after(before, (s) => {
      s.collections.actions[1]!.title = { fr: 'Fête' }
    })
    const decision = partial(decideBuild(live(before), renamed, 'code-1'))
    expect(decision.plan.render.actions).toEqual(['festival'])
    expect(decision.plan.render.events).toEqual(['event-2'])

    const newAlt = after(before, (s) => {
      s.collections.media[0]!.alt = { fr: 'Des gens au marché' }
    })
    expect(partial(decideBuild(live(before), newAlt, 'code-1')).plan.render.events).toEqual([
      'event-1',
    ])
  })

  it('drops the pages of a removed event and renders a new one under a reused slug', () => {
    const before = region()
    const next = after(before, (s) => {
      s.collections.events.splice(2, 1) // event-3 unpublished
      s.collections.events.push({ id: 999, slug: 'event-3', title: { fr: 'Autre' } })
    })
    const decision = partial(decideBuild(live(before), next, 'code-1'))
    expect(decision.plan.render.events).toEqual(['event-3'])
    expect(decision.keep.events.has('event-3')).toBe(false)
  })

  it('builds everything when many detail pages changed', () => {
    const before = region()
    const next = after(before, (s) => {
      for (const event of s.collections.events.slice(0, 120)) event.title = { fr: 'Changé' }
    })
    expect(decideBuild(live(before), next, 'code-1')).toMatchObject({
      mode: 'full',
      reason: '122 of 306 detail pages changed', // 120 events and their 2 actions
    })
  })
})

/** Relationship and upload fields at any depth of a collection's fields, with their targets. */
function references(fields: Field[], prefix = ''): [string, string][] {
  return fields.flatMap((field): [string, string][] => {
    const name = 'name' in field && field.name ? `${prefix}${field.name}` : prefix.slice(0, -1)
    if ((field.type === 'relationship' || field.type === 'upload') && 'relationTo' in field) {
      const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
      return targets.map((target) => [name, target])
    }
    const nested = [
      ...('fields' in field && Array.isArray(field.fields) ? [field.fields] : []),
      ...('tabs' in field ? field.tabs.map((tab) => tab.fields) : []),
      ...('blocks' in field ? field.blocks.map((block) => block.fields) : []),
    ]
    const inner = 'name' in field && field.name ? `${name}.` : prefix
    return nested.flatMap((list) => references(list, inner))
  })
}

describe('FOLLOWED_REFERENCES', () => {
  const configs = {
    events: Events,
    resources: Resources,
    actions: Actions,
    submissions: Submissions,
  }
  const followed = new Set(['events', 'resources', 'actions', 'submissions', 'media'])

  it.each(Object.keys(detailSections) as DetailCollection[])(
    'lists every reference from %s to a collection an incremental build follows',
    (collection) => {
      const found = references(configs[collection].fields)
        .filter(([, target]) => followed.has(target))
        .filter(([name]) => !UNSHOWN_REFERENCES[collection]?.includes(name))
      expect(Object.fromEntries(found)).toEqual(FOLLOWED_REFERENCES[collection])
    },
  )
})

describe('listing fingerprints', () => {
  const view = (title: string) => ({
    slug: 'walk',
    title: { value: title, lang: 'fr' },
    start: DateTime.fromISO('2027-03-10T18:00:00', { zone: 'Europe/Luxembourg' }),
  })

  it('are equal for equal content and differ when anything shown differs', () => {
    const print = fingerprint([2, [view('Balade')], ['2027-03']])
    expect(fingerprint([2, [view('Balade')], ['2027-03']])).toBe(print)
    expect(fingerprint([2, [view('Balade!')], ['2027-03']])).not.toBe(print)
    expect(fingerprint([3, [view('Balade')], ['2027-03']])).not.toBe(print)
    expect(fingerprint([2, [view('Balade')], ['2027-03', '2027-04']])).not.toBe(print)
    expect(fingerprint([2, [], [view('Balade')], ['2027-03']])).not.toBe(print)
    const later = { ...view('Balade'), start: view('Balade').start.plus({ hours: 1 }) }
    expect(fingerprint([2, [later], ['2027-03']])).not.toBe(print)
  })

  it('see the instant and zone of a date, the value of other objects, and no DateTime made', () => {
    const at = (iso: string, zone = 'Europe/Luxembourg') => ({
      start: DateTime.fromISO(iso, { zone }),
    })
    const print = fingerprint([at('2027-03-10T18:00:00')])
    expect(fingerprint([at('2027-03-10T18:00:00')])).toBe(print)
    // The same instant in another zone is shown differently.
    expect(fingerprint([at('2027-03-10T17:00:00', 'UTC')])).not.toBe(print)
    // Objects with their own toJSON (a Date) are digested by that value.
    const day = (iso: string) => ({ reviewed: new Date(iso) })
    expect(fingerprint([day('2027-03-10')])).toBe(fingerprint([day('2027-03-10')]))
    expect(fingerprint([day('2027-03-10')])).not.toBe(fingerprint([day('2027-03-11')]))
    // Occurrences give their instants: digesting them makes none of their DateTimes.
    const snapshot = emptySnapshot(morning)
    snapshot.collections.events = [
      {
        id: 1,
        slug: 'walk',
        title: { fr: 'Balade' },
        start: '2027-03-10T17:00:00.000Z',
        end: '2027-03-10T19:00:00.000Z',
        recurrence: { frequency: 'weekly', interval: 1, count: 4 },
      },
    ]
    const content = new SiteContent(snapshot)
    const occurrence = content.events('fr')[0]!.occurrences[3]!
    const made = vi.spyOn(DateTime, 'fromMillis')
    fingerprint([occurrence])
    expect(made).not.toHaveBeenCalled()
    made.mockRestore()
  })
})

describe('kept listings', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'zesummen-listings-'))
  const live = path.join(root, 'live')
  const out = path.join(root, 'out')
  const put = (file: string, text = 'x') => {
    mkdirSync(path.dirname(path.join(live, file)), { recursive: true })
    writeFileSync(path.join(live, file), text)
  }

  it('maps pages and feeds to their files', () => {
    expect(listingFile('/fr/events/page/2/')).toBe(path.join('fr/events/page/2', 'index.html'))
    expect(listingFile('/fr/feeds/events.ics')).toBe('fr/feeds/events.ics')
  })

  it('keeps only recorded listings whose files the live release has, and links them', () => {
    put('fr/events/page/2/index.html', 'page two')
    put('fr/events/page/2/index.html.br', 'compressed')
    put('fr/feeds/events.ics', 'feed')
    writeFileSync(
      path.join(live, RELEASE_LISTINGS),
      JSON.stringify({ '/fr/events/page/2/': 'a', '/fr/feeds/events.ics': 'b', '/fr/gone/': 'c' }),
    )
    expect(liveListings(live)).toEqual({ '/fr/events/page/2/': 'a', '/fr/feeds/events.ics': 'b' })
    expect(liveListings(path.join(root, 'nothing'))).toEqual({})

    const recorded = path.join(root, 'records.jsonl')
    writeFileSync(
      recorded,
      [
        { path: '/fr/events/page/2/', fingerprint: 'a', render: false },
        { path: '/fr/feeds/events.ics', fingerprint: 'old', render: false },
        { path: '/fr/feeds/events.ics', fingerprint: 'b2', render: true },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    )
    const records = readListingRecords(recorded)
    expect(records).toHaveLength(2)
    expect(linkListings(live, out, records)).toBe(1)
    expect(readFileSync(path.join(out, 'fr/events/page/2/index.html'), 'utf8')).toBe('page two')
    expect(existsSync(path.join(out, 'fr/events/page/2/index.html.br'))).toBe(true)
    expect(existsSync(path.join(out, 'fr/feeds/events.ics'))).toBe(false)
    expect(() =>
      linkListings(live, path.join(root, 'out2'), [
        { path: '/fr/missing/', fingerprint: 'z', render: false },
      ]),
    ).toThrow(/no fr\/missing\/index.html to keep/)
    rmSync(root, { recursive: true, force: true })
  })
})
