import type { Access } from 'payload'
import { asPortalUser } from './roles'

export const signedIn: Access = ({ req: { user } }) => asPortalUser(user) !== null
