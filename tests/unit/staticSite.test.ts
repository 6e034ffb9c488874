// The static file server never leaves the site folder and never redirects to another host.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveSiteFile, serveSite } from '../../scripts/lib/staticSite'

const root = mkdtempSync(path.join(tmpdir(), 'zesummen-site-'))
mkdirSync(path.join(root, 'en', '404'), { recursive: true })
writeFileSync(path.join(root, 'en', 'index.html'), '<h1>Home</h1>')
writeFileSync(path.join(root, 'en', '404', 'index.html'), '<h1>Not found</h1>')
writeFileSync(path.join(root, '404.html'), '<h1>404</h1>')
writeFileSync(path.join(tmpdir(), 'zesummen-secret.txt'), 'secret')

function request(url: string) {
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
  serveSite(root, { method: 'HEAD', url } as IncomingMessage, res)
  return result
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

  it('redirects a directory to its trailing-slash address on this host only', () => {
    expect(request('/en')).toMatchObject({ status: 301, headers: { location: '/en/' } })
    expect(request('//en')).toMatchObject({ status: 404 })
  })

  it('answers unknown paths with the 404 page of their language', () => {
    expect(request('/en/nothing-here/')).toMatchObject({ status: 404 })
    expect(request('/nothing/')).toMatchObject({ status: 404 })
  })
})
