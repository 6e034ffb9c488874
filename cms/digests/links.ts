// The links in digest mails: confirm, change the choices, unsubscribe. Nothing secret is stored:
// a link carries the subscription's id, its link generation and (for confirming) an expiry,
// signed with HMAC-SHA-256 under PAYLOAD_SECRET (as the forms' fill-time stamps are). Raising
// the generation (on unsubscribe, erase, resubscribe) ends every earlier link of the address.
import { createHmac, timingSafeEqual } from 'node:crypto'

export type LinkPurpose = 'confirm' | 'manage' | 'unsubscribe'

export interface LinkSubject {
  id: string | number
  linkGeneration?: number | null
}

const signature = (secret: string, text: string) =>
  createHmac('sha256', secret).update(`digest:${text}`).digest('base64url')

/** A token for one purpose; `expiresAt` (ms) for confirmation links. */
export function signLink(
  secret: string,
  purpose: LinkPurpose,
  subject: LinkSubject,
  expiresAt = 0,
): string {
  const body = `${purpose}.${subject.id}.${subject.linkGeneration ?? 0}.${expiresAt}`
  return `${body}.${signature(secret, body)}`
}

export type LinkCheck =
  { ok: true; id: string; generation: number } | { ok: false; reason: 'invalid' | 'expired' }

/** What a token says, if this server signed it for this purpose and it has not expired. */
export function readLink(
  secret: string,
  purpose: LinkPurpose,
  token: string,
  now = Date.now(),
): LinkCheck {
  const match = /^([a-z]+)\.([A-Za-z0-9]{1,40})\.(\d{1,9})\.(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(
    token,
  )
  if (!match || match[1] !== purpose) return { ok: false, reason: 'invalid' }
  const body = `${match[1]}.${match[2]}.${match[3]}.${match[4]}`
  const expected = Buffer.from(signature(secret, body))
  const given = Buffer.from(match[5]!)
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'invalid' }
  const expiresAt = Number(match[4])
  if (expiresAt !== 0 && now > expiresAt) return { ok: false, reason: 'expired' }
  return { ok: true, id: match[2]!, generation: Number(match[3]) }
}
