import type { Access } from 'payload'
import { asPortalUser, isStaff } from './roles'

/** Media: staff manage all files, everyone else only what they uploaded. */
export const staffOrUploader: Access = ({ req: { user } }) => {
  const portalUser = asPortalUser(user)
  if (!portalUser) return false
  if (isStaff(portalUser)) return true
  return { uploadedBy: { equals: portalUser.id } }
}
