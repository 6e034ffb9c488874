// The events digest's public endpoints, no account needed:
//   POST /api/digest/subscribe        the form (same-origin, rate limits, bounded body, honeypot
//                                     and fill time, as the submission forms); the same answer
//                                     whether or not the address is already subscribed
//   GET  /api/digest/confirm?token=   the confirmation mail's link (valid 48 hours)
//   GET  /api/digest/manage?token=    the form filled with the reader's choices; POST saves them
//   GET  /api/digest/unsubscribe?token=  a page with the unsubscribe button; POST unsubscribes,
//                                     from that button or a mail program's one-click (RFC 8058)
//   GET  /api/digest/preview?commune=&lang=&period=  for editors: the digest of a commune (or the
//                                     whole region) in a language, from the live snapshot
// Browsers get pages of the site (a 303 to them, or the site's form page with this form filled
// in); scripts get JSON.
import type { Endpoint, PayloadRequest } from 'payload'
import { isLocaleCode, type LocaleCode } from '../../locales/config'
import { t } from '../../locales/i18n'
import { DateTime } from 'luxon'
import { hasRole } from '../access/roles'
import { digestPeriod, type DigestStep, periodOfKey, UNCONFIRMED_KEEP_DAYS } from '../domain/digest'
import { SnapshotStore } from '../domain/snapshotStore'
import { message } from '../i18n/messages'
import { publicUrl, snapshotsDir } from '../settings'
import { SiteContent } from '../../web/lib/content'
import { digestMail } from '../../web/lib/digest'
import { siteUrl, urls } from '../domain/urls'
import { SITE_CONTENT_SECURITY_POLICY } from '../../scripts/lib/securityHeaders'
import { type DigestFormChoices, renderDigestForm } from '../../web/lib/digestForm'
import { escapeHtml } from '../../web/lib/escape'
import { replaceForm } from '../../web/lib/submissionForm'
import type { DigestSubscription } from '../payload-types'
import {
  boundedBody,
  formValues,
  publicSlugIds,
  readSitePage,
  sameOrigin,
  wantsHtml,
} from '../http/form'
import { rateLimit } from '../security/rateLimit'
import { fillTime, signedStamp } from '../submissions/fillTime'
import type { FormValues } from '../submissions/validate'
import {
  changeChoices,
  confirmSubscription,
  endSubscription,
  requestSubscription,
  subscriptionOfLink,
} from '../digests/subscriptions'
import { type KnownDigestChoices, validateDigestForm } from '../digests/validate'

const BODY_MAX_BYTES = 16 * 1024
/** Every request to these endpoints, per client. */
const requestLimit = rateLimit(30, 10 * 60)
/** Subscriptions asked for, per client. */
const subscribeLimit = rateLimit(5, 10 * 60)
/** Mails to one address: nobody can flood someone else's mailbox through the form. */
const addressLimit = rateLimit(3, 60 * 60)

const noStore = { 'cache-control': 'no-store' }
const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { location, ...noStore } })

const langOf = (req: PayloadRequest, fallback?: string | null): LocaleCode => {
  const query = new URL(req.url ?? 'http://localhost/').searchParams.get('lang')
  if (isLocaleCode(query)) return query
  return isLocaleCode(fallback) ? fallback : 'fr'
}
const tokenOf = (req: PayloadRequest) =>
  (new URL(req.url ?? 'http://localhost/').searchParams.get('token') ?? '').slice(0, 200)

/** What a page of the digest form needs to show besides the form's own props. */
interface FormPage {
  status: number
  lang: LocaleCode
  values?: FormValues
  errors?: Record<string, string>
  notice?: string
  manageToken?: string
  unsubscribeOnly?: boolean
  retryAfterSeconds?: number
}

/**
 * The site's digest page with the form in it replaced (filled in, with errors, or the reader's
 * choices); a bare page when the site does not answer.
 */
async function formPage(page: FormPage): Promise<Response> {
  const { lang } = page
  const [site, choicesFile] = await Promise.all([
    readSitePage(urls.digest(lang)),
    readSitePage(urls.digestChoices(lang)),
  ])
  const title = t(lang, page.manageToken ? 'digest.manage.title' : 'digest.title')
  let html: string | null = null
  if (site && choicesFile) {
    const token = page.manageToken
    const form = renderDigestForm({
      lang,
      choices: JSON.parse(choicesFile) as DigestFormChoices,
      action: token ? urls.digestApi('manage', lang, token) : urls.digestApi('subscribe', lang),
      privacyHref: site.includes(`href="${urls.page(lang, 'privacy')}"`)
        ? urls.page(lang, 'privacy')
        : null,
      unconfirmedDays: UNCONFIRMED_KEEP_DAYS,
      values: page.values ?? new Map(),
      errors: page.errors ?? {},
      notice: page.notice,
      ...(token ? { unsubscribeAction: urls.digestApi('unsubscribe', lang, token) } : {}),
      unsubscribeOnly: page.unsubscribeOnly === true,
    })
    html = replaceForm(
      site,
      form,
      page.errors || page.notice ? t(lang, 'submit.error.titlePrefix') : title,
    )
  }
  html ??=
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>` +
    (page.notice ? `<p>${escapeHtml(page.notice)}</p>` : '') +
    `<ul>${Object.values(page.errors ?? {})
      .map((text) => `<li>${escapeHtml(text)}</li>`)
      .join('')}</ul>` +
    `<p>${escapeHtml(t(lang, 'submit.error.noSite'))}</p></main></body></html>`
  return new Response(html, {
    status: page.status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': SITE_CONTENT_SECURITY_POLICY,
      ...(page.retryAfterSeconds ? { 'retry-after': String(page.retryAfterSeconds) } : {}),
      ...noStore,
    },
  })
}

/** A refusal as a page for browsers, as JSON for scripts. */
function refusal(req: PayloadRequest, page: FormPage): Promise<Response> | Response {
  if (wantsHtml(req.headers)) return formPage(page)
  const headers: Record<string, string> = { ...noStore }
  if (page.retryAfterSeconds) headers['retry-after'] = String(page.retryAfterSeconds)
  return Response.json(
    { error: page.notice, ...(page.errors ? { errors: page.errors } : {}) },
    { status: page.status, headers },
  )
}

/** A step reached: a 303 to its page for browsers, JSON for scripts. */
function reached(req: PayloadRequest, lang: LocaleCode, step: DigestStep, status = 200) {
  if (wantsHtml(req.headers) || req.method === 'GET') return seeOther(urls.digestStep(lang, step))
  return Response.json(
    { ok: step !== 'invalid', step, message: t(lang, `digest.${step}.text`, { hours: 48 }) },
    { status: step === 'invalid' ? 404 : status, headers: noStore },
  )
}

const tooMany = (lang: LocaleCode, retryAfterSeconds: number): FormPage => ({
  status: 429,
  lang,
  notice: t(lang, 'submit.error.rateLimited', {
    minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)),
  }),
  retryAfterSeconds,
})

async function knownChoices(req: PayloadRequest): Promise<KnownDigestChoices> {
  const [communes, categories, targetGroups] = await Promise.all([
    publicSlugIds(req.payload, 'communes'),
    publicSlugIds(req.payload, 'categories'),
    publicSlugIds(req.payload, 'target-groups'),
  ])
  return { communes, categories, targetGroups }
}

/** The checks every form post passes first; the form's values, or the answer to give. */
async function readForm(
  req: PayloadRequest,
  lang: LocaleCode,
  checkOrigin: boolean,
): Promise<{ ok: true; values: FormValues; lang: LocaleCode } | { ok: false; page: FormPage }> {
  if (checkOrigin && !sameOrigin(req.headers))
    return { ok: false, page: { status: 403, lang, notice: t(lang, 'submit.error.origin') } }
  const decision = await requestLimit.check(req.headers)
  if (!decision.allowed) return { ok: false, page: tooMany(lang, decision.retryAfterSeconds) }
  const body = await boundedBody(req as unknown as Request, BODY_MAX_BYTES)
  if (!body) {
    const notice = t(lang, 'submit.error.tooLarge', { max: '16 kB' })
    return { ok: false, page: { status: 413, lang, notice } }
  }
  const parsed = await formValues(body, req.headers.get('content-type') ?? '')
  if (!parsed)
    return { ok: false, page: { status: 415, lang, notice: t(lang, 'submit.error.kind') } }
  const formLang = parsed.values.get('lang')?.at(-1)
  return { ok: true, values: parsed.values, lang: isLocaleCode(formLang) ? formLang : lang }
}

const messages = (lang: LocaleCode, errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(lang, key)]))

async function subscribe(req: PayloadRequest): Promise<Response> {
  const form = await readForm(req, langOf(req), true)
  if (!form.ok) return refusal(req, form.page)
  const { values, lang } = form
  const now = Date.now()
  // Bots: a filled honeypot or a form sent faster than a person could. Same answer as success.
  const filled = fillTime(values.get('renderedAt')?.at(-1) ?? '', req.payload.secret, now)
  if ((values.get('website')?.at(-1) ?? '') !== '' || filled === 'too-fast') {
    req.payload.logger.info('Digest subscription discarded (honeypot or fill time)')
    return reached(req, lang, 'sent', 202)
  }
  const result = validateDigestForm(values, await knownChoices(req), true)
  const again: FormValues = new Map(values)
  again.set('renderedAt', [signedStamp(req.payload.secret, now)])
  if (!result.ok)
    return refusal(req, {
      status: 400,
      lang,
      values: again,
      errors: messages(lang, result.errors),
      notice: t(lang, 'submit.error.summary'),
    })
  if (filled === 'unknown')
    return refusal(req, {
      status: 400,
      lang,
      values: again,
      notice: t(lang, 'digest.error.sendAgain'),
    })
  const stored = await subscribeLimit.check(req.headers)
  if (!stored.allowed)
    return refusal(req, { ...tooMany(lang, stored.retryAfterSeconds), values: again })
  // Past its limit an address gets no more mail, and the person sees the same answer as ever.
  const address = await addressLimit.checkKey(`digest:${result.email.toLowerCase()}`)
  if (address.allowed) await requestSubscription(req.payload, result.email, result.choices, now)
  return reached(req, lang, 'sent', 202)
}

async function confirm(req: PayloadRequest): Promise<Response> {
  const decision = await requestLimit.check(req.headers)
  if (!decision.allowed) return refusal(req, tooMany(langOf(req), decision.retryAfterSeconds))
  const doc = await subscriptionOfLink(req.payload, 'confirm', tokenOf(req))
  if (!doc) return reached(req, langOf(req), 'invalid')
  await confirmSubscription(req.payload, doc)
  return reached(req, doc.language as LocaleCode, 'confirmed')
}

/** The reader's choices as the form's values, to fill it in. */
async function valuesOf(req: PayloadRequest, doc: DigestSubscription): Promise<FormValues> {
  const known = await knownChoices(req)
  const slugs = (map: ReadonlyMap<string, number>, ids: unknown) => {
    const wanted = new Set((Array.isArray(ids) ? ids : []).map(String))
    return [...map].filter(([, id]) => wanted.has(String(id))).map(([slug]) => slug)
  }
  return new Map([
    ['language', [doc.language]],
    ['frequency', [doc.frequency]],
    ['communes', slugs(known.communes, doc.communes)],
    ['categories', slugs(known.categories, doc.categories)],
    ['targetGroups', slugs(known.targetGroups, doc.targetGroups)],
    ['spoken', [...(doc.spoken ?? [])]],
  ])
}

async function manage(req: PayloadRequest): Promise<Response> {
  const token = tokenOf(req)
  if (req.method === 'GET') {
    const decision = await requestLimit.check(req.headers)
    if (!decision.allowed) return refusal(req, tooMany(langOf(req), decision.retryAfterSeconds))
    const doc = await subscriptionOfLink(req.payload, 'manage', token)
    if (!doc) return reached(req, langOf(req), 'invalid')
    const lang = doc.language as LocaleCode
    return formPage({ status: 200, lang, values: await valuesOf(req, doc), manageToken: token })
  }
  const form = await readForm(req, langOf(req), true)
  if (!form.ok) return refusal(req, form.page)
  const doc = await subscriptionOfLink(req.payload, 'manage', token)
  if (!doc) return reached(req, form.lang, 'invalid')
  const result = validateDigestForm(form.values, await knownChoices(req), false)
  if (!result.ok)
    return refusal(req, {
      status: 400,
      lang: form.lang,
      values: form.values,
      errors: messages(form.lang, result.errors),
      notice: t(form.lang, 'submit.error.summary'),
      manageToken: token,
    })
  await changeChoices(req.payload, doc, result.choices)
  return reached(req, result.choices.language, 'saved')
}

async function unsubscribe(req: PayloadRequest): Promise<Response> {
  const token = tokenOf(req)
  const decision = await requestLimit.check(req.headers)
  if (!decision.allowed) return refusal(req, tooMany(langOf(req), decision.retryAfterSeconds))
  const doc = await subscriptionOfLink(req.payload, 'unsubscribe', token)
  if (req.method === 'GET') {
    // A GET never unsubscribes: mail scanners open links (RFC 8058, section 3.2).
    if (!doc) return reached(req, langOf(req), 'invalid')
    return formPage({
      status: 200,
      lang: doc.language as LocaleCode,
      manageToken: token,
      unsubscribeOnly: true,
    })
  }
  // The one-click POST comes from a mail program, without an Origin: the signed link is the
  // proof, for the button on the page as well.
  const lang = (doc?.language as LocaleCode | undefined) ?? langOf(req)
  if (doc) await endSubscription(req.payload, doc)
  const body = await boundedBody(req as unknown as Request, 1024)
  const oneClick = body && Buffer.from(body).toString('utf8').includes('List-Unsubscribe=One-Click')
  // Unsubscribing twice is no error for a mail program.
  if (oneClick) return Response.json({ ok: true }, { headers: noStore })
  if (!wantsHtml(req.headers))
    return Response.json({ ok: Boolean(doc) }, { status: doc ? 200 : 404, headers: noStore })
  return seeOther(urls.digestStep(lang, doc ? 'unsubscribed' : 'invalid'))
}

/** The digest as a reader of a commune gets it, from what is live now; links lead nowhere. */
async function preview(req: PayloadRequest): Promise<Response> {
  if (!hasRole(req.user, 'admin', 'coordinator', 'commune-editor'))
    return Response.json({ error: 'Only editors preview the digest.' }, { status: 403 })
  const query = new URL(req.url ?? 'http://localhost/').searchParams
  const lang = langOf(req)
  const period = periodOfKey(query.get('period') ?? '') ?? digestPeriod('weekly', DateTime.now())
  const note = (key: 'digestNothing' | 'digestNotPublished', status: number) =>
    new Response(
      `<!DOCTYPE html><html lang="${req.i18n.language}"><head><meta charset="utf-8"><title>${escapeHtml(period.key)}</title></head>` +
        `<body><p>${escapeHtml(message(key, req.i18n.language))}</p></body></html>`,
      { status, headers: { 'content-type': 'text/html; charset=utf-8', ...noStore } },
    )
  const store = new SnapshotStore(snapshotsDir())
  const live = store.live()
  if (!live) return note('digestNotPublished', 404)
  const content = new SiteContent(store.read(live.version))
  const commune = query.get('commune') ?? ''
  if (commune && !content.commune(commune, lang))
    return Response.json(
      { error: `No published commune "${commune.slice(0, 60)}".` },
      { status: 400 },
    )
  const choices = { communes: commune ? [commune] : [], categories: [], audiences: [], spoken: [] }
  const links = { manage: '#', unsubscribe: '#' }
  const mail = digestMail(content, lang, choices, period, links, siteUrl(new URL(publicUrl())))
  if (!mail) return note('digestNothing', 200)
  return new Response(mail.html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': SITE_CONTENT_SECURITY_POLICY,
      ...noStore,
    },
  })
}

export const digestEndpoints: Endpoint[] = [
  { path: '/digest/preview', method: 'get', handler: preview },
  { path: '/digest/subscribe', method: 'post', handler: subscribe },
  { path: '/digest/confirm', method: 'get', handler: confirm },
  { path: '/digest/manage', method: 'get', handler: manage },
  { path: '/digest/manage', method: 'post', handler: manage },
  { path: '/digest/unsubscribe', method: 'get', handler: unsubscribe },
  { path: '/digest/unsubscribe', method: 'post', handler: unsubscribe },
]
