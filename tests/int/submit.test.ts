// The public submission endpoint (POST /api/submit): stored as pending whatever the client
// sends, one message per invalid field in the submitter's language, bounded body, same-origin,
// honeypot, rate limit, contact data never public, moderation decisions recorded; and a fuzz run
// of malformed bodies that must never cause a 5xx or store anything invalid.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedStamp } from '../../cms/submissions/fillTime'
import { SITE_CONTENT_SECURITY_POLICY } from '../../scripts/lib/securityHeaders'
import {
  closeTestPayload,
  createDoc,
  createRemichWithHall,
  createUser,
  rest,
  testPayload,
  type TestUser,
} from './helpers'

let payload: Payload
let coordinator: TestUser
let client = 0
const origin = 'http://localhost:3000'

function form(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, item)
  }
  return params.toString()
}

const valid = {
  kind: 'initiative',
  lang: 'pt',
  title: 'Conversas em português e luxemburguês',
  description: 'Encontros semanais para praticar línguas.\n\nAberto a todos.',
  communes: 'remich',
  targetGroups: 'newcomers',
  languages: ['pt', 'lb'],
  needs: ['venue', 'volunteers'],
  contactName: 'Ana Silva',
  contactEmail: 'ana@example.org',
  consent: 'yes',
  website: '',
  // The page's script stamps when the form was shown (a minute ago).
  renderedAt: String(Date.now() - 60_000),
}

/** Each call comes from its own client address unless one is given (rate limits are per client). */
function submit(
  body: string,
  options: { headers?: Record<string, string>; client?: string; contentType?: string } = {},
) {
  return rest('POST', '/submit', {
    raw: body,
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      origin,
      'x-zesummen-client': options.client ?? `198.18.${Math.floor(++client / 250)}.${client % 250}`,
      ...options.headers,
    },
  })
}

const stored = async () => (await payload.find({ collection: 'submissions', limit: 0 })).totalDocs

beforeAll(async () => {
  payload = await testPayload()
  await createRemichWithHall(payload)
  await createDoc(payload, 'target-groups', { label: 'Newcomers', slug: 'newcomers' })
  coordinator = await createUser(payload, 'coordinator', ['coordinator'])
})

afterAll(closeTestPayload)

describe('POST /api/submit', () => {
  it('stores a valid initiative as pending, whatever status or owner the client sends', async () => {
    const response = await submit(
      form({ ...valid, status: 'approved', organisation: '', decisions: 'x', consentAt: '1999' }),
    )
    expect(response.status).toBe(201)
    expect(response.body.message).toMatch(/^Obrigado!/)
    const { docs } = await payload.find({ collection: 'submissions', depth: 0 })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({
      kind: 'initiative',
      status: 'pending',
      language: 'pt',
      title: valid.title,
      description: valid.description,
      languages: ['pt', 'lb'],
      needs: ['venue', 'volunteers'],
      contact: { name: 'Ana Silva', email: 'ana@example.org' },
      decisions: [],
    })
    expect(Date.now() - Date.parse(String(docs[0]!.consentAt))).toBeLessThan(60_000)
  })

  it('answers 400 with a message per invalid field, in the submitter’s language', async () => {
    const response = await submit(
      form({
        ...valid,
        lang: 'de',
        title: '',
        contactEmail: 'not-an-address',
        consent: '',
        communes: 'atlantis',
        description: 'x'.repeat(5001),
      }),
    )
    expect(response.status).toBe(400)
    expect(response.body).toEqual({
      error: 'Bitte korrigieren Sie die markierten Felder.',
      errors: {
        title: 'Dieses Feld ist erforderlich.',
        description: 'Zu lang: höchstens 5000 Zeichen.',
        communes: 'Wählen Sie aus den angebotenen Optionen.',
        contactEmail: 'Geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.lu.',
        consent: 'Zum Senden müssen Sie den Datenschutzhinweis akzeptieren.',
      },
    })
  })

  it('gives a browser without JavaScript its form page again under the site’s CSP', async () => {
    const response = await submit(form({ ...valid, title: '' }), {
      headers: { accept: 'text/html,application/xhtml+xml' },
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const policy = response.headers.get('content-security-policy') ?? ''
    expect(policy).toBe(SITE_CONTENT_SECURITY_POLICY)
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';")
    expect(policy).toContain("frame-ancestors 'self'")
    // The page repeats what the person typed: a policy that forbids inline scripts and plugins.
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(policy).toContain("object-src 'none'")
  })

  it('checks an event proposal’s dates and place', async () => {
    const response = await submit(
      form({
        ...valid,
        kind: 'event',
        lang: 'en',
        start: '2020-01-01T10:00',
        end: 'tomorrow',
      }),
    )
    expect(response.status).toBe(400)
    expect(response.body.errors).toEqual({
      start: 'This date has already passed.',
      end: 'Give a date and a time.',
      place: 'Give a place or an online link.',
    })
    const ok = await submit(
      form({
        ...valid,
        kind: 'event',
        start: '2031-06-01T18:00',
        end: '2031-06-01T20:30',
        place: 'Salle des fêtes, Remich',
        free: 'yes',
      }),
    )
    expect(ok.status).toBe(201)
    const [event] = (
      await payload.find({ collection: 'submissions', where: { kind: { equals: 'event' } } })
    ).docs
    // Luxembourg summer time: 18:00 is 16:00 UTC.
    expect(event!.event).toMatchObject({
      start: '2031-06-01T16:00:00.000Z',
      place: 'Salle des fêtes, Remich',
      free: true,
    })
  })

  it('refuses other origins, oversized bodies and unknown body types', async () => {
    const before = await stored()
    expect(
      (await submit(form(valid), { headers: { origin: 'https://evil.example' } })).status,
    ).toBe(403)
    const huge = form({ ...valid, description: 'x'.repeat(1_100_000) })
    expect((await submit(huge)).status).toBe(413)
    expect((await submit('{"title":"x"}', { contentType: 'application/json' })).status).toBe(415)
    expect(await stored()).toBe(before)
  })

  it('discards a filled honeypot or a form sent in under 3 s, with the same answer', async () => {
    const before = await stored()
    const honeypot = await submit(form({ ...valid, website: 'https://spam.example' }))
    const fast = await submit(form({ ...valid, renderedAt: String(Date.now() - 500) }))
    for (const response of [honeypot, fast]) {
      expect(response.status).toBe(200)
      expect(response.body.message).toMatch(/^Obrigado!/)
    }
    expect(await stored()).toBe(before)
  })

  it('sends a form without a fill time back, stamped by the server, to be sent again', async () => {
    const before = await stored()
    const bare = await submit(form({ ...valid, renderedAt: '' }))
    expect(bare.status).toBe(400)
    expect(bare.body.error).toMatch(/^Verifique a sua proposta e envie-a outra vez/)
    const forged = await submit(
      form({ ...valid, renderedAt: `s.${Date.now() - 60_000}.${'A'.repeat(43)}` }),
    )
    expect(forged.status).toBe(400)
    expect(await stored()).toBe(before)
    const stamped = signedStamp(payload.secret, Date.now() - 5_000)
    expect((await submit(form({ ...valid, renderedAt: stamped }))).status).toBe(201)
    expect(await stored()).toBe(before + 1)
  })

  it('limits each client to 5 stored submissions and 30 requests in 10 minutes', async () => {
    const from = { client: '203.0.113.9' }
    // Corrections of a form with errors do not count as submissions.
    for (let i = 0; i < 8; i++)
      expect((await submit(form({ ...valid, title: '' }), from)).status).toBe(400)
    const stored: number[] = []
    for (let i = 0; i < 6; i++)
      stored.push((await submit(form({ ...valid, title: `Idea ${i}` }), from)).status)
    expect(stored).toEqual([201, 201, 201, 201, 201, 429])
    const other = { client: '203.0.113.10' }
    const statuses: number[] = []
    for (let i = 0; i < 31; i++)
      statuses.push((await submit(form({ ...valid, title: '' }), other)).status)
    expect(statuses.slice(0, 30).every((status) => status === 400)).toBe(true)
    const limited = await submit(form(valid), other)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    // Refused before the body is read: the language is the address's ?lang= (the forms post
    // there), French by default.
    expect(limited.body.error).toMatch(/^Trop d’envois/)
  })
})

describe('privacy and moderation', () => {
  it('never shows a pending submission or anyone’s contact to the public', async () => {
    const anonymous = await rest('GET', '/submissions?depth=0')
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.totalDocs).toBe(0)
    const [first] = (await payload.find({ collection: 'submissions', depth: 0, sort: 'createdAt' }))
      .docs
    const approved = await rest('PATCH', `/submissions/${first!.id}`, {
      token: coordinator.token,
      body: { status: 'approved', reason: 'Welcome!' },
    })
    expect(approved.status).toBe(200)
    const published = await rest('GET', '/submissions?depth=0')
    expect(published.body.totalDocs).toBe(1)
    const text = JSON.stringify(published.body)
    expect(text).toContain(valid.title)
    for (const secret of ['ana@example.org', 'Ana Silva', 'consentAt', 'Welcome!'])
      expect(text).not.toContain(secret)
    // GraphQL is switched off in the config, so it cannot leak what REST hides.
    const graphql = await rest('POST', '/graphql', {
      body: { query: '{ Submissions { docs { contact { email } } } }' },
    })
    expect(graphql.status).toBe(404)
    expect(graphql.text).not.toContain('ana@example.org')
    // The decision log is not readable: Payload leaves an empty list in its place.
    expect((published.body.docs as { decisions?: unknown[] }[])[0]!.decisions ?? []).toEqual([])
  })

  it('records every decision with who and when, and ignores a forged log', async () => {
    const [first] = (await payload.find({ collection: 'submissions', depth: 0, sort: 'createdAt' }))
      .docs
    await rest('PATCH', `/submissions/${first!.id}`, {
      token: coordinator.token,
      body: { status: 'changes-requested', reason: 'Which day?', decisions: [] },
    })
    const doc = await payload.findByID({ collection: 'submissions', id: first!.id, depth: 0 })
    expect(doc.decisions!.map((d) => [d.decision, d.by, d.reason])).toEqual([
      ['approved', coordinator.id, 'Welcome!'],
      ['changes-requested', coordinator.id, 'Which day?'],
    ])
  })
})

/** Deterministic pseudo-random numbers, so a failing case can be replayed. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0
    return state / 4294967296
  }
}

describe('fuzz', () => {
  it('answers 1,000 malformed bodies without a 5xx and stores only valid ones', async () => {
    const next = random(20261125)
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
    const nasty = [
      '',
      ' ',
      '\u0000',
      '\uFFFF',
      '\uD800',
      '🇱🇺'.repeat(50),
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      "'; DROP TABLE submissions; --",
      '../../etc/passwd',
      'x'.repeat(200),
      'x'.repeat(6000),
      '%00%ff',
      '2031-13-40T25:61',
      'yes',
      'remich',
      'pt',
      'initiative',
      'event',
      '{"$gt":""}',
    ]
    const names = [
      ...Object.keys(valid),
      'start',
      'end',
      'place',
      'onlineUrl',
      'free',
      'status',
      'organisation',
      '__proto__',
      'constructor',
      'prototype',
      '__proto__[polluted]',
      'contact[email]',
      'kind[]',
    ]
    const before = await stored()
    const started = new Date().toISOString()
    const statuses = new Map<number, number>()
    let created = 0
    for (let i = 0; i < 1000; i++) {
      const fields: [string, string][] = []
      const base = next() < 0.5 ? Object.entries(valid) : []
      for (const [name, value] of base)
        fields.push([name, Array.isArray(value) ? pick(value) : value])
      const extra = Math.floor(next() * 8)
      for (let j = 0; j < extra; j++) fields.push([pick(names), pick(nasty)])
      const mode = next()
      let body: string
      let contentType = 'application/x-www-form-urlencoded'
      if (mode < 0.7) body = new URLSearchParams(fields).toString()
      else if (mode < 0.8) {
        body = JSON.stringify(Object.fromEntries(fields))
        contentType = 'application/json'
      } else if (mode < 0.9) {
        body = `--x\r\nContent-Disposition: form-data; name="${pick(names)}"\r\n\r\n${pick(nasty)}\r\n--x--`
        contentType = next() < 0.5 ? 'multipart/form-data; boundary=x' : 'multipart/form-data'
      } else body = pick(nasty) + pick(nasty)
      const response = await submit(body, { contentType })
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      if (response.status === 201) created += 1
    }
    console.log(`[fuzz] 1000 bodies: ${JSON.stringify(Object.fromEntries(statuses))}`)
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([])
    expect(await stored()).toBe(before + created)
    // Whatever was stored went through validation: plain text, pending, a known commune.
    const { docs } = await payload.find({
      collection: 'submissions',
      where: { createdAt: { greater_than_equal: started } },
      limit: 0,
      depth: 0,
    })
    expect(docs).toHaveLength(created)
    for (const doc of docs) {
      expect(doc.status).toBe('pending')
      expect(doc.communes!.length).toBeGreaterThan(0)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
  }, 300_000)
})
