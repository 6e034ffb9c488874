import type { Access } from 'payload'
import { isStaff } from './roles'

/** Admins and the coordinator. */
export const staffOnly: Access = ({ req: { user } }) => isStaff(user)
