import type { FieldAccess } from 'payload'

/** Fields only the server writes (through the Local API with overrideAccess): import records. */
export const serverOnlyField: FieldAccess = () => false
