import type { Access } from 'payload'
import { hasRole } from './roles'

/** People who publish: admins, the coordinator and commune editors (not associations). */
export const editorsOnly: Access = ({ req: { user } }) =>
  hasRole(user, 'admin', 'coordinator', 'commune-editor')
