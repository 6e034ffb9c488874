// The plumbing of the public forms' endpoints (submissions, the events digest): the same-origin
// check, a bounded body, the form's values, whether the answer is a page or JSON, and the
// published choices a form may name.
import type { Payload } from 'payload'
import { port, publicUrl } from '../settings'
import type { FormValues } from '../submissions/validate'

/** The Origin (or else Referer) must be the portal's own address. */
export function sameOrigin(headers: Headers, site = new URL(publicUrl())): boolean {
  const origin = headers.get('origin') ?? headers.get('referer')
  if (!origin) return false
  try {
    return new URL(origin).origin === site.origin
  } catch {
    return false
  }
}

/** Reads at most `max` bytes of the body; null when it is larger. */
export async function boundedBody(request: Request, max: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > max) return null
  if (!request.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/** The form's values (strings; repeated names become lists); files are set aside. */
export async function formValues(
  body: Uint8Array,
  contentType: string,
): Promise<{ values: FormValues; files: File[] } | null> {
  const values: FormValues = new Map()
  const add = (name: string, value: string) => {
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') return
    values.set(name, [...(values.get(name) ?? []), value])
  }
  const type = contentType.split(';')[0]!.trim().toLowerCase()
  if (type === 'application/x-www-form-urlencoded') {
    for (const [name, value] of new URLSearchParams(Buffer.from(body).toString('utf8')))
      add(name, value)
    return { values, files: [] }
  }
  if (type === 'multipart/form-data') {
    let data: FormData
    try {
      data = await new Response(Buffer.from(body), {
        headers: { 'content-type': contentType },
      }).formData()
    } catch {
      return null
    }
    const files: File[] = []
    for (const [name, value] of data.entries()) {
      if (typeof value === 'string') add(name, value)
      else if (value.size > 0) files.push(value)
    }
    return { values, files }
  }
  return null
}

/** Browsers sending the form without JavaScript ask for HTML; scripts and the API ask for JSON. */
export function wantsHtml(headers: Headers): boolean {
  const accept = headers.get('accept') ?? ''
  return accept.includes('text/html') && !accept.startsWith('application/json')
}

/** What the public may choose in a collection: slug → id of each published document. */
export async function publicSlugIds(
  payload: Payload,
  collection: 'communes' | 'categories' | 'target-groups' | 'organisations',
): Promise<Map<string, number>> {
  const { docs } = await payload.find({
    collection,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    select: { slug: true },
  })
  // Ids are numbers on SQLite and strings on MongoDB; the generated types know only one.
  return new Map(docs.map((doc) => [String((doc as { slug?: unknown }).slug), doc.id as number]))
}

/**
 * A page of the site, asked of this server (which serves the site too), for a form's answer
 * made from it; null when the site does not answer.
 */
export async function readSitePage(pagePath: string): Promise<string | null> {
  try {
    const response = await fetch(new URL(pagePath, `http://127.0.0.1:${port(process.env)}`), {
      signal: AbortSignal.timeout(5000),
    })
    return response.ok ? await response.text() : null
  } catch {
    return null
  }
}
