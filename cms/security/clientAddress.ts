// The client's address for rate limits. The portal's own server (scripts/start.ts) writes it into
// a request header that a client cannot set: any incoming value is replaced.
import type { IncomingMessage } from 'node:http'

export const CLIENT_ADDRESS_HEADER = 'x-zesummen-client'

/** Called by the server for every request before it reaches Payload. */
export function stampClientAddress(req: IncomingMessage, trustProxy: boolean): void {
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  const address = (trustProxy && forwarded.at(-1)) || req.socket.remoteAddress || 'unknown'
  req.headers[CLIENT_ADDRESS_HEADER] = address
}

/** The address stamped above; "unknown" (one shared bucket) when the CMS runs without it. */
export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown'
}
