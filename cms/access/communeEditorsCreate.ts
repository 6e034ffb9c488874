import type { Access } from 'payload'
import { hasRole, isStaff } from './roles'

/** Staff, and commune-editors for their own communes (values checked by `enforceScope`). */
export const communeEditorsCreate: Access = ({ req: { user } }) =>
  isStaff(user) || hasRole(user, 'commune-editor')
