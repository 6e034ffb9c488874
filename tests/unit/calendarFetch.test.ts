// The calendar fetch connects to the very address it checked: a resolver that answers otherwise
// the second time (DNS rebinding) is never asked again. Served on 127.0.0.1 by this test.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fetchCalendar, type Resolver } from '../../cms/calendarImport/fetch'

let server: Server
let port: number
const seen: { host?: string; url?: string }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ host: req.headers.host, url: req.url })
    if (req.url === '/hop') return res.writeHead(302, { location: '/calendar.ics' }).end()
    res.writeHead(200, { 'content-type': 'text/calendar' }).end('BEGIN:VCALENDAR\r\nEND:VCALENDAR')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  process.env.CALENDAR_ALLOW_HTTP = '1'
})

afterEach(() => {
  seen.length = 0
  delete process.env.CALENDAR_ALLOW_PRIVATE
})

afterAll(async () => {
  delete process.env.CALENDAR_ALLOW_HTTP
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

/** First 127.0.0.1 (where the test server is), then 127.0.0.2 (where nothing listens). */
function rebinding(): Resolver & { calls: string[] } {
  const calls: string[] = []
  const resolve = async (host: string) => {
    calls.push(host)
    return [{ address: calls.length === 1 ? '127.0.0.1' : '127.0.0.2', family: 4 }]
  }
  return Object.assign(resolve, { calls })
}

describe('the checked address is the one connected to', () => {
  it('asks DNS once per request and connects to that answer, with the name as Host', async () => {
    process.env.CALENDAR_ALLOW_PRIVATE = '1'
    const resolve = rebinding()
    const result = await fetchCalendar(`http://calendar.test:${port}/calendar.ics`, {}, { resolve })
    expect(result).toMatchObject({ kind: 'fetched', text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR' })
    expect(resolve.calls).toEqual(['calendar.test'])
    expect(seen).toEqual([{ host: `calendar.test:${port}`, url: '/calendar.ics' }])
  })

  it('checks and pins each hop of a redirect again', async () => {
    process.env.CALENDAR_ALLOW_PRIVATE = '1'
    let calls = 0
    const resolve: Resolver = async () => {
      calls += 1
      return [{ address: '127.0.0.1', family: 4 }]
    }
    await fetchCalendar(`http://calendar.test:${port}/hop`, {}, { resolve })
    expect(calls).toBe(2)
    expect(seen.map((request) => request.url)).toEqual(['/hop', '/calendar.ics'])
  })

  it('refuses a name with any private address before connecting at all', async () => {
    const resolve: Resolver = async () => [
      { address: '198.51.100.7', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ]
    await expect(
      fetchCalendar(`http://calendar.test:${port}/calendar.ics`, {}, { resolve }),
    ).rejects.toThrow(/calendar\.test is on a private or local network \(127\.0\.0\.1\)/)
    expect(seen).toEqual([])
  })

  it('says so when the name has no address', async () => {
    const resolve: Resolver = async () => []
    await expect(
      fetchCalendar(`http://nowhere.test:${port}/calendar.ics`, {}, { resolve }),
    ).rejects.toThrow(/The server nowhere\.test was not found \(DNS\)/)
  })
})
