// Fetching a source's calendar file: a conditional request (the last ETag and Last-Modified), a
// bounded size and time, redirects followed by hand so that every address is checked again, and
// no address on the server's own or private networks unless CALENDAR_ALLOW_PRIVATE=1. Each
// request connects to the address that was checked (node:http with a pinned lookup), not to
// whatever a second DNS answer says.
import { lookup } from 'node:dns/promises'
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import type { LookupAddress } from 'node:dns'
import {
  calendarAllowHttp,
  calendarAllowPrivate,
  calendarFetchTimeoutMs,
  publicUrl,
} from '../settings'
import { isPrivateAddress } from './addresses'

export const CALENDAR_MAX_BYTES = 5 * 1024 * 1024
export const CALENDAR_MAX_REDIRECTS = 3

export interface Validators {
  etag?: string | null
  lastModified?: string | null
}

export type FetchResult =
  | { kind: 'unchanged' }
  | { kind: 'fetched'; text: string; etag: string | null; lastModified: string | null }

/** A fetch that gave no calendar; the message is for the people who keep the source. */
export class CalendarFetchError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CalendarFetchError'
  }
}

const userAgent = () => `Zesummen calendar import (+${publicUrl()})`

/** The address as a URL the import may fetch, or a CalendarFetchError saying why not. */
export function checkedUrl(address: string): URL {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    throw new CalendarFetchError(`“${address}” is not a web address.`)
  }
  const allowHttp = calendarAllowHttp()
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    throw new CalendarFetchError(
      `${url.origin} is not an https:// address; calendars are fetched over https only.`,
    )
  }
  if (url.username || url.password) {
    throw new CalendarFetchError('The address holds a user name or password; remove them.')
  }
  return url
}

/** Answers a host name's addresses; the system's DNS unless a test gives its own. */
export type Resolver = (host: string) => Promise<readonly ResolvedAddress[]>

export interface ResolvedAddress {
  address: string
  family: number
}

const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true })

/**
 * The one address the request will connect to. Every address DNS gives is checked (it may answer
 * several); the connection then uses the first, so that a second lookup that answers otherwise
 * (DNS rebinding) cannot send the request somewhere the check never saw.
 */
async function pinnedAddress(url: URL, resolve: Resolver): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  let addresses: readonly ResolvedAddress[]
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }]
  } else {
    try {
      addresses = await resolve(host)
    } catch {
      addresses = []
    }
  }
  if (addresses.length === 0)
    throw new CalendarFetchError(`The server ${host} was not found (DNS).`)
  if (!calendarAllowPrivate()) {
    const refused = addresses.find(({ address }) => isPrivateAddress(address))
    if (refused) {
      throw new CalendarFetchError(
        `${host} is on a private or local network (${refused.address}); only public addresses are fetched.`,
      )
    }
  }
  return addresses[0]!
}

/** A lookup for the http agent that answers only the pinned address, never asking DNS again. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_host, options, callback) => {
    if ((options as { all?: boolean }).all) {
      ;(callback as (error: null, addresses: LookupAddress[]) => void)(null, [pinned])
    } else {
      callback(null, pinned.address, pinned.family)
    }
  }
}

async function readBounded(response: IncomingMessage): Promise<string> {
  const declared = Number(response.headers['content-length'] ?? '0')
  const tooLarge = () =>
    new CalendarFetchError(
      `The calendar file is larger than ${CALENDAR_MAX_BYTES / 1024 / 1024} MB and was not read.`,
    )
  if (declared > CALENDAR_MAX_BYTES) {
    response.destroy()
    throw tooLarge()
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.byteLength
    if (size > CALENDAR_MAX_BYTES) {
      response.destroy()
      throw tooLarge()
    }
    chunks.push(chunk)
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks))
}

function conditionalHeaders(validators: Validators): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': userAgent(),
    accept: 'text/calendar, */*;q=0.1',
  }
  if (validators.etag) headers['if-none-match'] = validators.etag
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified
  return headers
}

/** One GET to the pinned address (the Host header and TLS name stay the URL's host). */
function get(
  url: URL,
  pinned: ResolvedAddress,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      { method: 'GET', headers, signal, agent: false, lookup: pinnedLookup(pinned) },
      resolve,
    )
    request.on('error', reject)
    request.end()
  })
}

const isRedirect = (status: number) => [301, 302, 303, 307, 308].includes(status)

const header = (response: IncomingMessage, name: string): string | null => {
  const value = response.headers[name]
  return typeof value === 'string' ? value : null
}

/**
 * The source's calendar file, or `unchanged` when the server says it has not changed (304). Each
 * hop of a redirect is checked and pinned again.
 */
export async function fetchCalendar(
  address: string,
  validators: Validators = {},
  { resolve = systemResolver }: { resolve?: Resolver } = {},
): Promise<FetchResult> {
  const controller = new AbortController()
  const timeout = calendarFetchTimeoutMs()
  const timer = setTimeout(() => controller.abort(), timeout)
  try {
    let url = checkedUrl(address)
    for (let redirects = 0; ; redirects += 1) {
      const pinned = await pinnedAddress(url, resolve)
      const response = await get(url, pinned, conditionalHeaders(validators), controller.signal)
      const status = response.statusCode ?? 0
      if (isRedirect(status)) {
        const location = header(response, 'location')
        response.resume()
        if (!location) throw new CalendarFetchError(`${url.host} redirects without an address.`)
        if (redirects >= CALENDAR_MAX_REDIRECTS) {
          throw new CalendarFetchError(
            `The address redirects more than ${CALENDAR_MAX_REDIRECTS} times; give its final address.`,
          )
        }
        url = checkedUrl(new URL(location, url).toString())
        continue
      }
      if (status === 304) {
        response.resume()
        return { kind: 'unchanged' }
      }
      if (status < 200 || status >= 300) {
        response.resume()
        throw new CalendarFetchError(
          `${url.host} answered ${status} ${response.statusMessage ?? ''}`.trim() + '.',
        )
      }
      return {
        kind: 'fetched',
        text: await readBounded(response),
        etag: header(response, 'etag'),
        lastModified: header(response, 'last-modified'),
      }
    }
  } catch (error) {
    if (error instanceof CalendarFetchError) throw error
    if (controller.signal.aborted) {
      throw new CalendarFetchError(
        `The server did not send the calendar within ${timeout / 1000} s.`,
      )
    }
    const { code, message } = error as { code?: string; message?: string }
    throw new CalendarFetchError(`The calendar could not be fetched: ${code ?? message}.`)
  } finally {
    clearTimeout(timer)
  }
}
