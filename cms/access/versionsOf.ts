import type { Access, Where } from 'payload'
import { asPortalUser } from './roles'

/**
 * A Where on a document's fields, restated on its version records: Payload stores the document
 * under `version` and its id as `parent`, and applies a readVersions rule to those records as is.
 */
export function onVersions(where: Where): Where {
  const result: Where = {}
  for (const [key, condition] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(condition)) {
      result[key] = (condition as Where[]).map(onVersions)
    } else {
      result[key === 'id' ? 'parent' : `version.${key}`] = condition
    }
  }
  return result
}

/**
 * The versions of a document (drafts and history) follow its read rule, scope included, and are
 * for signed-in people only: the public reads the published document itself.
 */
export const versionsOf =
  (read: Access): Access =>
  async (args) => {
    if (!asPortalUser(args.req.user)) return false
    const rule = await read(args)
    return typeof rule === 'object' ? onVersions(rule) : rule
  }
