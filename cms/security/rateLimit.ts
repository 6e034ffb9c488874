// Per-client rate limits for public endpoints (rate-limiter-flexible, in memory: one process;
// a deployment with several CMS instances puts the same limits in its reverse proxy).
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { clientAddress } from './clientAddress'

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export interface RateLimit {
  check(headers: Headers): Promise<RateDecision>
}

/** At most `points` requests per client in `seconds`. */
export function rateLimit(points: number, seconds: number): RateLimit {
  const limiter = new RateLimiterMemory({ points, duration: seconds })
  return {
    async check(headers) {
      try {
        await limiter.consume(clientAddress(headers))
        return { allowed: true }
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        }
      }
    },
  }
}

/** A 429 answer in Payload's error shape (the admin shows its message), with Retry-After. */
export function tooManyAnswer(message: string, retryAfterSeconds: number): Response {
  return Response.json(
    { errors: [{ message }] },
    { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
  )
}
