import type { FieldAccess } from 'payload'

/** Working data for editors (never part of the public site). */
export const signedInField: FieldAccess = ({ req: { user } }) => Boolean(user)
