// Images sent with public submissions. Kept apart from the media library: private (served only to
// staff and the moderators of the submission) until a moderator approves the submission, when a
// copy goes to the media library.
// The endpoint stores them already re-encoded by sharp (format checked, metadata stripped).
import type { CollectionConfig } from 'payload'
import { nobody } from '../access/nobody'
import { staffOnly } from '../access/staffOnly'
import { submissionImagesInScope } from '../access/submissionImagesInScope'
import { storeUnderContentType } from '../hooks/uploadType'
import { servedAsUpload, WEBP } from '../security/fileType'
import { submissionImagesDir } from '../settings'

export const SubmissionImages: CollectionConfig = {
  slug: 'submission-images',
  labels: {
    singular: {
      en: 'Submitted image',
      fr: 'Image proposée',
      de: 'Eingereichtes Bild',
      pt: 'Imagem proposta',
    },
    plural: {
      en: 'Submitted images',
      fr: 'Images proposées',
      de: 'Eingereichte Bilder',
      pt: 'Imagens propostas',
    },
  },
  admin: { group: 'Participation', useAsTitle: 'filename' },
  access: { read: submissionImagesInScope, create: nobody, update: nobody, delete: staffOnly },
  upload: {
    staticDir: submissionImagesDir(),
    mimeTypes: ['image/webp'],
    imageSizes: [{ name: 'thumbnail', width: 400, height: 300, formatOptions: { format: 'webp' } }],
    adminThumbnail: 'thumbnail',
    modifyResponseHeaders: ({ headers }) => servedAsUpload(headers, [WEBP]),
  },
  // The endpoint names its files; this keeps any other caller to the same rule as the media.
  hooks: { beforeOperation: [storeUnderContentType([WEBP])] },
  fields: [{ name: 'alt', type: 'text', maxLength: 300 }],
}
