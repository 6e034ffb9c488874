// Who a signed-in user is, in the portal's terms. Every access rule asks these helpers.
import type { PayloadRequest } from 'payload'

export const roles = ['admin', 'coordinator', 'commune-editor', 'association'] as const
export type Role = (typeof roles)[number]

type Relation = string | number | { id: string | number } | null | undefined

/** The subset of a user document the access rules rely on. */
export interface PortalUser {
  id: string | number
  roles?: Role[] | null
  communes?: Relation[] | null
  organisation?: Relation
}

type RequestUser = PayloadRequest['user']

export function asPortalUser(user: RequestUser | PortalUser | null | undefined): PortalUser | null {
  if (!user || typeof user !== 'object') return null
  // Only documents of the users collection carry roles; API keys of other auth collections do not.
  if ('collection' in user && user.collection !== 'users') return null
  return user as PortalUser
}

export function hasRole(user: RequestUser | PortalUser | null | undefined, ...wanted: Role[]) {
  const portalUser = asPortalUser(user)
  return Boolean(portalUser?.roles?.some((role) => wanted.includes(role)))
}

/** Admins and the plan's coordinator manage all content. */
export function isStaff(user: RequestUser | PortalUser | null | undefined): boolean {
  return hasRole(user, 'admin', 'coordinator')
}

export function relationId(value: Relation): string | number | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'object') return value.id
  return value
}

/** The ids of a relationship's value (one or many), as the database types them. */
export function relationIds(value: Relation | Relation[]): (string | number)[] {
  const list = Array.isArray(value) ? value : [value]
  return list.map(relationId).filter((id) => id !== null)
}

export function communeIds(user: RequestUser | PortalUser | null | undefined): (string | number)[] {
  const portalUser = asPortalUser(user)
  return relationIds(portalUser?.communes ?? [])
}

export function organisationId(user: RequestUser | PortalUser | null | undefined) {
  return relationId(asPortalUser(user)?.organisation)
}

/** True when every id in `ids` is one of `allowed` (compared as strings: SQLite ids are numbers). */
export function allWithin(ids: Relation[], allowed: (string | number)[]): boolean {
  const allowedSet = new Set(allowed.map(String))
  return ids.every((id) => allowedSet.has(String(relationId(id))))
}
