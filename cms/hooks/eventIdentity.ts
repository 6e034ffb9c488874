// The calendar identity of an event: a UID fixed at creation and never changed, and a SEQUENCE
// that grows whenever date, time, place or status change (see domain/sequence.ts).
import { randomUUID } from 'node:crypto'
import type { CollectionBeforeChangeHook } from 'payload'
import { nextSequence, schedulingChanged } from '../domain/sequence'

export const assignEventIdentity: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
}) => {
  if (operation === 'create' || !originalDoc) {
    data.uid = typeof data.uid === 'string' && data.uid ? data.uid : randomUUID()
    data.sequence = 0
    return data
  }
  data.uid = originalDoc.uid
  const merged = { ...originalDoc, ...data }
  data.sequence = nextSequence(originalDoc.sequence, schedulingChanged(originalDoc, merged))
  return data
}
