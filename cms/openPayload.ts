// Opens the Payload Local API for scripts, the start-up sequence and tests, with the database
// schema brought up to date by the committed migrations (SQLite) first.
import { getPayload, type Payload } from 'payload'
import type { Migration } from 'payload'
import config from './payload.config'
import { migrations } from './migrations'
import { databaseSettings } from './settings'

export async function openPayload(): Promise<Payload> {
  const payload = await getPayload({ config })
  if (databaseSettings().kind === 'sqlite') {
    // Generated migration modules type their arguments for SQLite; Payload's list is generic.
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  }
  return payload
}

/** True when the database holds no communes yet, i.e. it was never seeded. */
export async function isEmpty(payload: Payload): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'communes' })
  return totalDocs === 0
}
