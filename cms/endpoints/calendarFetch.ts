// POST /api/calendar-sources/:id/fetch — the admin's "Fetch now": imports the source at once and
// answers the counts. Only those who may update the source; a few fetches per person and
// 10 minutes, since each one makes the server call another server.
import type { Endpoint } from 'payload'
import { fetchSourceNow } from '../calendarImport/fetchNow'
import { requestMessage } from '../i18n/messages'
import { rateLimit, tooManyAnswer } from '../security/rateLimit'

export const FETCH_NOW_LIMIT = { points: 10, seconds: 10 * 60 }
const limiter = rateLimit(FETCH_NOW_LIMIT.points, FETCH_NOW_LIMIT.seconds)

const answer = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store' } })

export const calendarFetchEndpoint: Endpoint = {
  path: '/:id/fetch',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return answer({ error: requestMessage(req, 'fetchNowSignIn') }, 401)
    const decision = await limiter.checkKey(`${req.user.collection}:${req.user.id}`)
    if (!decision.allowed) return tooManyAnswer(req, 'fetchNowTooMany', decision.retryAfterSeconds)
    const outcome = await fetchSourceNow(req.payload, req.user, req.routeParams?.id)
    if (outcome.kind === 'not-found') {
      return answer({ error: requestMessage(req, 'fetchNowNotFound') }, 404)
    }
    if (outcome.kind === 'forbidden') {
      return answer({ error: requestMessage(req, 'fetchNowForbidden') }, 403)
    }
    const { ok, result, counts, skipped } = outcome.report
    return answer({ ok, result, counts, skipped })
  },
}
