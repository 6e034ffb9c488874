// GET /api/widgets/events: the embeddable events widget for a commune's website, for example
// ?commune=remich&lang=pt&limit=5&accent=blue&density=compact. A small HTML document of the next
// published events that any site may frame; no scripts, no cookies. Validated, rate-limited and
// cached like the live calendar feed (400, 414, 429, 304).
import type { Endpoint } from 'payload'
import { widgetContentSecurityPolicy } from '../../scripts/lib/securityHeaders'
import { WIDGET_CSS, widgetHtml, parseWidgetQuery, widgetQuery } from '../../web/lib/widget'
import { rateLimit } from '../security/rateLimit'
import { publicUrl } from '../settings'
import { admitLiveQuery, cachedAnswer, renderOnce } from './liveContent'

/** Every page view of a commune's website asks once; a visitor clicking through stays far below. */
const limiter = rateLimit(120, 60)
const contentSecurityPolicy = widgetContentSecurityPolicy(WIDGET_CSS)

export const eventWidgetEndpoint: Endpoint = {
  path: '/widgets/events',
  method: 'get',
  handler: async (req) => {
    const parsed = await admitLiveQuery(req, limiter, parseWidgetQuery)
    if (parsed instanceof Response) return parsed
    const { content, lang, filter, options } = parsed
    const widget = renderOnce(`widget:${widgetQuery(lang, filter, options)}`, () =>
      widgetHtml(content, lang, filter, options, new URL(publicUrl())),
    )
    // The server (scripts/start.ts) adds the headers of every response; no X-Frame-Options, as
    // this policy states frame-ancestors.
    return cachedAnswer(req, widget, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': contentSecurityPolicy,
    })
  },
}
