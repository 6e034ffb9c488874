// The committed SQLite migrations must produce exactly the schema the collections describe;
// otherwise a fresh production database would miss columns. Fix: `npm run migrate:create`.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestPayload, testPayload } from './helpers'

interface DrizzleAdapter {
  schema: unknown
  drizzle: unknown
  requireDrizzleKit(): {
    pushSchema(schema: unknown, db: unknown): Promise<{ statementsToExecute: string[] }>
  }
}

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

afterAll(closeTestPayload)

describe.skipIf(process.env.TEST_DATABASE === 'mongodb')('SQLite migrations', () => {
  it('leave no difference between the migrated database and the collections', async () => {
    const adapter = payload.db as unknown as DrizzleAdapter
    const { statementsToExecute } = await adapter
      .requireDrizzleKit()
      .pushSchema(adapter.schema, adapter.drizzle)
    expect(
      statementsToExecute,
      'the collections changed without a migration: run `npm run migrate:create -- <name>`',
    ).toEqual([])
  })
})
