// A reader's subscription to the events digest, from the form to the last mail: asked for
// (stored unconfirmed, a confirmation mail), confirmed by the mail's link within 48 hours,
// changed or ended by the signed links every mail carries, deleted after a week when never
// confirmed. Asking again with an address already subscribed changes nothing and sends that
// address its link to change its choices: the form's answer is the same either way.
import type { Payload } from 'payload'
import type { DigestSubscription } from '../payload-types'
import type { LocaleCode } from '../../locales/config'
import { t } from '../../locales/i18n'
import { CONFIRM_VALID_HOURS, type DigestFrequency, UNCONFIRMED_KEEP_DAYS } from '../domain/digest'
import { plainLine } from '../domain/plainText'
import { siteUrl, urls } from '../domain/urls'
import { deliverLater } from '../submissions/emails'
import { publicUrl } from '../settings'
import { type LinkPurpose, readLink, signLink } from './links'

const HOUR_MS = 60 * 60 * 1000

/** What the form asks for, checked: ids of published communes, categories and target groups. */
export interface SubscriptionChoices {
  language: LocaleCode
  frequency: DigestFrequency
  communes: number[]
  categories: number[]
  targetGroups: number[]
  spoken: string[]
}

/** The signed addresses of one subscription's links. */
export interface SubscriptionLinks {
  confirm: string
  manage: string
  /** The page with the unsubscribe button, and the address of RFC 8058's one-click POST. */
  unsubscribe: string
}

export function subscriptionLinks(
  secret: string,
  doc: Pick<DigestSubscription, 'id' | 'linkGeneration' | 'language'>,
  now: number,
  site = siteUrl(new URL(publicUrl())),
): SubscriptionLinks {
  const lang = doc.language as LocaleCode
  const link = (purpose: LinkPurpose, expiresAt = 0) =>
    new URL(
      urls.digestApi(purpose, lang, signLink(secret, purpose, doc, expiresAt)),
      site,
    ).toString()
  return {
    confirm: link('confirm', now + CONFIRM_VALID_HOURS * HOUR_MS),
    manage: link('manage'),
    unsubscribe: link('unsubscribe'),
  }
}

/** The headers that let mail programs offer "unsubscribe" and do it in one click (RFC 8058). */
export function unsubscribeHeaders(links: SubscriptionLinks): Record<string, string> {
  return {
    'List-Unsubscribe': `<${links.unsubscribe}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  }
}

const normalEmail = (email: string) => email.trim().toLowerCase()

async function byEmail(payload: Payload, email: string): Promise<DigestSubscription | null> {
  const { docs } = await payload.find({
    collection: 'digest-subscriptions',
    where: { email: { equals: normalEmail(email) } },
    depth: 0,
    limit: 1,
  })
  return docs[0] ?? null
}

function mail(payload: Payload, doc: DigestSubscription, kind: 'confirm' | 'already', now: number) {
  const lang = doc.language as LocaleCode
  const links = subscriptionLinks(payload.secret, doc, now)
  const lines =
    kind === 'confirm'
      ? [
          t(lang, 'digest.confirm.text', { hours: CONFIRM_VALID_HOURS }),
          '',
          links.confirm,
          '',
          t(lang, 'digest.confirm.ignore', { days: UNCONFIRMED_KEEP_DAYS }),
        ]
      : [t(lang, 'digest.already.text'), '', links.manage]
  deliverLater(payload, () =>
    payload.sendEmail({
      to: doc.email,
      subject: plainLine(t(lang, `digest.${kind}.subject`)),
      text: `${lines.join('\n')}\n`,
      headers: unsubscribeHeaders(links),
    }),
  )
}

const choiceData = (choices: SubscriptionChoices) => ({
  language: choices.language,
  frequency: choices.frequency,
  communes: choices.communes,
  categories: choices.categories,
  targetGroups: choices.targetGroups,
  spoken: choices.spoken as DigestSubscription['spoken'],
})

/** The form was sent: store or refresh an unconfirmed subscription, or remind a subscribed one. */
export async function requestSubscription(
  payload: Payload,
  email: string,
  choices: SubscriptionChoices,
  now = Date.now(),
): Promise<void> {
  const existing = await byEmail(payload, email)
  if (existing?.confirmedAt) return mail(payload, existing, 'already', now)
  const data = { ...choiceData(choices), consentAt: new Date(now).toISOString() }
  const doc = existing
    ? await payload.update({
        collection: 'digest-subscriptions',
        id: existing.id,
        // A new confirmation link ends the one sent before.
        data: { ...data, linkGeneration: (existing.linkGeneration ?? 0) + 1 },
      })
    : await payload.create({
        collection: 'digest-subscriptions',
        data: { ...data, email: normalEmail(email), linkGeneration: 0 },
      })
  mail(payload, doc, 'confirm', now)
}

/** The subscription a link names, if the link is this server's, current and not expired. */
export async function subscriptionOfLink(
  payload: Payload,
  purpose: LinkPurpose,
  token: string,
  now = Date.now(),
): Promise<DigestSubscription | null> {
  const link = readLink(payload.secret, purpose, token, now)
  if (!link.ok) return null
  const doc = await payload
    .findByID({ collection: 'digest-subscriptions', id: link.id, depth: 0 })
    .catch(() => null)
  if (!doc || (doc.linkGeneration ?? 0) !== link.generation) return null
  // Changing the choices needs a confirmed subscription; unsubscribing (from the confirmation
  // mail's header too) does not.
  if (purpose === 'manage' && !doc.confirmedAt) return null
  return doc
}

/** The confirmation link was followed: from now on the address receives digests. */
export async function confirmSubscription(
  payload: Payload,
  doc: DigestSubscription,
  now = Date.now(),
): Promise<void> {
  if (doc.confirmedAt) return
  await payload.update({
    collection: 'digest-subscriptions',
    id: doc.id,
    data: { confirmedAt: new Date(now).toISOString() },
  })
}

export async function changeChoices(
  payload: Payload,
  doc: DigestSubscription,
  choices: SubscriptionChoices,
): Promise<void> {
  await payload.update({
    collection: 'digest-subscriptions',
    id: doc.id,
    data: choiceData(choices),
  })
}

/** Unsubscribing deletes the address: nothing is kept of a reader who left. */
export async function endSubscription(payload: Payload, doc: DigestSubscription): Promise<void> {
  await payload.delete({ collection: 'digest-subscriptions', id: doc.id })
}

/** Subscriptions never confirmed within UNCONFIRMED_KEEP_DAYS are deleted. */
export async function purgeUnconfirmed(
  payload: Payload,
  now = Date.now(),
): Promise<{ deleted: number }> {
  const cutoff = new Date(now - UNCONFIRMED_KEEP_DAYS * 24 * HOUR_MS).toISOString()
  const { docs } = await payload.find({
    collection: 'digest-subscriptions',
    where: { consentAt: { less_than: cutoff } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { confirmedAt: true },
  })
  // Not `exists` in the query: MongoDB counts a null date as present (see deliveries.ts).
  const stale = docs.filter((doc) => !doc.confirmedAt).map((doc) => doc.id)
  if (!stale.length) return { deleted: 0 }
  await payload.delete({ collection: 'digest-subscriptions', where: { id: { in: stale } } })
  payload.logger.info(`Deleted ${stale.length} unconfirmed digest subscriptions.`)
  return { deleted: stale.length }
}
