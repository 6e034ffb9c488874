import type { Access, Where } from 'payload'
import { communeIds, hasRole, isStaff, organisationId } from './roles'

export interface Scope {
  /** Relationship field to communes that binds a document to commune-editors. */
  communeField?: string
  /** Relationship field to organisations that binds a document to an association account. */
  organisationField?: string
}

const published: Where = { _status: { equals: 'published' } }

/** Everyone reads published documents; editors and associations also read their own drafts. */
export const publishedOrOwnScope =
  (scope: Scope): Access =>
  ({ req: { user } }) => {
    if (isStaff(user)) return true
    const own = ownScopeQueries(user, scope)
    return own.length > 0 ? { or: [published, ...own] } : published
  }

export function ownScopeQueries(user: Parameters<typeof isStaff>[0], scope: Scope): Where[] {
  const queries: Where[] = []
  if (scope.communeField && hasRole(user, 'commune-editor')) {
    queries.push({ [scope.communeField]: { in: communeIds(user) } })
  }
  const organisation = organisationId(user)
  if (scope.organisationField && hasRole(user, 'association') && organisation !== null) {
    queries.push({ [scope.organisationField]: { equals: organisation } })
  }
  return queries
}
