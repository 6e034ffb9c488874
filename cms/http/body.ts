// Uploaded files read into memory with a size bound: the declared length is checked before
// reading, the real length after (a client may declare none, or lie).
import type { PayloadRequest } from 'payload'

/** A request field as text, at most `max` characters; anything else is empty. */
export const fieldText = (value: unknown, max: number) =>
  typeof value === 'string' ? value.slice(0, max) : ''

export const IMPORT_MAX_BYTES = 2 * 1024 * 1024

/** The body's bytes, or a 413 answer when it is larger than `maxBytes`. */
export async function readBoundedBody(
  req: PayloadRequest,
  maxBytes = IMPORT_MAX_BYTES,
): Promise<Uint8Array | Response> {
  const tooLarge = () =>
    Response.json(
      { error: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.` },
      { status: 413 },
    )
  const declared = Number(req.headers.get('content-length') ?? '0')
  if (declared > maxBytes) return tooLarge()
  const body = new Uint8Array(await (req as unknown as Request).arrayBuffer())
  return body.byteLength > maxBytes ? tooLarge() : body
}
