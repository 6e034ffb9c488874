// Picks the database adapter at start: SQLite by default, MongoDB for mongodb:// URLs.
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { AsyncLocalStorage } from 'node:async_hooks'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'
import { migrations } from './migrations'
import { databaseSettings } from './settings'

const withoutTransaction = new AsyncLocalStorage<true>()

/**
 * Runs an operation without a database transaction, as Payload runs every SQLite operation by
 * default. Only for the one operation that cannot run inside one: Payload's forgot-password
 * writes a reservation outside the transaction it opened, which with SQLite's single writer
 * waits for that transaction forever (SQLITE_BUSY).
 */
export function runWithoutTransaction<T>(operation: () => Promise<T>): Promise<T> {
  return withoutTransaction.run(true, operation)
}

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
  const adapter = sqliteAdapter({
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
  return {
    ...adapter,
    init: (args) => {
      const initialized = adapter.init(args)
      const begin = initialized.beginTransaction.bind(initialized)
      // null is how Payload's adapters say "no transaction" (its default for SQLite).
      initialized.beginTransaction = async (options) =>
        withoutTransaction.getStore() ? null : begin(options)
      return initialized
    },
  }
}
