// The live feed endpoint (/api/feeds/events.ics) on a real Payload, and feed identity across two
// builds: UIDs stay, SEQUENCE stays for untouched events and grows for a changed one.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SiteContent } from '../../web/lib/content'
import { feedText } from '../../web/lib/feeds'
import { readSnapshot } from '../../cms/snapshot/read'
import {
  closeTestPayload,
  createDoc,
  createRemichWithHall,
  publishNow,
  rest,
  testPayload,
} from './helpers'

let payload: Payload
const ids: Record<string, string | number> = {}
const site = new URL('https://zesummen.example.lu')

/** A client address of its own per test, so the rate limit of one test does not hit another. */
let client = 0
const asClient = (headers: Record<string, string> = {}) => ({
  headers: { 'x-zesummen-client': `192.0.2.${++client}`, ...headers },
})

const feed = (query: string, headers: Record<string, string> = {}) =>
  rest('GET', `/feeds/events.ics${query}`, asClient(headers))

function eventBlocks(text: string): Map<string, string> {
  const blocks = text.split('BEGIN:VEVENT').slice(1)
  return new Map(blocks.map((block) => [/\r\nUID:(.*)\r\n/.exec(block)![1]!, block]))
}
const sequenceOf = (block: string) => Number(/\r\nSEQUENCE:(\d+)\r\n/.exec(block)![1])

beforeAll(async () => {
  payload = await testPayload()
  const remich = await createRemichWithHall(payload)
  Object.assign(ids, remich)
  const base = {
    communes: [remich.commune],
    venue: remich.hall,
    start: '2030-03-02T17:30:00.000Z',
    end: '2030-03-02T19:30:00.000Z',
  }
  ids.published = (
    await createDoc(payload, 'events', { ...base, title: 'Café des langues', _status: 'published' })
  ).id
  ids.other = (
    await createDoc(payload, 'events', { ...base, title: 'Repair café', _status: 'published' })
  ).id
  ids.draft = (
    await createDoc(payload, 'events', { ...base, title: 'Secret draft', _status: 'draft' })
  ).id
  await publishNow(payload)
})

afterAll(closeTestPayload)

describe('GET /api/feeds/events.ics', () => {
  it('serves published events only, as text/calendar with validators', async () => {
    const response = await feed('?commune=remich&lang=pt')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{32}"$/)
    expect(Date.parse(response.headers.get('last-modified')!)).not.toBeNaN()
    expect(response.text).toContain('SUMMARY;LANGUAGE=fr:Café des langues')
    expect(response.text).toContain('X-WR-CALNAME:Miselerland: eventos · Remich')
    expect(response.text).not.toContain('Secret draft')
  })

  it('answers 304 to a matching If-None-Match or a recent If-Modified-Since', async () => {
    const first = await feed('?lang=fr')
    const etag = first.headers.get('etag')!
    expect((await feed('?lang=fr', { 'if-none-match': etag })).status).toBe(304)
    expect((await feed('?lang=fr', { 'if-none-match': `W/${etag}, "other"` })).status).toBe(304)
    expect((await feed('?lang=fr', { 'if-none-match': '"stale"' })).status).toBe(200)
    const lastModified = first.headers.get('last-modified')!
    expect((await feed('?lang=fr', { 'if-modified-since': lastModified })).status).toBe(304)
    // If-None-Match wins over If-Modified-Since (RFC 9110).
    const both = { 'if-none-match': '"stale"', 'if-modified-since': lastModified }
    expect((await feed('?lang=fr', both)).status).toBe(200)
  })

  it('changes its ETag and raises SEQUENCE when an event moves, and drops unpublished ones', async () => {
    const before = await feed('?lang=fr')
    const sequence = sequenceOf([...eventBlocks(before.text).values()][0]!)
    await payload.update({
      collection: 'events',
      id: ids.other!,
      data: { start: '2030-03-03T17:30:00.000Z', end: '2030-03-03T19:30:00.000Z' } as never,
    })
    await publishNow(payload)
    const moved = await feed('?lang=fr', { 'if-none-match': before.headers.get('etag')! })
    expect(moved.status).toBe(200)
    expect(moved.headers.get('etag')).not.toBe(before.headers.get('etag'))
    const blocks = [...eventBlocks(moved.text).values()]
    expect(
      blocks.some((block) => block.includes('Repair café') && sequenceOf(block) > sequence),
    ).toBe(true)
    await payload.update({
      collection: 'events',
      id: ids.other!,
      data: { _status: 'draft' } as never,
    })
    await publishNow(payload)
    expect((await feed('?lang=fr')).text).not.toContain('Repair café')
  })

  it('refuses unknown filters with 400 and a readable reason, and oversized queries with 414', async () => {
    const unknownValue = await feed('?commune=atlantis&lang=en')
    expect(unknownValue.status).toBe(400)
    expect(unknownValue.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(unknownValue.text).toBe(
      'Unknown value “atlantis” for “commune”. Accepted values: remich.\n',
    )
    const unknownParameter = await feed('?town=remich')
    expect(unknownParameter.status).toBe(400)
    expect(unknownParameter.text).toContain('« town »')
    const oversized = await feed(`?spoken=${'fr,'.repeat(500)}`)
    expect(oversized.status).toBe(414)
  })

  it('limits each client to 60 requests a minute, answering 429 with Retry-After', async () => {
    const headers = { 'x-zesummen-client': '198.51.100.7' }
    const statuses: number[] = []
    for (let i = 0; i < 61; i++) {
      statuses.push((await rest('GET', '/feeds/events.ics?lang=fr', { headers })).status)
    }
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true)
    const limited = await rest('GET', '/feeds/events.ics?lang=fr', { headers })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.text).toMatch(/^Trop de demandes/)
    // Another client is not affected.
    expect((await feed('?lang=fr')).status).toBe(200)
  })
})

describe('feeds of two builds', () => {
  it('keep UIDs, keep SEQUENCE of untouched events and raise it for a changed one', async () => {
    const build = async () => {
      const content = new SiteContent(await readSnapshot(payload, new Date('2029-12-01T00:00:00Z')))
      return eventBlocks(feedText(content, 'fr', {}, site).text)
    }
    await payload.update({
      collection: 'events',
      id: ids.other!,
      data: { _status: 'published' } as never,
    })
    await publishNow(payload)
    const first = await build()
    await payload.update({
      collection: 'events',
      id: ids.published!,
      data: { venue: null, onlineUrl: 'https://meet.example.org/cafe' } as never,
    })
    await publishNow(payload)
    const second = await build()
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort())
    expect(first.size).toBe(2)
    const changed = await payload.findByID({ collection: 'events', id: ids.published! })
    for (const [uid, block] of second) {
      const expected =
        uid === changed.uid ? sequenceOf(first.get(uid)!) + 1 : sequenceOf(first.get(uid)!)
      expect(sequenceOf(block)).toBe(expected)
    }
  })
})
