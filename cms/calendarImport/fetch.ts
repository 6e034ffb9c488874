// Fetching a source's calendar file: a conditional request (the last ETag and Last-Modified), a
// bounded size and time, redirects followed by hand so that every address is checked again, and
// no address on the server's own or private networks unless CALENDAR_ALLOW_PRIVATE=1.
import { lookup } from 'node:dns/promises'
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

/** Refuses a host when any of its addresses is on a private network (DNS may answer several). */
async function checkHost(url: URL): Promise<void> {
  if (calendarAllowPrivate()) return
  const host = url.hostname.replace(/^\[|\]$/g, '')
  let addresses: { address: string }[]
  try {
    addresses = await lookup(host, { all: true, verbatim: true })
  } catch {
    throw new CalendarFetchError(`The server ${host} was not found (DNS).`)
  }
  const refused = addresses.find(({ address }) => isPrivateAddress(address))
  if (refused) {
    throw new CalendarFetchError(
      `${host} is on a private or local network (${refused.address}); only public addresses are fetched.`,
    )
  }
}

async function readBounded(response: Response, controller: AbortController): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0')
  const tooLarge = () =>
    new CalendarFetchError(
      `The calendar file is larger than ${CALENDAR_MAX_BYTES / 1024 / 1024} MB and was not read.`,
    )
  if (declared > CALENDAR_MAX_BYTES) {
    controller.abort()
    throw tooLarge()
  }
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength
    if (size > CALENDAR_MAX_BYTES) {
      controller.abort()
      throw tooLarge()
    }
    chunks.push(chunk)
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks))
}

function conditionalHeaders(validators: Validators): Headers {
  const headers = new Headers({ 'user-agent': userAgent(), accept: 'text/calendar, */*;q=0.1' })
  if (validators.etag) headers.set('if-none-match', validators.etag)
  if (validators.lastModified) headers.set('if-modified-since', validators.lastModified)
  return headers
}

const isRedirect = (status: number) => [301, 302, 303, 307, 308].includes(status)

/**
 * The source's calendar file, or `unchanged` when the server says it has not changed (304).
 * The host is checked before each request; fetch resolves it again, so a DNS answer that
 * changes in between (rebinding) is not caught: pinning the address needs an undici dispatcher.
 */
export async function fetchCalendar(
  address: string,
  validators: Validators = {},
): Promise<FetchResult> {
  const controller = new AbortController()
  const timeout = calendarFetchTimeoutMs()
  const timer = setTimeout(() => controller.abort(), timeout)
  try {
    let url = checkedUrl(address)
    for (let redirects = 0; ; redirects += 1) {
      await checkHost(url)
      const response = await fetch(url, {
        headers: conditionalHeaders(validators),
        redirect: 'manual',
        signal: controller.signal,
      })
      if (isRedirect(response.status)) {
        const location = response.headers.get('location')
        await response.body?.cancel()
        if (!location) throw new CalendarFetchError(`${url.host} redirects without an address.`)
        if (redirects >= CALENDAR_MAX_REDIRECTS) {
          throw new CalendarFetchError(
            `The address redirects more than ${CALENDAR_MAX_REDIRECTS} times; give its final address.`,
          )
        }
        url = checkedUrl(new URL(location, url).toString())
        continue
      }
      if (response.status === 304) {
        await response.body?.cancel()
        return { kind: 'unchanged' }
      }
      if (!response.ok) {
        await response.body?.cancel()
        throw new CalendarFetchError(
          `${url.host} answered ${response.status} ${response.statusText}`.trim() + '.',
        )
      }
      return {
        kind: 'fetched',
        text: await readBounded(response, controller),
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      }
    }
  } catch (error) {
    if (error instanceof CalendarFetchError) throw error
    if (controller.signal.aborted) {
      throw new CalendarFetchError(
        `The server did not send the calendar within ${timeout / 1000} s.`,
      )
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    throw new CalendarFetchError(
      `The calendar could not be fetched: ${cause?.code ?? cause?.message ?? (error as Error).message}.`,
    )
  } finally {
    clearTimeout(timer)
  }
}
