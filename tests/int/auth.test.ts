// Accounts: the first user becomes admin, passwords follow the policy, repeated failures lock, and
// a wrong password or a reset request is answered alike whether or not the address has an account.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOGIN_MAX_ATTEMPTS } from '../../cms/collections/Users'
import { FORGOT_PASSWORD_CLIENT_LIMIT } from '../../cms/endpoints/passwordReset'
import { LOGIN_CLIENT_LIMIT } from '../../cms/endpoints/sessions'
import { PASSWORD_HASH, passwordHash } from '../../cms/security/passwordHash'
import { emailsDelivered } from '../../cms/submissions/emails'
import { closeTestPayload, createUser, rest, TEST_PASSWORD, testPayload } from './helpers'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

afterAll(closeTestPayload)

// Fewer tries than the failures that lock an account (the lock is per account).
const TRIES = LOGIN_MAX_ATTEMPTS - 1
const from = (client: string) => ({ 'x-zesummen-client': client })
const signIn = (email: string, password: string, headers: Record<string, string>) =>
  rest('POST', '/users/login', { body: { email, password }, headers })

async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now()
  const result = await call()
  return { ms: performance.now() - started, result }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!
/** How much longer the first kind of request takes than the second, by their medians. */
const ratio = (first: number[], second: number[]) => median(first) / median(second)

describe('accounts', () => {
  it('refuses a weak first password with a message saying what to do', async () => {
    const response = await rest('POST', '/users/first-register', {
      body: { email: 'first@example.org', name: 'First', password: 'short' },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toMatch(/at least 12 characters/)
  })

  it('makes the first registered user an admin, whatever roles were asked for', async () => {
    const response = await rest('POST', '/users/first-register', {
      body: {
        email: 'first@example.org',
        name: 'First',
        password: 'copper lantern river mosel',
        roles: ['association'],
      },
    })
    expect(response.status).toBe(200)
    const { docs } = await payload.find({ collection: 'users' })
    expect(docs.map((user) => user.roles)).toEqual([['admin']])
    // The first-user screen works once only.
    const again = await rest('POST', '/users/first-register', {
      body: { email: 'second@example.org', name: 'Second', password: 'copper lantern river mosel' },
    })
    expect(again.status).toBe(403)
  })

  it(`locks an account after ${LOGIN_MAX_ATTEMPTS} failed sign-ins`, async () => {
    for (let attempt = 0; attempt < LOGIN_MAX_ATTEMPTS; attempt += 1) {
      const failed = await rest('POST', '/users/login', {
        body: { email: 'first@example.org', password: 'wrong password here' },
      })
      expect(failed.status).toBe(401)
    }
    const locked = await rest('POST', '/users/login', {
      body: { email: 'first@example.org', password: 'copper lantern river mosel' },
    })
    expect(locked.status).not.toBe(200)
    expect(JSON.stringify(locked.body)).toMatch(/locked/i)
  })

  it('limits sign-in attempts per client', async () => {
    const client = from('203.0.113.80')
    for (let attempt = 0; attempt < LOGIN_CLIENT_LIMIT.points; attempt += 1) {
      // An empty password is refused before any password check: these attempts are quick.
      expect((await signIn(`someone-${attempt}@example.org`, '', client)).status).toBe(400)
    }
    const limited = await signIn('someone@example.org', TEST_PASSWORD, client)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(JSON.stringify(limited.body)).toMatch(/Too many sign-in attempts/)
    expect((await signIn('someone@example.org', '', from('203.0.113.81'))).status).toBe(400)
  })

  it('limits password reset requests per client', async () => {
    const client = from('203.0.113.90')
    for (let attempt = 0; attempt < FORGOT_PASSWORD_CLIENT_LIMIT.points; attempt += 1) {
      const asked = await rest('POST', '/users/forgot-password', {
        body: { email: `someone-${attempt}@example.org` },
        headers: client,
      })
      expect(asked.status).toBe(200)
    }
    const limited = await rest('POST', '/users/forgot-password', {
      body: { email: 'someone@example.org' },
      headers: client,
    })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(JSON.stringify(limited.body)).toMatch(/Too many password reset requests/)
    await emailsDelivered()
  })

  it('uses the stored passwords’ hashing for an address without an account', async () => {
    const account = await createUser(payload, 'hashed', ['coordinator'])
    const stored = (await payload.db.findOne({
      collection: 'users',
      where: { email: { equals: account.email } },
    })) as { hash: string; salt: string } | null
    const hash = await passwordHash(TEST_PASSWORD, stored!.salt)
    expect(`${PASSWORD_HASH.prefix}${hash.toString('hex')}`).toBe(stored!.hash)
  })

  it('answers a wrong password the same way and in about the same time, account or not', async () => {
    const account = await createUser(payload, 'timed', ['coordinator'])
    const known: number[] = []
    const unknown: number[] = []
    const answers = new Set<string>()
    for (let attempt = 0; attempt < TRIES; attempt += 1) {
      // A client per try: neither the lock-out nor the rate limit takes part.
      const a = await timed(() =>
        signIn(account.email, 'wrong password here', from(`192.0.2.${attempt}`)),
      )
      const b = await timed(() =>
        signIn('timed-nobody@example.org', 'wrong password here', from(`192.0.2.${100 + attempt}`)),
      )
      known.push(a.ms)
      unknown.push(b.ms)
      answers.add(JSON.stringify([a.result.status, a.result.body]))
      answers.add(JSON.stringify([b.result.status, b.result.body]))
    }
    expect([...answers]).toHaveLength(1)
    expect(ratio(known, unknown)).toBeGreaterThan(0.5)
    expect(ratio(known, unknown)).toBeLessThan(2)
  })

  it('answers a password reset request the same way and in about the same time', async () => {
    const account = await createUser(payload, 'timed-reset', ['coordinator'])
    const known: number[] = []
    const unknown: number[] = []
    const answers = new Set<string>()
    for (let attempt = 0; attempt < TRIES; attempt += 1) {
      const ask = (email: string, client: string) => () =>
        rest('POST', '/users/forgot-password', { body: { email }, headers: from(client) })
      const a = await timed(ask(account.email, `192.0.2.${200 + attempt}`))
      // The mail of the request before must not share the processor with the next measurement.
      await emailsDelivered()
      const b = await timed(ask('reset-nobody@example.org', `192.0.2.${220 + attempt}`))
      await emailsDelivered()
      known.push(a.ms)
      unknown.push(b.ms)
      answers.add(JSON.stringify([a.result.status, a.result.body]))
      answers.add(JSON.stringify([b.result.status, b.result.body]))
    }
    expect([...answers]).toHaveLength(1)
    expect(ratio(known, unknown)).toBeGreaterThan(0.5)
    expect(ratio(known, unknown)).toBeLessThan(2)
  })
})
