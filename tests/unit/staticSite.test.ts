// The static file server: never leaves the site folder or redirects to another host; ETags and
// caching rules; precompressed variants and pages compressed on request; security headers; the
// language negotiation at `/`.
import { mkdirSync, mkdtempSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  CompressedPages,
  negotiateLanguage,
  resolveSiteFile,
  serveSite,
} from '../../scripts/lib/staticSite'

const releases = mkdtempSync(path.join(tmpdir(), 'zesummen-releases-'))
const root = path.join(releases, 'r1')
const live = path.join(releases, 'current')
mkdirSync(path.join(root, '_astro'), { recursive: true })
symlinkSync('r1', live)
writeFileSync(path.join(root, 'index.html'), '<h1>Choose a language</h1>')
writeFileSync(path.join(root, '_astro', 'site.abc123.css'), 'body{}')
writeFileSync(path.join(root, 'big.html'), 'x'.repeat(2000))
writeFileSync(path.join(root, 'big.html.br'), 'brotli bytes')
writeFileSync(path.join(root, 'big.html.gz'), 'gzip bytes!')
mkdirSync(path.join(root, 'en', '404'), { recursive: true })
writeFileSync(path.join(root, 'en', 'index.html'), '<h1>Home</h1>')
writeFileSync(path.join(root, 'en', '404', 'index.html'), '<h1>Not found</h1>')
writeFileSync(path.join(root, '404.html'), '<h1>404</h1>')
// A page as the build leaves it: no compressed copies (the server makes them).
const pageText = (word: string) =>
  `<!doctype html><main>${Array.from({ length: 400 }, (_, i) => `<p>${word} ${i}</p>`).join('')}</main>`
mkdirSync(path.join(root, 'en', 'events', 'walk'), { recursive: true })
writeFileSync(path.join(root, 'en', 'events', 'walk', 'index.html'), pageText('walk'))
writeFileSync(path.join(tmpdir(), 'zesummen-secret.txt'), 'secret')
// Uploads as a release holds them, among them one stored under a wrong name before uploads were
// named from their content.
mkdirSync(path.join(root, 'media'), { recursive: true })
const html = '<!doctype html><script>alert(document.cookie)</script>'
for (const name of ['photo.png', 'photo.jpeg', 'leaflet.pdf', 'x.html', 'x.svg'])
  writeFileSync(path.join(root, 'media', name), html.repeat(100))

function request(url: string, headers: Record<string, string> = {}, https = false) {
  const result: { status?: number; headers?: Record<string, unknown> } = {}
  const res = {
    writeHead(status: number, headers: Record<string, unknown> = {}) {
      result.status = status
      result.headers = headers
      return this
    },
    end() {},
    on() {},
    once() {},
    emit() {},
    write() {
      return true
    },
  } as unknown as ServerResponse
  serveSite(live, { method: 'HEAD', url, headers } as unknown as IncomingMessage, res, { https })
  return result
}

/** A request answered in full (the server may answer later: pages compressed on request). */
function fetchSite(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body?: Buffer }>(
    (resolve) => {
      let status = 0
      let sent: Record<string, unknown> = {}
      const res = {
        writeHead(code: number, head: Record<string, unknown> = {}) {
          status = code
          sent = head
          return this
        },
        end(body?: Buffer) {
          resolve({ status, headers: sent, body })
        },
      } as unknown as ServerResponse
      serveSite(live, { method, url, headers } as unknown as IncomingMessage, res, {
        https: false,
      })
    },
  )
}

describe('static site files', () => {
  it('finds files and directory indexes', () => {
    expect(resolveSiteFile(root, '/en/')).toBe(path.join(root, 'en', 'index.html'))
    expect(resolveSiteFile(root, '/en/missing/')).toBeNull()
  })

  it('refuses paths outside the site folder, however encoded', () => {
    expect(resolveSiteFile(root, '/../zesummen-secret.txt')).toBeNull()
    expect(resolveSiteFile(root, '/%2e%2e/zesummen-secret.txt')).toBeNull()
    expect(resolveSiteFile(root, '/en/%00')).toBeNull()
  })

  it('never serves the build’s dot files, but serves /.well-known/', () => {
    mkdirSync(path.join(root, '.pagefind-next'), { recursive: true })
    mkdirSync(path.join(root, '.well-known'), { recursive: true })
    writeFileSync(path.join(root, '.snapshot.json'), '{}')
    writeFileSync(path.join(root, '.pagefind-next', 'entry.json'), '{}')
    writeFileSync(path.join(root, '.well-known', 'security.txt'), 'Contact: x')
    expect(resolveSiteFile(root, '/.snapshot.json')).toBeNull()
    expect(resolveSiteFile(root, '/%2esnapshot.json')).toBeNull()
    expect(resolveSiteFile(root, '/.pagefind-next/entry.json')).toBeNull()
    expect(resolveSiteFile(root, '/.well-known/security.txt')).toBe(
      path.join(root, '.well-known', 'security.txt'),
    )
  })

  it('redirects a directory to its trailing-slash address on this host only', () => {
    expect(request('/en')).toMatchObject({ status: 301, headers: { location: '/en/' } })
    expect(request('//en')).toMatchObject({ status: 404 })
  })

  it('answers unknown paths with the 404 page of their language', () => {
    expect(request('/en/nothing-here/')).toMatchObject({ status: 404 })
    expect(request('/nothing/')).toMatchObject({ status: 404 })
  })
})

describe('caching and compression', () => {
  it('sends a content ETag and answers 304 to it', () => {
    const first = request('/en/')
    const etag = first.headers!.etag as string
    expect(etag).toMatch(/^"[\w-]{27}"$/)
    expect(first.headers!['cache-control']).toBe('public, max-age=0, must-revalidate')
    expect(request('/en/', { 'if-none-match': etag })).toMatchObject({ status: 304 })
    expect(request('/en/', { 'if-none-match': '"other"' })).toMatchObject({ status: 200 })
  })

  it('marks hashed assets immutable', () => {
    expect(request('/_astro/site.abc123.css').headers!['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    )
  })

  it('sends the precompressed variant the client accepts', () => {
    const br = request('/big.html', { 'accept-encoding': 'gzip, deflate, br' })
    // Each coding has its own validator; a 304 needs the tag of the coding asked for.
    const plainTag = request('/big.html').headers!.etag as string
    expect(br.headers!.etag).toBe(`${plainTag.slice(0, -1)}-br"`)
    expect(
      request('/big.html', {
        'accept-encoding': 'br',
        'if-none-match': br.headers!.etag as string,
      }),
    ).toMatchObject({ status: 304 })
    expect(
      request('/big.html', { 'accept-encoding': 'br', 'if-none-match': plainTag }),
    ).toMatchObject({ status: 200 })
    expect(br.headers).toMatchObject({
      'content-encoding': 'br',
      'content-length': 12,
      vary: 'Accept-Encoding',
    })
    const gz = request('/big.html', { 'accept-encoding': 'gzip, br;q=0' })
    expect(gz.headers).toMatchObject({ 'content-encoding': 'gzip', 'content-length': 11 })
    const plain = request('/big.html')
    expect(plain.headers!['content-encoding']).toBeUndefined()
    expect(plain.headers!['content-length']).toBe(2000)
  })

  it('compresses a page the build did not compress when first asked, once per coding', async () => {
    const file = path.join(root, 'en', 'events', 'walk', 'index.html')
    const plainTag = request('/en/events/walk/').headers!.etag as string
    const br = await fetchSite('/en/events/walk/', { 'accept-encoding': 'gzip, br' })
    expect(br.status).toBe(200)
    expect(br.headers).toMatchObject({
      'content-encoding': 'br',
      'content-length': br.body!.length,
      etag: `${plainTag.slice(0, -1)}-br"`,
      vary: 'Accept-Encoding',
    })
    expect(brotliDecompressSync(br.body!).toString()).toBe(pageText('walk'))
    expect(br.body!.length).toBeLessThan(statSync(file).size / 4)
    // The second request gets the same bytes from memory.
    const again = await fetchSite('/en/events/walk/', { 'accept-encoding': 'br' })
    expect(again.body).toBe(br.body)
    const gz = await fetchSite('/en/events/walk/', { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body!).toString()).toBe(pageText('walk'))
    const head = await fetchSite('/en/events/walk/', { 'accept-encoding': 'br' }, 'HEAD')
    expect(head).toMatchObject({ status: 200, body: undefined })
    expect(head.headers['content-length']).toBe(br.body!.length)
    // Revalidation answers 304 without compressing anything.
    expect(
      await fetchSite('/en/events/walk/', {
        'accept-encoding': 'br',
        'if-none-match': `${plainTag.slice(0, -1)}-br"`,
      }),
    ).toMatchObject({ status: 304 })
  })

  it('compresses a changed page again, and sends small pages as they are', async () => {
    const file = path.join(root, 'en', 'events', 'walk', 'index.html')
    writeFileSync(file, pageText('changed'))
    utimesSync(file, new Date(), new Date(Date.now() + 5000))
    const br = await fetchSite('/en/events/walk/', { 'accept-encoding': 'br' })
    expect(brotliDecompressSync(br.body!).toString()).toBe(pageText('changed'))
    const small = await fetchSite('/en/', { 'accept-encoding': 'br, gzip' }, 'HEAD')
    expect(small.headers['content-encoding']).toBeUndefined()
  })

  it('keeps compressed pages within its memory budget, the least recently used dropped first', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zesummen-cache-'))
    const files = ['a', 'b', 'c'].map((name) => {
      const file = path.join(dir, `${name}.html`)
      writeFileSync(file, pageText(name))
      return file
    })
    const first = await new CompressedPages(1).get(files[0]!, statSync(files[0]!), 'br')
    const pages = new CompressedPages(first.length * 2 + 10)
    const a = await pages.get(files[0]!, statSync(files[0]!), 'br')
    await pages.get(files[1]!, statSync(files[1]!), 'br')
    // a is used again: b is now the least recently used, and goes when c comes.
    expect(await pages.get(files[0]!, statSync(files[0]!), 'br')).toBe(a)
    await pages.get(files[2]!, statSync(files[2]!), 'br')
    expect(pages.size.entries).toBe(2)
    expect(pages.size.bytes).toBeLessThanOrEqual(first.length * 2 + 10)
    expect(await pages.get(files[0]!, statSync(files[0]!), 'br')).toBe(a)
    expect(pages.size.entries).toBe(2)
  })

  it('sends a strict CSP without inline scripts, and HSTS only over https', () => {
    const headers = request('/en/').headers!
    expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval';")
    expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['strict-transport-security']).toBeUndefined()
    expect(request('/en/', {}, true).headers!['strict-transport-security']).toMatch(/^max-age=/)
  })
})

describe('uploaded files under /media/', () => {
  const sandboxed = (headers: Record<string, unknown>) => {
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['content-security-policy']).toBe("default-src 'none'; sandbox")
  }

  it('are images of their stored type, shown but sandboxed', () => {
    const png = request('/media/photo.png').headers!
    expect(png['content-type']).toBe('image/png')
    expect(png['content-disposition']).toBeUndefined()
    sandboxed(png)
    expect(request('/media/photo.jpeg').headers!['content-type']).toBe('image/jpeg')
  })

  it('send PDFs as downloads', () => {
    const pdf = request('/media/leaflet.pdf').headers!
    expect(pdf['content-type']).toBe('application/pdf')
    expect(pdf['content-disposition']).toBe('attachment')
    sandboxed(pdf)
  })

  it('never send anything else as a page, however the path is spelled', async () => {
    for (const url of ['/media/x.html', '/%6Dedia/x.html', '/media//x.html', '/media/x.svg']) {
      const answer = await fetchSite(url, { 'accept-encoding': 'br, gzip' }, 'HEAD')
      expect(answer.status, url).toBe(200)
      expect(answer.headers['content-type'], url).toBe('application/octet-stream')
      expect(answer.headers['content-disposition'], url).toBe('attachment')
      sandboxed(answer.headers)
    }
  })
})

describe('language at the root', () => {
  it('follows Accept-Language by q-value and primary subtag, else shows the chooser', () => {
    expect(negotiateLanguage('pt-BR,pt;q=0.9,en;q=0.8', undefined)).toBe('pt')
    expect(negotiateLanguage('es;q=1, de;q=0.5, fr;q=0.7', undefined)).toBe('fr')
    expect(negotiateLanguage('lb-LU', undefined)).toBe('lb')
    expect(negotiateLanguage('fr;q=0', undefined)).toBeNull()
    expect(negotiateLanguage('ja, es', undefined)).toBeNull()
    expect(negotiateLanguage(undefined, undefined)).toBeNull()
  })

  it('prefers the remembered choice and redirects / to the language', () => {
    expect(negotiateLanguage('de', 'a=b; zesummen_lang=pt')).toBe('pt')
    expect(negotiateLanguage('de', 'zesummen_lang=xx')).toBe('de')
    expect(request('/', { 'accept-language': 'de-LU,de' })).toMatchObject({
      status: 302,
      headers: { location: '/de/', vary: 'Accept-Language, Cookie' },
    })
    expect(request('/', { 'accept-language': 'ja' })).toMatchObject({ status: 200 })
  })

  it('remembers the language of a page the reader opens', () => {
    expect(request('/en/').headers!['set-cookie']).toBe(
      'zesummen_lang=en; Path=/; Max-Age=31536000; SameSite=Lax',
    )
    expect(request('/en/', { cookie: 'zesummen_lang=en' }).headers!['set-cookie']).toBeUndefined()
    expect(request('/en/', {}, true).headers!['set-cookie']).toMatch(/; Secure$/)
  })

  it('answers 503 while no release is live yet', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'zesummen-none-'))
    const result: { status?: number } = {}
    const res = {
      writeHead(status: number) {
        result.status = status
        return this
      },
      end() {},
    } as unknown as ServerResponse
    serveSite(
      path.join(empty, 'current'),
      { method: 'GET', url: '/', headers: {} } as unknown as IncomingMessage,
      res,
      { https: false },
    )
    expect(result.status).toBe(503)
  })
})
