import type { Access } from 'payload'

/** Public reference data (communes, taxonomies, venues) is readable by everyone. */
export const anyone: Access = () => true
