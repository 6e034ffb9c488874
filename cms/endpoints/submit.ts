// POST /api/submit: the public entry point of the submission forms (initiative or event
// proposal), with no account. In order: same-origin check, rate limits per client (30 requests
// and 5 stored submissions in 10 minutes), bounded body,
// honeypot and minimum fill time (silently discarded with the same answer as a success),
// validation with a message per field in the submitter's language, then storage as `pending`,
// whatever the client sent. Answers JSON; the HTML answers of the no-JavaScript forms build on it.
import type { Endpoint, Payload } from 'payload'
import { isLocaleCode, type LocaleCode } from '../../locales/config'
import { t } from '../../web/lib/i18n'
import { spokenLanguages } from '../fields/languages'
import { rateLimit } from '../security/rateLimit'
import { publicUrl } from '../settings'
import { type FormValues, type KnownChoices, validateSubmission } from '../submissions/validate'

/** Text fields of a form together; an image may add up to IMAGE_MAX_BYTES (multipart). */
export const TEXT_MAX_BYTES = 1024 * 1024
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024
const BODY_MAX_BYTES = TEXT_MAX_BYTES + IMAGE_MAX_BYTES + 64 * 1024
/** A person needs longer than this to fill in a form; a script does not. */
export const MIN_FILL_MS = 3000

/** Every request, valid or not: enough for a person correcting a form many times. */
const requestLimit = rateLimit(30, 10 * 60)
/** Stored submissions: a person proposes a few things, not dozens. */
const storeLimit = rateLimit(5, 10 * 60)

function tooMany(lang: LocaleCode, retryAfterSeconds: number): Response {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return json(
    429,
    { error: t(lang, 'submit.error.rateLimited', { minutes }) },
    { 'retry-after': String(retryAfterSeconds) },
  )
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } })

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
async function boundedBody(request: Request, max: number): Promise<Uint8Array | null> {
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
async function formValues(
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

type ChoiceCollection = 'communes' | 'target-groups' | 'organisations'

/**
 * What the public may choose, read once per submission: slug → id of each published commune,
 * target group and organisation. Validation checks the slugs, storage uses the ids.
 */
async function choiceIds(payload: Payload): Promise<Record<ChoiceCollection, Map<string, number>>> {
  const read = async (collection: ChoiceCollection) => {
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
  const [communes, targetGroups, organisations] = await Promise.all([
    read('communes'),
    read('target-groups'),
    read('organisations'),
  ])
  return { communes, 'target-groups': targetGroups, organisations }
}

export const submitEndpoint: Endpoint = {
  path: '/submit',
  method: 'post',
  handler: async (req) => {
    const request = req as unknown as Request
    const query = new URL(req.url ?? 'http://localhost/').searchParams.get('lang')
    let lang: LocaleCode = isLocaleCode(query) ? query : 'fr'
    if (!sameOrigin(req.headers)) {
      return json(403, { error: t(lang, 'submit.error.origin') })
    }
    const decision = await requestLimit.check(req.headers)
    if (!decision.allowed) return tooMany(lang, decision.retryAfterSeconds)
    const body = await boundedBody(request, BODY_MAX_BYTES)
    const tooLarge = () =>
      json(413, { error: t(lang, 'submit.error.tooLarge', { max: '1 MB (+ 5 MB image)' }) })
    if (!body) return tooLarge()
    const parsed = await formValues(body, req.headers.get('content-type') ?? '')
    if (!parsed) return json(415, { error: t(lang, 'submit.error.kind') })
    const textBytes = [...parsed.values.values()]
      .flat()
      .reduce((sum, value) => sum + Buffer.byteLength(value), 0)
    if (textBytes > TEXT_MAX_BYTES) return tooLarge()
    const formLang = parsed.values.get('lang')?.at(-1)
    if (isLocaleCode(formLang)) lang = formLang

    // Bots: a filled honeypot or a form sent faster than a person could. Same answer as success.
    const received = { ok: true, message: t(lang, 'submit.received') }
    const renderedAt = Number(parsed.values.get('renderedAt')?.at(-1) ?? '')
    const tooFast =
      Number.isFinite(renderedAt) && renderedAt > 0 && Date.now() - renderedAt < MIN_FILL_MS
    if ((parsed.values.get('website')?.at(-1) ?? '') !== '' || tooFast) {
      req.payload.logger.info('Submission discarded (honeypot or fill time)')
      return json(200, received)
    }

    const ids = await choiceIds(req.payload)
    const known: KnownChoices = {
      communes: [...ids.communes.keys()],
      targetGroups: [...ids['target-groups'].keys()],
      organisations: [...ids.organisations.keys()],
      languages: spokenLanguages.map((language) => language.value),
    }
    const result = validateSubmission(parsed.values, known)
    if (!result.ok) {
      const errors = Object.fromEntries(
        Object.entries(result.errors).map(([field, error]) => [
          field,
          t(result.language, error.key, error.vars),
        ]),
      )
      return json(400, { error: t(result.language, 'submit.error.summary'), errors })
    }
    const stored = await storeLimit.check(req.headers)
    if (!stored.allowed) return tooMany(result.value.language, stored.retryAfterSeconds)
    const value = result.value
    // Validation accepted only slugs present in these maps.
    const idsOf = (collection: ChoiceCollection, slugs: string[]) =>
      slugs.map((slug) => ids[collection].get(slug)!)
    await req.payload.create({
      collection: 'submissions',
      overrideAccess: true,
      data: {
        kind: value.kind,
        status: 'pending',
        language: value.language,
        title: value.title,
        description: value.description,
        organisation: value.organisation ? ids.organisations.get(value.organisation)! : null,
        organisationName: value.organisationName,
        communes: idsOf('communes', value.communes),
        targetGroups: idsOf('target-groups', value.targetGroups),
        languages: value.languages as never,
        needs: value.needs as never,
        event: value.event ?? undefined,
        contact: value.contact,
        consentAt: new Date().toISOString(),
      } as never,
    })
    return json(201, received)
  },
}
