// Failed sign-ins, counted per account address and client together (in memory: one process).
//
// A lock per account lets anyone lock anyone out by typing a wrong password five times. Counting
// per address *and* client keeps the protection against guessing from one place, while the
// account's owner, signing in from anywhere else, is not held back. Unknown addresses are counted
// the same way, so the answer does not tell which addresses have accounts. Guessing from many
// places at once is bounded by the per-client sign-in limit and the password rules.

export interface FailureLimit {
  /** Failures for one address from one client before that pair is held back. */
  failures: number
  /** How long failures are remembered, and how long a pair is then held back. */
  windowMs: number
  /** Addresses remembered at most; beyond it the oldest are forgotten first. */
  maxAddresses: number
}

export const SIGN_IN_FAILURES: FailureLimit = {
  failures: 5,
  windowMs: 15 * 60 * 1000,
  maxAddresses: 50_000,
}

interface Count {
  failures: number
  /** When the count is forgotten (extended by every failure). */
  until: number
}

export type HoldBack = { heldBack: false } | { heldBack: true; retryAfterSeconds: number }

export class FailureCounter {
  private readonly byAddress = new Map<string, Map<string, Count>>()

  constructor(
    private readonly limit: FailureLimit,
    private readonly now: () => number = Date.now,
  ) {}

  check(address: string, client: string): HoldBack {
    const count = this.live(address, client)
    if (!count || count.failures < this.limit.failures) return { heldBack: false }
    return {
      heldBack: true,
      retryAfterSeconds: Math.max(1, Math.ceil((count.until - this.now()) / 1000)),
    }
  }

  fail(address: string, client: string): void {
    const until = this.now() + this.limit.windowMs
    const clients = this.byAddress.get(address) ?? new Map<string, Count>()
    const failures = (this.live(address, client)?.failures ?? 0) + 1
    clients.set(client, { failures, until })
    // Re-inserted last: the map's order is from the address failed longest ago.
    this.byAddress.delete(address)
    this.byAddress.set(address, clients)
    this.bound()
  }

  /** After a successful sign-in from this client. */
  succeed(address: string, client: string): void {
    const clients = this.byAddress.get(address)
    clients?.delete(client)
    if (clients?.size === 0) this.byAddress.delete(address)
  }

  /** After an admin's unlock or a password reset: every client may try again. */
  clear(address: string): void {
    this.byAddress.delete(address)
  }

  /** Addresses remembered now (for tests and monitoring). */
  get size(): number {
    return this.byAddress.size
  }

  private live(address: string, client: string): Count | undefined {
    const count = this.byAddress.get(address)?.get(client)
    return count && count.until > this.now() ? count : undefined
  }

  /** Forgets expired addresses and, beyond the bound, the oldest: both are at the front. */
  private bound(): void {
    const now = this.now()
    for (const [address, clients] of this.byAddress) {
      const expired = [...clients.values()].every((count) => count.until <= now)
      if (!expired && this.byAddress.size <= this.limit.maxAddresses) break
      this.byAddress.delete(address)
    }
  }
}

/** The counter of the users collection's sign-ins. */
export const signInFailures = new FailureCounter(SIGN_IN_FAILURES)

/** Accounts are found by their email address, which Payload compares lower-cased and trimmed. */
export const accountKey = (email: unknown) =>
  typeof email === 'string' ? email.trim().toLowerCase() : ''
