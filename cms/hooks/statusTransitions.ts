// What an association may do to the publication status: only drafts. Saving a draft over a
// published document keeps the published one as it is (Payload writes a new draft version); any
// other write to a published document would replace or unpublish it, and a restored version
// without `draft` is written over the document too. Access rules cannot tell the two apart (they
// do not see the `draft` flag), so this runs before the operation, where it is known.
import { APIError, type CollectionBeforeOperationHook, type Where } from 'payload'
import { hasRole, isStaff } from '../access/roles'
import { requestMessage } from '../i18n/messages'

interface WriteArgs {
  id?: string | number
  where?: Where
  draft?: boolean
  data?: { _status?: unknown }
}

const published: Where = { _status: { equals: 'published' } }

export const associationsWriteDraftsOnly: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  const user = req.user
  if (!hasRole(user, 'association') || isStaff(user) || hasRole(user, 'commune-editor')) return
  if (operation !== 'update' && operation !== 'restoreVersion') return
  const write = args as WriteArgs
  if (write.data?._status === 'published') {
    throw new APIError(requestMessage(req, 'associationCannotPublish'), 403, null, true)
  }
  if (write.draft) return
  let target: Where
  if (operation === 'restoreVersion') {
    const version = await req.payload.findVersionByID({
      collection: collection.slug as 'events',
      id: String(write.id),
      depth: 0,
      req,
      disableErrors: true,
    })
    if (!version) return
    target = { id: { equals: version.parent as string | number } }
  } else {
    target = write.id !== undefined ? { id: { equals: write.id } } : (write.where ?? {})
  }
  const { totalDocs } = await req.payload.count({
    collection: collection.slug as 'events',
    where: { and: [target, published] },
    req,
  })
  if (totalDocs > 0) {
    throw new APIError(requestMessage(req, 'associationCannotUnpublish'), 403, null, true)
  }
}
