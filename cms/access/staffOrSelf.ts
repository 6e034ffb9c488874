import type { Access } from 'payload'
import { asPortalUser, isStaff } from './roles'

/** The coordinator needs to see who edits for which commune; others only see themselves. */
export const staffOrSelf: Access = ({ req: { user } }) => {
  const portalUser = asPortalUser(user)
  if (!portalUser) return false
  if (isStaff(portalUser)) return true
  return { id: { equals: portalUser.id } }
}
