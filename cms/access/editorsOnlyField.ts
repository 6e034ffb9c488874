import type { FieldAccess } from 'payload'
import { hasRole } from './roles'

/** Fields an association may not change on its own profile (what it is, where it works). */
export const editorsOnlyField: FieldAccess = ({ req: { user } }) =>
  hasRole(user, 'admin', 'coordinator', 'commune-editor')
