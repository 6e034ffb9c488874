// Published content for the live endpoints (calendar feed, embeddable widgets): the live snapshot
// version, the same one the site's pages are rendered from (cms/domain/snapshotStore.ts), so a
// publish changes pages, feeds and widgets together. Rendered answers are kept per version and
// query and answered with ETag and Last-Modified (when the version went live).
import { createHash } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { contentOf, type SiteContent } from '../../web/lib/content'
import { FEED_QUERY_MAX_LENGTH, feedLanguage } from '../../web/lib/feeds'
import { t } from '../../locales/i18n'
import { emptySnapshot, type SiteSnapshot } from '../domain/snapshot'
import { SnapshotStore } from '../domain/snapshotStore'
import { ifNoneMatchMatches } from '../http/conditional'
import type { RateLimit } from '../security/rateLimit'
import { snapshotsDir } from '../settings'

/** Rendered answers kept per data version (the most asked-for combinations). */
const MAX_CACHED_ANSWERS = 400

export interface RenderedAnswer {
  text: string
  etag: string
}

interface LiveState {
  /** When the live version went live (Last-Modified), whole seconds. */
  changedAt: number
  loaded: { generation: number; snapshot: SiteSnapshot } | null
  loading: Promise<void> | null
  rendered: Map<string, RenderedAnswer>
}

// On globalThis: Next.js may load this module more than once, and they must share one state.
const stateKey = Symbol.for('zesummen.liveContent')
const state = ((globalThis as Record<symbol, unknown>)[stateKey] ??= {
  changedAt: wholeSeconds(Date.now()),
  loaded: null,
  loading: null,
  rendered: new Map(),
} satisfies LiveState) as LiveState

function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000
}

/**
 * Follows the live version (forwards only): the pointer, a small file, is read on every request;
 * a new version once. Concurrent callers share one read.
 */
export async function ensureFresh(): Promise<void> {
  if (state.loading) return state.loading
  const store = new SnapshotStore(snapshotsDir())
  const pointer = store.live()
  if (!pointer || (state.loaded && pointer.generation <= state.loaded.generation)) return
  state.loading = store
    .load(pointer.version)
    .then((snapshot) => {
      state.loaded = { generation: pointer.generation, snapshot }
      state.changedAt = wholeSeconds(Date.parse(pointer.since))
      state.rendered.clear()
    })
    .finally(() => {
      state.loading = null
    })
  return state.loading
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
 * Retry-After), the live content (the accepted communes, categories… come from it; an oversized
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
  if (query.length <= FEED_QUERY_MAX_LENGTH) await ensureFresh()
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
 * caches may keep it a minute: a commune's page that frames the widget on every view asks once.
 */
export function cachedAnswer(
  req: PayloadRequest,
  answer: RenderedAnswer,
  headers: Record<string, string>,
): Response {
  const all = {
    ...headers,
    'cache-control': 'public, max-age=60',
    etag: answer.etag,
    'last-modified': new Date(state.changedAt).toUTCString(),
    'x-content-type-options': 'nosniff',
  }
  if (notModified(req.headers, answer.etag, state.changedAt))
    return new Response(null, { status: 304, headers: all })
  return new Response(answer.text, { status: 200, headers: all })
}
