// What a digest run records per address, so that no period is sent twice and a stopped run
// resumes: before a mail is handed to the mail server the subscription is marked as being sent
// that period (`sendingPeriod`), after it as sent (`lastSentPeriod`). A run that stops between
// the two leaves the mark: the next run of that period skips the address (at most once, never
// twice) and counts it as interrupted. Three permanent failures in a row pause the address.
import type { Payload } from 'payload'
import type { DigestSubscription } from '../payload-types'
import { DIGEST_MAX_FAILURES, type DigestPeriod } from '../domain/digest'

export type DigestStanding = 'due' | 'sent' | 'interrupted'

/** Where a subscription stands for a period. */
export function standingOf(doc: DigestSubscription, period: DigestPeriod): DigestStanding {
  if (doc.lastSentPeriod === period.key) return 'sent'
  if (doc.sendingPeriod === period.key) return 'interrupted'
  return 'due'
}

/** Confirmed, not paused subscriptions of the period's frequency, oldest first. */
export async function subscribersOf(
  payload: Payload,
  period: DigestPeriod,
): Promise<DigestSubscription[]> {
  const { docs } = await payload.find({
    collection: 'digest-subscriptions',
    where: { frequency: { equals: period.frequency } },
    depth: 0,
    limit: 0,
    pagination: false,
    sort: 'createdAt',
  })
  // Dates are checked here, not in the query: MongoDB's `exists` counts a cleared (null) date as
  // present, and a cleared pause or a pending confirmation is exactly that.
  return docs.filter((doc) => doc.confirmedAt && !doc.pausedAt)
}

const update = (
  payload: Payload,
  id: DigestSubscription['id'],
  data: Partial<DigestSubscription>,
) => payload.update({ collection: 'digest-subscriptions', id, data, depth: 0 })

/** Marks the period as being sent to this address; must be stored before the mail leaves. */
export async function markSending(payload: Payload, doc: DigestSubscription, period: DigestPeriod) {
  await update(payload, doc.id, { sendingPeriod: period.key })
}

export async function markSent(payload: Payload, doc: DigestSubscription, period: DigestPeriod) {
  await update(payload, doc.id, {
    lastSentPeriod: period.key,
    sendingPeriod: null,
    failures: 0,
    lastError: null,
  })
}

/**
 * A mail that did not leave: the mark is cleared (a later run of the period tries again); a
 * permanent failure counts towards the pause. Returns whether the address is now paused.
 */
export async function markFailed(
  payload: Payload,
  doc: DigestSubscription,
  permanent: boolean,
  message: string,
  now = new Date(),
): Promise<boolean> {
  const failures = (doc.failures ?? 0) + (permanent ? 1 : 0)
  const paused = failures >= DIGEST_MAX_FAILURES
  await update(payload, doc.id, {
    sendingPeriod: null,
    failures,
    lastError: message.slice(0, 500),
    ...(paused ? { pausedAt: now.toISOString() } : {}),
  })
  if (paused)
    payload.logger.warn(`Digest paused for subscription ${doc.id} after ${failures} failures.`)
  return paused
}
