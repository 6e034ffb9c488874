// Subscribing to the events digest without an account (POST /api/digest/subscribe): double
// opt-in by a signed link valid 48 hours, the same answer whether or not the address is known,
// the submission forms' protections, changing the choices and unsubscribing by signed links
// (one-click POST, RFC 8058), and the deletion of subscriptions never confirmed.
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readOutbox } from '../../cms/email'
import { purgeUnconfirmed, subscriptionLinks } from '../../cms/digests/subscriptions'
import { emailsDelivered } from '../../cms/submissions/emails'
import {
  closeTestPayload,
  createCommune,
  createDoc,
  createUser,
  postForm,
  rest,
  testPayload,
} from './helpers'

let payload: Payload
let client = 0
const origin = 'http://localhost:3000'
const ids: Record<string, number | string> = {}
const outbox = () => path.join(process.env.DATA_DIR!, 'outbox')
const mailTo = async (address: string) => {
  await emailsDelivered()
  return readOutbox(outbox()).filter((m) => m.to.includes(address))
}

const fields = {
  lang: 'pt',
  email: 'leitora@example.org',
  language: 'pt',
  frequency: 'weekly',
  communes: 'remich',
  consent: 'yes',
  website: '',
  renderedAt: String(Date.now() - 60_000),
}

const post = (
  pathAndQuery: string,
  values: Record<string, string | string[]>,
  headers: Record<string, string> = {},
) =>
  postForm(pathAndQuery, values, {
    origin,
    'x-zesummen-client': `203.0.113.${++client}`,
    ...headers,
  })

const subscribe = (values: Record<string, string | string[]>, headers?: Record<string, string>) =>
  post('/digest/subscribe?lang=pt', values, headers)

/** The path and query of the link in a mail's text that goes to an endpoint. */
function linkIn(text: string, action: string): string {
  const found = new RegExp(`https?://[^\\s]+/api(/digest/${action}\\?[^\\s]+)`).exec(text)
  if (!found) throw new Error(`No ${action} link in:\n${text}`)
  return found[1]!
}

const stored = async (email: string) =>
  (
    await payload.find({
      collection: 'digest-subscriptions',
      where: { email: { equals: email } },
      depth: 0,
    })
  ).docs[0]

beforeAll(async () => {
  payload = await testPayload()
  ids.remich = (await createCommune(payload, 'Remich', '1205')).id
  ids.mertert = (await createCommune(payload, 'Mertert', '1206')).id
  ids.culture = (await createDoc(payload, 'categories', { label: 'Cultura', slug: 'culture' })).id
})

afterAll(closeTestPayload)

describe('subscribing', () => {
  it('stores nothing that receives digests until the confirmation link is followed', async () => {
    const answer = await subscribe({ ...fields, categories: 'culture', spoken: ['pt', 'fr'] })
    expect(answer.status).toBe(202)
    const doc = await stored('leitora@example.org')
    expect(doc).toMatchObject({ language: 'pt', frequency: 'weekly', confirmedAt: null })
    expect(doc!.communes).toEqual([ids.remich])
    expect(doc!.categories).toEqual([ids.culture])
    expect(doc!.spoken).toEqual(['pt', 'fr'])
    const [mail] = await mailTo('leitora@example.org')
    expect(mail!.subject).toBe('Confirme: eventos do Miselerland por e-mail')
    expect(mail!.text).toContain('dentro de 48 horas')
    const confirm = await rest('GET', linkIn(mail!.text, 'confirm'))
    expect(confirm.status).toBe(303)
    expect(confirm.headers.get('location')).toBe('/pt/digest/confirmed/')
    expect((await stored('leitora@example.org'))!.confirmedAt).toBeTruthy()
  })

  it('answers the same for a known address, and mails it its link to change the choices', async () => {
    const unknown = await subscribe({ ...fields, email: 'nova@example.org' })
    const known = await subscribe({ ...fields, frequency: 'monthly' })
    expect(known.status).toBe(unknown.status)
    expect(known.body).toEqual(unknown.body)
    // The known subscription is unchanged: only its owner changes it, through the mailed link.
    expect((await stored('leitora@example.org'))!.frequency).toBe('weekly')
    const mails = await mailTo('leitora@example.org')
    expect(mails.at(-1)!.subject).toBe('Os seus eventos do Miselerland por e-mail')
    expect(mails.at(-1)!.text).toContain('/api/digest/manage?')
  })

  it('refuses a confirmation link that is forged, expired or replaced', async () => {
    const doc = (await stored('nova@example.org'))!
    const [mail] = await mailTo('nova@example.org')
    const link = linkIn(mail!.text, 'confirm')
    const forged = link.replace(
      /token=([^&]+)/,
      (_, token: string) => `token=${token.slice(0, -2)}xx`,
    )
    expect((await rest('GET', forged)).headers.get('location')).toBe('/pt/digest/invalid/')
    const past = Date.now() - 49 * 60 * 60 * 1000
    const expired = subscriptionLinks(payload.secret, doc, past).confirm
    const expiredPath = new URL(expired).pathname.replace(/^\/api/, '') + new URL(expired).search
    expect((await rest('GET', expiredPath)).headers.get('location')).toBe('/pt/digest/invalid/')
    // Asking again sends a new link; the first one stops working.
    await subscribe({ ...fields, email: 'nova@example.org' })
    expect((await rest('GET', link)).headers.get('location')).toBe('/pt/digest/invalid/')
    expect((await stored('nova@example.org'))!.confirmedAt).toBeNull()
  })

  it('answers a browser without JavaScript with pages', async () => {
    const html = { accept: 'text/html,application/xhtml+xml' }
    const sent = await subscribe({ ...fields, email: 'navegador@example.org' }, html)
    expect(sent.status).toBe(303)
    expect(sent.headers.get('location')).toBe('/pt/digest/sent/')
    const wrong = await subscribe({ ...fields, email: 'sem-arroba', consent: '' }, html)
    expect(wrong.status).toBe(400)
    expect(wrong.headers.get('content-type')).toContain('text/html')
    expect(wrong.text).toContain('Indique um endereço de e-mail válido')
    expect(wrong.text).toContain('Para subscrever, marque a caixa')
  })

  it('keeps the submission forms’ protections', async () => {
    const foreign = await subscribe(
      { ...fields, email: 'x@example.org' },
      { origin: 'https://evil.example' },
    )
    expect(foreign.status).toBe(403)
    const bot = await subscribe({ ...fields, email: 'bot@example.org', website: 'http://spam' })
    expect(bot.status).toBe(202)
    const quick = await subscribe({
      ...fields,
      email: 'quick@example.org',
      renderedAt: String(Date.now()),
    })
    expect(quick.status).toBe(202)
    const huge = await subscribe({ ...fields, email: 'big@example.org', note: 'x'.repeat(20_000) })
    expect(huge.status).toBe(413)
    const invalid = await subscribe({
      ...fields,
      email: 'not-an-address',
      communes: 'atlantis',
      consent: '',
    })
    expect(invalid.status).toBe(400)
    expect(Object.keys(invalid.body.errors as object).sort()).toEqual([
      'communes',
      'consent',
      'email',
    ])
    for (const email of ['x@example.org', 'bot@example.org', 'quick@example.org'])
      expect(await stored(email)).toBeUndefined()
    // Five stored subscriptions per client in ten minutes; then a 429 with Retry-After.
    const one = { 'x-zesummen-client': '192.0.2.99' }
    for (let index = 0; index < 5; index += 1)
      expect((await subscribe({ ...fields, email: `r${index}@example.org` }, one)).status).toBe(202)
    const sixth = await subscribe({ ...fields, email: 'r6@example.org' }, one)
    expect(sixth.status).toBe(429)
    expect(sixth.headers.get('retry-after')).toBeTruthy()
  })
})

describe('changing and ending a subscription', () => {
  it('changes the choices through the signed link, and unsubscribes in one click', async () => {
    const doc = (await stored('leitora@example.org'))!
    const links = subscriptionLinks(payload.secret, doc, Date.now())
    const manage = new URL(links.manage)
    const apiPath = (url: URL) => url.pathname.replace(/^\/api/, '') + url.search
    expect((await rest('GET', apiPath(manage))).status).toBe(200)
    const saved = await post(apiPath(manage), {
      lang: 'pt',
      language: 'fr',
      frequency: 'monthly',
      communes: ['remich', 'mertert'],
    })
    expect(saved.status).toBe(200)
    expect(await stored('leitora@example.org')).toMatchObject({
      language: 'fr',
      frequency: 'monthly',
      communes: [ids.remich, ids.mertert],
      categories: [],
      email: 'leitora@example.org',
    })
    // A GET of the unsubscribe address (a mail scanner) shows the button and changes nothing.
    const unsubscribe = new URL(links.unsubscribe)
    expect((await rest('GET', apiPath(unsubscribe))).status).toBe(200)
    expect(await stored('leitora@example.org')).toBeDefined()
    const oneClick = await rest('POST', apiPath(unsubscribe), {
      raw: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(oneClick.status).toBe(200)
    expect(await stored('leitora@example.org')).toBeUndefined()
    expect((await rest('GET', apiPath(manage))).headers.get('location')).toBe('/pt/digest/invalid/')
  })

  it('counts readers per commune and language for the coordinator, without an address', async () => {
    await subscribe({ ...fields, email: 'ana@example.org', communes: ['remich', 'mertert'] })
    const ana = (await stored('ana@example.org'))!
    await payload.update({
      collection: 'digest-subscriptions',
      id: ana.id,
      data: { confirmedAt: new Date().toISOString() },
    })
    const coordinator = await createUser(payload, 'coordinator', ['coordinator'])
    const counts = await rest('GET', '/digest-subscriptions/counts', { token: coordinator.token })
    expect(counts.body).toMatchObject({
      confirmed: 1,
      paused: 0,
      byLanguage: { pt: 1 },
      byCommune: { remich: 1, mertert: 1 },
    })
    expect(counts.text).not.toContain('@')
  })

  it('ends an unconfirmed subscription from its confirmation mail’s unsubscribe header', async () => {
    await subscribe({ ...fields, email: 'engano@example.org' })
    const doc = (await stored('engano@example.org'))!
    const target = new URL(subscriptionLinks(payload.secret, doc, Date.now()).unsubscribe)
    const oneClick = await rest('POST', target.pathname.replace(/^\/api/, '') + target.search, {
      raw: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(oneClick.status).toBe(200)
    expect(await stored('engano@example.org')).toBeUndefined()
  })

  it('deletes subscriptions not confirmed within 7 days', async () => {
    const before = (await payload.count({ collection: 'digest-subscriptions' })).totalDocs
    const unconfirmed = (
      await payload.count({
        collection: 'digest-subscriptions',
        where: { confirmedAt: { exists: false } },
      })
    ).totalDocs
    expect(unconfirmed).toBeGreaterThan(0)
    expect((await purgeUnconfirmed(payload, Date.now() + 6 * 24 * 3600_000)).deleted).toBe(0)
    const { deleted } = await purgeUnconfirmed(payload, Date.now() + 7 * 24 * 3600_000 + 60_000)
    expect(deleted).toBe(unconfirmed)
    expect((await payload.count({ collection: 'digest-subscriptions' })).totalDocs).toBe(
      before - unconfirmed,
    )
  })
})
