import type { Access } from 'payload'
import { asPortalUser, hasRole } from './roles'

/** Users see and edit their own account; admins all accounts. */
export const adminOrSelf: Access = ({ req: { user } }) => {
  const portalUser = asPortalUser(user)
  if (!portalUser) return false
  if (hasRole(portalUser, 'admin')) return true
  return { id: { equals: portalUser.id } }
}
