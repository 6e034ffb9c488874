// What a moderator's decision does. A new submission: a receipt to the submitter and a notice to
// its moderators. Approval of an initiative: it becomes public (the site lists approved
// initiatives) and its image is copied to the media library; approval of an event proposal: a
// draft event for an editor to complete and publish. Every decision is emailed to the submitter.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { isLocaleCode, type LocaleCode } from '../../locales/config'
import { t } from '../../locales/i18n'
import { relationId } from '../access/roles'
import { plainTextToLexical } from '../seed/richText'
import { submissionImagesDir } from '../settings'
import {
  deliverLater,
  notifyModerators,
  sendDecision,
  sendReceipt,
  type SubmissionForEmail,
} from './emails'

type Doc = Record<string, unknown> & SubmissionForEmail

/** Approved initiatives are on the site; nothing else a submission holds is public. */
export const isPublicSubmission = (doc: { status?: unknown; kind?: unknown } | null | undefined) =>
  doc?.status === 'approved' && doc?.kind === 'initiative'

const ids = (value: unknown) =>
  (Array.isArray(value) ? value : [])
    .map((entry) => relationId(entry as never))
    .filter((id): id is string | number => id !== null)

/**
 * Work done on behalf of a decision runs as the system (same request and transaction, no user),
 * so a draft event may name communes beyond the moderator's own: the submitter chose them.
 */
async function asSystem<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const { user, context } = req
  req.user = null
  req.context = { ...context }
  try {
    return await work()
  } finally {
    req.user = user
    req.context = context
  }
}

/** Copies the submitted image to the media library, described in the submitter's language. */
async function publishImage(doc: Doc, lang: LocaleCode, req: PayloadRequest) {
  const imageId = relationId(doc.image as never)
  if (imageId === null) return null
  const image = await req.payload.findByID({
    collection: 'submission-images',
    id: imageId,
    depth: 0,
    req,
  })
  const filename = image?.filename
  if (!filename) return null
  const data = await readFile(path.join(submissionImagesDir(), filename))
  const media = await asSystem(req, () =>
    req.payload.create({
      collection: 'media',
      locale: lang,
      data: {
        alt: (typeof doc.imageAlt === 'string' && doc.imageAlt) || doc.title,
        sourceLanguage: lang,
      } as never,
      file: { data, mimetype: 'image/webp', name: filename, size: data.byteLength },
      req,
    }),
  )
  return media.id
}

/** A draft event with what the proposal holds; the place stays text for the editor to pick. */
async function draftEvent(doc: Doc, lang: LocaleCode, imageId: unknown, req: PayloadRequest) {
  const event = (doc.event ?? {}) as {
    start?: string
    end?: string
    place?: string | null
    onlineUrl?: string | null
    free?: boolean | null
  }
  const description = String(doc.description ?? '')
  const place = event.place?.trim()
    ? `\n\n${t(lang, 'submit.proposedPlace', { place: event.place.trim() })}`
    : ''
  const summary = description.replace(/\s+/g, ' ').trim()
  const created = await asSystem(req, () =>
    req.payload.create({
      collection: 'events',
      locale: lang,
      draft: true,
      data: {
        _status: 'draft',
        sourceLanguage: lang,
        title: doc.title,
        summary: summary.length > 400 ? `${summary.slice(0, 399)}…` : summary,
        description: plainTextToLexical(description + place),
        start: event.start,
        end: event.end,
        onlineUrl: event.onlineUrl || undefined,
        communes: ids(doc.communes),
        organiser: relationId(doc.organisation as never) ?? undefined,
        targetGroups: ids(doc.targetGroups),
        languagesSpoken: Array.isArray(doc.languages) ? doc.languages : [],
        price: { free: event.free === true },
        image: imageId ?? undefined,
      } as never,
      req,
    }),
  )
  return created.id
}

export const carryOutDecision: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  if (context.moderationEffect) return doc
  const submission = doc as Doc
  const { payload } = req
  if (operation === 'create') {
    const received = { ...submission }
    deliverLater(payload, () => sendReceipt(payload, received))
    deliverLater(payload, () => notifyModerators(payload, received))
    return doc
  }
  if (submission.status === previousDoc?.status) return doc
  const lang: LocaleCode = isLocaleCode(submission.language) ? submission.language : 'fr'
  if (submission.status === 'approved') {
    const effects: Record<string, unknown> = {}
    let imageId = relationId(submission.publicImage as never)
    if (imageId === null) {
      imageId = await publishImage(submission, lang, req)
      if (imageId !== null) effects.publicImage = imageId
    }
    if (submission.kind === 'event' && relationId(submission.createdEvent as never) === null) {
      effects.createdEvent = await draftEvent(submission, lang, imageId, req)
    }
    if (Object.keys(effects).length > 0) {
      await asSystem(req, () =>
        req.payload.update({
          collection: 'submissions',
          id: submission.id,
          data: effects as never,
          depth: 0,
          context: { moderationEffect: true },
          req,
        }),
      )
      Object.assign(submission, effects)
    }
  }
  const decided = { ...submission }
  deliverLater(payload, () => sendDecision(payload, decided))
  return doc
}
