// Picks the database adapter at start: SQLite by default, MongoDB for mongodb:// URLs.
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'
import { migrations } from './migrations'
import { databaseSettings } from './settings'

export function databaseAdapter(
  env: Record<string, string | undefined> = process.env,
): DatabaseAdapterObj {
  const settings = databaseSettings(env)
  if (settings.kind === 'mongodb') {
    // MongoDB is schemaless: no SQL migrations; indexes are created by Payload at start.
    return mongooseAdapter({ url: settings.url })
  }
  const file = settings.url.slice('file:'.length)
  if (file && !file.startsWith(':'))
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  return sqliteAdapter({
    client: { url: settings.url },
    migrationDir: path.resolve(process.cwd(), 'cms/migrations'),
    // The schema comes from committed migrations, never from an automatic push, so production,
    // tests and development all run the same SQL (`npm run migrate:create` after a schema change).
    push: false,
    prodMigrations: migrations,
    // Payload leaves SQLite transactions off by default; without them a failed write can leave
    // half a document behind. Editors' writes are few, so the write lock costs nothing noticeable.
    transactionOptions: {},
  })
}
