import type { Field } from 'payload'

/** Marks shipped example content; the site and feeds label such records "Example". */
export const demoField = (): Field => ({
  name: 'demo',
  type: 'checkbox',
  defaultValue: false,
  index: true,
  admin: {
    position: 'sidebar',
    description:
      'Example content shipped with the portal. Residents see it labelled as an example. Untick only for real content.',
  },
})

/** Fingerprint of the seed record a document came from, so re-seeding can report changes. */
export const seedChecksumField = (): Field => ({
  name: 'seedChecksum',
  type: 'text',
  admin: { hidden: true },
  access: { read: ({ req }) => Boolean(req.user) },
})
