// Shared tools of the integration tests: a real Payload on a fresh database, users of every
// role, and a REST client that calls the same route handlers the Next.js app serves.
import {
  REST_DELETE as restDelete,
  REST_GET as restGet,
  REST_PATCH as restPatch,
  REST_POST as restPost,
} from '@payloadcms/next/routes'
import type { CollectionSlug, Payload } from 'payload'
import config from '../../cms/payload.config'
import { openPayload } from '../../cms/openPayload'
import type { Role } from '../../cms/access/roles'
import { emailsDelivered } from '../../cms/submissions/emails'
import { SnapshotStore } from '../../cms/domain/snapshotStore'
import { snapshotsDir } from '../../cms/settings'
import { readSnapshot } from '../../cms/snapshot/read'

export { config }

let shared: Payload | undefined

export async function testPayload(): Promise<Payload> {
  shared ??= await openPayload()
  return shared
}

/** Creates any document without type ceremony; ids are numbers on SQLite, strings on MongoDB. */
export function createDoc(
  payload: Payload,
  collection: CollectionSlug,
  data: Record<string, unknown>,
) {
  return payload.create({ collection, data: data as never }) as Promise<{ id: string | number }>
}

/** A partner commune in Luxembourg, by its name and STATEC code. */
export function createCommune(payload: Payload, name: string, code: string) {
  return createDoc(payload, 'communes', {
    name,
    slug: name.toLowerCase(),
    code,
    country: 'LU',
    status: 'partner',
  })
}

/** The commune most fixtures live in, with one venue: Remich (STATEC 1205). */
export async function createRemichWithHall(payload: Payload) {
  const commune = await createCommune(payload, 'Remich', '1205')
  const hall = await createDoc(payload, 'venues', {
    name: 'Hall',
    slug: 'hall',
    commune: commune.id,
  })
  return { commune: commune.id, hall: hall.id }
}

/** An event in Remich's hall (from createRemichWithHall), published unless `data` says otherwise. */
export function createEventIn(
  payload: Payload,
  place: Record<string, string | number>,
  data: Record<string, unknown>,
) {
  return createDoc(payload, 'events', {
    start: '2030-03-02T17:30:00.000Z',
    end: '2030-03-02T19:30:00.000Z',
    communes: [place.commune!],
    venue: place.hall!,
    _status: 'published',
    ...data,
  })
}

/** Drops the test database when it is a MongoDB one (SQLite files live in tests/.tmp). */
export async function closeTestPayload() {
  if (!shared) return
  // Emails leave after their hook returned; let them go before the database closes.
  await emailsDelivered()
  if (process.env.TEST_DATABASE === 'mongodb') {
    const connection = (shared.db as unknown as { connection?: { dropDatabase(): Promise<void> } })
      .connection
    await connection?.dropDatabase()
  }
  await shared.destroy()
  shared = undefined
}

export const TEST_PASSWORD = 'correct horse battery staple'

export interface TestUser {
  id: string | number
  email: string
  token: string
  user: Record<string, unknown> & { id: string | number; collection: 'users' }
}

export async function createUser(
  payload: Payload,
  name: string,
  roles: Role[],
  bindings: { communes?: (string | number)[]; organisation?: string | number } = {},
): Promise<TestUser> {
  const email = `${name}@example.org`
  const created = await createDoc(payload, 'users', {
    email,
    name,
    password: TEST_PASSWORD,
    roles,
    ...bindings,
  })
  const login = await payload.login({
    collection: 'users',
    data: { email, password: TEST_PASSWORD },
  })
  return {
    id: created.id,
    email,
    token: login.token!,
    user: {
      ...(login.user as unknown as Record<string, unknown>),
      id: created.id,
      collection: 'users',
    },
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'
const handlers = { GET: restGet, POST: restPost, PATCH: restPatch, DELETE: restDelete }

export interface RestResponse {
  status: number
  body: Record<string, unknown>
  headers: Headers
  text: string
}

/** Calls the REST API exactly as a browser request to /api/... would reach it. */
export async function rest(
  method: Method,
  pathAndQuery: string,
  options: {
    token?: string
    body?: unknown
    /** A raw body: a string (give its content-type in `headers`) or a FormData (multipart). */
    raw?: string | FormData
    headers?: Record<string, string>
  } = {},
): Promise<RestResponse> {
  const url = new URL(`http://localhost:3000/api${pathAndQuery}`)
  const headers = new Headers(options.headers)
  if (options.token) headers.set('authorization', `JWT ${options.token}`)
  if (options.body !== undefined) headers.set('content-type', 'application/json')
  const request = new Request(url, {
    method,
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  })
  const slug = url.pathname
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
  const response = await handlers[method](config)(request, { params: Promise.resolve({ slug }) })
  const text = await response.text()
  let body: Record<string, unknown> = {}
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {}
  } catch {
    body = { raw: text }
  }
  return { status: response.status, body, headers: response.headers, text }
}

/** The HTTP-like status of a Local API call: 200 when it resolved, the error's status otherwise. */
export async function localStatus(call: () => Promise<unknown>): Promise<number> {
  try {
    await call()
    return 200
  } catch (error) {
    const status = (error as { status?: number }).status
    if (typeof status === 'number') return status
    throw error
  }
}

export type { CollectionSlug }

/** Publishes the database now, as the publish job does: a new live snapshot version. */
export async function publishNow(payload: Payload): Promise<void> {
  const store = new SnapshotStore(snapshotsDir())
  store.activate(store.write(await readSnapshot(payload)))
}

/** Posts a form as a browser without JavaScript would (urlencoded); repeated names from lists. */
export function postForm(
  pathAndQuery: string,
  values: Record<string, string | string[]>,
  headers: Record<string, string>,
) {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(values))
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, item)
  return rest('POST', pathAndQuery, {
    raw: params.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  })
}
