// The public site's half of the server: pages rendered on demand from the live snapshot and kept
// (scripts/lib/livePages.ts), the build's assets and the public/ files from dist/client (hashed
// assets immutable, everything else revalidated), the uploads the published content uses, and the
// search index of the newest indexed version. ETags and 304s, brotli or gzip, security headers,
// localized 404 pages, and the language negotiation at `/`. Uploads are served as the type they
// were stored as, never as a page of the site.
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readFileSync, statSync, type Stats } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import path from 'node:path'
import { ifNoneMatchMatches } from '../../cms/http/conditional'
import { typeOfStoredName, uploadedFileHeaders } from '../../cms/security/fileType'
import { isLocaleCode, localeCodes, type LocaleCode } from '../../locales/config'
import { type Coding, COMPRESSIBLE, compressBytes, MIN_BYTES } from './compress'
import {
  codedBody,
  type LiveContent,
  type PageCache,
  pageTarget,
  renderPage,
  type SiteApp,
} from './livePages'
import { siteSecurityHeaders } from './securityHeaders'
import { FEED_QUERY_MAX_LENGTH } from '../../web/lib/feeds'
import { answersQuery } from '../../web/lib/sitePaths'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.ics': 'text/calendar; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream',
}

/** The cookie that remembers the language a reader last chose (a preference, nothing else). */
export const LANGUAGE_COOKIE = 'zesummen_lang'
const YEAR_SECONDS = 365 * 24 * 60 * 60

export interface SiteOptions {
  /** PUBLIC_URL is https: cookies get Secure and responses HSTS. */
  https: boolean
}

/** What the site half of the server serves from. */
export interface Site extends SiteOptions {
  app: SiteApp
  /** The site's public address: pages are rendered as if asked for there. */
  url: URL
  live: LiveContent
  pages: PageCache
  /** The server build's files for browsers (dist/client): assets and public/. */
  clientDir: string
  /** Uploaded files (MEDIA_DIR). */
  mediaDir: string
  /** The folder of the search index readers are given (its pagefind/ files), or null. */
  searchDir: () => string | null
}

/** The file for a URL path inside `root`, or null; never a path outside `root`. */
export function resolveSiteFile(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  // Dot files are never the public's; only /.well-known/ is.
  if (decoded.split('/').some((part) => part.startsWith('.') && part !== '.well-known')) return null
  const candidate = path.resolve(root, `.${path.posix.normalize(decoded)}`)
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  const index = path.join(candidate, 'index.html')
  if (existsSync(index)) return index
  return null
}

// ---------------------------------------------------------------------------------------------
// Validators and caching

const etags = new Map<string, string>()
const MAX_ETAGS = 100_000

/** A strong ETag from the file's content, computed once per file version. */
function etagOf(file: string, size: number, mtimeMs: number): string {
  const key = `${file}\0${size}\0${mtimeMs}`
  let tag = etags.get(key)
  if (!tag) {
    tag = `"${createHash('sha256').update(readFileSync(file)).digest('base64url').slice(0, 27)}"`
    if (etags.size >= MAX_ETAGS) etags.clear()
    etags.set(key, tag)
  }
  return tag
}

/** Astro's hashed assets never change under their name; the rest is revalidated each time. */
export function cacheControl(urlPath: string): string {
  return urlPath.startsWith('/_astro/')
    ? 'public, max-age=31536000, immutable'
    : 'public, max-age=0, must-revalidate'
}

/**
 * The best coding the client accepts, brotli then gzip, in which the server sends a file (it
 * compresses it when first asked for, see CompressedPages). Files under 2 KiB, or too large to
 * compress while a reader waits, go as they are.
 */
function encodingFor(file: string, acceptEncoding: string, size: number): Coding | null {
  if (!COMPRESSIBLE.has(path.extname(file))) return null
  if (size < MIN_BYTES || size > ON_REQUEST_MAX_BYTES) return null
  return acceptedCodings(acceptEncoding)[0] ?? null
}

/** Larger files are sent as they are. */
const ON_REQUEST_MAX_BYTES = 2 * 2 ** 20
/** Compressed pages kept in memory, least recently used dropped first. */
const COMPRESSED_CACHE_BYTES = 64 * 2 ** 20

/**
 * Pages compressed on request: the first request of a page (per coding and file version)
 * compresses it, later ones and those at the same moment share the result.
 */
export class CompressedPages {
  private entries = new Map<string, { body: Promise<Buffer>; bytes: number }>()
  private bytes = 0

  constructor(private readonly budget: number) {}

  get(file: string, stats: Stats, coding: Coding): Promise<Buffer> {
    const key = `${coding}\0${stats.size}\0${stats.mtimeMs}\0${file}`
    const known = this.entries.get(key)
    if (known) {
      // Most recently used last.
      this.entries.delete(key)
      this.entries.set(key, known)
      return known.body
    }
    const entry = { body: readFile(file).then((bytes) => compressBytes(bytes, coding)), bytes: 0 }
    this.entries.set(key, entry)
    entry.body.then(
      (body) => {
        if (this.entries.get(key) !== entry) return
        entry.bytes = body.length
        this.bytes += body.length
        for (const [oldest, old] of this.entries) {
          if (this.bytes <= this.budget || oldest === key) break
          this.entries.delete(oldest)
          this.bytes -= old.bytes
        }
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key)
      },
    )
    return entry.body
  }

  /** Entries and compressed bytes held (for tests). */
  get size() {
    return { entries: this.entries.size, bytes: this.bytes }
  }
}

export const compressedPages = new CompressedPages(COMPRESSED_CACHE_BYTES)

function send(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  options: SiteOptions,
  status = 200,
  extra: OutgoingHttpHeaders = {},
) {
  const method = req.method ?? 'GET'
  const stats = statSync(file)
  const encoding = encodingFor(file, String(req.headers['accept-encoding'] ?? ''), stats.size)
  // Each coding is its own representation with its own strong validator (RFC 9110 8.8.3).
  const base = etagOf(file, stats.size, stats.mtimeMs)
  const etag = encoding ? `${base.slice(0, -1)}-${encoding}"` : base
  const urlPath = (req.url ?? '/').split('?')[0]!
  const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
  const headers: OutgoingHttpHeaders = {
    ...siteSecurityHeaders(options.https),
    'content-type': type,
    'cache-control': status === 200 ? cacheControl(urlPath) : 'no-cache',
    etag,
    vary: 'Accept-Encoding',
    ...extra,
  }
  if (status === 200 && ifNoneMatchMatches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  if (encoding) {
    headers['content-encoding'] = encoding
    compressedPages.get(file, stats, encoding).then(
      (body) => {
        headers['content-length'] = body.length
        res.writeHead(status, headers)
        res.end(method === 'HEAD' ? undefined : body)
      },
      () => {
        // The file went away after it was found (a search index replaced meanwhile).
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' })
        res.end('The site changed while this page was read. Try again.\n')
      },
    )
    return
  }
  headers['content-length'] = stats.size
  res.writeHead(status, headers)
  if (method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}

// ---------------------------------------------------------------------------------------------
// Language at `/`

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}

/**
 * The reader's language: the remembered choice, else the best Accept-Language match by q-value
 * (primary subtag: "pt-BR" is Portuguese), else null (the chooser page is shown).
 */
export function negotiateLanguage(
  acceptLanguage: string | undefined,
  cookieHeader: string | undefined,
): LocaleCode | null {
  const remembered = cookieValue(cookieHeader, LANGUAGE_COOKIE)
  if (isLocaleCode(remembered)) return remembered
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .slice(0, 30)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return {
        primary: (tag ?? '').trim().toLowerCase().split('-')[0]!,
        q: q ? Number(q.slice(2)) : 1,
        index,
      }
    })
    .filter((entry) => entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
  return (
    ranked.map((entry) => entry.primary).find((code): code is LocaleCode => isLocaleCode(code)) ??
    null
  )
}

function languageCookie(lang: LocaleCode, https: boolean): string {
  return `${LANGUAGE_COOKIE}=${lang}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax${https ? '; Secure' : ''}`
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Pages

/** The codings a client accepts, best first (brotli, then gzip). */
function acceptedCodings(acceptEncoding: string): Coding[] {
  const accepted = acceptEncoding
    .toLowerCase()
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => name!.trim())
  return (['br', 'gzip'] as const).filter((coding) => accepted.includes(coding))
}

/** Sends a page of the live version, rendering it first if this version has not yet. */
async function sendPage(
  site: Site,
  req: IncomingMessage,
  res: ServerResponse,
  pagePath: string,
  status: number,
  extra: OutgoingHttpHeaders,
  query = '',
) {
  const live = site.live.version!
  const key = `${live.pointer.version}\n${pagePath}${query ? `?${query}` : ''}`
  const page = await site.pages.get(key, () =>
    renderPage(site.app, site.url, live.content, pagePath, status, { answersQueries: true, query }),
  )
  if (page.location) {
    res.writeHead(page.status, {
      ...siteSecurityHeaders(site.https),
      location: page.location,
      'cache-control': 'public, max-age=0, must-revalidate',
      'x-content-version': live.pointer.version,
    })
    res.end()
    return
  }
  const coding = acceptedCodings(String(req.headers['accept-encoding'] ?? ''))[0]
  const coded = coding ? codedBody(site.pages, key, page, coding) : null
  // Each coding is its own representation with its own strong validator (RFC 9110 8.8.3).
  const etag = coded ? `${page.etag.slice(0, -1)}-${coding}"` : page.etag
  const headers: OutgoingHttpHeaders = {
    ...siteSecurityHeaders(site.https),
    'content-type': page.type,
    'cache-control': page.status === 200 ? 'public, max-age=0, must-revalidate' : 'no-cache',
    etag,
    vary: 'Accept-Encoding',
    // Which published version answered: for operators, and for checks across instances.
    'x-content-version': live.pointer.version,
    ...extra,
  }
  if (page.status === 200 && ifNoneMatchMatches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  const body = coded ? await coded : page.body
  if (coded) headers['content-encoding'] = coding
  headers['content-length'] = body.length
  res.writeHead(page.status, headers)
  res.end(req.method === 'HEAD' ? undefined : body)
}

/** Files: the build's assets and public/, the published uploads, the search index. */
function fileFor(site: Site, pathname: string): { file: string; upload: boolean } | null {
  if (pathname.startsWith('/media/')) {
    const name = decodeURIComponentSafe(pathname.slice('/media/'.length))
    const live = site.live.version
    if (!name || name.includes('/') || !live?.media.has(name)) return null
    const file = resolveSiteFile(site.mediaDir, `/${name}`)
    return file ? { file, upload: true } : null
  }
  if (pathname.startsWith('/pagefind/')) {
    const dir = site.searchDir()
    const file = dir ? resolveSiteFile(dir, pathname) : null
    return file ? { file, upload: false } : null
  }
  if (pathname.endsWith('/')) return null
  const file = resolveSiteFile(site.clientDir, pathname)
  return file ? { file, upload: false } : null
}

function decodeURIComponentSafe(value: string): string | null {
  try {
    return decodeURIComponent(value)
  } catch {
    return null
  }
}

function unavailable(res: ServerResponse) {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30' })
  res.end('The site is being prepared. Try again in a minute.\n')
}

export function serveSite(site: Site, req: IncomingMessage, res: ServerResponse): void {
  const method = req.method ?? 'GET'
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' })
    res.end()
    return
  }
  const urlPath = req.url ?? '/'
  const pathname = urlPath.split('?')[0]!
  const query = urlPath.slice(pathname.length)
  if (pathname === '/' || pathname === '/index.html') {
    const lang = negotiateLanguage(req.headers['accept-language'], req.headers.cookie)
    if (lang) {
      res.writeHead(302, {
        ...siteSecurityHeaders(site.https),
        location: `/${lang}/`,
        vary: 'Accept-Language, Cookie',
        'cache-control': 'private, no-cache',
      })
      res.end()
      return
    }
  }
  const found = fileFor(site, pathname)
  if (found) {
    // A file stored before uploads were named from their content may be called `x.html`: it is
    // sent as a download of unknown type, never as a page on the portal's origin.
    const extra = found.upload ? uploadedFileHeaders(typeOfStoredName(found.file)) : {}
    send(req, res, found.file, site, 200, extra)
    return
  }
  const live = site.live.version
  if (!live) return unavailable(res)
  // "//host" would be read as another site in a redirect; such paths are never ours.
  const target =
    pathname.startsWith('//') || pathname.includes('\\')
      ? pageTarget(live.content, '/404/')
      : pageTarget(live.content, pathname === '/index.html' ? '/' : pathname)
  if (target.kind === 'redirect') {
    res.writeHead(301, {
      ...siteSecurityHeaders(site.https),
      location: `${target.location}${query}`,
    })
    res.end()
    return
  }
  const extra: OutgoingHttpHeaders = {}
  if (pathname === '/') extra.vary = 'Accept-Encoding, Accept-Language, Cookie'
  // A page in a language is the reader's choice: remembered for the next visit of `/`.
  const lang = localeCodes.find((code) => pathname.startsWith(`/${code}/`))
  if (
    target.kind === 'page' &&
    lang &&
    pathname.endsWith('/') &&
    cookieValue(req.headers.cookie, LANGUAGE_COOKIE) !== lang
  ) {
    extra['set-cookie'] = languageCookie(lang, site.https)
  }
  const status = target.kind === 'page' ? 200 : 404
  // Only a page that filters by its query is rendered per query (bounded, see FEED_QUERY_MAX_LENGTH).
  const pageQuery =
    target.kind === 'page' && answersQuery(target.path)
      ? query.slice(1, FEED_QUERY_MAX_LENGTH + 2)
      : ''
  sendPage(site, req, res, target.path, status, extra, pageQuery).catch((error: unknown) => {
    console.error(`[site] ${pathname}: ${error instanceof Error ? error.stack : String(error)}`)
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('This page could not be shown. The error was recorded.\n')
    } else res.end()
  })
}
