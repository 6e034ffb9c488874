// Calendar identity of events as calendar apps need it: a UID that never changes, a SEQUENCE that
// grows when date, time, place or status change, and not for text edits.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestPayload, createRemichWithHall, createDoc, testPayload } from './helpers'

let payload: Payload
const ids: Record<string, string | number> = {}

beforeAll(async () => {
  payload = await testPayload()
  const remich = await createRemichWithHall(payload)
  ids.commune = remich.commune
  ids.hall = remich.hall
  ids.school = (
    await createDoc(payload, 'venues', { name: 'School', slug: 'school', commune: ids.commune })
  ).id
})

afterAll(closeTestPayload)

async function update(id: string | number, data: Record<string, unknown>) {
  return payload.update({ collection: 'events', id, data: data as never })
}

describe('event identity', () => {
  it('assigns a UID and sequence 0, and keeps the UID whatever a client sends', async () => {
    const event = await createDoc(payload, 'events', {
      title: 'Café des langues',
      start: '2027-03-02T17:30:00.000Z',
      end: '2027-03-02T19:30:00.000Z',
      communes: [ids.commune],
      venue: ids.hall,
    })
    const stored = await payload.findByID({ collection: 'events', id: event.id })
    expect(stored.uid).toMatch(/^[0-9a-f-]{36}$/)
    expect(stored.sequence).toBe(0)
    expect(stored.slug).toBe('cafe-des-langues')

    const attempt = await update(event.id, { uid: 'hijacked' })
    expect(attempt.uid).toBe(stored.uid)
    ids.event = event.id
  })

  it('counts up on changes of time, place and status only', async () => {
    expect((await update(ids.event!, { title: 'Language café' })).sequence).toBe(0)
    expect((await update(ids.event!, { start: '2027-03-02T18:00:00.000Z' })).sequence).toBe(1)
    expect((await update(ids.event!, { venue: ids.school })).sequence).toBe(2)
    const cancelled = await update(ids.event!, {
      status: 'cancelled',
      statusReason: 'Room flooded',
    })
    expect(cancelled.sequence).toBe(3)
    expect((await update(ids.event!, { summary: 'Sorry!' })).sequence).toBe(3)
  })

  it('gives repeated titles distinct slugs instead of refusing them', async () => {
    const again = await createDoc(payload, 'events', {
      title: 'Café des langues',
      start: '2028-03-02T17:30:00.000Z',
      end: '2028-03-02T19:30:00.000Z',
      communes: [ids.commune],
      venue: ids.hall,
    })
    const stored = await payload.findByID({ collection: 'events', id: again.id })
    expect(stored.slug).toBe('cafe-des-langues-2')
  })

  it('reads with the configured fallback chain through the Local API', async () => {
    const event = await payload.create({
      collection: 'events',
      locale: 'de',
      data: {
        title: 'Sprachcafé',
        start: '2027-04-02T17:30:00.000Z',
        end: '2027-04-02T19:30:00.000Z',
        communes: [ids.commune],
        venue: ids.hall,
      } as never,
    })
    expect(event.sourceLanguage).toBe('de')
    // Luxembourgish readers fall back to German first.
    const forLb = await payload.findByID({ collection: 'events', id: event.id, locale: 'lb' })
    expect(forLb.title).toBe('Sprachcafé')
  })
})
