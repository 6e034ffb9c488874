// Bad input a person can cause gets a clear message naming the field and the fix, in the
// editor's admin language; nothing invalid is stored.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  closeTestPayload,
  createRemichWithHall,
  createUser,
  rest,
  testPayload,
  type TestUser,
} from './helpers'

let payload: Payload
let admin: TestUser
const ids: Record<string, string | number> = {}

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, 'admin', ['admin'])
  const remich = await createRemichWithHall(payload)
  ids.remich = remich.commune
  ids.venue = remich.hall
})

afterAll(closeTestPayload)

function event(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Café des langues',
    start: '2027-03-02T17:30:00.000Z',
    end: '2027-03-02T19:30:00.000Z',
    communes: [ids.remich],
    venue: ids.venue,
    ...overrides,
  }
}

/** POSTs through REST as the admin and returns the field errors by path. */
async function fieldErrors(collection: string, body: unknown, language = 'en') {
  const response = await rest('POST', `/${collection}`, {
    token: admin.token,
    body,
    headers: { 'accept-language': language },
  })
  const errors = (
    response.body.errors as { data?: { errors?: { path: string; message: string }[] } }[]
  )?.[0]?.data?.errors
  return {
    status: response.status,
    errors: Object.fromEntries((errors ?? []).map((e) => [e.path, e.message])),
  }
}

describe('event validation', () => {
  it('accepts a valid event', async () => {
    const { status } = await fieldErrors('events', event())
    expect(status).toBe(201)
  })

  it('refuses an end before the start, naming both times in Luxembourg time', async () => {
    const { status, errors } = await fieldErrors(
      'events',
      event({ end: '2027-03-02T16:00:00.000Z' }),
    )
    expect(status).toBe(400)
    expect(errors.end).toBe(
      'The end (2027-03-02 17:00) is before the start (2027-03-02 18:30). Set an end after the start.',
    )
  })

  it('answers in the editor’s language', async () => {
    const fr = await fieldErrors('events', event({ end: '2027-03-02T16:00:00.000Z' }), 'fr')
    expect(fr.errors.end).toMatch(/^La fin \(2027-03-02 17:00\) est avant le début/)
    const de = await fieldErrors('events', event({ end: '2027-03-02T16:00:00.000Z' }), 'de')
    expect(de.errors.end).toMatch(/^Das Ende .* liegt vor dem Beginn/)
  })

  it('refuses a recurrence without an end (unbounded dates)', async () => {
    const { status, errors } = await fieldErrors(
      'events',
      event({ recurrence: { frequency: 'weekly', byWeekday: ['TU'] } }),
    )
    expect(status).toBe(400)
    expect(errors['recurrence.until']).toMatch(/needs an end/)
  })

  it('refuses a recurrence producing too many dates', async () => {
    const { errors } = await fieldErrors(
      'events',
      event({ recurrence: { frequency: 'daily', count: 5000 } }),
    )
    expect(errors['recurrence.count']).toMatch(/more than 500 dates/)
  })

  it('refuses an unknown commune', async () => {
    const { status, errors } = await fieldErrors('events', event({ communes: [987654] }))
    expect(status).toBe(400)
    expect(errors.communes).toBe(
      'No communes with id 987654 exists (it may have been deleted). Choose one from the list.',
    )
  })

  it('refuses bad web and email addresses with an example of a good one', async () => {
    const { errors } = await fieldErrors(
      'events',
      event({ onlineUrl: 'javascript:alert(1)', registration: { email: 'not-an-email' } }),
    )
    expect(errors.onlineUrl).toMatch(/starting with https:\/\//)
    expect(errors['registration.email']).toMatch(/valid email address/)
  })

  it('asks for a reason when an event is cancelled, and for a place otherwise', async () => {
    const cancelled = await fieldErrors('events', event({ status: 'cancelled' }))
    expect(cancelled.errors.statusReason).toMatch(/why the event is cancelled/)
    const nowhere = await fieldErrors('events', event({ venue: null }))
    expect(nowhere.errors.venue).toMatch(/venue or give an online link/)
  })

  it('requires the title in the language the event is created in', async () => {
    const { errors } = await fieldErrors('events', event({ title: '' }))
    expect(errors.title).toMatch(/required in the source language/)
  })

  it('nothing invalid was stored', async () => {
    const { totalDocs } = await payload.count({ collection: 'events' })
    expect(totalDocs).toBe(1)
  })
})

describe('other collections', () => {
  it('refuses a Luxembourg commune without a four-digit STATEC code', async () => {
    const { errors } = await fieldErrors('communes', {
      name: 'Nowhere',
      slug: 'nowhere',
      code: '12',
      country: 'LU',
      status: 'partner',
    })
    expect(errors.code).toMatch(/four digits/)
  })

  it('refuses an indicator whose target equals its baseline', async () => {
    const { errors } = await fieldErrors('actions', {
      title: 'Action',
      status: 'planned',
      indicators: [{ name: 'Participants', baseline: 10, target: 10 }],
    })
    expect(errors['indicators.0.target']).toMatch(/progress cannot be measured/)
  })

  it('refuses a commune-editor account without a commune', async () => {
    const { errors } = await fieldErrors('users', {
      email: 'x@example.org',
      name: 'X',
      password: 'river lantern copper mosel',
      roles: ['commune-editor'],
    })
    expect(errors.communes).toMatch(/at least one commune/)
  })

  it('refuses a javascript: or data: address even in a draft, which skips other checks', async () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVa\tScRiPt:alert(1)',
      'data:text/html,<b>x</b>',
    ]) {
      const response = await rest('POST', '/events?draft=true', {
        token: admin.token,
        body: event({ registration: { url } }),
      })
      expect(response.status, url).toBe(400)
      expect(JSON.stringify(response.body)).toContain('registration.url')
    }
    // A half-typed address may wait in a draft until it is published.
    const halfTyped = await rest('POST', '/events?draft=true', {
      token: admin.token,
      body: event({ registration: { url: 'www.example' } }),
    })
    expect(halfTyped.status).toBe(201)
  })
})
