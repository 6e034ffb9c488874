import type { Access } from 'payload'

/** Only the system (Local API with overrideAccess) writes these documents. */
export const nobody: Access = () => false
