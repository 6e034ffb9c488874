// Published content for the live endpoints (calendar feed, embeddable widgets): read with the
// public's rights into one SiteContent, renewed when an editor changes what they show
// (or after 5 minutes), with rendered answers kept per query and answered with ETag and
// Last-Modified. One state for all of them, so a change renews every endpoint at once.
import { createHash } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { contentOf, type SiteContent } from '../../web/lib/content'
import { FEED_QUERY_MAX_LENGTH, feedLanguage } from '../../web/lib/feeds'
import { t } from '../../locales/i18n'
import { emptySnapshot, type SiteSnapshot, type SnapshotCollection } from '../domain/snapshot'
import { readPublished } from '../snapshot/read'
import { onContentChanged } from '../hooks/contentChanged'
import { ifNoneMatchMatches } from '../http/conditional'
import type { RateLimit } from '../security/rateLimit'

/** What feeds and widgets are made of; a change to any of these collections renews them. */
export const LIVE_COLLECTIONS = [
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
/** Rendered answers kept per data version (the most asked-for combinations). */
const MAX_CACHED_ANSWERS = 400

export interface RenderedAnswer {
  text: string
  etag: string
}

interface LiveState {
  /** Bumped by every change to a live collection. */
  generation: number
  /** When the content last may have changed (Last-Modified), whole seconds. */
  changedAt: number
  loaded: { generation: number; at: number; snapshot: SiteSnapshot } | null
  loading: Promise<void> | null
  rendered: Map<string, RenderedAnswer>
}

// On globalThis: Next.js may load this module more than once, and they must share one state.
const stateKey = Symbol.for('zesummen.liveContent')
const state = ((globalThis as Record<symbol, unknown>)[stateKey] ??= createState()) as LiveState

function createState(): LiveState {
  const created: LiveState = {
    generation: 0,
    changedAt: wholeSeconds(Date.now()),
    loaded: null,
    loading: null,
    rendered: new Map(),
  }
  onContentChanged((collection) => {
    if (!(LIVE_COLLECTIONS as readonly string[]).includes(collection)) return
    created.generation += 1
    created.changedAt = wholeSeconds(Date.now())
  })
  return created
}

function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000
}

/** Reads the published content again when it changed or got old; concurrent callers share it. */
export async function ensureFresh(payload: Payload): Promise<void> {
  const current = state.loaded
  if (current && current.generation === state.generation && Date.now() - current.at < MAX_AGE_MS)
    return
  state.loading ??= (async () => {
    const generation = state.generation
    try {
      const now = new Date()
      // What changed since the last read (a full read the first time each day).
      const snapshot = await readPublished(payload, state.loaded?.snapshot, now, LIVE_COLLECTIONS)
      state.rendered.clear()
      state.loaded = { generation, at: Date.now(), snapshot }
    } finally {
      state.loading = null
    }
  })()
  await state.loading
}

/** The answer for a key (endpoint and query), rendered once per data version. */
export function renderOnce(key: string, produce: () => string): RenderedAnswer {
  const cached = state.rendered.get(key)
  if (cached) return cached
  const text = produce()
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`
  if (state.rendered.size >= MAX_CACHED_ANSWERS) {
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

/** The query string of a request, without its "?". */
export function rawQuery(req: PayloadRequest): string {
  return new URL(req.url ?? 'http://localhost/').search.replace(/^\?/, '')
}

type Refused = { ok: false; status: number; message: string }

/**
 * The steps every live endpoint takes before it renders: the client's rate limit (429 with
 * Retry-After), fresh content (the accepted communes, categories… come from it; an oversized
 * query is refused without reading anything), then the endpoint's own query parser (400, 414).
 * Messages are in the query's language.
 */
export async function admitLiveQuery<Q extends { ok: true } | Refused>(
  req: PayloadRequest,
  limiter: RateLimit,
  parse: (content: SiteContent, query: string) => Q,
): Promise<(Exclude<Q, Refused> & { content: SiteContent }) | Response> {
  const query = rawQuery(req)
  const decision = await limiter.check(req.headers)
  if (!decision.allowed) {
    const seconds = decision.retryAfterSeconds
    return plainAnswer(429, t(feedLanguage(query), 'feeds.error.rateLimited', { seconds }), {
      'retry-after': String(seconds),
    })
  }
  if (query.length <= FEED_QUERY_MAX_LENGTH) await ensureFresh(req.payload)
  const content = contentOf(state.loaded?.snapshot ?? emptySnapshot())
  const parsed = parse(content, query)
  if (!parsed.ok) return plainAnswer(parsed.status, parsed.message)
  return { ...(parsed as Exclude<Q, Refused>), content }
}

/** A short plain-text answer (errors, limits), never cached. */
export function plainAnswer(
  status: number,
  message: string,
  extra: Record<string, string> = {},
): Response {
  return new Response(`${message}\n`, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...extra,
    },
  })
}

/**
 * A rendered answer with its validators: 304 when the client already has this version. Public
 * caches may keep it 5 minutes (the longest an edit takes to show without a change signal).
 */
export function cachedAnswer(
  req: PayloadRequest,
  answer: RenderedAnswer,
  headers: Record<string, string>,
): Response {
  const all = {
    ...headers,
    'cache-control': 'public, max-age=300',
    etag: answer.etag,
    'last-modified': new Date(state.changedAt).toUTCString(),
    'x-content-type-options': 'nosniff',
  }
  if (notModified(req.headers, answer.etag, state.changedAt))
    return new Response(null, { status: 304, headers: all })
  return new Response(answer.text, { status: 200, headers: all })
}
