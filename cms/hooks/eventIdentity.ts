// The calendar identity of an event: a UID fixed at creation and never changed, and a SEQUENCE
// that grows whenever date, time, place or status change (see domain/sequence.ts). Both are the
// server's: a client's values are ignored, and a UID given by system work (the seed, an import)
// must be a plain calendar identifier, since it is written as it is into every feed.
import { randomUUID } from 'node:crypto'
import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { isCalendarUid } from '../domain/calendarText'
import { nextSequence, schedulingChanged } from '../domain/sequence'

export const assignEventIdentity: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation === 'create' || !originalDoc) {
    const given = req.user ? undefined : data.uid
    if (given !== undefined && given !== null && given !== '' && !isCalendarUid(given)) {
      throw new APIError(
        `The event UID ${JSON.stringify(String(given).slice(0, 80))} is not a calendar identifier: use 1–255 letters, digits and . _ - @ : only.`,
        400,
      )
    }
    data.uid = typeof given === 'string' && given ? given : randomUUID()
    data.sequence = 0
    return data
  }
  data.uid = originalDoc.uid
  const merged = { ...originalDoc, ...data }
  data.sequence = nextSequence(originalDoc.sequence, schedulingChanged(originalDoc, merged))
  return data
}
