// Writes at the same moment on the embedded SQLite database: they queue instead of failing.
// Before the write gate, an editor's sign-in that met the jobs runner's bookkeeping could lose its
// session (200 from /users/login, then user: null from /users/me), and a jobs-stats insert could
// fail with "database is locked".
import { spawn } from 'node:child_process'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { organisationTypes } from '../../cms/collections/Organisations'
import {
  closeTestPayload,
  createDoc,
  createUser,
  rest,
  TEST_PASSWORD,
  testPayload,
  type TestUser,
} from './helpers'

const sqlite = process.env.TEST_DATABASE !== 'mongodb'
let payload: Payload
let editor: TestUser

beforeAll(async () => {
  payload = await testPayload()
  editor = await createUser(payload, 'concurrent-coordinator', ['coordinator'])
})

afterAll(closeTestPayload)

const organisation = (name: string) =>
  createDoc(payload, 'organisations', { name, type: organisationTypes[0]!.value })

describe.skipIf(!sqlite)('writes at the same moment (SQLite)', () => {
  it('sign-ins and saves running together all succeed, and every session is kept', async () => {
    const signIns = Array.from({ length: 6 }, () =>
      rest('POST', '/users/login', { body: { email: editor.email, password: TEST_PASSWORD } }),
    )
    const saves = Array.from({ length: 24 }, (_, i) => organisation(`Together ${i}`))
    const [logins, created] = await Promise.all([Promise.all(signIns), Promise.all(saves)])

    expect(created).toHaveLength(24)
    expect(logins.map((login) => login.status)).toEqual(Array(6).fill(200))
    for (const login of logins) {
      const me = await rest('GET', '/users/me', { token: login.body.token as string })
      expect(me.body.user).toMatchObject({ email: editor.email })
    }
    const { totalDocs } = await payload.count({
      collection: 'organisations',
      where: { name: { like: 'Together' } },
    })
    expect(totalDocs).toBe(24)
  })

  it('a sign-out at the same moment as a sign-in of the same account stays signed out', async () => {
    const signIn = () =>
      rest('POST', '/users/login', { body: { email: editor.email, password: TEST_PASSWORD } })
    const leaving = await signIn()
    const token = leaving.body.token as string
    const [left, arriving] = await Promise.all([rest('POST', '/users/logout', { token }), signIn()])
    expect([left.status, arriving.status]).toEqual([200, 200])
    const me = (token: string) => rest('GET', '/users/me', { token }).then((r) => r.body.user)
    expect(await me(token)).toBeNull()
    expect(await me(arriving.body.token as string)).toMatchObject({ email: editor.email })
  })

  it('waits for a write lock that another process holds, on every connection', async () => {
    // A transaction first: libsql then opens a new connection for the writes that follow, and
    // that connection needs the busy timeout too.
    await organisation('Before the other process')
    const file = process.env.DATABASE_URL!.slice('file:'.length)
    const holdMs = 1500
    const other = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Database from 'libsql'
         const db = new Database(${JSON.stringify(file)})
         db.exec('BEGIN IMMEDIATE')
         console.log('locked')
         setTimeout(() => { db.exec('COMMIT'); db.close() }, ${holdMs})`,
      ],
      { cwd: path.resolve('.'), stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const exited = new Promise((resolve) => other.on('exit', resolve))
    await new Promise<void>((resolve, reject) => {
      other.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve())
      other.on('exit', (code) => reject(new Error(`the other process ended early (${code})`)))
    })
    const started = Date.now()
    const written = await organisation('While the other process writes')
    const waited = Date.now() - started
    await exited
    expect(written.id).toBeTruthy()
    // It waited for the other process's COMMIT instead of failing at once.
    expect(waited).toBeGreaterThan(holdMs / 2)
  })
})
