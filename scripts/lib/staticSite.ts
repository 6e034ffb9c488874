// Serves the built public site: files from the site folder, directory indexes, and the 404 page
// of the language in the path. (Caching headers, compression and releases come with the
// publishing pipeline.)
import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { localeCodes } from '../../locales/config'

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

/** The file for a URL path inside `root`, or null; never a path outside `root`. */
export function resolveSiteFile(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const candidate = path.resolve(root, `.${path.posix.normalize(decoded)}`)
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  const index = path.join(candidate, 'index.html')
  if (existsSync(index)) return index
  return null
}

function send(res: ServerResponse, file: string, status = 200, method = 'GET') {
  const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
  res.writeHead(status, {
    'content-type': type,
    'content-length': statSync(file).size,
    'x-content-type-options': 'nosniff',
  })
  if (method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}

export function serveSite(root: string, req: IncomingMessage, res: ServerResponse): void {
  const method = req.method ?? 'GET'
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' })
    res.end()
    return
  }
  const urlPath = req.url ?? '/'
  const pathname = urlPath.split('?')[0]!
  // "//host" would be read as another site in a redirect; such paths are never ours.
  if (pathname.startsWith('//') || pathname.includes('\\')) {
    notFound(root, res, method, null)
    return
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
  if (file) {
    send(res, file, 200, method)
    return
  }
  notFound(root, res, method, localeCodes.find((code) => pathname.startsWith(`/${code}/`)) ?? null)
}

/** The 404 page in the language of the path, or the one listing all languages. */
function notFound(root: string, res: ServerResponse, method: string, lang: string | null) {
  const page = resolveSiteFile(root, lang ? `/${lang}/404/` : '/404.html')
  if (page) send(res, page, 404, method)
  else {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('Not found')
  }
}
