// Accounts: the first user becomes admin, passwords follow the policy, repeated failures lock.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOGIN_MAX_ATTEMPTS } from '../../cms/collections/Users'
import { closeTestPayload, rest, testPayload } from './helpers'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

afterAll(closeTestPayload)

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
})
