// Handing many mails to the mail server without overrunning it: at most `concurrency` at once and
// `ratePerMinute` started per minute (starts spaced evenly), temporary failures
// (SMTP 4xx, a lost connection) tried again after 1, 2, 4… seconds, permanent ones (SMTP 5xx)
// reported at once.
import type { DigestSendSettings } from '../settings'

export type Delivery = { ok: true } | { ok: false; permanent: boolean; message: string }

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** A mail server's refusal that sending again will not change (RFC 5321: 5yz replies). */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}

/** Sends once, and again after temporary failures, waiting longer each time. */
export async function deliverWithRetries(
  send: () => Promise<unknown>,
  settings: Pick<DigestSendSettings, 'retries' | 'backoffMs'>,
  sleep = sleepFor,
): Promise<Delivery> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await send()
      return { ok: true }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const permanent = isPermanentFailure(error)
      if (permanent || attempt >= settings.retries) return { ok: false, permanent, message }
      await sleep(settings.backoffMs * 2 ** attempt)
    }
  }
}

/**
 * Runs `work` for every item, at most `concurrency` at a time and `ratePerMinute` started per
 * minute. Resolves when all are done; `work` reports its own failures.
 */
export async function runThrottled<T>(
  items: readonly T[],
  settings: Pick<DigestSendSettings, 'ratePerMinute' | 'concurrency'>,
  work: (item: T) => Promise<void>,
  clock: { now: () => number; sleep: (ms: number) => Promise<void> } = {
    now: () => performance.now(),
    sleep: sleepFor,
  },
): Promise<void> {
  const interval = 60_000 / settings.ratePerMinute
  // Starts are spaced `interval` apart: never more than `ratePerMinute` in any minute.
  let lastStart = -Infinity
  let index = 0
  const worker = async () => {
    while (index < items.length) {
      const item = items[index++]!
      const now = clock.now()
      const start = Math.max(now, lastStart + interval)
      lastStart = start
      if (start > now) await clock.sleep(start - now)
      await work(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, items.length) }, worker))
}
