// The emails of a submission's life: a confirmation to the person who sent it and a notice to the
// people who moderate it when it arrives, then the decision (with its reason) to the submitter.
// Submitters read their own language (the five site languages); moderators the admin language
// of their account. Plain text only: what the public typed never becomes HTML.
import type { Payload, PayloadRequest, Where } from 'payload'
import { isLocaleCode, type LocaleCode } from '../../locales/config'
import { t } from '../../locales/i18n'
import { siteUrl, urls } from '../domain/urls'
import { relationId } from '../access/roles'
import { plainLine } from '../domain/plainText'
import { type AdminLanguage, adminLanguages, message } from '../i18n/messages'
import { publicUrl, submissionRetentionDays } from '../settings'
import type { SubmissionStatus } from '../domain/submissionLimits'

/** The fields of a submission the emails need. */
export interface SubmissionForEmail {
  id: string | number
  kind: string
  title: string
  language?: string | null
  status?: string | null
  reason?: string | null
  slug?: string | null
  communes?: unknown
  contact?: { name?: string | null; email?: string | null } | null
}

const site = () => siteUrl(new URL(publicUrl()))
const absolute = (href: string) => new URL(href, site()).toString()
const submitterLanguage = (doc: SubmissionForEmail): LocaleCode =>
  isLocaleCode(doc.language) ? doc.language : 'fr'

/**
 * Emails leave after the hook that asked for them returns, outside the database transaction: a
 * slow mail server must not hold SQLite's write lock. Kept on globalThis so tests and the
 * shutdown can wait for them (Next.js may load this module more than once).
 */
const pending = ((globalThis as Record<symbol, unknown>)[Symbol.for('zesummen.emails')] ??= new Set<
  Promise<unknown>
>()) as Set<Promise<unknown>>

export function deliverLater(payload: Payload, task: () => Promise<unknown>): void {
  const delivery = new Promise((resolve) => setImmediate(resolve))
    .then(task)
    .catch((error: unknown) => payload.logger.error({ err: error }, 'Email delivery failed'))
    .finally(() => pending.delete(delivery))
  pending.add(delivery)
}

/** Resolves when every email asked for so far has been sent (or has failed and been logged). */
export async function emailsDelivered(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending])
}

/** Sends one email; a mail server that is down is logged, never breaks the submission. */
async function send(payload: Payload, to: string, subject: string, text: string): Promise<boolean> {
  try {
    await payload.sendEmail({ to, subject: plainLine(subject), text })
    return true
  } catch (error) {
    payload.logger.error({ err: error, to }, 'Email could not be sent')
    return false
  }
}

function greeting(lang: LocaleCode, doc: SubmissionForEmail): string {
  const name = doc.contact?.name?.trim()
  return name ? t(lang, 'email.greetingName', { name }) : t(lang, 'email.greeting')
}

const signature = (lang: LocaleCode) =>
  `${t(lang, 'email.signature')}\n${absolute(urls.home(lang))}`

/** "We received …": what happens next, how long we keep it and how to ask for deletion. */
export async function sendReceipt(payload: Payload, doc: SubmissionForEmail): Promise<boolean> {
  const email = doc.contact?.email
  if (!email) return false
  const lang = submitterLanguage(doc)
  const privacy = absolute(urls.page(lang, 'privacy'))
  const text = [
    greeting(lang, doc),
    t(lang, doc.kind === 'event' ? 'email.receipt.event' : 'email.receipt.initiative', {
      title: doc.title,
    }),
    t(lang, 'email.receipt.next'),
    t(lang, 'email.receipt.privacy', { days: submissionRetentionDays(), privacy }),
    signature(lang),
  ].join('\n\n')
  return send(payload, email, t(lang, 'email.receipt.subject', { title: doc.title }), text)
}

/** The decision, with the moderator's reason for a refusal or a request for changes. */
export async function sendDecision(payload: Payload, doc: SubmissionForEmail): Promise<boolean> {
  const email = doc.contact?.email
  const status = doc.status as SubmissionStatus
  if (!email || status === 'pending') return false
  const lang = submitterLanguage(doc)
  const lines = [greeting(lang, doc)]
  if (status === 'approved') {
    lines.push(
      doc.kind === 'initiative' && doc.slug
        ? t(lang, 'email.approved.initiative', {
            title: doc.title,
            url: absolute(urls.initiative(lang, doc.slug)),
          })
        : t(lang, 'email.approved.event', { title: doc.title }),
    )
  } else {
    const key = status === 'rejected' ? 'email.rejected' : 'email.changes'
    lines.push(t(lang, key, { title: doc.title }), `${doc.reason ?? ''}`.trim())
    if (status === 'changes-requested') lines.push(t(lang, 'email.changes.how'))
  }
  lines.push(signature(lang))
  return send(
    payload,
    email,
    t(lang, `email.subject.${status}`, { title: doc.title }),
    lines.join('\n\n'),
  )
}

interface Moderator {
  email: string
  language?: string | null
}

/**
 * The coordinator(s) and the commune editors of the communes the submission concerns. Without a
 * coordinator account the admins are told instead, so no submission waits unseen.
 */
export async function moderatorsOf(
  payload: Payload,
  doc: SubmissionForEmail,
  req?: PayloadRequest,
): Promise<Moderator[]> {
  const communes = (Array.isArray(doc.communes) ? doc.communes : [])
    .map((entry) => relationId(entry as never))
    .filter((id): id is string | number => id !== null)
  const who: Where[] = [{ roles: { in: ['coordinator', 'admin'] } }]
  if (communes.length > 0)
    who.push({
      and: [{ roles: { in: ['commune-editor'] } }, { communes: { in: communes } }],
    })
  const { docs } = await payload.find({
    collection: 'users',
    where: { or: who },
    depth: 0,
    limit: 200,
    pagination: false,
    select: { email: true, language: true, roles: true },
    ...(req ? { req } : {}),
  })
  const users = docs as (Moderator & { roles?: string[] | null })[]
  const hasCoordinator = users.some((user) => user.roles?.includes('coordinator'))
  return users.filter(
    (user) =>
      !hasCoordinator ||
      user.roles?.includes('coordinator') ||
      user.roles?.includes('commune-editor'),
  )
}

/** "To moderate": a short notice with a link to the submission in the admin. */
export async function notifyModerators(
  payload: Payload,
  doc: SubmissionForEmail,
  req?: PayloadRequest,
): Promise<number> {
  const moderators = await moderatorsOf(payload, doc, req)
  const link = absolute(`/admin/collections/submissions/${doc.id}`)
  let sent = 0
  for (const moderator of moderators) {
    const language: AdminLanguage = (adminLanguages as readonly string[]).includes(
      moderator.language ?? '',
    )
      ? (moderator.language as AdminLanguage)
      : 'fr'
    const kind = message(doc.kind === 'event' ? 'kindEvent' : 'kindInitiative', language)
    const subject = message('moderationEmailSubject', language, { kind, title: doc.title })
    const text = message('moderationEmailBody', language, { kind, title: doc.title, link })
    if (await send(payload, moderator.email, subject, text)) sent += 1
  }
  return sent
}
