// The public pages, rendered on demand from the live snapshot and kept: the site's Astro app
// (dist/server/entry.mjs) renders a page the first time it is asked for in a snapshot version,
// and its bytes, their brotli and gzip copies and a strong ETag stay in memory, least recently
// used dropped first beyond a budget in bytes. A publish switches the version: pages of the new
// one are rendered as they are asked for, and the old version's leave the cache as they age.
import { createHash } from 'node:crypto'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { mediaFilenames, type SiteSnapshot } from '../../cms/domain/snapshot'
import type { LivePointer, SnapshotStore } from '../../cms/domain/snapshotStore'
import { isLocaleCode } from '../../locales/config'
import { SiteContent } from '../../web/lib/content'
import { isSitePath } from '../../web/lib/sitePaths'
import { type Coding, compressBytes, MIN_BYTES } from './compress'

/** What the server needs of Astro's App (astro/app): find a route, render a request. */
export interface SiteApp {
  match(request: Request): unknown
  render(request: Request, options: { locals: object; routeData?: unknown }): Promise<Response>
}

/** The Astro app of a server build (`astro build`: dist/server/entry.mjs, see web/server/entry.ts). */
export async function loadSiteApp(distDir: string): Promise<SiteApp> {
  const entry = (await import(pathToFileURL(path.join(distDir, 'server', 'entry.mjs')).href)) as {
    app: SiteApp
  }
  return entry.app
}

/** One version of the published content, as the server holds it. */
export interface LiveVersion {
  pointer: LivePointer
  content: SiteContent
  /** Uploads the published content uses: the only ones the site serves. */
  media: ReadonlySet<string>
}

/**
 * Follows the store's live pointer: checks it every `intervalMs`, reads a new version in the
 * background and switches to it when it is read, so a request never waits for a snapshot and
 * never sees an older version after a newer one (the pointer's generation only grows).
 */
export class LiveContent {
  private current: LiveVersion | null = null
  private loading: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private readonly listeners: ((version: LiveVersion) => void)[] = []

  constructor(
    private readonly store: SnapshotStore,
    private readonly intervalMs = 200,
  ) {}

  /** Reads the live version now (at start), then follows the pointer. */
  async start(): Promise<void> {
    await this.check()
    this.timer = setInterval(() => void this.check(), this.intervalMs)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  get version(): LiveVersion | null {
    return this.current
  }

  onSwitch(listener: (version: LiveVersion) => void): void {
    this.listeners.push(listener)
  }

  /** Looks at the pointer and reads a newer version if there is one; concurrent calls share. */
  check(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = null
    })
    return this.loading
  }

  private async load(): Promise<void> {
    const pointer = this.store.live()
    if (!pointer || (this.current && pointer.generation <= this.current.pointer.generation)) return
    let snapshot: SiteSnapshot
    try {
      snapshot = await this.store.load(pointer.version)
    } catch (error) {
      // A version pruned or unreadable: keep serving the one we have, try again next time.
      console.error(`[site] Could not read snapshot ${pointer.version}: ${String(error)}`)
      return
    }
    const version = {
      pointer,
      content: new SiteContent(snapshot),
      media: new Set(mediaFilenames(snapshot)),
    }
    this.current = version
    for (const listener of this.listeners) listener(version)
  }
}

/** A rendered answer, with what is needed to send it again. */
export interface RenderedPage {
  status: number
  type: string
  body: Buffer
  etag: string
  /** Where a redirect leads (the event finder sends a filter to its one address). */
  location?: string
  /** Compressed copies, made when first asked for. */
  codings: Map<Coding, Promise<Buffer>>
}

/** Rendered pages by snapshot version and path, least recently used dropped first. */
export class PageCache {
  private readonly entries = new Map<string, { page: Promise<RenderedPage>; bytes: number }>()
  private bytes = 0

  constructor(private readonly budget: number) {}

  /** The page for `key`, made by `render` if it is not held (callers at the same time share). */
  get(key: string, render: () => Promise<RenderedPage>): Promise<RenderedPage> {
    const known = this.entries.get(key)
    if (known) {
      this.entries.delete(key)
      this.entries.set(key, known)
      return known.page
    }
    const entry = { page: render(), bytes: 0 }
    this.entries.set(key, entry)
    entry.page.then(
      (page) => this.grow(key, entry, page.body.length),
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key)
      },
    )
    return entry.page
  }

  /** Counts bytes added to an entry (a page, later its compressed copies) and drops the oldest. */
  grow(key: string, entry: { bytes: number } | undefined, bytes: number): void {
    const held = entry ?? this.entries.get(key)
    if (!held || this.entries.get(key) !== held) return
    held.bytes += bytes
    this.bytes += bytes
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.budget || oldest === key) break
      this.entries.delete(oldest)
      this.bytes -= old.bytes
    }
  }

  get size() {
    return { entries: this.entries.size, bytes: this.bytes }
  }
}

const etagOf = (body: Buffer) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`

/** The copy of a page in a coding, made once (pages under MIN_BYTES are sent as they are). */
export function codedBody(
  cache: PageCache,
  key: string,
  page: RenderedPage,
  coding: Coding,
): Promise<Buffer> | null {
  if (page.body.length < MIN_BYTES) return null
  let body = page.codings.get(coding)
  if (!body) {
    body = compressBytes(page.body, coding)
    page.codings.set(coding, body)
    void body.then((bytes) => cache.grow(key, undefined, bytes.length)).catch(() => {})
  }
  return body
}

/** The "not found" pages: addresses of the site, but never answered with 200. */
export const isNotFoundPage = (pathname: string) =>
  pathname.endsWith('/404/') || /^\/[a-z]{2}\/events\/removed\/$/.test(pathname)

/** Where a path leads in a version: one of its pages, a redirect to one, or its "not found". */
export type PageTarget =
  | { kind: 'page'; path: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'not-found'; path: string }

export function pageTarget(content: SiteContent, pathname: string): PageTarget {
  if (isSitePath(content, pathname) && !isNotFoundPage(pathname))
    return { kind: 'page', path: pathname }
  if (!pathname.endsWith('/') && isSitePath(content, `${pathname}/`))
    return { kind: 'redirect', location: `${pathname}/` }
  const [, lang, section, slug, ...rest] = pathname.split('/')
  if (!isLocaleCode(lang)) return { kind: 'not-found', path: '/404/' }
  // An event's address from an old link or search hit: a page that says the event is gone.
  if (section === 'events' && slug && rest.join('') === '')
    return { kind: 'not-found', path: `/${lang}/events/removed/` }
  return { kind: 'not-found', path: `/${lang}/404/` }
}

/**
 * Renders one path of a version with the site's app. The site server answers queries (`query`,
 * without its "?", for a page that takes one: the event finder); the export and the search index
 * render every page as the file it becomes.
 */
export async function renderPage(
  app: SiteApp,
  site: URL,
  content: SiteContent,
  pagePath: string,
  status = 200,
  options: { answersQueries?: boolean; query?: string } = {},
): Promise<RenderedPage> {
  const { answersQueries = false, query = '' } = options
  const request = new Request(new URL(`${pagePath}${query ? `?${query}` : ''}`, site))
  const response = await app.render(request, {
    locals: { content, site, answersQueries },
    routeData: app.match(request),
  })
  const body = Buffer.from(await response.arrayBuffer())
  if (response.status >= 500) {
    throw new Error(`Rendering ${pagePath} failed with status ${response.status}.`)
  }
  return {
    status: response.status === 200 ? status : response.status,
    // Astro names pages text/html; every page of the site is UTF-8.
    type: (response.headers.get('content-type') ?? 'text/html').replace(
      /^text\/html$/,
      'text/html; charset=utf-8',
    ),
    body,
    etag: etagOf(body),
    ...(response.headers.has('location') ? { location: response.headers.get('location')! } : {}),
    codings: new Map(),
  }
}
