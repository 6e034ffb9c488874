// GET /api/feeds/events.ics: the live calendar feed for any combination of filters, for example
// ?commune=remich&category=language-cafe&lang=pt. Published events only (read with the public's
// rights), rendered by the same code as the site's static feeds. Answers 400 for unknown
// parameters or values, 414 for an oversized query, 429 when a client asks too often, and 304
// when the calendar app already has this version (ETag / Last-Modified).
import type { Endpoint } from 'payload'
import { feedQuery, feedText, parseFeedQuery } from '../../web/lib/feeds'
import { rateLimit } from '../security/rateLimit'
import { publicUrl } from '../settings'
import { admitLiveQuery, cachedAnswer, renderOnce } from './liveContent'

const limiter = rateLimit(60, 60)

export const eventFeedEndpoint: Endpoint = {
  path: '/feeds/events.ics',
  method: 'get',
  handler: async (req) => {
    const parsed = await admitLiveQuery(req, limiter, (content, query) =>
      parseFeedQuery(content, query),
    )
    if (parsed instanceof Response) return parsed
    const { content, lang, filter } = parsed
    const feed = renderOnce(
      `feed:${feedQuery(lang, filter)}`,
      () => feedText(content, lang, filter, new URL(publicUrl())).text,
    )
    return cachedAnswer(req, feed, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `inline; filename="miselerland-${lang}.ics"`,
    })
  },
}
