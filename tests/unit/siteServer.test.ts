// The site half of the server: pages rendered once per snapshot version and sent from memory with
// ETags, 304s and brotli or gzip; files of the build never outside their folder; uploads only when
// published, never as a page; the search index of the live version; security headers; localized
// 404 pages; the language negotiation at `/`; and the switch to a new version. The Astro app is a
// stand-in that counts its renders (the end-to-end tests run the real one).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { emptySnapshot, type SiteSnapshot } from '../../cms/domain/snapshot'
import { SnapshotStore } from '../../cms/domain/snapshotStore'
import { LiveContent, PageCache, type SiteApp } from '../../scripts/lib/livePages'
import {
  negotiateLanguage,
  resolveSiteFile,
  type Site,
  serveSite,
} from '../../scripts/lib/siteServer'

const root = mkdtempSync(path.join(tmpdir(), 'zesummen-site-'))
const clientDir = path.join(root, 'client')
const mediaDir = path.join(root, 'media')
const searchDir = path.join(root, 'search')
mkdirSync(path.join(clientDir, '_astro'), { recursive: true })
mkdirSync(mediaDir, { recursive: true })
mkdirSync(path.join(searchDir, 'pagefind'), { recursive: true })
writeFileSync(path.join(clientDir, '_astro', 'site.abc123.css'), 'body{}')
writeFileSync(path.join(clientDir, 'big.js'), `/* ${'x'.repeat(3000)} */`)
writeFileSync(path.join(searchDir, 'pagefind', 'pagefind-entry.json'), '{"version":"1"}')
writeFileSync(path.join(root, 'secret.txt'), 'secret')
// Uploads as MEDIA_DIR holds them, among them one stored under a wrong name before uploads were
// named from their content, and one no published document uses.
const hostile = '<!doctype html><script>alert(document.cookie)</script>'
const uploads = ['photo.png', 'photo.jpeg', 'leaflet.pdf', 'x.html', 'x.svg']
for (const name of [...uploads, 'draft.png']) writeFileSync(path.join(mediaDir, name), hostile)

/** A page long enough to be compressed. */
const pageText = (word: string) =>
  `<!doctype html><main>${Array.from({ length: 400 }, (_, i) => `<p>${word} ${i}</p>`).join('')}</main>`

const renders: string[] = []
/** Renders every page as its path and the snapshot's time, the events list long. */
const app: SiteApp = {
  match: () => ({}),
  render: async (request, { locals }) => {
    const { pathname, search } = new URL(request.url)
    renders.push(`${pathname}${search}`)
    // The event finder's answers: a redirect for one query, the query in the page for others.
    if (search === '?commune=remich')
      return new Response(null, {
        status: 302,
        headers: { location: '/en/events/commune/remich/' },
      })
    const { content, answersQueries } = locals as {
      content: { snapshot: SiteSnapshot }
      answersQueries: boolean
    }
    const stamp = `${content.snapshot.generatedAt}${search}${answersQueries ? '' : ' (file)'}`
    const body = pathname.endsWith('/events/') ? pageText(stamp) : `<h1>${pathname} ${stamp}</h1>`
    return new Response(body, { headers: { 'content-type': 'text/html' } })
  },
}

const snapshot = (generatedAt: string): SiteSnapshot => ({
  ...emptySnapshot(),
  generatedAt,
  collections: {
    ...emptySnapshot().collections,
    media: uploads.map((filename, id) => ({ id, filename })),
  },
})

const store = new SnapshotStore(path.join(root, 'snapshots'))
const live = new LiveContent(store, 10_000)
const site = (https = false): Site => ({
  app,
  url: new URL('https://zesummen.example.lu'),
  https,
  live,
  pages,
  clientDir,
  mediaDir,
  searchDir: () => searchDir,
})
const pages = new PageCache(8 * 2 ** 20)

beforeAll(async () => {
  store.activate(store.write(snapshot('2027-01-01T10:00:00.000Z')))
  await live.start()
})

/** A request answered in full (pages are rendered and compressed before the answer). */
function fetchSite(
  url: string,
  headers: Record<string, string> = {},
  { method = 'GET', https = false } = {},
) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body?: Buffer }>(
    (resolve) => {
      let status = 0
      let sent: Record<string, unknown> = {}
      const res = {
        headersSent: false,
        writeHead(code: number, head: Record<string, unknown> = {}) {
          status = code
          sent = head
          return this
        },
        end(body?: Buffer) {
          resolve({ status, headers: sent, body })
        },
        on() {},
        once() {},
        emit() {},
        write() {
          return true
        },
      } as unknown as ServerResponse
      serveSite(site(https), { method, url, headers } as unknown as IncomingMessage, res)
    },
  )
}
const head = (url: string, headers: Record<string, string> = {}) =>
  fetchSite(url, headers, { method: 'HEAD' })

describe('files', () => {
  it('finds files and refuses paths outside their folder, however encoded', () => {
    expect(resolveSiteFile(clientDir, '/big.js')).toBe(path.join(clientDir, 'big.js'))
    expect(resolveSiteFile(clientDir, '/../secret.txt')).toBeNull()
    expect(resolveSiteFile(clientDir, '/%2e%2e/secret.txt')).toBeNull()
    expect(resolveSiteFile(clientDir, '/en/%00')).toBeNull()
  })

  it('never serves dot files, but serves /.well-known/', () => {
    mkdirSync(path.join(clientDir, '.well-known'), { recursive: true })
    writeFileSync(path.join(clientDir, '.hidden.json'), '{}')
    writeFileSync(path.join(clientDir, '.well-known', 'security.txt'), 'Contact: x')
    expect(resolveSiteFile(clientDir, '/.hidden.json')).toBeNull()
    expect(resolveSiteFile(clientDir, '/%2ehidden.json')).toBeNull()
    expect(resolveSiteFile(clientDir, '/.well-known/security.txt')).not.toBeNull()
  })

  it('marks hashed assets immutable and revalidates the rest', async () => {
    expect((await head('/_astro/site.abc123.css')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    )
    const big = await fetchSite('/big.js', { 'accept-encoding': 'gzip' })
    expect(big.headers).toMatchObject({
      'cache-control': 'public, max-age=0, must-revalidate',
      'content-encoding': 'gzip',
    })
  })

  it('serves the search index of the live version', async () => {
    const entry = await fetchSite('/pagefind/pagefind-entry.json')
    expect(entry.status).toBe(200)
  })
})

describe('pages', () => {
  it('are rendered once per version and sent with a content ETag, 304 to it', async () => {
    const before = renders.length
    const first = await fetchSite('/en/')
    expect(first.status).toBe(200)
    expect(first.body!.toString()).toBe('<h1>/en/ 2027-01-01T10:00:00.000Z</h1>')
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^"[\w-]{27}"$/)
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
    expect((await fetchSite('/en/', { 'if-none-match': etag })).status).toBe(304)
    expect((await fetchSite('/en/', { 'if-none-match': '"other"' })).status).toBe(200)
    expect(renders.length - before).toBe(1)
  })

  it('are compressed when first asked for, once per coding, each with its own ETag', async () => {
    const plainTag = (await head('/en/events/')).headers.etag as string
    const br = await fetchSite('/en/events/', { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers).toMatchObject({
      'content-encoding': 'br',
      'content-length': br.body!.length,
      etag: `${plainTag.slice(0, -1)}-br"`,
      vary: 'Accept-Encoding',
    })
    expect(brotliDecompressSync(br.body!).toString()).toBe(pageText('2027-01-01T10:00:00.000Z'))
    expect(br.body!.length).toBeLessThan(pageText('x').length / 4)
    expect((await fetchSite('/en/events/', { 'accept-encoding': 'br' })).body).toBe(br.body)
    const gz = await fetchSite('/en/events/', { 'accept-encoding': 'gzip, br;q=0' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body!).toString()).toBe(pageText('2027-01-01T10:00:00.000Z'))
    const headOnly = await head('/en/events/', { 'accept-encoding': 'br' })
    expect(headOnly).toMatchObject({ status: 200, body: undefined })
    expect(headOnly.headers['content-length']).toBe(br.body!.length)
    expect(
      (
        await fetchSite('/en/events/', {
          'accept-encoding': 'br',
          'if-none-match': `${plainTag.slice(0, -1)}-br"`,
        })
      ).status,
    ).toBe(304)
    // Small pages go as they are.
    expect((await head('/en/', { 'accept-encoding': 'br' })).headers['content-encoding']).toBe(
      undefined,
    )
  })

  it('are rendered per query only where the page filters by it, redirects included', async () => {
    const before = renders.length
    const week = await fetchSite('/en/events/?when=week')
    expect(week.status).toBe(200)
    expect(week.body!.toString()).toContain('2027-01-01T10:00:00.000Z?when=week 0')
    await fetchSite('/en/events/?when=week')
    // Another page is the same whatever the query: one render, without it.
    await fetchSite('/en/subscribe/?when=week')
    await fetchSite('/en/subscribe/?when=month')
    expect(renders.slice(before)).toEqual(['/en/events/?when=week', '/en/subscribe/'])
    expect(await fetchSite('/en/events/?commune=remich')).toMatchObject({
      status: 302,
      headers: { location: '/en/events/commune/remich/' },
    })
    // A query far too long reaches the page cut, still too long for it to accept.
    await fetchSite(`/en/events/?when=${'x'.repeat(5000)}`)
    expect(renders.at(-1)!.length).toBeLessThan(1100)
  })

  it('redirect to their trailing-slash address on this host only', async () => {
    expect(await head('/en')).toMatchObject({ status: 301, headers: { location: '/en/' } })
    expect(await head('/en/events?x=1')).toMatchObject({
      status: 301,
      headers: { location: '/en/events/?x=1' },
    })
    expect((await head('//en')).status).toBe(404)
  })

  it('answer an unknown address with the "not found" page of its language, rendered once', async () => {
    const missing = await fetchSite('/en/communes/no-such-commune/')
    expect(missing.status).toBe(404)
    expect(missing.body!.toString()).toContain('/en/404/')
    // An event's old address says the event is gone.
    const removed = await fetchSite('/en/events/no-such-event/')
    expect(removed.status).toBe(404)
    expect(removed.body!.toString()).toContain('/en/events/removed/')
    expect((await fetchSite('/en/events/removed/')).status).toBe(404)
    expect(missing.headers['cache-control']).toBe('no-cache')
    expect((await fetchSite('/en/anything-else/')).status).toBe(404)
    expect((await fetchSite('/xx/')).body!.toString()).toContain('<h1>/404/ ')
    expect((await fetchSite('/yy/')).status).toBe(404)
    expect(renders.filter((rendered) => rendered === '/en/404/')).toHaveLength(1)
    expect(renders.filter((rendered) => rendered === '/404/')).toHaveLength(1)
  })

  it('send a strict CSP without inline scripts, and HSTS only over https', async () => {
    const headers = (await head('/en/')).headers
    expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval';")
    expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['strict-transport-security']).toBeUndefined()
    const secure = await fetchSite('/en/', {}, { method: 'HEAD', https: true })
    expect(secure.headers['strict-transport-security']).toMatch(/^max-age=/)
  })

  it('switch to a new version when it goes live, and never back to an older one', async () => {
    const version = store.write(snapshot('2027-01-02T10:00:00.000Z'))
    store.activate(version)
    await live.check()
    expect((await fetchSite('/en/')).body!.toString()).toContain('2027-01-02T10:00:00.000Z')
    // A pointer with an older generation (a copy of the store restored behind the server's back)
    // is not followed.
    const generation = live.version!.pointer.generation
    writeFileSync(
      path.join(store.dir, 'live.json'),
      JSON.stringify({ ...store.live(), generation: generation - 1 }),
    )
    await live.check()
    expect(live.version!.pointer.generation).toBe(generation)
  })
})

/** A rendered page for the cache test. */
async function one() {
  return {
    status: 200,
    type: 'text/html',
    body: Buffer.from('ok'),
    etag: '"x"',
    codings: new Map(),
  }
}

describe('the page cache', () => {
  it('keeps pages within its budget, the least recently used dropped first', async () => {
    const cache = new PageCache(2500)
    const page = (size: number) => async () => ({ ...(await one()), body: Buffer.alloc(size) })
    const a = await cache.get('a', page(1000))
    await cache.get('b', page(1000))
    // a is used again: b is now the least recently used, and goes when c comes.
    expect(await cache.get('a', page(1000))).toBe(a)
    await cache.get('c', page(1000))
    expect(cache.size).toEqual({ entries: 2, bytes: 2000 })
    expect(await cache.get('a', page(1000))).toBe(a)
    let made = 0
    await Promise.all([1, 2, 3].map(() => cache.get('d', () => (made++, page(10)()))))
    expect(made).toBe(1)
  })

  it('forgets a render that failed, so the next request renders again', async () => {
    const cache = new PageCache(2500)
    await expect(cache.get('e', () => Promise.reject(new Error('failed')))).rejects.toThrow()
    await new Promise((resolve) => setImmediate(resolve))
    expect(await cache.get('e', one)).toMatchObject({ status: 200 })
  })
})

describe('uploaded files under /media/', () => {
  const sandboxed = (headers: Record<string, unknown>) => {
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['content-security-policy']).toBe("default-src 'none'; sandbox")
  }

  it('are images of their stored type, shown but sandboxed', async () => {
    const png = (await head('/media/photo.png')).headers
    expect(png['content-type']).toBe('image/png')
    expect(png['content-disposition']).toBeUndefined()
    sandboxed(png)
    expect((await head('/media/photo.jpeg')).headers['content-type']).toBe('image/jpeg')
  })

  it('send PDFs as downloads', async () => {
    const pdf = (await head('/media/leaflet.pdf')).headers
    expect(pdf['content-type']).toBe('application/pdf')
    expect(pdf['content-disposition']).toBe('attachment')
    sandboxed(pdf)
  })

  it('never send anything else as a page, however the path is spelled', async () => {
    for (const url of ['/media/x.html', '/%6Dedia/x.html', '/media/x.svg']) {
      const answer = await head(url, { 'accept-encoding': 'br, gzip' })
      if (answer.status === 404) continue
      expect(answer.status, url).toBe(200)
      expect(answer.headers['content-type'], url).toBe('application/octet-stream')
      expect(answer.headers['content-disposition'], url).toBe('attachment')
      sandboxed(answer.headers)
    }
    expect((await head('/media/x.html')).status).toBe(200)
  })

  it('are only those the published content uses', async () => {
    expect((await head('/media/draft.png')).status).toBe(404)
    expect((await head('/media/..%2Fsecret.txt')).status).toBe(404)
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

  it('prefers the remembered choice and redirects / to the language', async () => {
    expect(negotiateLanguage('de', 'a=b; zesummen_lang=pt')).toBe('pt')
    expect(negotiateLanguage('de', 'zesummen_lang=xx')).toBe('de')
    expect(await head('/', { 'accept-language': 'de-LU,de' })).toMatchObject({
      status: 302,
      headers: { location: '/de/', vary: 'Accept-Language, Cookie' },
    })
    expect((await head('/', { 'accept-language': 'ja' })).status).toBe(200)
  })

  it('remembers the language of a page the reader opens', async () => {
    expect((await head('/en/')).headers['set-cookie']).toBe(
      'zesummen_lang=en; Path=/; Max-Age=31536000; SameSite=Lax',
    )
    expect((await head('/en/', { cookie: 'zesummen_lang=en' })).headers['set-cookie']).toBe(
      undefined,
    )
    const secure = await fetchSite('/en/', {}, { method: 'HEAD', https: true })
    expect(secure.headers['set-cookie']).toMatch(/; Secure$/)
  })

  it('answers 503 while nothing is published yet', async () => {
    const empty = new LiveContent(new SnapshotStore(path.join(root, 'none')))
    await empty.start()
    empty.stop()
    const answer = await new Promise<number>((resolve) => {
      const res = {
        writeHead(status: number) {
          resolve(status)
          return this
        },
        end() {},
      } as unknown as ServerResponse
      serveSite(
        { ...site(), live: empty },
        { method: 'GET', url: '/en/', headers: {} } as unknown as IncomingMessage,
        res,
      )
    })
    expect(answer).toBe(503)
  })
})
