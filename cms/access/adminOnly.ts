import type { Access, FieldAccess } from 'payload'
import { hasRole } from './roles'

export const adminOnly: Access = ({ req: { user } }) => hasRole(user, 'admin')

/** Field-level variant: roles and bindings of users are changed by admins only. */
export const adminOnlyField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')
