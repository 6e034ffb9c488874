import type { FieldAccess } from 'payload'
import { isStaff } from './roles'

/** Private contact details: readable by admins and the coordinator, never by the public. */
export const staffOnlyField: FieldAccess = ({ req: { user } }) => isStaff(user)
