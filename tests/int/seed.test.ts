// The shipped content loads into a fresh database, completely and idempotently, and reads back
// the way the site will read it.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveLocalized } from '../../locales/config'
import { seed, type SeedReport } from '../../cms/seed'
import { closeTestPayload, rest, testPayload } from './helpers'

let payload: Payload
let first: SeedReport

const created = (report: SeedReport, collection: string) => report[collection]?.created

beforeAll(async () => {
  payload = await testPayload()
  first = await seed(payload)
})

afterAll(closeTestPayload)

describe('seed', () => {
  it('creates the reference content of the plan', () => {
    // 14 LEADER communes + Bous-Waldbredimus + 3 German Verbandsgemeinden.
    expect(created(first, 'communes')).toBe(18)
    expect(created(first, 'goals')).toBe(12)
    expect(created(first, 'categories')).toBe(14)
    expect(created(first, 'target-groups')).toBe(13)
    expect(created(first, 'pages')).toBe(4)
  })

  it('creates demo content, every record marked as demo', async () => {
    for (const collection of ['events', 'actions', 'resources', 'venues'] as const) {
      const all = await payload.find({ collection, limit: 0, pagination: false, depth: 0 })
      expect(all.docs.length, collection).toBeGreaterThan(0)
      expect(
        all.docs.every((doc) => doc.demo === true),
        collection,
      ).toBe(true)
    }
    const realOrganisations = await payload.count({
      collection: 'organisations',
      where: { demo: { equals: false } },
    })
    expect(realOrganisations.totalDocs).toBe(14)
  })

  it('is idempotent: a second run changes nothing and says so', async () => {
    const second = await seed(payload)
    for (const [collection, counts] of Object.entries(second)) {
      expect(counts, collection).toMatchObject({ created: 0, updated: 0 })
      expect(counts.unchanged, collection).toBe(first[collection]!.created)
    }
  })

  it('records the merger of Bous and Waldbredimus', async () => {
    const { docs } = await payload.find({
      collection: 'communes',
      where: { slug: { in: ['bous', 'waldbredimus'] } },
      depth: 1,
    })
    expect(docs).toHaveLength(2)
    for (const commune of docs) {
      expect((commune.successor as { slug: string }).slug).toBe('bous-waldbredimus')
      expect(commune.validTo?.slice(0, 10)).toBe('2023-08-31')
    }
    const remich = await payload.find({
      collection: 'communes',
      where: { code: { equals: '1205' } },
    })
    expect(remich.docs[0]?.slug).toBe('remich')
  })

  it('keeps every language of a text and which language is missing', async () => {
    const { docs } = await payload.find({
      collection: 'communes',
      where: { slug: { equals: 'remich' } },
      locale: 'all',
    })
    const name = docs[0]!.name as unknown as Record<string, string>
    expect(name.lb).toBe('Réimech')
    expect(name.fr).toBe('Remich')

    // A partial demo event: the site resolves the chain and knows the language it shows.
    const partial = await payload.find({
      collection: 'events',
      where: { slug: { equals: 'generations-cafe-wormeldange-2027' } },
      locale: 'all',
    })
    const title = partial.docs[0]!.title as unknown as Record<string, string | undefined>
    expect(title.pt).toBeFalsy()
    const forPortuguese = resolveLocalized(title, 'pt')
    expect(forPortuguese?.isFallback).toBe(true)
    expect(['fr', 'en', 'de', 'lb']).toContain(forPortuguese?.locale)
  })

  it('serves the plan page and events to the public through the REST API', async () => {
    const page = await rest('GET', '/pages?where[slug][equals]=about-plan&locale=pt')
    const docs = page.body.docs as { title: string }[]
    expect(docs[0]?.title).toMatch(/plano/i)
    const events = await rest('GET', '/events?limit=100&depth=0')
    expect((events.body.docs as unknown[]).length).toBe(created(first, 'events'))
  })

  it('gives events stable calendar UIDs', async () => {
    const { docs } = await payload.find({ collection: 'events', limit: 0, pagination: false })
    for (const event of docs) expect(event.uid).toMatch(/^seed-[a-z0-9-]+@zesummen\.lu$/)
  })
})
