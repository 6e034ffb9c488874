// GET /api/feeds/events.ics: the live calendar feed for any combination of filters, for example
// ?commune=remich&category=language-cafe&lang=pt. Published events only (read with the public's
// rights), rendered by the same code as the site's static feeds. Answers 400 for unknown
// parameters or values, 414 for an oversized query, 429 when a client asks too often, and 304
// when the calendar app already has this version (ETag / Last-Modified).
import { createHash } from 'node:crypto'
import type { Endpoint, Payload } from 'payload'
import { useSnapshot } from '../../web/lib/content'
import {
  FEED_QUERY_MAX_LENGTH,
  feedLanguage,
  feedQuery,
  feedText,
  parseFeedQuery,
} from '../../web/lib/feeds'
import { t } from '../../web/lib/i18n'
import { readSnapshot, type SnapshotCollection } from '../../web/lib/snapshot'
import { onContentChanged } from '../hooks/contentChanged'
import { ifNoneMatchMatches } from '../http/conditional'
import { rateLimit } from '../security/rateLimit'
import { publicUrl } from '../settings'

/** What a feed is made of; a change to any of these collections renews the feeds. */
export const FEED_COLLECTIONS = [
  'events',
  'venues',
  'communes',
  'categories',
  'target-groups',
  'organisations',
  'actions',
] as const satisfies readonly SnapshotCollection[]

/** Even without a change signal (another instance published), data is re-read this often. */
const MAX_AGE_MS = 5 * 60 * 1000
/** Rendered feeds kept per data version (the most asked-for combinations). */
const MAX_CACHED_FEEDS = 200

interface Rendered {
  text: string
  etag: string
}

interface FeedState {
  /** Bumped by every change to a feed collection. */
  generation: number
  /** When the feeds last may have changed (Last-Modified), whole seconds. */
  changedAt: number
  loaded: { generation: number; at: number } | null
  loading: Promise<void> | null
  rendered: Map<string, Rendered>
}

const stateKey = Symbol.for('zesummen.eventFeed')
const state = ((globalThis as Record<symbol, unknown>)[stateKey] ??= createState()) as FeedState

function createState(): FeedState {
  const created: FeedState = {
    generation: 0,
    changedAt: wholeSeconds(Date.now()),
    loaded: null,
    loading: null,
    rendered: new Map(),
  }
  onContentChanged((collection) => {
    if (!(FEED_COLLECTIONS as readonly string[]).includes(collection)) return
    created.generation += 1
    created.changedAt = wholeSeconds(Date.now())
  })
  return created
}

function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000
}

/** Reads the published content again when it changed or got old; concurrent callers share it. */
async function ensureFresh(payload: Payload): Promise<void> {
  const current = state.loaded
  if (current && current.generation === state.generation && Date.now() - current.at < MAX_AGE_MS)
    return
  state.loading ??= (async () => {
    const generation = state.generation
    try {
      const snapshot = await readSnapshot(payload, new Date(), FEED_COLLECTIONS)
      useSnapshot(snapshot)
      state.rendered.clear()
      state.loaded = { generation, at: Date.now() }
    } finally {
      state.loading = null
    }
  })()
  await state.loading
}

function render(key: string, produce: () => string): Rendered {
  const cached = state.rendered.get(key)
  if (cached) return cached
  const text = produce()
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`
  if (state.rendered.size >= MAX_CACHED_FEEDS) {
    state.rendered.delete(state.rendered.keys().next().value!)
  }
  const result = { text, etag }
  state.rendered.set(key, result)
  return result
}

/** RFC 9110: If-None-Match wins; If-Modified-Since counts only without it. */
export function notModified(headers: Headers, etag: string, lastModified: number): boolean {
  const ifNoneMatch = headers.get('if-none-match')
  if (ifNoneMatch !== null) return ifNoneMatchMatches(ifNoneMatch, etag)
  const since = Date.parse(headers.get('if-modified-since') ?? '')
  return Number.isFinite(since) && lastModified <= since
}

const limiter = rateLimit(60, 60)

const plain = (status: number, message: string, extra: Record<string, string> = {}) =>
  new Response(`${message}\n`, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...extra,
    },
  })

export const eventFeedEndpoint: Endpoint = {
  path: '/feeds/events.ics',
  method: 'get',
  handler: async (req) => {
    const query = new URL(req.url ?? 'http://localhost/').search.replace(/^\?/, '')
    const decision = await limiter.check(req.headers)
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds
      return plain(429, t(feedLanguage(query), 'feeds.error.rateLimited', { seconds }), {
        'retry-after': String(seconds),
      })
    }
    // The accepted values (communes, categories, …) come from the published content.
    if (query.length <= FEED_QUERY_MAX_LENGTH) await ensureFresh(req.payload)
    const parsed = parseFeedQuery(query)
    if (!parsed.ok) return plain(parsed.status, parsed.message)
    const { lang, filter } = parsed
    const feed = render(
      feedQuery(lang, filter),
      () => feedText(lang, filter, new URL(publicUrl())).text,
    )
    const headers = {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `inline; filename="miselerland-${lang}.ics"`,
      'cache-control': 'public, max-age=300',
      etag: feed.etag,
      'last-modified': new Date(state.changedAt).toUTCString(),
      'x-content-type-options': 'nosniff',
    }
    if (notModified(req.headers, feed.etag, state.changedAt))
      return new Response(null, { status: 304, headers })
    return new Response(feed.text, { status: 200, headers })
  },
}
