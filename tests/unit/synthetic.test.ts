// The synthetic region of `npm run generate`: the same seed gives the same region, every record
// is marked as synthetic where residents see it, translations are partial (so the site's
// fallbacks are exercised), and the data passes the CMS's own rules although the generator
// writes it without running them.
import { describe, expect, it } from 'vitest'
import { localeCodes, type LocaleCode } from '../../locales/config'
import { zonedFromISO } from '../../cms/domain/dates'
import { recurrenceProblems, type RecurrenceRule } from '../../cms/domain/recurrence'
import { MAX_EVENT_DAYS } from '../../cms/collections/Events'
import {
  link,
  SYNTHETIC_MARK,
  SYNTHETIC_UID_DOMAIN,
  syntheticRegion,
  type ReferenceIds,
  type SyntheticDoc,
} from '../../scripts/lib/synthetic'
import { percentile } from '../../scripts/bench/report'

const refs: ReferenceIds = {
  communes: [
    { id: 1, slug: 'remich', name: 'Remich' },
    { id: 2, slug: 'mertert', name: 'Mertert' },
    { id: 3, slug: 'schengen', name: 'Schengen' },
  ],
  categories: [
    { id: 10, slug: 'language-cafe' },
    { id: 11, slug: 'culture' },
  ],
  targetGroups: [
    { id: 20, slug: 'newcomers' },
    { id: 21, slug: 'families-parents' },
  ],
  goals: [30, 31],
  images: [40, 41],
}
const options = {
  events: 600,
  resources: 40,
  actions: 12,
  seed: 7,
  now: new Date('2027-01-15T12:00:00Z'),
}

const region = syntheticRegion(options, refs)
const localized = (value: unknown) => (value ?? {}) as Partial<Record<LocaleCode, string>>

describe('the synthetic region', () => {
  it('is the same for the same seed and different for another', () => {
    expect(syntheticRegion(options, refs)).toEqual(region)
    const other = syntheticRegion({ ...options, seed: 8 }, refs)
    expect(other.events.map((event) => event.start)).not.toEqual(
      region.events.map((event) => event.start),
    )
  })

  it('has the counts asked for', () => {
    expect(region.events).toHaveLength(600)
    expect(region.resources).toHaveLength(40)
    expect(region.actions).toHaveLength(12)
  })

  it('marks every record as an example and every title as synthetic, in every language', () => {
    const all = Object.entries(region) as [string, SyntheticDoc[]][]
    for (const [collection, docs] of all) {
      for (const doc of docs) {
        expect(doc.demo, `${collection} ${doc.slug}`).toBe(true)
        const title = doc.title ?? doc.name
        const texts = typeof title === 'string' ? [title] : Object.values(localized(title))
        expect(texts.length, `${collection} ${doc.slug}`).toBeGreaterThan(0)
        for (const text of texts) expect(text).toContain(SYNTHETIC_MARK)
      }
    }
    for (const event of region.events) expect(event.uid).toMatch(`@${SYNTHETIC_UID_DOMAIN}`)
  })

  it('gives unique slugs and calendar identities', () => {
    for (const docs of Object.values(region) as SyntheticDoc[][]) {
      const slugs = docs.map((doc) => doc.slug)
      expect(new Set(slugs).size).toBe(slugs.length)
    }
    const uids = region.events.map((event) => event.uid)
    expect(new Set(uids).size).toBe(uids.length)
  })

  it('translates partly, so readers of every language meet fallbacks', () => {
    for (const lang of localeCodes) {
      const missing = region.events.filter((event) => !localized(event.title)[lang])
      expect(missing.length, lang).toBeGreaterThan(0)
      expect(missing.length, lang).toBeLessThan(region.events.length)
    }
    const sources = new Set(region.events.map((event) => event.sourceLanguage))
    expect(sources.size).toBe(5)
  })

  it('has one-off and recurring events, past and upcoming, some cancelled, some with images', () => {
    const recurring = region.events.filter(
      (event) => (event.recurrence as RecurrenceRule).frequency,
    )
    expect(recurring.length).toBeGreaterThan(100)
    expect(recurring.length).toBeLessThan(300)
    const now = options.now.toISOString()
    expect(region.events.some((event) => String(event.start) < now)).toBe(true)
    expect(region.events.some((event) => String(event.start) > now)).toBe(true)
    expect(region.events.some((event) => event.status === 'cancelled')).toBe(true)
    const images = region.events.map((event) => event.image).filter(Boolean)
    expect(new Set(images)).toEqual(new Set(refs.images))
  })

  it('passes the rules the CMS applies to events', () => {
    for (const event of region.events) {
      const source = event.sourceLanguage as LocaleCode
      expect(localized(event.title)[source], event.slug).toBeTruthy()
      expect(event.communes as unknown[]).not.toHaveLength(0)
      const start = zonedFromISO(String(event.start))
      const end = zonedFromISO(String(event.end))
      if (event.allDay) expect(end >= start.startOf('day'), event.slug).toBe(true)
      else expect(end > start, event.slug).toBe(true)
      expect(end.diff(start, 'days').days).toBeLessThanOrEqual(MAX_EVENT_DAYS)
      const rule = event.recurrence as RecurrenceRule
      expect(recurrenceProblems(rule.frequency ? rule : null, String(event.start))).toEqual([])
      if (event.status !== 'scheduled') expect(localized(event.statusReason)[source]).toBeTruthy()
      for (const field of ['venue', 'organiser', 'action'] as const) {
        const index = event[field]
        if (index !== null) expect(typeof index).toBe('number')
      }
      const rows = [
        ...((event.overrides as { id?: string }[]) ?? []),
        ...((rule.exdates as { id?: string }[] | undefined) ?? []),
      ]
      for (const row of rows) expect(row.id).toMatch(/^[0-9a-f]{24}$/)
    }
  })

  it('links events to the ids their venue, organiser and action were written with', () => {
    const event = { ...region.events[0]!, venue: 2, organiser: 0, action: null }
    expect(
      link(event, { venues: [101, 102, 103], organisations: [201], actions: [] }),
    ).toMatchObject({ venue: 103, organiser: 201, action: null })
  })

  it('refuses to build a region without communes', () => {
    expect(() => syntheticRegion(options, { ...refs, communes: [] })).toThrow(/communes/)
  })
})

describe('percentile (nearest rank)', () => {
  it('picks the value below which the share lies', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(values, 0.5)).toBe(50)
    expect(percentile(values, 0.95)).toBe(95)
    expect(percentile([7], 0.95)).toBe(7)
    expect(percentile([], 0.5)).toBeNaN()
  })
})
