import type { Access } from 'payload'
import { communeIds, hasRole, isStaff, relationId } from './roles'

/**
 * Images sent with submissions are private until approved: staff see all, a commune editor those
 * of the submissions concerning their communes (the moderators of each submission), nobody else.
 */
export const submissionImagesInScope: Access = async ({ req }) => {
  if (isStaff(req.user)) return true
  if (!hasRole(req.user, 'commune-editor')) return false
  const { docs } = await req.payload.find({
    collection: 'submissions',
    where: { and: [{ communes: { in: communeIds(req.user) } }, { image: { exists: true } }] },
    select: { image: true },
    depth: 0,
    limit: 0,
    pagination: false,
    req,
  })
  const images = docs.map((doc) => relationId(doc.image as never)).filter((id) => id !== null)
  return { id: { in: images } }
}
