// The access rules as a matrix: every role × collection × operation, through the Local API
// (overrideAccess: false) and the REST API, asserting what is allowed and what is denied.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchSourceNow } from '../../cms/calendarImport/fetchNow'
import {
  type CollectionSlug,
  closeTestPayload,
  createDoc,
  createUser,
  localStatus,
  rest,
  testPayload,
  type TestUser,
} from './helpers'

type RoleName = 'anonymous' | 'admin' | 'coordinator' | 'commune-editor' | 'association'
type Operation =
  | 'create'
  | 'read'
  | 'readDraft'
  | 'readVersions'
  | 'readOtherVersions'
  | 'readOther'
  | 'update'
  | 'publish'
  | 'unpublish'
  | 'delete'
  | 'deletePublished'
  | 'linkOutside'
  | 'unlock'
  | 'fetchNow'
  | 'fetchNowOther'
  | 'counts'
type Id = string | number

const roleNames: RoleName[] = ['anonymous', 'admin', 'coordinator', 'commune-editor', 'association']
const A = true
const D = false

/**
 * Expected outcome per collection and operation, in the order of `roleNames`:
 * anonymous, admin, coordinator, commune-editor (Remich), association (its organisation).
 * The documents operated on are "in scope": in Remich, organised by the association, except for
 * `readOtherVersions` (the versions of a Grevenmacher draft of another organisation) and
 * `linkOutside` (an in-scope document changed to point at something outside the editor's reach).
 * `unpublish` saves a published document as a draft (not a draft over it); `deletePublished`
 * deletes a published one.
 */
const matrix: Record<string, Partial<Record<Operation, boolean[]>>> = {
  events: {
    create: [D, A, A, A, A],
    read: [A, A, A, A, A],
    readDraft: [D, A, A, A, A],
    readVersions: [D, A, A, A, A],
    readOtherVersions: [D, A, A, D, D],
    update: [D, A, A, A, A],
    publish: [D, A, A, A, D],
    unpublish: [D, A, A, A, D],
    delete: [D, A, A, A, A],
    deletePublished: [D, A, A, A, D],
    // The action of another commune, still a draft.
    linkOutside: [D, A, A, D, D],
  },
  'calendar-sources': {
    // Not public: a commune editor's sources are those of their communes, an association's
    // those of its organisation.
    create: [D, A, A, A, A],
    read: [D, A, A, A, A],
    // A Grevenmacher source of another organisation.
    readOther: [D, A, A, D, D],
    update: [D, A, A, A, A],
    delete: [D, A, A, A, A],
    // "Fetch now" (POST /api/calendar-sources/:id/fetch): whoever may update the source; the
    // other one is that Grevenmacher source.
    fetchNow: [D, A, A, A, A],
    fetchNowOther: [D, A, A, D, D],
  },
  venues: {
    create: [D, A, A, A, D],
    read: [A, A, A, A, A],
    update: [D, A, A, A, D],
    delete: [D, A, A, A, D],
  },
  actions: {
    create: [D, A, A, D, D],
    read: [A, A, A, A, A],
    readDraft: [D, A, A, A, D],
    readVersions: [D, A, A, A, D],
    readOtherVersions: [D, A, A, D, D],
    update: [D, A, A, A, D],
    publish: [D, A, A, A, D],
    unpublish: [D, A, A, A, D],
    delete: [D, A, A, D, D],
    deletePublished: [D, A, A, D, D],
  },
  resources: {
    create: [D, A, A, A, D],
    read: [A, A, A, A, A],
    readDraft: [D, A, A, A, D],
    readVersions: [D, A, A, A, D],
    readOtherVersions: [D, A, A, D, D],
    update: [D, A, A, A, D],
    publish: [D, A, A, A, D],
    unpublish: [D, A, A, A, D],
    delete: [D, A, A, A, D],
    deletePublished: [D, A, A, A, D],
  },
  organisations: {
    create: [D, A, A, A, D],
    read: [A, A, A, A, A],
    update: [D, A, A, A, A],
    delete: [D, A, A, D, D],
  },
  pages: {
    create: [D, A, A, D, D],
    read: [A, A, A, A, A],
    readDraft: [D, A, A, D, D],
    readVersions: [D, A, A, D, D],
    readOtherVersions: [D, A, A, D, D],
    update: [D, A, A, D, D],
    publish: [D, A, A, D, D],
    unpublish: [D, A, A, D, D],
    delete: [D, A, A, D, D],
    deletePublished: [D, A, A, D, D],
  },
  communes: {
    create: [D, A, A, D, D],
    read: [A, A, A, A, A],
    update: [D, A, A, D, D],
    delete: [D, A, A, D, D],
  },
  categories: {
    create: [D, A, A, D, D],
    read: [A, A, A, A, A],
    update: [D, A, A, D, D],
    delete: [D, A, A, D, D],
  },
  'target-groups': {
    create: [D, A, A, D, D],
    read: [A, A, A, A, A],
    update: [D, A, A, D, D],
    delete: [D, A, A, D, D],
  },
  goals: {
    create: [D, A, A, D, D],
    read: [A, A, A, A, A],
    update: [D, A, A, D, D],
    delete: [D, A, A, D, D],
  },
  submissions: {
    // A pending initiative in Remich from the association; created by the public endpoint only.
    create: [D, D, D, D, D],
    read: [D, A, A, A, A],
    update: [D, A, A, A, D],
    delete: [D, A, A, D, D],
    // Moved to Grevenmacher, outside the Remich editor's communes.
    linkOutside: [D, A, A, D, D],
  },
  'population-figures': {
    // Imported by the coordinator's script; read by everyone (the inventory pages).
    create: [D, A, A, D, D],
    read: [A, A, A, A, A],
    update: [D, A, A, D, D],
    delete: [D, A, A, D, D],
  },
  'submission-images': {
    // Stored by the public endpoint only; private until a moderator approves the submission.
    create: [D, D, D, D, D],
    read: [D, A, A, A, D],
    // The image of a Grevenmacher submission: not the Remich editor's to see.
    readOther: [D, A, A, D, D],
    update: [D, D, D, D, D],
    delete: [D, A, A, D, D],
  },
  'site-builds': {
    // Written by the rebuild job only; editors see them in the dashboard.
    create: [D, D, D, D, D],
    read: [D, A, A, A, D],
    update: [D, D, D, D, D],
    delete: [D, A, D, D, D],
  },
  'digest-subscriptions': {
    // Readers' addresses: stored by the public form's endpoint only, read by admins only; the
    // coordinator sees how many per commune and language (GET …/counts), never an address.
    create: [D, D, D, D, D],
    read: [D, A, D, D, D],
    update: [D, A, D, D, D],
    delete: [D, A, D, D, D],
    counts: [D, A, A, D, D],
  },
  users: {
    // Another user's account; users always read and update themselves (tested below).
    create: [D, A, D, D, D],
    read: [D, A, A, D, D],
    update: [D, A, D, D, D],
    delete: [D, A, D, D, D],
    // Clears the failed sign-ins counted against another user's address.
    unlock: [D, A, D, D, D],
  },
}

let payload: Payload
const users: Partial<Record<RoleName, TestUser>> = {}
const ids: Record<string, Id> = {}
let serial = 0

const withDrafts = new Set(['events', 'actions', 'resources', 'pages'])

/** Valid data for a new document of each collection, inside the association's and Remich's scope. */
function newDocument(collection: string): Record<string, unknown> {
  serial += 1
  const slug = `matrix-${collection}-${serial}`
  switch (collection) {
    case 'events':
      return {
        title: `Event ${serial}`,
        slug,
        start: '2027-03-02T17:30:00.000Z',
        end: '2027-03-02T19:30:00.000Z',
        communes: [ids.remich],
        venue: ids.venueRemich,
        organiser: ids.association,
        _status: 'draft',
      }
    case 'venues':
      return { name: `Venue ${serial}`, slug, commune: ids.remich }
    case 'calendar-sources':
      return {
        name: `Source ${serial}`,
        url: `https://calendar.example.org/${serial}.ics`,
        communes: [ids.remich],
        organiser: ids.association,
      }
    case 'actions':
      return {
        title: `Action ${serial}`,
        slug,
        leadCommunes: [ids.remich],
        status: 'planned',
        _status: 'draft',
      }
    case 'resources':
      return {
        title: `Resource ${serial}`,
        slug,
        type: 'health',
        communes: [ids.remich],
        _status: 'draft',
      }
    case 'organisations':
      return { name: `Organisation ${serial}`, slug, type: 'association', communes: [ids.remich] }
    case 'pages':
      return { title: `Page ${serial}`, slug, _status: 'draft' }
    case 'communes':
      return {
        name: `Commune ${serial}`,
        slug,
        code: String(9000 + serial),
        country: 'LU',
        status: 'partner',
      }
    case 'categories':
    case 'target-groups':
      return { label: `Label ${serial}`, slug }
    case 'goals':
      return { title: `Goal ${serial}`, slug, kind: 'primary', number: 50 + (serial % 40) }
    case 'submissions':
      return {
        kind: 'initiative',
        status: 'pending',
        language: 'pt',
        title: `Initiative ${serial}`,
        slug,
        description: 'A plain-text description.',
        organisation: ids.association,
        communes: [ids.remich],
        contact: { name: 'Ana', email: `ana-${serial}@example.org` },
        consentAt: new Date().toISOString(),
      }
    case 'site-builds':
      return { status: 'queued', reason: `Build ${serial}`, requestedAt: new Date().toISOString() }
    case 'submission-images':
      return { alt: `Image ${serial}` }
    case 'population-figures':
      return {
        key: `test|${serial}`,
        area: 'commune',
        commune: ids.remich,
        communeCode: '1205',
        period: '2024',
        referenceDate: '2024-01-01',
        group: 'total',
        count: 4101,
        sourceDataset: 'test',
        sourceLabel: 'Test figure',
      }
    case 'digest-subscriptions':
      return {
        email: `reader-${serial}@example.org`,
        language: 'pt',
        frequency: 'weekly',
        communes: [ids.remich],
        consentAt: new Date().toISOString(),
        confirmedAt: new Date().toISOString(),
      }
    case 'users':
      return {
        email: `new-${serial}@example.org`,
        name: `New ${serial}`,
        password: 'plain river copper lantern',
        roles: ['commune-editor'],
        communes: [ids.remich],
      }
    default:
      throw new Error(`No fixture for ${collection}`)
  }
}

/** A tiny WebP, for the upload collections' fixtures. */
const webp = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64')

async function fixture(collection: string, status: 'draft' | 'published' = 'published') {
  const data = newDocument(collection)
  if (withDrafts.has(collection)) data._status = status
  const doc = await payload.create({
    collection: collection as CollectionSlug,
    data: data as never,
    ...(collection === 'submission-images'
      ? {
          file: {
            data: webp,
            mimetype: 'image/webp',
            name: `fixture-${serial}.webp`,
            size: webp.byteLength,
          },
        }
      : {}),
  })
  // A submitted image belongs to the submission it came with (a Remich one here).
  if (collection === 'submission-images') await linkedSubmission(doc.id, ids.remich!)
  return doc.id
}

async function linkedSubmission(image: Id, commune: Id) {
  await payload.create({
    collection: 'submissions',
    data: { ...newDocument('submissions'), communes: [commune], image } as never,
  })
}

/** A draft outside the commune editor's and the association's scope (Grevenmacher, B). */
async function foreignDraft(
  collection: string,
  overrides: Record<string, unknown> = {},
): Promise<Id> {
  const data = { ...newDocument(collection), ...overrides }
  if ('communes' in data) data.communes = [ids.grevenmacher]
  if ('leadCommunes' in data) data.leadCommunes = [ids.grevenmacher]
  if ('venue' in data) data.venue = ids.venueGrevenmacher
  if ('organiser' in data) data.organiser = ids.otherOrganisation
  const doc = await payload.create({
    collection: collection as CollectionSlug,
    data: { ...data, _status: 'draft' } as never,
    draft: true,
  })
  return doc.id
}

/** A valid change of an in-scope document that points outside the editor's reach. */
async function outsideLink(collection: string): Promise<Record<string, unknown>> {
  switch (collection) {
    case 'events':
      return { action: await foreignDraft('actions') }
    case 'submissions':
      return { communes: [ids.grevenmacher] }
    default:
      throw new Error(`No outside link for ${collection}`)
  }
}

/** A change that is valid for the collection and stays inside the scope. */
function changeFor(collection: string): Record<string, unknown> {
  switch (collection) {
    case 'organisations':
    case 'calendar-sources':
      return { name: `Renamed ${++serial}` }
    case 'site-builds':
      return { reason: `Renamed ${++serial}` }
    case 'submission-images':
      return { alt: `Renamed ${++serial}` }
    case 'population-figures':
      return { count: 4000 + ++serial }
    case 'submissions':
      return { title: `Renamed ${++serial}` }
    case 'users':
      return { name: `Renamed ${++serial}` }
    case 'digest-subscriptions':
      return { frequency: 'monthly' }
    case 'venues':
    case 'communes':
      return { name: `Renamed ${++serial}` }
    case 'categories':
    case 'target-groups':
      return { label: `Renamed ${++serial}` }
    default:
      return { title: `Renamed ${++serial}` }
  }
}

type Transport = 'local' | 'rest'

async function attempt(transport: Transport, role: RoleName, collection: string, op: Operation) {
  const actor = users[role]
  const slug = collection as CollectionSlug
  const drafts = withDrafts.has(collection)
  const token = actor?.token
  const user = actor?.user as never
  const ok = (status: number) => status >= 200 && status < 300
  const denied = (status: number) => status === 403 || status === 404 || status === 401

  /** Changes a document, as a draft or not, and answers the HTTP-like status. */
  const patch = async (id: Id, data: Record<string, unknown>, asDraft: boolean) =>
    transport === 'local'
      ? localStatus(() =>
          payload.update({
            collection: slug,
            id,
            data: data as never,
            user,
            overrideAccess: false,
            draft: asDraft,
          }),
        )
      : (
          await rest('PATCH', `/${collection}/${id}${asDraft ? '?draft=true' : ''}`, {
            token,
            body: data,
          })
        ).status

  /** Reads a document, its draft or not, and answers the HTTP-like status. */
  const readOne = async (id: Id, asDraft: boolean) =>
    transport === 'local'
      ? localStatus(() =>
          payload.findByID({ collection: slug, id, user, overrideAccess: false, draft: asDraft }),
        )
      : (await rest('GET', `/${collection}/${id}${asDraft ? '?draft=true' : ''}`, { token })).status

  let status: number
  switch (op) {
    case 'create': {
      const data = newDocument(collection)
      status =
        transport === 'local'
          ? await localStatus(() =>
              payload.create({
                collection: slug,
                data: data as never,
                user,
                overrideAccess: false,
                draft: drafts,
              }),
            )
          : (
              await rest('POST', `/${collection}${drafts ? '?draft=true' : ''}`, {
                token,
                body: data,
              })
            ).status
      break
    }
    case 'read':
    case 'readDraft': {
      const id = op === 'read' ? await readTarget(collection) : await fixture(collection, 'draft')
      status = await readOne(id, op === 'readDraft')
      break
    }
    case 'readOther': {
      if (collection === 'calendar-sources') {
        status = await readOne(await foreignDraft(collection), false)
        break
      }
      const id = await fixture(collection)
      await payload.update({
        collection: 'submissions',
        where: { image: { equals: id } },
        data: { communes: [ids.grevenmacher] } as never,
      })
      status = await readOne(id, false)
      break
    }
    case 'readVersions':
    case 'readOtherVersions': {
      const parent =
        op === 'readVersions' ? await fixture(collection, 'draft') : await foreignDraft(collection)
      const where = { parent: { equals: parent } }
      let found: number
      if (transport === 'local') {
        const result = await localStatus(async () => {
          const { docs } = await payload.findVersions({
            collection: slug as 'events',
            where,
            user,
            overrideAccess: false,
          })
          found = docs.length
        })
        status = result === 200 && found! === 0 ? 404 : result
      } else {
        const response = await rest(
          'GET',
          `/${collection}/versions?where[parent][equals]=${parent}`,
          { token },
        )
        const docs = (response.body.docs as unknown[] | undefined) ?? []
        status = response.status === 200 && docs.length === 0 ? 404 : response.status
      }
      break
    }
    case 'unpublish':
      status = await patch(await fixture(collection, 'published'), { _status: 'draft' }, false)
      break
    case 'linkOutside':
      status = await patch(await writeTarget(collection), await outsideLink(collection), drafts)
      break
    case 'update':
    case 'publish': {
      const id = await writeTarget(collection)
      const data = op === 'publish' ? { _status: 'published' } : changeFor(collection)
      status = await patch(id, data, drafts && op === 'update')
      break
    }
    case 'delete':
    case 'deletePublished': {
      const id = await fixture(collection, op === 'delete' ? 'draft' : 'published')
      status =
        transport === 'local'
          ? await localStatus(() =>
              payload.delete({ collection: slug, id, user, overrideAccess: false }),
            )
          : (await rest('DELETE', `/${collection}/${id}`, { token })).status
      break
    }
    case 'fetchNow':
    case 'fetchNowOther': {
      const id = op === 'fetchNow' ? await fixture(collection) : await foreignDraft(collection)
      // An address the fetch refuses at once (loopback), so that no test reaches a network.
      await payload.update({
        collection: 'calendar-sources',
        id,
        data: { url: 'https://localhost/calendar.ics' },
      })
      if (transport === 'local') {
        const outcome = await fetchSourceNow(payload, user, String(id))
        const byKind = { done: 200, 'not-found': 404, forbidden: actor ? 403 : 401 }
        status = byKind[outcome.kind]
      } else {
        status = (await rest('POST', `/${collection}/${id}/fetch`, { token })).status
      }
      break
    }
    case 'counts': {
      // An endpoint only: the Local API has no counterpart, both transports ask it over REST.
      await fixture(collection)
      const response = await rest('GET', `/${collection}/counts`, { token })
      if (response.status === 200) expect(JSON.stringify(response.body)).not.toContain('@')
      status = response.status
      break
    }
    case 'unlock': {
      const email = ids.otherUserEmail as string
      status =
        transport === 'local'
          ? await localStatus(() =>
              payload.unlock({
                collection: 'users',
                // Payload's type asks for a password too; unlock reads the address only.
                data: { email } as never,
                overrideAccess: false,
                req: { user },
              }),
            )
          : (await rest('POST', `/${collection}/unlock`, { token, body: { email } })).status
      break
    }
  }
  return { allowed: ok(status), denied: denied(status), status }
}

/** Reads target the published fixture; for users another user's account. */
async function readTarget(collection: string): Promise<Id> {
  if (collection === 'users')
    return users['commune-editor']!.id === ids.otherUser ? ids.otherUser! : ids.otherUser!
  return fixture(collection, 'published')
}

/** Writes target a fresh in-scope document; organisations the association's own profile. */
async function writeTarget(collection: string): Promise<Id> {
  if (collection === 'organisations') return ids.association!
  if (collection === 'users') return ids.otherUser!
  return fixture(collection, 'draft')
}

beforeAll(async () => {
  payload = await testPayload()
  // The first user of a fresh database always becomes admin.
  users.admin = await createUser(payload, 'admin', ['admin'])
  const make = async (collection: CollectionSlug, data: Record<string, unknown>) =>
    (await createDoc(payload, collection, data)).id
  const partner = { country: 'LU', status: 'partner' }
  ids.remich = await make('communes', { name: 'Remich', slug: 'remich', code: '1205', ...partner })
  ids.grevenmacher = await make('communes', {
    name: 'Grevenmacher',
    slug: 'grevenmacher',
    code: '1104',
    ...partner,
  })
  ids.association = await make('organisations', {
    name: 'Association A',
    slug: 'association-a',
    type: 'association',
    communes: [ids.remich],
  })
  ids.otherOrganisation = await make('organisations', {
    name: 'Association B',
    slug: 'association-b',
    type: 'association',
    communes: [ids.grevenmacher],
  })
  ids.venueRemich = await make('venues', {
    name: 'Hall Remich',
    slug: 'hall-remich',
    commune: ids.remich,
  })
  ids.venueGrevenmacher = await make('venues', {
    name: 'Hall Grevenmacher',
    slug: 'hall-grevenmacher',
    commune: ids.grevenmacher,
  })
  users.coordinator = await createUser(payload, 'coordinator', ['coordinator'])
  users['commune-editor'] = await createUser(payload, 'editor-remich', ['commune-editor'], {
    communes: [ids.remich],
  })
  users.association = await createUser(payload, 'association-a', ['association'], {
    organisation: ids.association,
  })
  const otherUser = await createUser(payload, 'editor-grevenmacher', ['commune-editor'], {
    communes: [ids.grevenmacher],
  })
  ids.otherUser = otherUser.id
  ids.otherUserEmail = otherUser.email
})

afterAll(async () => {
  await closeTestPayload()
})

const cases = Object.entries(matrix).flatMap(([collection, operations]) =>
  Object.entries(operations).flatMap(([op, expected]) =>
    roleNames.map((role, index) => ({
      collection,
      op: op as Operation,
      role,
      allowed: expected![index]!,
    })),
  ),
)

describe.each(['local', 'rest'] as const)('access matrix through the %s API', (transport) => {
  it.each(cases)(
    '$role $op $collection → allowed: $allowed',
    async ({ collection, op, role, allowed }) => {
      const result = await attempt(transport, role, collection, op)
      if (allowed)
        expect(result, `expected ${role} to ${op} ${collection}`).toMatchObject({ allowed: true })
      else
        expect(result, `expected ${role} NOT to ${op} ${collection}`).toMatchObject({
          denied: true,
        })
    },
  )
})

describe('scope rules a matrix cannot show', () => {
  const editor = () => users['commune-editor']!
  const association = () => users.association!

  it('a commune-editor cannot move an event to another commune', async () => {
    const id = await fixture('events', 'published')
    const local = await localStatus(() =>
      payload.update({
        collection: 'events',
        id,
        data: { communes: [ids.grevenmacher] } as never,
        user: editor().user as never,
        overrideAccess: false,
      }),
    )
    expect(local).toBe(403)
    const viaRest = await rest('PATCH', `/events/${id}`, {
      token: editor().token,
      body: { communes: [ids.grevenmacher] },
    })
    expect(viaRest.status).toBe(403)
    expect(JSON.stringify(viaRest.body)).toMatch(/your own communes \(Remich\)/)
    const stored = await payload.findByID({ collection: 'events', id, depth: 0 })
    expect(stored.communes).toEqual([ids.remich])
  })

  it('a commune-editor cannot create in, edit or delete another commune’s documents', async () => {
    const created = await rest('POST', '/venues', {
      token: editor().token,
      body: { name: 'Elsewhere', slug: 'elsewhere', commune: ids.grevenmacher },
    })
    expect(created.status).toBe(403)
    const otherEvent = await payload.create({
      collection: 'events',
      data: {
        ...newDocument('events'),
        communes: [ids.grevenmacher],
        venue: ids.venueGrevenmacher,
        organiser: ids.otherOrganisation,
        _status: 'draft',
      } as never,
    })
    const denied = [403, 404]
    const patch = await rest('PATCH', `/events/${otherEvent.id}`, {
      token: editor().token,
      body: { title: 'x' },
    })
    expect(denied).toContain(patch.status)
    expect(denied).toContain(
      (await rest('DELETE', `/events/${otherEvent.id}`, { token: editor().token })).status,
    )
    expect(denied).toContain(
      (await rest('GET', `/events/${otherEvent.id}?draft=true`, { token: editor().token })).status,
    )
    const stored = await payload.findByID({
      collection: 'events',
      id: otherEvent.id,
      depth: 0,
      draft: true,
    })
    expect(stored.title).not.toBe('x')
  })

  it('a commune-editor cannot write region-wide information (no commune)', async () => {
    const regionWide = await rest('POST', '/resources?draft=true', {
      token: editor().token,
      body: { title: 'For everyone', type: 'health' },
    })
    expect(regionWide.status).toBe(403)
    expect(JSON.stringify(regionWide.body)).toMatch(/at least one of your communes \(Remich\)/)
  })

  it('an association cannot publish, nor write events of another organisation', async () => {
    const published = await rest('POST', '/events', {
      token: association().token,
      body: { ...newDocument('events'), _status: 'published' },
    })
    expect(published.status).toBe(403)
    expect(JSON.stringify(published.body)).toMatch(/cannot publish/)
    const foreign = await rest('POST', '/events?draft=true', {
      token: association().token,
      body: { ...newDocument('events'), organiser: ids.otherOrganisation },
    })
    expect(foreign.status).toBe(403)
  })

  it('nobody but an admin changes roles or bindings, not even their own', async () => {
    const self = await rest('PATCH', `/users/${editor().id}`, {
      token: editor().token,
      body: { roles: ['admin'], communes: [ids.remich, ids.grevenmacher], name: 'Still editor' },
    })
    expect(self.status).toBe(200)
    const stored = await payload.findByID({ collection: 'users', id: editor().id, depth: 0 })
    expect(stored.roles).toEqual(['commune-editor'])
    expect(stored.communes).toEqual([ids.remich])
    expect(stored.name).toBe('Still editor')
    const byCoordinator = await rest('PATCH', `/users/${editor().id}`, {
      token: users.coordinator!.token,
      body: { roles: ['admin'] },
    })
    expect(byCoordinator.status).toBe(403)
  })

  it('users read themselves; the public reads no users and no private contact fields', async () => {
    expect((await rest('GET', `/users/${editor().id}`, { token: editor().token })).status).toBe(200)
    const list = await rest('GET', '/users')
    expect(list.status).toBe(403)
    await payload.update({
      collection: 'organisations',
      id: ids.association!,
      data: { contactPerson: { name: 'Private Person', email: 'private@example.org' } },
    })
    const publicView = await rest('GET', `/organisations/${ids.association}`)
    expect(publicView.status).toBe(200)
    expect(JSON.stringify(publicView.body)).not.toContain('private@example.org')
    const staffView = await rest('GET', `/organisations/${ids.association}`, {
      token: users.coordinator!.token,
    })
    expect(JSON.stringify(staffView.body)).toContain('private@example.org')
  })

  it('a refused unlock does not tell whether the address has an account', async () => {
    for (const token of [undefined, users.coordinator!.token, editor().token]) {
      const existing = await rest('POST', '/users/unlock', {
        token,
        body: { email: ids.otherUserEmail },
      })
      const unknown = await rest('POST', '/users/unlock', {
        token,
        body: { email: 'nobody-here@example.org' },
      })
      expect(existing.status).toBe(403)
      expect(unknown).toMatchObject({ status: existing.status, body: existing.body })
    }
  })

  it('the public list of events never contains drafts', async () => {
    const draftId = await fixture('events', 'draft')
    const list = await rest('GET', '/events?limit=1000&draft=true')
    expect(list.status).toBe(200)
    const docs = list.body.docs as { id: Id; _status: string }[]
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((doc) => doc._status === 'published')).toBe(true)
    expect(docs.map((doc) => doc.id)).not.toContain(draftId)
  })
})

describe('values an editor writes stay within their reach', () => {
  const editor = () => users['commune-editor']!
  const association = () => users.association!

  it('a refusal names the commune outside the editor’s scope', async () => {
    const id = await fixture('resources', 'draft')
    const moved = await rest('PATCH', `/resources/${id}?draft=true`, {
      token: editor().token,
      body: { communes: [ids.remich, ids.grevenmacher] },
    })
    expect(moved.status).toBe(403)
    expect(JSON.stringify(moved.body)).toMatch(/your own communes \(Remich\), not Grevenmacher/)
  })

  it('an association cannot change what its organisation is or where it works', async () => {
    const response = await rest('PATCH', `/organisations/${ids.association}`, {
      token: association().token,
      body: { type: 'coordinator', communes: [ids.remich, ids.grevenmacher], name: 'Kept name' },
    })
    expect(response.status).toBe(200)
    const stored = await payload.findByID({
      collection: 'organisations',
      id: ids.association!,
      depth: 0,
    })
    expect(stored.type).toBe('association')
    expect(stored.communes).toEqual([ids.remich])
    expect(stored.name).toBe('Kept name')
  })

  it('an association cannot make its calendar source publish without review', async () => {
    const created = await rest('POST', '/calendar-sources', {
      token: association().token,
      body: { ...newDocument('calendar-sources'), arrival: 'published', failures: 9 },
    })
    expect(created.status).toBe(201)
    const stored = created.body.doc as { arrival: string; failures?: number | null }
    expect(stored.arrival).toBe('draft')
    expect(stored.failures ?? 0).toBe(0)
    const foreign = await rest('POST', '/calendar-sources', {
      token: association().token,
      body: { ...newDocument('calendar-sources'), organiser: ids.otherOrganisation },
    })
    expect(foreign.status).toBe(403)
  })

  it('only staff make an organisation the plan’s coordinator', async () => {
    const byEditor = await rest('POST', '/organisations', {
      token: editor().token,
      body: { name: 'Fake office', type: 'coordinator', communes: [ids.remich] },
    })
    expect(byEditor.status).toBe(403)
    expect(JSON.stringify(byEditor.body)).toMatch(/Only the coordinator/)
    const byCoordinator = await rest('POST', '/organisations', {
      token: users.coordinator!.token,
      body: { name: 'Plan office', type: 'coordinator', communes: [ids.remich] },
    })
    expect(byCoordinator.status).toBe(201)
  })

  it('an association puts its drafts only in its organisation’s communes', async () => {
    const elsewhere = await rest('POST', '/events?draft=true', {
      token: association().token,
      body: { ...newDocument('events'), communes: [ids.grevenmacher] },
    })
    expect(elsewhere.status).toBe(403)
    expect(JSON.stringify(elsewhere.body)).toMatch(/works in Remich; Grevenmacher is not/)
    const home = await rest('POST', '/events?draft=true', {
      token: association().token,
      body: newDocument('events'),
    })
    expect(home.status).toBe(201)
  })

  it('an association can neither restore an old version over a published event nor delete it', async () => {
    // A draft first, then published: restoring the draft version would unpublish it.
    const id = await fixture('events', 'draft')
    await payload.update({ collection: 'events', id, data: { _status: 'published' } })
    const versions = await payload.findVersions({
      collection: 'events',
      where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'draft' } }] },
    })
    const versionId = versions.docs[0]!.id
    const restored = await rest('POST', `/events/versions/${versionId}`, {
      token: association().token,
    })
    expect(restored.status).toBe(403)
    // A draft over the published event is fine and leaves the published one as it was.
    const draft = await rest('PATCH', `/events/${id}?draft=true`, {
      token: association().token,
      body: { title: 'Proposed change' },
    })
    expect(draft.status).toBe(200)
    expect((await rest('DELETE', `/events/${id}`, { token: association().token })).status).toBe(403)
    const stored = await payload.findByID({ collection: 'events', id, depth: 0 })
    expect(stored._status).toBe('published')
    expect(stored.title).not.toBe('Proposed change')
  })

  it('nobody links a submission to an event or image: the moderation does', async () => {
    const submission = await fixture('submissions')
    const event = await fixture('events', 'published')
    const response = await rest('PATCH', `/submissions/${submission}`, {
      token: editor().token,
      body: { createdEvent: event, title: 'Checked' },
    })
    expect(response.status).toBe(200)
    const stored = await payload.findByID({ collection: 'submissions', id: submission, depth: 0 })
    expect(stored.createdEvent ?? null).toBeNull()
    expect(stored.title).toBe('Checked')
  })

  it('the calendar identity is the server’s: a client’s uid and sequence are ignored', async () => {
    const injected = 'x\r\nURL:https://evil.example\r\nX-INJECTED:1'
    const created = await rest('POST', '/events?draft=true', {
      token: editor().token,
      body: { ...newDocument('events'), uid: injected, sequence: 99 },
    })
    expect(created.status).toBe(201)
    const id = (created.body.doc as { id: Id }).id
    const stored = await payload.findByID({ collection: 'events', id, depth: 0, draft: true })
    expect(stored.uid).toMatch(/^[0-9a-f-]{36}$/)
    expect(stored.sequence).toBe(0)
    const patched = await rest('PATCH', `/events/${id}?draft=true`, {
      token: editor().token,
      body: { uid: 'other-uid', sequence: 5 },
    })
    expect(patched.status).toBe(200)
    const after = await payload.findByID({ collection: 'events', id, depth: 0, draft: true })
    expect(after.uid).toBe(stored.uid)
    expect(after.sequence).toBe(0)
    // System work (the seed, an import) may bring its own UID, but only a plain identifier.
    await expect(
      payload.create({
        collection: 'events',
        data: { ...newDocument('events'), uid: injected } as never,
      }),
    ).rejects.toThrow(/not a calendar identifier/)
  })

  it('reports hold what the editor may read: no other commune’s drafts', async () => {
    const own = newDocument('events')
    await payload.create({
      collection: 'events',
      data: { ...own, title: 'Remich draft' } as never,
      draft: true,
    })
    await foreignDraft('events', { title: 'Grevenmacher draft' })
    await foreignDraft('resources', { title: 'Grevenmacher draft resource' })
    const events = await rest('GET', '/reports/events.csv', { token: editor().token })
    expect(events.status).toBe(200)
    expect(events.text).toContain('Remich draft')
    expect(events.text).not.toContain('Grevenmacher draft')
    const resources = await rest('GET', '/reports/resources.csv', { token: editor().token })
    expect(resources.text).not.toContain('Grevenmacher draft resource')
    const staff = await rest('GET', '/reports/events.csv', { token: users.coordinator!.token })
    expect(staff.text).toContain('Grevenmacher draft')
  })
})
