// Picks the database adapter at start: SQLite by default, MongoDB for mongodb:// URLs.
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter, type SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Client } from '@libsql/client'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj, Payload } from 'payload'
import { migrations } from './migrations'
import { databaseSettings } from './settings'
import { gateWrites, WriteGate } from './writeGate'

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

/**
 * How long a connection waits for a write lock held by another process (a script, the site
 * build, a backup) before SQLite reports SQLITE_BUSY. Writers inside this process queue at the
 * write gate instead (see writeGate.ts).
 */
export const BUSY_TIMEOUT_MS = 5000

/** One write gate per database, shared by every Payload instance of this process that opens it. */
const gates = new Map<string, WriteGate>()
const gated = new WeakSet<Client>()

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
    // Write-ahead logging: readers (the site build, the public API) never wait for a writer and
    // a writer never waits for readers. Backups use VACUUM INTO, which reads one snapshot.
    wal: true,
    busyTimeout: BUSY_TIMEOUT_MS,
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
      const connect = initialized.connect!
      initialized.connect = async function (this: typeof initialized, options) {
        await connect.call(this, options)
        const client = (this as unknown as { client?: Client }).client
        if (!client || gated.has(client)) return
        let gate = gates.get(settings.url)
        if (!gate) gates.set(settings.url, (gate = new WriteGate()))
        const logger = (this as unknown as { payload?: Payload }).payload?.logger
        gateWrites(client, gate, [`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`], (error) =>
          logger?.error({ err: error }, 'A database write could not be saved (COMMIT failed)'),
        )
        gated.add(client)
      }
      return initialized
    },
  }
}
