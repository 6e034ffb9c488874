// Checks the values of a change against the editor's scope, which access rules cannot see:
// a commune-editor may only add or remove their own communes (so cannot move an event to another
// commune), and an association only writes drafts of its own organisation, in its communes.
import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionSlug,
  type PayloadRequest,
} from 'payload'
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

export function idsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]
  return list
    .map((entry) => relationId(entry as Relation))
    .filter((id) => id !== null)
    .map(String)
}

/** Documents named for messages a person can act on ("Remich, Mertert"). */
async function namesOf(
  req: PayloadRequest,
  collection: Extract<CollectionSlug, 'communes' | 'organisations'>,
  ids: string[],
): Promise<string> {
  if (ids.length === 0) return '—'
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    req,
  })
  return docs.map((doc) => doc.name ?? doc.slug).join(', ')
}

const refuse = (message: string) => new APIError(message, 403, null, true)

/** The communes an association's organisation works in (none: region-wide). */
async function organisationCommunes(req: PayloadRequest, organisation: string): Promise<string[]> {
  const found = await req.payload.findByID({
    collection: 'organisations',
    id: organisation,
    depth: 0,
    req,
    disableErrors: true,
  })
  return idsOf(found?.communes)
}

export const enforceScope =
  (scope: Scope): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req, operation }) => {
    const user = asPortalUser(req.user)
    // No user: system work (seed, jobs) that runs with overrideAccess.
    if (!user || isStaff(user)) return data

    // On create a missing field counts as "no commune" (region-wide), which only staff may write.
    const touchesCommunes = Boolean(
      scope.communeField && (operation === 'create' || scope.communeField in data),
    )
    const before = new Set(idsOf(scope.communeField ? originalDoc?.[scope.communeField] : null))
    const after = new Set(idsOf(scope.communeField ? data[scope.communeField] : null))
    const added = [...after].filter((id) => !before.has(id))

    if (touchesCommunes && hasRole(user, 'commune-editor')) {
      const own = new Set(communeIds(user).map(String))
      const changed = [...added, ...[...before].filter((id) => !after.has(id))]
      const outside = changed.filter((id) => !own.has(id))
      if (outside.length > 0 || ![...after].some((id) => own.has(id))) {
        const key = outside.length > 0 ? 'communeOutsideScope' : 'needsOwnCommune'
        throw refuse(
          requestMessage(req, key, {
            own: await namesOf(req, 'communes', [...own]),
            outside: await namesOf(req, 'communes', outside),
          }),
        )
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
        const name = await namesOf(req, 'organisations', [own])
        throw refuse(requestMessage(req, 'organisationOutsideScope', { own: name }))
      }
      if (data._status === 'published') {
        throw refuse(requestMessage(req, 'associationCannotPublish'))
      }
      if (touchesCommunes && added.length > 0) {
        const allowed = await organisationCommunes(req, own)
        const outside = added.filter((id) => !allowed.includes(id))
        if (allowed.length > 0 && outside.length > 0) {
          throw refuse(
            requestMessage(req, 'communeOutsideOrganisation', {
              own: await namesOf(req, 'communes', allowed),
              outside: await namesOf(req, 'communes', outside),
            }),
          )
        }
      }
    }
    return data
  }
