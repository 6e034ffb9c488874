// What an uploaded file is, read from its bytes, and how a stored upload is served. Never from the
// name or type a client sends: the name becomes the file's address on the portal's own origin and
// its extension the type it is served with, so `x.html` carrying a PNG would otherwise be a page
// of the portal.
import sharp from 'sharp'

export interface FileType {
  mime: string
  /** The extension a stored file of this type gets. */
  extension: string
  /** Other extensions files of this type may already be stored under. */
  aliases?: string[]
  /** The name people know the format by, for messages. */
  label: string
}

export const JPEG: FileType = {
  mime: 'image/jpeg',
  extension: 'jpg',
  aliases: ['jpeg'],
  label: 'JPEG',
}
export const PNG: FileType = { mime: 'image/png', extension: 'png', label: 'PNG' }
export const WEBP: FileType = { mime: 'image/webp', extension: 'webp', label: 'WebP' }
export const AVIF: FileType = { mime: 'image/avif', extension: 'avif', label: 'AVIF' }
export const PDF: FileType = { mime: 'application/pdf', extension: 'pdf', label: 'PDF' }

const known = [JPEG, PNG, WEBP, AVIF, PDF]

/** The image formats by sharp's name for them (AVIF is a HEIF file compressed with AV1). */
function imageType(format: string | undefined, compression: string | undefined): FileType | null {
  if (format === 'jpeg') return JPEG
  if (format === 'png') return PNG
  if (format === 'webp') return WEBP
  if (format === 'heif' && compression === 'av1') return AVIF
  return null
}

const PDF_MAGIC = Buffer.from('%PDF-')

/**
 * The type of `data`: an image sharp can read (JPEG, PNG, WebP, AVIF), a PDF (its `%PDF-`
 * signature), or null for anything else.
 */
export async function detectFileType(
  data: Buffer,
  limitInputPixels?: number,
): Promise<FileType | null> {
  if (data.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return PDF
  try {
    const { format, compression } = await sharp(data, { limitInputPixels }).metadata()
    return imageType(format, compression)
  } catch {
    return null
  }
}

/** `name` with the extension of `type` in place of its own: `x.html` → `x.png`. */
export function nameForType(name: string, type: FileType): string {
  const base = name.replace(/\.[^.]*$/, '')
  return `${base || 'upload'}.${type.extension}`
}

/** The type a stored file is served as, from its extension; null when it is none of ours. */
export function typeOfStoredName(name: string): FileType | null {
  const extension = /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase()
  if (!extension) return null
  return (
    known.find((type) => type.extension === extension || type.aliases?.includes(extension)) ?? null
  )
}

/**
 * Headers for serving an uploaded file of `type` (null: unknown). Images are shown with their
 * own type; anything else is a download. The browser may neither guess another type (nosniff)
 * nor run anything in it, even when opened directly (sandbox).
 */
export function uploadedFileHeaders(type: FileType | null): Record<string, string> {
  const image = type !== null && type.mime.startsWith('image/')
  return {
    'content-type': type?.mime ?? 'application/octet-stream',
    ...(image ? {} : { 'content-disposition': 'attachment' }),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
  }
}

/**
 * Payload's file route (/api/<collection>/file/…) types a file by sniffing its bytes: the file is
 * served as that type only when it is one of `accepted`, and with the headers above.
 */
export function servedAsUpload(headers: Headers, accepted: FileType[]): Headers {
  const sent = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const type = accepted.find((known) => known.mime === sent) ?? null
  for (const [name, value] of Object.entries(uploadedFileHeaders(type))) headers.set(name, value)
  return headers
}
