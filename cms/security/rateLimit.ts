// Per-client rate limits for public endpoints (rate-limiter-flexible, in memory: one process;
// a deployment with several CMS instances puts the same limits in its reverse proxy).
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import type { PayloadRequest } from 'payload'
import { requestMessage, type MessageKey } from '../i18n/messages'
import { clientAddress } from './clientAddress'

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export interface RateLimit {
  check(headers: Headers): Promise<RateDecision>
  /** The same for a key other than the client's address (a signed-in user, for admin actions). */
  checkKey(key: string): Promise<RateDecision>
}

/** At most `points` requests per client in `seconds`. */
export function rateLimit(points: number, seconds: number): RateLimit {
  const limiter = new RateLimiterMemory({ points, duration: seconds })
  const consume = async (key: string): Promise<RateDecision> => {
    try {
      await limiter.consume(key)
      return { allowed: true }
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      }
    }
  }
  return { check: (headers) => consume(clientAddress(headers)), checkKey: consume }
}

/**
 * A 429 answer in Payload's error shape (the admin shows its message), with Retry-After; the
 * message names the wait in minutes, in the language of the request.
 */
export function tooManyAnswer(
  req: Pick<PayloadRequest, 'i18n'>,
  key: MessageKey,
  retryAfterSeconds: number,
): Response {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return Response.json(
    { errors: [{ message: requestMessage(req, key, { minutes }) }] },
    { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
  )
}
