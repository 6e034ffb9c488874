import type { Access } from 'payload'
import type { Scope } from './publishedOrOwnScope'
import { hasRole, isStaff } from './roles'

/** Who may create commune-bound content; the `enforceScope` hook then checks the values. */
export const canCreateInScope =
  (scope: Scope): Access =>
  ({ req: { user } }) => {
    if (isStaff(user)) return true
    if (scope.communeField && hasRole(user, 'commune-editor')) return true
    if (scope.organisationField && hasRole(user, 'association')) return true
    return false
  }
