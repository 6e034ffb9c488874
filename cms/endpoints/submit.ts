// POST /api/submit: the public entry point of the submission forms (initiative or event
// proposal), with no account. In order: same-origin check, rate limits per client (30 requests
// and 5 stored submissions in 10 minutes), bounded body,
// honeypot and minimum fill time (silently discarded with the same answer as a success; a form
// without a fill time is sent back stamped to be sent again, see submissions/fillTime.ts),
// validation with a message per field in the submitter's language, then storage as `pending`,
// whatever the client sent. Browsers posting the form (no JavaScript) get HTML: a 303 to the
// thank-you page, or the form page again with the errors marked and every value kept. Scripts
// and API clients get JSON.
import { randomUUID } from 'node:crypto'
import type { Endpoint, PayloadRequest } from 'payload'
import { isLocaleCode, type LocaleCode } from '../../locales/config'
import { t } from '../../locales/i18n'
import { spokenLanguages } from '../domain/valueLists'
import { rateLimit } from '../security/rateLimit'
import {
  boundedBody,
  formValues,
  publicSlugIds,
  readSitePage,
  sameOrigin,
  wantsHtml,
} from '../http/form'
import { SITE_CONTENT_SECURITY_POLICY } from '../../scripts/lib/securityHeaders'
import {
  escapeHtml,
  type FormChoices,
  renderSubmissionForm,
  replaceForm,
  type SubmissionFormKind,
} from '../../web/lib/submissionForm'
import { urls } from '../domain/urls'
import { submissionRetentionDays } from '../settings'
import { fillTime, signedStamp } from '../submissions/fillTime'
import { reencodeSubmissionImage } from '../submissions/image'
import { IMAGE_MAX_BYTES, SUBMISSION_LIMITS, TEXT_MAX_BYTES } from '../domain/submissionLimits'
import { type FormValues, type KnownChoices, validateSubmission } from '../submissions/validate'

const BODY_MAX_BYTES = TEXT_MAX_BYTES + IMAGE_MAX_BYTES + 64 * 1024

/** Every request, valid or not: enough for a person correcting a form many times. */
const requestLimit = rateLimit(30, 10 * 60)
/** Stored submissions: a person proposes a few things, not dozens. */
const storeLimit = rateLimit(5, 10 * 60)

function tooMany(
  lang: LocaleCode,
  kind: SubmissionFormKind,
  retryAfterSeconds: number,
  keep: Partial<Outcome> = {},
): Outcome {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return {
    ...keep,
    status: 429,
    lang,
    kind,
    error: t(lang, 'submit.error.rateLimited', { minutes }),
    retryAfterSeconds,
  }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } })

/** What the endpoint has to say: the JSON body, or the HTML page built from it. */
interface Outcome {
  status: 200 | 201 | 400 | 403 | 413 | 415 | 429
  lang: LocaleCode
  kind: SubmissionFormKind
  /** The form's values to show again (never for a success). */
  values?: FormValues
  errors?: Record<string, string>
  /** A message about the whole request. */
  error?: string
  retryAfterSeconds?: number
  /** A file came with the form: the browser will not keep it after an error. */
  hadImage?: boolean
}

async function answer(outcome: Outcome, html: boolean): Promise<Response> {
  const headers: Record<string, string> = {}
  if (outcome.retryAfterSeconds) headers['retry-after'] = String(outcome.retryAfterSeconds)
  const succeeded = outcome.status === 200 || outcome.status === 201
  if (html && succeeded) {
    return new Response(null, {
      status: 303,
      headers: { location: urls.submitThanks(outcome.lang), 'cache-control': 'no-store' },
    })
  }
  if (html) {
    // A page of the site, holding what the person typed: under the site's own policy.
    return new Response(await formPage(outcome), {
      status: outcome.status,
      headers: {
        ...headers,
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': SITE_CONTENT_SECURITY_POLICY,
        'cache-control': 'no-store',
      },
    })
  }
  if (succeeded)
    return json(outcome.status, { ok: true, message: t(outcome.lang, 'submit.received') })
  return json(
    outcome.status,
    { error: outcome.error, ...(outcome.errors ? { errors: outcome.errors } : {}) },
    headers,
  )
}

/**
 * The site's form page (asked of this server, which serves the site too) with the form filled in
 * again and the errors marked, so a person without JavaScript keeps everything they typed. When
 * the site does not answer: a bare page.
 */
async function formPage(outcome: Outcome): Promise<string> {
  const { lang, kind } = outcome
  const read = readSitePage
  const page = await read(urls.submitForm(lang, kind))
  const choicesFile = await read(`/${lang}/submit/choices.json`)
  const title = t(lang, 'submit.error.titlePrefix')
  if (page && choicesFile) {
    const form = renderSubmissionForm({
      lang,
      kind,
      choices: JSON.parse(choicesFile) as FormChoices,
      action: urls.submitApi(lang),
      privacyHref: page.includes(`href="${urls.page(lang, 'privacy')}"`)
        ? urls.page(lang, 'privacy')
        : null,
      retentionDays: submissionRetentionDays(),
      values: outcome.values ?? new Map(),
      errors: outcome.errors ?? {},
      notice: outcome.error,
      imageAgain: outcome.hadImage === true,
    })
    const filled = replaceForm(page, form, title)
    if (filled) return filled
  }
  const messages = [outcome.error, ...Object.values(outcome.errors ?? {})].filter(Boolean)
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title></head><body><main>` +
    `<h1>${escapeHtml(t(lang, 'submit.error.pageTitle'))}</h1>` +
    `<ul>${messages.map((text) => `<li>${escapeHtml(text!)}</li>`).join('')}</ul>` +
    `<p>${escapeHtml(t(lang, 'submit.error.noSite'))}</p></main></body></html>`
  )
}

const formKind = (values: FormValues | undefined): SubmissionFormKind =>
  values?.get('kind')?.at(-1) === 'event' ? 'event' : 'initiative'

/** Validates and stores a submission; every early return is an answer to the person. */
async function handle(req: PayloadRequest): Promise<Outcome> {
  const request = req as unknown as Request
  const query = new URL(req.url ?? 'http://localhost/').searchParams.get('lang')
  let lang: LocaleCode = isLocaleCode(query) ? query : 'fr'
  const kindFromPath: SubmissionFormKind = 'initiative'
  if (!sameOrigin(req.headers)) {
    return { status: 403, lang, kind: kindFromPath, error: t(lang, 'submit.error.origin') }
  }
  const decision = await requestLimit.check(req.headers)
  if (!decision.allowed) return tooMany(lang, kindFromPath, decision.retryAfterSeconds)
  const body = await boundedBody(request, BODY_MAX_BYTES)
  const tooLarge = (kind: SubmissionFormKind, values?: FormValues): Outcome => ({
    status: 413,
    lang,
    kind,
    error: t(lang, 'submit.error.tooLarge', { max: '1 MB (+ 5 MB image)' }),
    ...(values ? { values } : {}),
  })
  if (!body) return tooLarge(kindFromPath)
  const parsed = await formValues(body, req.headers.get('content-type') ?? '')
  if (!parsed) return { status: 415, lang, kind: kindFromPath, error: t(lang, 'submit.error.kind') }
  const formLang = parsed.values.get('lang')?.at(-1)
  if (isLocaleCode(formLang)) lang = formLang
  const kind = formKind(parsed.values)
  const textBytes = [...parsed.values.values()]
    .flat()
    .reduce((sum, value) => sum + Buffer.byteLength(value), 0)
  if (textBytes > TEXT_MAX_BYTES) return tooLarge(kind)

  // Bots: a filled honeypot or a form sent faster than a person could. Same answer as success.
  const now = Date.now()
  const filled = fillTime(parsed.values.get('renderedAt')?.at(-1) ?? '', req.payload.secret, now)
  if ((parsed.values.get('website')?.at(-1) ?? '') !== '' || filled === 'too-fast') {
    req.payload.logger.info('Submission discarded (honeypot or fill time)')
    return { status: 200, lang, kind }
  }

  const [communes, targetGroups, organisations] = await Promise.all([
    publicSlugIds(req.payload, 'communes'),
    publicSlugIds(req.payload, 'target-groups'),
    publicSlugIds(req.payload, 'organisations'),
  ])
  const ids = { communes, 'target-groups': targetGroups, organisations }
  const known: KnownChoices = {
    communes: [...ids.communes.keys()],
    targetGroups: [...ids['target-groups'].keys()],
    organisations: [...ids.organisations.keys()],
    languages: spokenLanguages.map((language) => language.value),
  }
  const result = validateSubmission(parsed.values, known)
  const errors: Record<string, string> = result.ok
    ? {}
    : Object.fromEntries(
        Object.entries(result.errors).map(([field, error]) => [
          field,
          t(lang, error.key, error.vars),
        ]),
      )
  const file = parsed.files.find((entry) => entry.name === 'image') ?? parsed.files[0]
  const image = file ? await reencodeSubmissionImage(file) : null
  if (image && !image.ok) errors.image = t(lang, image.key)
  const imageAlt = (parsed.values.get('imageAlt')?.at(-1) ?? '').replace(/\s+/g, ' ').trim()
  if (image?.ok && !imageAlt) errors.imageAlt = t(lang, 'submit.error.imageAltRequired')
  // The form sent back is stamped by the server, so that sending it again needs no script.
  const values: FormValues = new Map(parsed.values)
  values.set('renderedAt', [signedStamp(req.payload.secret, now)])
  const rejected = (status: 400 | 429, extra: Partial<Outcome> = {}): Outcome => ({
    status,
    lang,
    kind,
    values,
    errors,
    hadImage: Boolean(file),
    ...extra,
  })
  if (!result.ok || Object.keys(errors).length > 0)
    return rejected(400, { error: t(lang, 'submit.error.summary') })
  if (filled === 'unknown') return rejected(400, { error: t(lang, 'submit.error.sendAgain') })

  const stored = await storeLimit.check(req.headers)
  if (!stored.allowed) return tooMany(lang, kind, stored.retryAfterSeconds, rejected(429))
  const value = result.value
  // Validation accepted only slugs present in these maps.
  const idsOf = (collection: keyof typeof ids, slugs: string[]) =>
    slugs.map((slug) => ids[collection].get(slug)!)
  const imageDoc =
    image?.ok === true
      ? await req.payload.create({
          collection: 'submission-images',
          overrideAccess: true,
          data: { alt: imageAlt.slice(0, SUBMISSION_LIMITS.imageAlt) },
          file: {
            data: image.data,
            mimetype: 'image/webp',
            name: `submission-${randomUUID()}.webp`,
            size: image.data.byteLength,
          },
        })
      : null
  try {
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
        image: imageDoc?.id ?? null,
        imageAlt: imageDoc ? imageAlt.slice(0, SUBMISSION_LIMITS.imageAlt) : null,
        contact: value.contact,
        consentAt: new Date().toISOString(),
      } as never,
    })
  } catch (error) {
    // Nothing half-stored: an image without its submission is removed.
    if (imageDoc)
      await req.payload.delete({ collection: 'submission-images', id: imageDoc.id }).catch(() => {})
    throw error
  }
  return { status: 201, lang, kind }
}

export const submitEndpoint: Endpoint = {
  path: '/submit',
  method: 'post',
  handler: async (req) => answer(await handle(req), wantsHtml(req.headers)),
}
