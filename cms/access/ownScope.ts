import type { Access } from 'payload'
import { type Scope, ownScopeQueries } from './publishedOrOwnScope'
import { isStaff } from './roles'

/**
 * Update rule for commune-bound content: staff everything, a commune-editor documents of their
 * communes, an association its organisation's documents. Which communes a change may add or
 * remove, and who may publish, is enforced by the `enforceScope` hook, which sees the old document.
 */
export const ownScope =
  (scope: Scope): Access =>
  ({ req: { user } }) => {
    if (isStaff(user)) return true
    const own = ownScopeQueries(user, scope)
    if (own.length === 0) return false
    return own.length === 1 ? own[0]! : { or: own }
  }

/** Delete rule: like `ownScope`, but associations may only delete drafts (never unpublish). */
export const ownScopeDelete =
  (scope: Scope): Access =>
  (args) => {
    const { user } = args.req
    if (isStaff(user)) return true
    const queries = ownScopeQueries(user, { communeField: scope.communeField })
    const organisationQueries = ownScopeQueries(user, {
      organisationField: scope.organisationField,
    }).map((query) => ({ and: [query, { _status: { equals: 'draft' } }] }))
    const all = [...queries, ...organisationQueries]
    if (all.length === 0) return false
    return all.length === 1 ? all[0]! : { or: all }
  }
