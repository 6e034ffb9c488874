// Checks the values of a change against the editor's scope, which access rules cannot see:
// a commune-editor may only add or remove their own communes (so cannot move an event to another
// commune), and an association only writes drafts of its own organisation.
import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import type { Scope } from '../access/publishedOrOwnScope'
import {
  asPortalUser,
  communeIds,
  hasRole,
  isStaff,
  organisationId,
  relationId,
} from '../access/roles'
import { requestMessage } from '../i18n/messages'

type Relation = Parameters<typeof relationId>[0]

function idsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]
  return list
    .map((entry) => relationId(entry as Relation))
    .filter((id) => id !== null)
    .map(String)
}

/** The editor's communes by name, for messages a person can act on. */
async function communeNames(req: PayloadRequest, ids: string[]): Promise<string> {
  const { docs } = await req.payload.find({
    collection: 'communes',
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    req,
  })
  return docs.map((commune) => commune.name ?? commune.slug).join(', ')
}

export const enforceScope =
  (scope: Scope): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req, operation }) => {
    const user = asPortalUser(req.user)
    // No user: system work (seed, jobs) that runs with overrideAccess.
    if (!user || isStaff(user)) return data

    // On create a missing field counts as "no commune" (region-wide), which only staff may write.
    const touchesCommunes =
      scope.communeField && (operation === 'create' || scope.communeField in data)
    if (scope.communeField && touchesCommunes && hasRole(user, 'commune-editor')) {
      const own = new Set(communeIds(user).map(String))
      const before = new Set(idsOf(originalDoc?.[scope.communeField]))
      const after = new Set(idsOf(data[scope.communeField]))
      const changed = [...after].filter((id) => !before.has(id))
      changed.push(...[...before].filter((id) => !after.has(id)))
      const outside = changed.some((id) => !own.has(id))
      if (outside || ![...after].some((id) => own.has(id))) {
        const names = await communeNames(req, [...own])
        const key = outside ? 'communeOutsideScope' : 'needsOwnCommune'
        throw new APIError(requestMessage(req, key, { own: names }), 403, null, true)
      }
    }

    if (
      scope.organisationField &&
      hasRole(user, 'association') &&
      !hasRole(user, 'commune-editor')
    ) {
      const own = String(organisationId(user))
      const next = scope.organisationField in data ? idsOf(data[scope.organisationField]) : []
      const previous = idsOf(originalDoc?.[scope.organisationField])
      if ([...next, ...previous].some((id) => id !== own) || (!originalDoc && next.length === 0)) {
        throw new APIError(requestMessage(req, 'organisationOutsideScope'), 403, null, true)
      }
      if (data._status === 'published') {
        throw new APIError(requestMessage(req, 'associationCannotPublish'), 403, null, true)
      }
    }
    return data
  }
