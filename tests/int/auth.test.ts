// Accounts: the first user becomes admin, passwords follow the policy, repeated failures hold back
// one client for one address (never the account), and a wrong password or a reset request is
// answered alike whether or not the address has an account.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runWithoutTransaction } from '../../cms/database'
import { FORGOT_PASSWORD_CLIENT_LIMIT } from '../../cms/endpoints/passwordReset'
import { LOGIN_CLIENT_LIMIT } from '../../cms/endpoints/sessions'
import { PASSWORD_HASH, passwordHash } from '../../cms/security/passwordHash'
import { SIGN_IN_FAILURES } from '../../cms/security/signInFailures'
import { emailsDelivered } from '../../cms/submissions/emails'
import { closeTestPayload, createUser, rest, TEST_PASSWORD, testPayload } from './helpers'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

afterAll(closeTestPayload)

const FAILURES = SIGN_IN_FAILURES.failures
const TRIES = FAILURES - 1
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

type Answer = { status: number; body: unknown }

/**
 * Medians closer than this (ms) count as alike: far below one password check (PBKDF2 with
 * Payload's 600,000 iterations, over 100 ms here), which is what an unequal answer would show.
 */
const NOISE_MS = 20

/**
 * Asks `tries` times about an address with an account and one without: every answer must be the
 * same, and take about as long (medians within a factor of two, or closer than NOISE_MS when
 * both are answered at once). `settle` runs after each request, outside the measurement.
 */
async function expectAlike(
  ask: (account: 'known' | 'unknown', attempt: number) => Promise<Answer>,
  {
    settle = async () => undefined,
    tries = TRIES,
  }: { settle?: () => Promise<unknown>; tries?: number } = {},
) {
  const times = { known: [] as number[], unknown: [] as number[] }
  const answers = new Set<string>()
  for (let attempt = 0; attempt < tries; attempt += 1) {
    for (const account of ['known', 'unknown'] as const) {
      const { ms, result } = await timed(() => ask(account, attempt))
      await settle()
      times[account].push(ms)
      answers.add(JSON.stringify([result.status, result.body]))
    }
  }
  expect([...answers]).toHaveLength(1)
  const apart = Math.abs(median(times.known) - median(times.unknown))
  if (apart < NOISE_MS) return
  expect(ratio(times.known, times.unknown)).toBeGreaterThan(0.5)
  expect(ratio(times.known, times.unknown)).toBeLessThan(2)
}

async function failSignIns(email: string, headers: Record<string, string>) {
  for (let attempt = 0; attempt < FAILURES; attempt += 1) {
    expect((await signIn(email, 'wrong password here', headers)).status).toBe(401)
  }
}

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

  it(`holds back one client for one address after ${FAILURES} failures, not the account`, async () => {
    const account = await createUser(payload, 'guessed', ['coordinator'])
    const attacker = from('198.51.100.7')
    await failSignIns(account.email, attacker)
    const heldBack = await signIn(account.email, TEST_PASSWORD, attacker)
    expect(heldBack.status).toBe(429)
    expect(Number(heldBack.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(JSON.stringify(heldBack.body)).toMatch(/Too many failed sign-ins for this address/)
    // The account's owner, elsewhere, signs in; the same client may still try other addresses.
    expect((await signIn(account.email, TEST_PASSWORD, from('198.51.100.8'))).status).toBe(200)
    expect((await signIn('other@example.org', 'wrong password here', attacker)).status).toBe(401)
  })

  it('holds back an address without an account the same way', async () => {
    const account = await createUser(payload, 'held', ['coordinator'])
    const client = from('198.51.100.9')
    await failSignIns(account.email, client)
    await failSignIns('held-nobody@example.org', client)
    const known = await signIn(account.email, 'wrong password here', client)
    const unknown = await signIn('held-nobody@example.org', 'wrong password here', client)
    expect(known.status).toBe(429)
    expect(unknown).toMatchObject({ status: known.status, body: known.body })
  })

  it('lets the client try again after an admin’s unlock or a password reset', async () => {
    const admin = await createUser(payload, 'unlocker', ['admin'])
    const account = await createUser(payload, 'forgetful', ['coordinator'])
    const client = from('198.51.100.10')
    await failSignIns(account.email, client)
    const unlocked = await rest('POST', '/users/unlock', {
      token: admin.token,
      body: { email: account.email },
    })
    expect(unlocked.status).toBe(200)
    expect((await signIn(account.email, TEST_PASSWORD, client)).status).toBe(200)

    await failSignIns(account.email, client)
    // As the forgot-password endpoint runs it (see cms/database.ts).
    const token = await runWithoutTransaction(() =>
      payload.forgotPassword({
        collection: 'users',
        data: { email: account.email },
        disableEmail: true,
      }),
    )
    const newPassword = 'walnut ferry terrace orchard'
    const reset = await rest('POST', '/users/reset-password', {
      body: { token, password: newPassword },
    })
    expect(reset.status).toBe(200)
    expect((await signIn(account.email, newPassword, client)).status).toBe(200)
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
    const emails = { known: account.email, unknown: 'timed-nobody@example.org' }
    // A client per try: neither the failure count nor the rate limit takes part.
    await expectAlike((kind, attempt) =>
      signIn(
        emails[kind],
        'wrong password here',
        from(`192.0.2.${attempt * 2 + Number(kind === 'unknown')}`),
      ),
    )
  })

  it('answers a password reset request the same way and in about the same time', async () => {
    const account = await createUser(payload, 'timed-reset', ['coordinator'])
    const emails = { known: account.email, unknown: 'reset-nobody@example.org' }
    await expectAlike(
      (kind, attempt) =>
        rest('POST', '/users/forgot-password', {
          body: { email: emails[kind] },
          headers: from(`192.0.2.${200 + attempt * 2 + Number(kind === 'unknown')}`),
        }),
      // The mail of a request must not share the processor with the next measurement; a client
      // per try, under the per-client limit.
      { settle: emailsDelivered, tries: FORGOT_PASSWORD_CLIENT_LIMIT.points - 1 },
    )
  })
})
