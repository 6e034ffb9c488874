// How long a person took to fill in a form, the cheap test that tells most scripts from people.
// With JavaScript the form page stamps the time it was shown; without, the stamp is empty, and a
// script posting directly leaves it out too. Then the server answers with the form again, stamped
// and signed by the server, and asks to send it once more: people do, in seconds; scripts rarely.
// Every form the server sends back (with errors, say) carries such a stamp.
import { createHmac, timingSafeEqual } from 'node:crypto'

/** A person needs longer than this to fill in a form; a script does not. */
export const MIN_FILL_MS = 3000
/** A server stamp older than this has to be renewed (a form left open overnight asks again). */
const STAMP_MAX_AGE_MS = 24 * 60 * 60 * 1000

export type FillTime = 'person' | 'too-fast' | 'unknown'

const signature = (secret: string, time: number) =>
  createHmac('sha256', secret).update(`renderedAt:${time}`).digest('base64url')

/** A stamp of `now` that only this server can make. */
export function signedStamp(secret: string, now: number): string {
  return `s.${now}.${signature(secret, now)}`
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** What the `renderedAt` a form sent says about who filled it in. */
export function fillTime(value: string, secret: string, now: number): FillTime {
  const signed = /^s\.(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(value)
  if (signed) {
    const time = Number(signed[1])
    if (!sameText(signed[2]!, signature(secret, time))) return 'unknown'
    const age = now - time
    // The stamp proves a round trip through the server's own answer; a person correcting the one
    // field an error pointed to can be quicker than MIN_FILL_MS, so its age is not asked.
    return age >= 0 && age <= STAMP_MAX_AGE_MS ? 'person' : 'unknown'
  }
  // The page's script writes the browser's clock: not proof of anything, but scripts that do
  // not run the page's JavaScript send no such value, and those that fake it must also wait.
  if (/^\d{1,16}$/.test(value)) {
    const age = now - Number(value)
    return age >= 0 && age < MIN_FILL_MS ? 'too-fast' : 'person'
  }
  return 'unknown'
}
