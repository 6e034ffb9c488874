// The events widget endpoint (/api/widgets/events) on a real Payload: published events only, a
// change renews it (the same freshness as the calendar feed), validators, its Content-Security-
// Policy, query validation and the per-client rate limit.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

/** A client address of its own per request, so the rate limit is tested on its own. */
let client = 0
const widget = (query: string, headers: Record<string, string> = {}) =>
  rest('GET', `/widgets/events${query}`, {
    headers: { 'x-zesummen-client': `192.0.2.${++client}`, ...headers },
  })

beforeAll(async () => {
  payload = await testPayload()
  const remich = await createRemichWithHall(payload)
  const base = {
    communes: [remich.commune],
    venue: remich.hall,
    start: '2030-03-02T17:30:00.000Z',
    end: '2030-03-02T19:30:00.000Z',
  }
  ids.cafe = (
    await createDoc(payload, 'events', { ...base, title: 'Café des langues', _status: 'published' })
  ).id
  ids.draft = (
    await createDoc(payload, 'events', { ...base, title: 'Secret draft', _status: 'draft' })
  ).id
  await publishNow(payload)
})

afterAll(closeTestPayload)

describe('GET /api/widgets/events', () => {
  it('serves the published events as a framable HTML document with validators', async () => {
    const response = await widget('?commune=remich&lang=pt&accent=blue')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('public, max-age=60')
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{32}"$/)
    expect(response.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src 'sha256-[\w+/=]+'; base-uri 'none'; form-action 'none'; frame-ancestors \*$/,
    )
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.text).toContain('<html lang="pt" dir="ltr">')
    expect(response.text).toContain('<span lang="fr">Café des langues</span>')
    expect(response.text).toContain('(Em francês)')
    expect(response.text).toContain('<body class="w w--blue w--regular">')
    expect(response.text).not.toContain('Secret draft')
    const again = await widget('?commune=remich&lang=pt&accent=blue', {
      'if-none-match': response.headers.get('etag')!,
    })
    expect(again.status).toBe(304)
  })

  it('shows a change at the next request', async () => {
    const before = await widget('?lang=fr')
    await payload.update({
      collection: 'events',
      id: ids.draft!,
      data: { title: 'Soirée d’accueil', _status: 'published' } as never,
    })
    await publishNow(payload)
    const after = await widget('?lang=fr', { 'if-none-match': before.headers.get('etag')! })
    expect(after.status).toBe(200)
    expect(after.text).toContain('Soirée d’accueil')
    await payload.update({
      collection: 'events',
      id: ids.cafe!,
      data: { _status: 'draft' } as never,
    })
    await publishNow(payload)
    expect((await widget('?lang=fr')).text).not.toContain('Café des langues')
  })

  it('refuses a wrong query with 400 and a message in the widget’s language', async () => {
    const limit = await widget('?lang=en&limit=0')
    expect(limit.status).toBe(400)
    expect(limit.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(limit.text).toBe('“limit” must be a whole number from 1 to 20, not “0”.\n')
    const accent = await widget('?lang=pt&accent=pink')
    expect(accent.status).toBe(400)
    expect(accent.text).toContain('«pink» para «accent»')
    expect((await widget('?commune=atlantis')).status).toBe(400)
    expect((await widget(`?spoken=${'fr,'.repeat(500)}`)).status).toBe(414)
  })

  it('limits each client to 120 requests a minute, answering 429 with Retry-After', async () => {
    const headers = { 'x-zesummen-client': '198.51.100.9' }
    const statuses: number[] = []
    for (let i = 0; i < 120; i++) {
      statuses.push((await rest('GET', '/widgets/events?lang=de', { headers })).status)
    }
    expect(statuses.every((status) => status === 200)).toBe(true)
    const limited = await rest('GET', '/widgets/events?lang=de', { headers })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.text).toMatch(/^Zu viele Anfragen/)
  })
})
