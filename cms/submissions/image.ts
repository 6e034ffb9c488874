// The image of a public submission: only JPEG, PNG or WebP (read from the bytes, not from what
// the browser claims), at most 5 MB, re-encoded by sharp to WebP without any metadata (location,
// camera, author), turned upright and bounded in size.
import sharp from 'sharp'
import { detectFileType, JPEG, PNG, WEBP } from '../security/fileType'
import { IMAGE_MAX_BYTES } from '../domain/submissionLimits'

const ACCEPTED_TYPES = [JPEG, PNG, WEBP]
/** Larger photos are scaled down: the site never shows more. */
const MAX_SIDE = 2400
/** Refuses decompression bombs before decoding them. */
const MAX_INPUT_PIXELS = 40_000_000

export type ImageCheck =
  | { ok: true; data: Buffer; width: number; height: number }
  | {
      ok: false
      key: 'submit.error.imageTooLarge' | 'submit.error.imageType' | 'submit.error.imageUnreadable'
    }

export async function reencodeSubmissionImage(file: Blob): Promise<ImageCheck> {
  if (file.size > IMAGE_MAX_BYTES) return { ok: false, key: 'submit.error.imageTooLarge' }
  const input = Buffer.from(await file.arrayBuffer())
  const type = await detectFileType(input, MAX_INPUT_PIXELS)
  if (!type || !ACCEPTED_TYPES.includes(type)) return { ok: false, key: 'submit.error.imageType' }
  try {
    // sharp writes no metadata unless asked to (keepMetadata/withMetadata): EXIF, XMP and ICC
    // profiles of the original are dropped; rotate() first applies the EXIF orientation.
    const { data, info } = await sharp(input, {
      limitInputPixels: MAX_INPUT_PIXELS,
      failOn: 'error',
    })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true })
    return { ok: true, data, width: info.width, height: info.height }
  } catch {
    return { ok: false, key: 'submit.error.imageUnreadable' }
  }
}
