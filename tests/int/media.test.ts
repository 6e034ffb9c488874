// Uploads: only the allowed types, a size limit, alt text for images, sizes made by sharp; the
// stored name and type come from the file's content, and stored files are served as what they are.
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MEDIA_MAX_BYTES } from '../../cms/collections/Media'
import { mediaDir } from '../../cms/settings'
import {
  closeTestPayload,
  createDoc,
  createUser,
  localStatus,
  rest,
  testPayload,
  type TestUser,
} from './helpers'

let payload: Payload
let admin: TestUser
let association: TestUser
let editor: TestUser

async function png(width = 1200, height = 800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 90 } } })
    .png()
    .toBuffer()
}

function file(data: Buffer, name: string, mimetype: string) {
  return { data, name, mimetype, size: data.length }
}

async function upload(
  user: TestUser,
  data: Record<string, unknown>,
  upload: ReturnType<typeof file>,
) {
  return payload.create({
    collection: 'media',
    data: data as never,
    file: upload,
    user: user.user as never,
    overrideAccess: false,
  })
}

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, 'admin', ['admin'])
  const commune = await createDoc(payload, 'communes', {
    name: 'Remich',
    slug: 'remich',
    code: '1205',
    country: 'LU',
    status: 'partner',
  })
  const organisation = await createDoc(payload, 'organisations', {
    name: 'Association',
    slug: 'association',
    type: 'association',
  })
  association = await createUser(payload, 'association', ['association'], {
    organisation: organisation.id,
  })
  editor = await createUser(payload, 'editor', ['commune-editor'], { communes: [commune.id] })
})

afterAll(closeTestPayload)

/** A multipart upload through the REST API, as the admin's upload form sends it. */
function restUpload(user: TestUser, data: Buffer, name: string, type: string, alt = 'A drawing') {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type }), name)
  form.append('_payload', JSON.stringify({ alt }))
  return rest('POST', '/media', { token: user.token, raw: form })
}

interface StoredMedia {
  filename: string
  mimeType: string
  sizes: Record<string, { filename?: string; mimeType?: string }>
}

describe('media uploads', () => {
  it('stores an image with alt text and makes WebP sizes', async () => {
    const doc = await upload(
      admin,
      { alt: 'Children painting' },
      file(await png(), 'paint.png', 'image/png'),
    )
    expect(doc.mimeType).toBe('image/png')
    expect(doc.width).toBe(1200)
    const sizes = doc.sizes as Record<string, { width?: number; mimeType?: string }>
    expect(sizes.thumbnail).toMatchObject({ width: 400, mimeType: 'image/webp' })
    expect(sizes.card).toMatchObject({ width: 800, mimeType: 'image/webp' })
  })

  it('refuses an image without alternative text', async () => {
    await expect(
      upload(admin, {}, file(await png(), 'no-alt.png', 'image/png')),
    ).rejects.toMatchObject({
      data: {
        errors: [
          expect.objectContaining({
            path: 'alt',
            message: expect.stringMatching(/alternative text/),
          }),
        ],
      },
    })
  })

  it('accepts a PDF without alt text', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
        '2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\nxref\n0 3\n' +
        'trailer<</Root 1 0 R/Size 3>>\nstartxref\n0\n%%EOF\n',
    )
    const doc = await upload(admin, {}, file(pdf, 'form.pdf', 'application/pdf'))
    expect(doc.mimeType).toBe('application/pdf')
  })

  it('refuses types outside the allowlist, whatever the client claims', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>')
    await expect(
      upload(admin, { alt: 'x' }, file(html, 'page.html', 'text/html')),
    ).rejects.toThrow()
    await expect(upload(admin, { alt: 'x' }, file(html, 'fake.png', 'image/png'))).rejects.toThrow()
  })

  it('refuses files over the size limit with the sizes in the message', async () => {
    const big = Buffer.concat([await png(), Buffer.alloc(MEDIA_MAX_BYTES)])
    const attempt = upload(admin, { alt: 'Big' }, file(big, 'big.png', 'image/png'))
    await expect(attempt).rejects.toMatchObject({ status: 413 })
    await expect(upload(admin, { alt: 'Big' }, file(big, 'big.png', 'image/png'))).rejects.toThrow(
      /limit is 10 MB/,
    )
  })

  it('lets uploaders manage their own files only', async () => {
    const own = await upload(
      association,
      { alt: 'Our logo' },
      file(await png(300, 300), 'logo.png', 'image/png'),
    )
    expect(
      await localStatus(() =>
        payload.update({
          collection: 'media',
          id: own.id,
          data: { alt: 'Changed' },
          user: association.user as never,
          overrideAccess: false,
        }),
      ),
    ).toBe(200)
    expect(
      await localStatus(() =>
        payload.update({
          collection: 'media',
          id: own.id,
          data: { alt: 'Hijacked' },
          user: editor.user as never,
          overrideAccess: false,
        }),
      ),
    ).toBe(403)
  })
})

describe('the stored name and type', () => {
  it('come from the content: a PNG sent as x.html is stored as x.png, with its WebP sizes', async () => {
    const response = await restUpload(association, await png(600, 400), 'x.html', 'image/png')
    expect(response.status, response.text).toBe(201)
    const doc = response.body.doc as StoredMedia
    expect(doc.filename).toBe('x.png')
    expect(doc.mimeType).toBe('image/png')
    expect(doc.sizes.thumbnail).toMatchObject({ mimeType: 'image/webp' })
    expect(doc.sizes.thumbnail!.filename).toMatch(/^x-400x300\.webp$/)
    expect(existsSync(path.join(mediaDir(), 'x.png'))).toBe(true)
    expect(existsSync(path.join(mediaDir(), 'x.html'))).toBe(false)
  })

  it('refuses HTML sent as x.png, naming the file and the accepted types', async () => {
    const html = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>')
    const response = await restUpload(association, html, 'x.png', 'image/png')
    expect(response.status).toBe(400)
    const message = (response.body.errors as { message: string }[])[0]!.message
    expect(message).toContain('x.png')
    expect(message).toContain('JPEG, PNG, WebP, AVIF, PDF')
  })

  it('keeps PDFs, named as PDFs', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
        '2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\nxref\n0 3\n' +
        'trailer<</Root 1 0 R/Size 3>>\nstartxref\n0\n%%EOF\n',
    )
    const response = await restUpload(association, pdf, 'leaflet.html', 'text/html', '')
    expect(response.status, response.text).toBe(201)
    expect(response.body.doc).toMatchObject({
      filename: 'leaflet.pdf',
      mimeType: 'application/pdf',
    })
  })

  it('are what /api/media/file serves, with nosniff and a sandbox (PDFs as downloads)', async () => {
    const image = await rest('GET', '/media/file/x.png')
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(image.headers.get('x-content-type-options')).toBe('nosniff')
    expect(image.headers.get('content-security-policy')).toMatch(/(^|; )sandbox(;|$)/)
    expect(image.headers.get('content-disposition')).toBeNull()
    const pdf = await rest('GET', '/media/file/leaflet.pdf')
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.headers.get('content-disposition')).toBe('attachment')
    expect(pdf.headers.get('content-security-policy')).toMatch(/(^|; )sandbox(;|$)/)
  })
})
