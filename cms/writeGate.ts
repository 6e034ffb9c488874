// One SQLite writer at a time inside this process, waited for asynchronously.
//
// SQLite allows a single writer. libsql's client gives every transaction a connection of its own
// (and opens a fresh one for whatever comes next), and Payload runs each operation in a
// transaction, so two operations at once (an editor's sign-in and the jobs runner's bookkeeping)
// are two connections competing for the one write lock. Without a busy timeout the second failed
// at once with SQLITE_BUSY; with one, it would wait synchronously, blocking the event loop, for a
// lock that only the same, now blocked, process can release. So writers queue here instead, and
// SQLite's busy timeout is left for other processes (scripts, the site build, a backup).
import type { Client, InArgs, InStatement, Transaction } from '@libsql/client'

export class WriteGateTimeout extends Error {
  constructor(waitedMs: number) {
    super(
      `Another database write has held the write lock for ${Math.round(waitedMs / 1000)} s; ` +
        'this write was given up. Try again; if it keeps happening, restart the portal.',
    )
    this.name = 'WriteGateTimeout'
  }
}

export type Release = () => void

/** A first-come, first-served lock with a bounded wait. */
export class WriteGate {
  private held = false
  private readonly waiting: Array<() => void> = []

  constructor(private readonly maxWaitMs = 30_000) {}

  /** Writers holding or waiting for the lock (for tests and diagnostics). */
  get queued(): number {
    return (this.held ? 1 : 0) + this.waiting.length
  }

  async acquire(): Promise<Release> {
    if (!this.held) this.held = true
    else {
      await new Promise<void>((resolve, reject) => {
        const handOver = () => {
          clearTimeout(timer)
          resolve()
        }
        const timer = setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(handOver), 1)
          reject(new WriteGateTimeout(this.maxWaitMs))
        }, this.maxWaitMs)
        this.waiting.push(handOver)
      })
    }
    let released = false
    return () => {
      if (released) return
      released = true
      // The lock passes straight to the next writer, so nobody can slip in between.
      const next = this.waiting.shift()
      if (next) next()
      else this.held = false
    }
  }

  async run<T>(write: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try {
      return await write()
    } finally {
      release()
    }
  }
}

/**
 * Statements that never take the write lock. Reads are not queued: in WAL mode they never wait
 * for a writer, and a read made while a transaction is open (a hook reading without its request)
 * must not wait behind that same transaction.
 */
export function isReadOnly(statement: InStatement): boolean {
  const sql = typeof statement === 'string' ? statement : statement.sql
  if (/^\s*(select|explain)\b/i.test(sql)) return true
  if (/^\s*pragma\s+\w+\s*;?\s*$/i.test(sql)) return true
  return /^\s*with\b/i.test(sql) && !/\b(insert|update|delete|replace)\b/i.test(sql)
}

/**
 * Makes a libsql client queue its writes at `gate`, and gives every connection it opens the same
 * settings (`pragmas`, such as busy_timeout, which SQLite keeps per connection: the client opens
 * a new connection after each transaction, which would otherwise start without them).
 * `onCommitError` hears of a COMMIT that failed: Payload's SQLite adapter rolls such a
 * transaction back without telling its caller, so the write would otherwise vanish unreported.
 */
export function gateWrites(
  client: Client,
  gate: WriteGate,
  pragmas: string[],
  onCommitError: (error: unknown) => void = () => {},
): Client {
  const execute = client.execute.bind(client) as (statement: InStatement) => Promise<unknown>
  const batch = client.batch.bind(client)
  const executeMultiple = client.executeMultiple.bind(client)
  const transaction = client.transaction.bind(client)

  const applyPragmas = async () => {
    for (const pragma of pragmas) await execute(pragma)
  }

  Object.assign(client, {
    execute: (statement: InStatement, args?: InArgs) => {
      const stmt: InStatement = args === undefined ? statement : { sql: statement as string, args }
      return isReadOnly(stmt) ? execute(stmt) : gate.run(() => execute(stmt))
    },
    batch: (...args: Parameters<Client['batch']>) => gate.run(() => batch(...args)),
    executeMultiple: (sql: string) => gate.run(() => executeMultiple(sql)),
    transaction: async (...args: Parameters<Client['transaction']>) => {
      const release = await gate.acquire()
      let tx: Transaction
      try {
        tx = await transaction(...args)
      } catch (error) {
        release()
        throw error
      }
      // The transaction took the client's connection; set up the one the client opens next.
      try {
        await applyPragmas()
      } catch (error) {
        tx.close()
        release()
        throw error
      }
      return releasingOnEnd(tx, release, onCommitError)
    },
  })
  return client
}

/** The transaction gives the lock back once it has committed, rolled back or been closed. */
function releasingOnEnd(
  tx: Transaction,
  release: Release,
  onCommitError: (error: unknown) => void,
): Transaction {
  const commit = tx.commit.bind(tx)
  const rollback = tx.rollback.bind(tx)
  const close = tx.close.bind(tx)
  return Object.assign(tx, {
    // A failed COMMIT leaves the transaction open: the caller rolls it back, which releases.
    commit: async () => {
      try {
        await commit()
      } catch (error) {
        onCommitError(error)
        throw error
      }
      release()
    },
    rollback: async () => {
      try {
        await rollback()
      } finally {
        release()
      }
    },
    close: () => {
      try {
        close()
      } finally {
        release()
      }
    },
  })
}
