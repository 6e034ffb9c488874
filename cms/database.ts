// Picks the database adapter at start: SQLite by default, MongoDB for mongodb:// URLs.
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter, type SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
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

/**
 * Every `*_locales` table (the texts of each language) gets an index on its parent document.
 * Payload creates only a unique index on (locale, parent), which cannot serve a read of all
 * languages of a document, so each such read scanned the whole table: reading 1,000 of 10,000
 * events took 17.5 s without this index and 0.8 s with it.
 */
const indexLocalesByParent: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    const parent = (table as unknown as Record<string, unknown>)._parentID
    if (!name.endsWith('_locales') || !parent) continue
    extendTable({
      table,
      extraConfig: (columns) => ({
        [`${name}_parent_id_idx`]: index(`${name}_parent_id_idx`).on(columns._parentID!),
      }),
    })
  }
  return schema
}

/**
 * Published documents in the REST API's default order: every table with drafts gets an index on
 * (_status, createdAt). The public's reads filter on `_status` and sort by `createdAt`; with only
 * the single-column indexes SQLite took every published row, computed its arrays and languages,
 * and sorted them: `GET /api/events?limit=10` took 290 ms at 10,000 events instead of a few.
 */
const indexPublishedByCreation: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    const columns = table as unknown as Record<string, unknown>
    if (!columns._status || !columns.createdAt) continue
    extendTable({
      table,
      extraConfig: (columns) => ({
        [`${name}_status_created_at_idx`]: index(`${name}_status_created_at_idx`).on(
          columns._status!,
          columns.createdAt!,
        ),
      }),
    })
  }
  return schema
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
    afterSchemaInit: [indexLocalesByParent, indexPublishedByCreation],
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
