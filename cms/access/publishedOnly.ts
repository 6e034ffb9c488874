import type { Access } from 'payload'
import { isStaff } from './roles'

/** Pages and other staff-written documents: the public sees published versions only. */
export const publishedOnly: Access = ({ req: { user } }) =>
  isStaff(user) ? true : { _status: { equals: 'published' } }
