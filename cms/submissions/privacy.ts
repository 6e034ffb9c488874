// Personal data of submitters and digest subscribers: what the retention job deletes, and the
// coordinator's answer to a person's request (export everything held about an email address, or
// erase it).
import type { Payload, PayloadRequest, Where } from 'payload'
import { relationId } from '../access/roles'
import { submissionRetentionDays } from '../settings'

const DAY_MS = 24 * 60 * 60 * 1000

/** Deletes a submission and its private image (the file goes with the image document). */
async function deleteWithImage(
  payload: Payload,
  doc: { id: string | number; image?: unknown },
  req?: PayloadRequest,
) {
  const image = relationId(doc.image as never)
  await payload.delete({ collection: 'submissions', id: doc.id, ...(req ? { req } : {}) })
  if (image !== null)
    await payload
      .delete({ collection: 'submission-images', id: image, ...(req ? { req } : {}) })
      .catch(() => undefined) // already gone
}

/**
 * Rejected submissions and those left pending or waiting for changes, untouched for the
 * retention period: deleted with their images. Approved ones stay (they are public content).
 */
export async function purgeStaleSubmissions(
  payload: Payload,
  now = new Date(),
  days = submissionRetentionDays(),
): Promise<{ deleted: number }> {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString()
  const { docs } = await payload.find({
    collection: 'submissions',
    where: {
      and: [{ status: { not_equals: 'approved' } }, { updatedAt: { less_than: cutoff } }],
    },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { image: true },
  })
  for (const doc of docs) await deleteWithImage(payload, doc)
  if (docs.length > 0)
    payload.logger.info(`Deleted ${docs.length} submissions older than ${days} days.`)
  return { deleted: docs.length }
}

const byEmail = (email: string): Where => ({ 'contact.email': { equals: email.trim() } })

/** A digest subscription's address is stored as typed; a request may differ in case. */
const subscriberEmail = (email: string): Where => ({
  email: { equals: email.trim().toLowerCase() },
})

/** Everything held about the person who used this email address in the forms. */
export async function exportPersonalData(payload: Payload, email: string) {
  const [{ docs }, subscriptions] = await Promise.all([
    payload.find({
      collection: 'submissions',
      where: byEmail(email),
      depth: 0,
      limit: 0,
      pagination: false,
    }),
    payload.find({
      collection: 'digest-subscriptions',
      where: subscriberEmail(email),
      depth: 0,
      limit: 0,
      pagination: false,
    }),
  ])
  return {
    email: email.trim(),
    exportedAt: new Date().toISOString(),
    submissions: docs,
    digestSubscriptions: subscriptions.docs,
  }
}

/**
 * Erasure on request: unpublished submissions are deleted with their images; approved ones stay
 * on the site without the contact details; a digest subscription is deleted.
 */
export async function erasePersonalData(
  payload: Payload,
  email: string,
  req?: PayloadRequest,
): Promise<{ deleted: number; anonymised: number; unsubscribed: number }> {
  const { docs } = await payload.find({
    collection: 'submissions',
    where: byEmail(email),
    depth: 0,
    limit: 0,
    pagination: false,
    select: { status: true, image: true },
    ...(req ? { req } : {}),
  })
  let deleted = 0
  let anonymised = 0
  for (const doc of docs) {
    if (doc.status === 'approved') {
      await payload.update({
        collection: 'submissions',
        id: doc.id,
        data: { contact: { name: null, email: null } },
        context: { moderationEffect: true },
        ...(req ? { req } : {}),
      })
      anonymised += 1
    } else {
      await deleteWithImage(payload, doc, req)
      deleted += 1
    }
  }
  const unsubscribed = await payload.delete({
    collection: 'digest-subscriptions',
    where: subscriberEmail(email),
    ...(req ? { req } : {}),
  })
  return { deleted, anonymised, unsubscribed: unsubscribed.docs.length }
}
