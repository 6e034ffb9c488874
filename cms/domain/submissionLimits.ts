// What a public submission may contain: shared by the collection, the server's validation and the
// site's form, so the form's limits are the ones the server enforces.
export const submissionKinds = ['initiative', 'event'] as const
export type SubmissionKind = (typeof submissionKinds)[number]
export const submissionStatuses = ['pending', 'approved', 'rejected', 'changes-requested'] as const
export type SubmissionStatus = (typeof submissionStatuses)[number]
export const initiativeNeeds = ['venue', 'volunteers', 'funding', 'communication'] as const

export const SUBMISSION_LIMITS = {
  title: 120,
  description: 5000,
  organisationName: 120,
  place: 300,
  url: 500,
  contactName: 120,
  email: 254,
  imageAlt: 300,
  reason: 2000,
} as const

/** Text fields of a form together; an image may add up to IMAGE_MAX_BYTES (multipart). */
export const TEXT_MAX_BYTES = 1024 * 1024
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024
