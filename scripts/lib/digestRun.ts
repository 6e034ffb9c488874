// One run of the events digest for a period: every confirmed subscriber of its frequency gets
// the matching events of the published snapshot (the public's view), built by the site's digest
// view (web/lib/digest.ts); with `send`, the mails go through the send queue, each address's
// progress recorded around the mail (cms/digests/deliveries.ts) so that a run never sends a
// period twice and a stopped run resumes. Used by `npm run digests` and the Monday job.
import type { Payload } from 'payload'
import type { LocaleCode } from '../../locales/config'
import type { DigestChoices, DigestPeriod } from '../../cms/domain/digest'
import type { RawDoc } from '../../cms/domain/snapshot'
import {
  markFailed,
  markSending,
  markSent,
  standingOf,
  subscribersOf,
} from '../../cms/digests/deliveries'
import { deliverWithRetries, runThrottled } from '../../cms/digests/sendQueue'
import { subscriptionLinks, unsubscribeHeaders } from '../../cms/digests/subscriptions'
import type { DigestSubscription } from '../../cms/payload-types'
import type { DigestSendSettings } from '../../cms/settings'
import type { SiteContent } from '../../web/lib/content'
import { type DigestMail, digestItems, digestMail } from '../../web/lib/digest'

export interface DigestRunCounts {
  /** Confirmed, not paused subscribers of the period's frequency. */
  subscribers: number
  /** Mails made (something matched). */
  built: number
  sent: number
  /** Nothing in the period matched: no mail. */
  skippedEmpty: number
  /** Sent in an earlier run of this period. */
  alreadySent: number
  /** An earlier run stopped while sending to these: skipped, never sent twice. */
  interrupted: number
  failed: number
  /** Paused by this run after their third permanent failure. */
  paused: number
}

export interface DigestRunOptions {
  period: DigestPeriod
  send: boolean
  site: URL
  settings: DigestSendSettings
  now?: number
  /** Called after each address is done (progress; tests stop a run here). */
  onProgress?: (counts: DigestRunCounts) => void
}

export interface BuiltDigest {
  subscription: DigestSubscription
  mail: DigestMail
  headers: Record<string, string>
}

/** Slugs of the snapshot's documents by id: a subscription stores ids, the views use slugs. */
function slugsById(content: SiteContent, collection: 'communes' | 'categories' | 'target-groups') {
  const docs = (content.snapshot.collections[collection] ?? []) as RawDoc[]
  return new Map(docs.map((doc) => [String(doc.id), String(doc.slug)]))
}

/** Builds the digests of a period from one content; null entries had nothing matching. */
export class DigestBuilder {
  private readonly slugs
  /** Readers with the same language and choices share one list of events. */
  private readonly items = new Map<string, ReturnType<typeof digestItems>>()

  constructor(
    private readonly content: SiteContent,
    private readonly period: DigestPeriod,
    private readonly site: URL,
    private readonly secret: string,
    private readonly now = Date.now(),
  ) {
    this.slugs = {
      communes: slugsById(content, 'communes'),
      categories: slugsById(content, 'categories'),
      targetGroups: slugsById(content, 'target-groups'),
    }
  }

  choicesOf(doc: DigestSubscription): DigestChoices {
    // Ids of documents no longer published fall away, as on the site.
    const slugs = (map: Map<string, string>, ids: unknown) =>
      (Array.isArray(ids) ? ids : [])
        .map((id) => map.get(String(typeof id === 'object' && id ? id.id : id)))
        .filter((slug): slug is string => slug !== undefined)
    return {
      communes: slugs(this.slugs.communes, doc.communes),
      categories: slugs(this.slugs.categories, doc.categories),
      audiences: slugs(this.slugs.targetGroups, doc.targetGroups),
      spoken: [...(doc.spoken ?? [])],
    }
  }

  build(doc: DigestSubscription): BuiltDigest | null {
    const lang = doc.language as LocaleCode
    const choices = this.choicesOf(doc)
    // A subscription whose only communes were all unpublished would otherwise widen to all.
    if (Array.isArray(doc.communes) && doc.communes.length && !choices.communes.length) return null
    const key = `${lang}|${JSON.stringify(choices)}`
    let items = this.items.get(key)
    if (!items) this.items.set(key, (items = digestItems(this.content, lang, choices, this.period)))
    const links = subscriptionLinks(this.secret, doc, this.now, this.site)
    const mail = digestMail(this.content, lang, choices, this.period, links, this.site, items)
    return mail ? { subscription: doc, mail, headers: unsubscribeHeaders(links) } : null
  }
}

export async function runDigests(
  payload: Payload,
  content: SiteContent,
  options: DigestRunOptions,
): Promise<DigestRunCounts> {
  const { period } = options
  const counts: DigestRunCounts = {
    subscribers: 0,
    built: 0,
    sent: 0,
    skippedEmpty: 0,
    alreadySent: 0,
    interrupted: 0,
    failed: 0,
    paused: 0,
  }
  const builder = new DigestBuilder(content, period, options.site, payload.secret, options.now)
  const subscribers = await subscribersOf(payload, period)
  counts.subscribers = subscribers.length
  const due: BuiltDigest[] = []
  for (const doc of subscribers) {
    const standing = standingOf(doc, period)
    if (standing === 'sent') counts.alreadySent += 1
    else if (standing === 'interrupted') counts.interrupted += 1
    else {
      const built = builder.build(doc)
      if (!built) counts.skippedEmpty += 1
      else {
        counts.built += 1
        due.push(built)
      }
    }
  }
  if (!options.send) return counts
  await runThrottled(due, options.settings, async ({ subscription, mail, headers }) => {
    await markSending(payload, subscription, period)
    const delivery = await deliverWithRetries(
      () =>
        payload.sendEmail({
          to: subscription.email,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers,
        }),
      options.settings,
    )
    if (delivery.ok) {
      await markSent(payload, subscription, period)
      counts.sent += 1
    } else {
      counts.failed += 1
      if (await markFailed(payload, subscription, delivery.permanent, delivery.message))
        counts.paused += 1
    }
    options.onProgress?.(counts)
  })
  return counts
}
