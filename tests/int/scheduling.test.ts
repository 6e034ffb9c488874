// Scheduled publish and unpublish go through Payload's job queue and act with the rights of the
// person who scheduled them: an association cannot get an event published by scheduling it.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  closeTestPayload,
  createRemichWithHall,
  createDoc,
  createUser,
  testPayload,
  type TestUser,
} from './helpers'

let payload: Payload
let editor: TestUser
let association: TestUser
const ids: Record<string, string | number> = {}

beforeAll(async () => {
  payload = await testPayload()
  await createUser(payload, 'admin', ['admin'])
  const remich = await createRemichWithHall(payload)
  ids.commune = remich.commune
  ids.venue = remich.hall
  ids.organisation = (
    await createDoc(payload, 'organisations', { name: 'Club', slug: 'club', type: 'association' })
  ).id
  editor = await createUser(payload, 'editor', ['commune-editor'], { communes: [ids.commune] })
  association = await createUser(payload, 'club', ['association'], {
    organisation: ids.organisation,
  })
})

afterAll(closeTestPayload)

async function draftEvent(title: string) {
  return createDoc(payload, 'events', {
    title,
    start: '2027-05-02T17:30:00.000Z',
    end: '2027-05-02T19:30:00.000Z',
    communes: [ids.commune],
    venue: ids.venue,
    organiser: ids.organisation,
    _status: 'draft',
  })
}

async function schedule(id: string | number, type: 'publish' | 'unpublish', user: TestUser) {
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: {
      type,
      doc: { relationTo: 'events', value: String(id) } as never,
      user: { relationTo: 'users', value: user.id } as never,
    },
    waitUntil: new Date(Date.now() - 1000),
  })
  await payload.jobs.run()
}

async function status(id: string | number) {
  const doc = await payload.findByID({ collection: 'events', id, depth: 0 })
  return doc._status
}

describe('scheduled publishing', () => {
  it('publishes and later unpublishes an event when its time comes', async () => {
    const event = await draftEvent('Spring welcome evening')
    expect(await status(event.id)).toBe('draft')
    await schedule(event.id, 'publish', editor)
    expect(await status(event.id)).toBe('published')
    await schedule(event.id, 'unpublish', editor)
    expect(await status(event.id)).toBe('draft')
  })

  it('does not publish what the scheduling association may not publish', async () => {
    const event = await draftEvent('Club evening')
    await schedule(event.id, 'publish', association)
    expect(await status(event.id)).toBe('draft')
  })
})
