import type { Access, Where } from 'payload'
import { communeIds, hasRole, isStaff, organisationId } from './roles'

/** Organisations: editors update those of their communes, an association its own profile. */
export const organisationEditors: Access = ({ req: { user } }) => {
  if (isStaff(user)) return true
  const queries: Where[] = []
  if (hasRole(user, 'commune-editor')) queries.push({ communes: { in: communeIds(user) } })
  const own = organisationId(user)
  if (hasRole(user, 'association') && own !== null) queries.push({ id: { equals: own } })
  if (queries.length === 0) return false
  return queries.length === 1 ? queries[0]! : { or: queries }
}
