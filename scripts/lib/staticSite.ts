// Serves the live release of the public site: files with ETags and caching rules (hashed assets
// immutable, everything else revalidated), brotli/gzip (the build's precompressed copies, or pages
// compressed when first asked for and kept in memory), security headers, localized 404 pages,
// and the language negotiation at `/`. Uploads (`media/`) are served as the type they were
// stored as, never as a page of the site.
import { createHash } from 'node:crypto'
import {
  createReadStream,
  existsSync,
  readFileSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import path from 'node:path'
import { ifNoneMatchMatches } from '../../cms/http/conditional'
import { typeOfStoredName, uploadedFileHeaders } from '../../cms/security/fileType'
import { isLocaleCode, localeCodes, type LocaleCode } from '../../locales/config'
import { type Coding, COMPRESSIBLE, compressBytes, MIN_BYTES } from './compress'
import { siteSecurityHeaders } from './securityHeaders'

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
}

/** The cookie that remembers the language a reader last chose (a preference, nothing else). */
export const LANGUAGE_COOKIE = 'zesummen_lang'
const YEAR_SECONDS = 365 * 24 * 60 * 60

export interface SiteOptions {
  /** PUBLIC_URL is https: cookies get Secure and responses HSTS. */
  https: boolean
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
  // Dot files are the build's own (a release's snapshot, a search index being made); only
  // /.well-known/ is the public's.
  if (decoded.split('/').some((part) => part.startsWith('.') && part !== '.well-known')) return null
  const candidate = path.resolve(root, `.${path.posix.normalize(decoded)}`)
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  const index = path.join(candidate, 'index.html')
  if (existsSync(index)) return index
  return null
}

/** The release's folder of uploaded files (see copyMedia in scripts/build-site.ts). */
const UPLOADS_DIR = 'media'

/** Whether `file` (found by resolveSiteFile) is an upload, whatever spelling found it. */
function isUpload(root: string, file: string): boolean {
  return path.relative(root, file).split(path.sep)[0] === UPLOADS_DIR
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
 * The best coding the client accepts, brotli then gzip, and whether the build stored that copy
 * (`stored`); else the server compresses the file itself (pages, see scripts/lib/compress.ts).
 * Files under 2 KiB, or too large to compress while a reader waits, go as they are.
 */
function encodingFor(
  file: string,
  acceptEncoding: string,
  size: number,
): { suffix: string; name: Coding; stored: boolean } | null {
  if (!COMPRESSIBLE.has(path.extname(file))) return null
  const accepted = acceptEncoding
    .toLowerCase()
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => name!.trim())
  for (const [name, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    if (!accepted.includes(name)) continue
    if (existsSync(file + suffix)) return { suffix, name, stored: true }
    if (size >= MIN_BYTES && size <= ON_REQUEST_MAX_BYTES) return { suffix, name, stored: false }
  }
  return null
}

/** Larger files the build did not compress are sent as they are. */
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
  const etag = encoding ? `${base.slice(0, -1)}-${encoding.name}"` : base
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
  if (encoding) headers['content-encoding'] = encoding.name
  if (encoding && !encoding.stored) {
    compressedPages.get(file, stats, encoding.name).then(
      (body) => {
        headers['content-length'] = body.length
        res.writeHead(status, headers)
        res.end(method === 'HEAD' ? undefined : body)
      },
      () => {
        // The file went away after it was found: its release was replaced and removed.
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' })
        res.end('The site changed while this page was read. Try again.\n')
      },
    )
    return
  }
  const body = encoding ? file + encoding.suffix : file
  headers['content-length'] = statSync(body).size
  res.writeHead(status, headers)
  if (method === 'HEAD') res.end()
  else createReadStream(body).pipe(res)
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

export function serveSite(
  liveRoot: string,
  req: IncomingMessage,
  res: ServerResponse,
  options: SiteOptions,
): void {
  const method = req.method ?? 'GET'
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' })
    res.end()
    return
  }
  let root: string
  try {
    // One release for the whole request, even if a new one goes live meanwhile.
    root = realpathSync(liveRoot)
  } catch {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30' })
    res.end('The site is being built. Try again in a minute.\n')
    return
  }
  const urlPath = req.url ?? '/'
  const pathname = urlPath.split('?')[0]!
  // "//host" would be read as another site in a redirect; such paths are never ours.
  if (pathname.startsWith('//') || pathname.includes('\\')) {
    notFound(root, req, res, options, null)
    return
  }
  if (pathname === '/' || pathname === '/index.html') {
    const lang = negotiateLanguage(req.headers['accept-language'], req.headers.cookie)
    if (lang) {
      res.writeHead(302, {
        ...siteSecurityHeaders(options.https),
        location: `/${lang}/`,
        vary: 'Accept-Language, Cookie',
        'cache-control': 'private, no-cache',
      })
      res.end()
      return
    }
  }
  // Directories are served with a trailing slash, so relative links and canonical URLs agree.
  if (!pathname.endsWith('/') && !path.extname(pathname)) {
    const directory = resolveSiteFile(root, `${pathname}/`)
    if (directory) {
      res.writeHead(301, { location: `${pathname}/${urlPath.slice(pathname.length)}` })
      res.end()
      return
    }
  }
  const file = resolveSiteFile(root, urlPath)
  if (file && isUpload(root, file)) {
    // A file stored before uploads were named from their content may be called `x.html`: it is
    // sent as a download of unknown type, never as a page on the portal's origin.
    send(req, res, file, options, 200, uploadedFileHeaders(typeOfStoredName(file)))
    return
  }
  if (file) {
    const extra: OutgoingHttpHeaders = {}
    if (pathname === '/') extra.vary = 'Accept-Encoding, Accept-Language, Cookie'
    // A page in a language is the reader's choice: remembered for the next visit of `/`.
    const lang = localeCodes.find((code) => pathname.startsWith(`/${code}/`))
    if (
      lang &&
      file.endsWith('.html') &&
      cookieValue(req.headers.cookie, LANGUAGE_COOKIE) !== lang
    ) {
      extra['set-cookie'] = languageCookie(lang, options.https)
    }
    send(req, res, file, options, 200, extra)
    return
  }
  notFound(
    root,
    req,
    res,
    options,
    localeCodes.find((code) => pathname.startsWith(`/${code}/`)) ?? null,
  )
}

/** The 404 page in the language of the path, or the one listing all languages. */
function notFound(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  options: SiteOptions,
  lang: string | null,
) {
  const page = resolveSiteFile(root, lang ? `/${lang}/404/` : '/404.html')
  if (page) send(req, res, page, options, 404)
  else {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('Not found')
  }
}
