import type { CollectionConfig, Field, Validate } from 'payload'
import { APIError } from 'payload'
import { anyone } from '../access/anyone'
import { signedIn } from '../access/signedIn'
import { staffOrUploader } from '../access/staffOrUploader'
import { asPortalUser } from '../access/roles'
import { requiredInSourceLanguage } from '../fields/localizedText'
import { sourceLanguageField } from '../fields/sourceLanguage'
import { nameMatchesContentType, storeUnderContentType } from '../hooks/uploadType'
import { requestMessage } from '../i18n/messages'
import { AVIF, JPEG, PDF, PNG, servedAsUpload, WEBP } from '../security/fileType'
import { mediaDir } from '../settings'

export const MEDIA_MAX_BYTES = 10 * 1024 * 1024
/** Images for the site, and PDFs (leaflets, forms) that readers download. */
export const mediaFileTypes = [JPEG, PNG, WEBP, AVIF, PDF]
export const mediaMimeTypes = mediaFileTypes.map((type) => type.mime)

const altRequiredForImages = requiredInSourceLanguage<string>('Alternative text')

export const Media: CollectionConfig = {
  slug: 'media',
  labels: {
    singular: { en: 'Media file', fr: 'Fichier', de: 'Datei', pt: 'Ficheiro' },
    plural: { en: 'Media', fr: 'Médias', de: 'Medien', pt: 'Multimédia' },
  },
  admin: { useAsTitle: 'filename', group: 'Site' },
  access: { read: anyone, create: signedIn, update: staffOrUploader, delete: staffOrUploader },
  upload: {
    staticDir: mediaDir(),
    mimeTypes: mediaMimeTypes,
    // Sizes the site uses; sharp writes WebP, the original stays for downloads.
    imageSizes: [
      {
        name: 'thumbnail',
        width: 400,
        height: 300,
        position: 'centre',
        formatOptions: { format: 'webp' },
      },
      { name: 'card', width: 800, formatOptions: { format: 'webp' } },
      { name: 'hero', width: 1600, formatOptions: { format: 'webp' } },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    modifyResponseHeaders: ({ headers }) => servedAsUpload(headers, mediaFileTypes),
  },
  hooks: {
    beforeOperation: [
      ({ req, operation }) => {
        const size = req.file?.size
        if ((operation === 'create' || operation === 'update') && size && size > MEDIA_MAX_BYTES) {
          throw new APIError(
            requestMessage(req, 'fileTooLarge', {
              size: (size / 1024 / 1024).toFixed(1),
              max: MEDIA_MAX_BYTES / 1024 / 1024,
            }),
            413,
            null,
            true,
          )
        }
      },
      storeUnderContentType(mediaFileTypes),
    ],
    beforeValidate: [nameMatchesContentType],
    beforeChange: [
      ({ data, req, operation }) => {
        if (operation === 'create') data.uploadedBy = asPortalUser(req.user)?.id ?? null
        return data
      },
    ],
  },
  fields: [
    {
      name: 'alt',
      label: 'Alternative text',
      type: 'text',
      localized: true,
      maxLength: 300,
      admin: { description: 'What the image shows, for people who cannot see it.' },
      validate: ((value: string | null | undefined, args) => {
        const mimeType = (args.data as { mimeType?: string }).mimeType ?? args.req.file?.mimetype
        if (mimeType && !mimeType.startsWith('image/')) return true
        const result = altRequiredForImages(value, args)
        return result === true
          ? true
          : requestMessage(args.req, 'altRequired', {
              language: String((args.data as { sourceLanguage?: string }).sourceLanguage ?? ''),
            })
      }) as Validate,
    } as Field,
    { name: 'credit', type: 'text', maxLength: 200 },
    sourceLanguageField(),
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: 'users',
      admin: { readOnly: true, position: 'sidebar' },
      access: { read: ({ req }) => Boolean(req.user) },
    },
  ],
}
