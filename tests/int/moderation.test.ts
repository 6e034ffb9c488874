// What happens to a submission after the form: the receipt and the moderators' notice by email,
// the image (checked, re-encoded without metadata, private), the no-JavaScript HTML answers, the
// moderators' decisions and their effects, the retention job and a person's data request.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostileText } from '../fixtures/hostileText'
import { readOutbox } from '../../cms/email'
import { emailsDelivered } from '../../cms/submissions/emails'
import { purgeStaleSubmissions } from '../../cms/submissions/privacy'
import { readSnapshot } from '../../cms/snapshot/read'
import { publicUrl } from '../../cms/settings'
import { FORM_END, FORM_START } from '../../web/lib/submissionForm'
import {
  closeTestPayload,
  createDoc,
  createRemichWithHall,
  createUser,
  rest,
  testPayload,
  type TestUser,
} from './helpers'

let payload: Payload
let coordinator: TestUser
let remichEditor: TestUser
let dalheimEditor: TestUser
let association: TestUser
let client = 0
const ids: Record<string, string | number> = {}
const origin = 'http://localhost:3000'
const outbox = () => path.join(process.env.DATA_DIR!, 'outbox')
const mailTo = (address: string) => readOutbox(outbox()).filter((m) => m.to.includes(address))

const fields = {
  kind: 'initiative',
  lang: 'pt',
  title: 'Piquenique das famílias',
  description: 'Um piquenique junto ao Mosela.\n\nTragam comida para partilhar.',
  communes: 'remich',
  contactName: 'Rita Costa',
  contactEmail: 'rita@example.org',
  consent: 'yes',
  // The page's script stamps when the form was shown (a minute ago).
  renderedAt: String(Date.now() - 60_000),
}

function formData(values: Record<string, string | string[]>, image?: Blob): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(values))
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item)
  if (image) data.append('image', image, 'photo.jpg')
  return data
}

function submit(data: FormData | string, headers: Record<string, string> = {}) {
  return rest('POST', '/submit?lang=pt', {
    raw: data,
    headers: {
      origin,
      'x-zesummen-client': `198.51.100.${++client}`,
      ...(typeof data === 'string' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...headers,
    },
  })
}

const latest = async () =>
  (await payload.find({ collection: 'submissions', sort: '-createdAt', limit: 1, depth: 0 }))
    .docs[0]!

/** A JPEG photo carrying EXIF metadata (camera, copyright, GPS-like comment). */
async function photoWithMetadata(): Promise<Blob> {
  const jpeg = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 40 } },
  })
    .withExif({ IFD0: { Make: 'SecretCam', Copyright: 'Rita Costa', ImageDescription: '49.54N' } })
    .jpeg()
    .toBuffer()
  return new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' })
}

beforeAll(async () => {
  payload = await testPayload()
  const remich = await createRemichWithHall(payload)
  ids.remich = remich.commune
  const dalheim = await createDoc(payload, 'communes', {
    name: 'Dalheim',
    slug: 'dalheim',
    code: '1202',
    country: 'LU',
    status: 'partner',
  })
  ids.dalheim = dalheim.id
  const club = await createDoc(payload, 'organisations', {
    name: 'Clube Recreativo',
    slug: 'clube',
    type: 'association',
    communes: [ids.remich],
  })
  ids.club = club.id
  coordinator = await createUser(payload, 'coordinator', ['coordinator'])
  remichEditor = await createUser(payload, 'remich-editor', ['commune-editor'], {
    communes: [ids.remich],
  })
  dalheimEditor = await createUser(payload, 'dalheim-editor', ['commune-editor'], {
    communes: [ids.dalheim],
  })
  association = await createUser(payload, 'clube', ['association'], { organisation: ids.club })
})

afterAll(closeTestPayload)

describe('emails on arrival', () => {
  it('confirms to the submitter in their language and tells the moderators of its communes', async () => {
    expect((await submit(formData(fields))).status).toBe(201)
    await emailsDelivered()
    const [receipt] = mailTo('rita@example.org')
    expect(receipt!.subject).toBe('Recebemos a sua proposta: Piquenique das famílias')
    expect(receipt!.text).toMatch(/^Olá Rita Costa,/)
    expect(receipt!.text).toContain('ao fim de 180 dias')
    expect(receipt!.text).toContain('/pt/privacy/')
    const notices = [coordinator, remichEditor, dalheimEditor].map((u) => mailTo(u.email))
    expect(notices[0]![0]!.subject).toBe('À modérer : initiative « Piquenique das famílias »')
    expect(notices[0]![0]!.text).toMatch(/\/admin\/collections\/submissions\/\d+/)
    expect(notices[1]).toHaveLength(1)
    // Dalheim is not concerned.
    expect(notices[2]).toHaveLength(0)
    // Plain text: nothing the public typed becomes HTML in an email.
    expect(receipt!.html).toBe('')
  })

  it('drops bidi overrides and hidden characters from titles and email subjects', async () => {
    const spoofed = 'Festa \u202Eaxe.exe\u202C das\u200B famílias\u2066!\u2069'
    const response = await submit(
      formData({ ...fields, title: spoofed, contactEmail: 'spoof@example.org' }),
    )
    expect(response.status).toBe(201)
    await emailsDelivered()
    const [stored] = (
      await payload.find({ collection: 'submissions', where: { title: { like: 'Festa' } } })
    ).docs
    expect(stored!.title).toBe('Festa axe.exe das famílias!')
    const subjects = [...mailTo('spoof@example.org'), ...mailTo(coordinator.email)].map(
      (mail) => mail.subject,
    )
    expect(subjects.some((subject) => subject.includes('Festa axe.exe das famílias!'))).toBe(true)
    expect(subjects.join('')).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/)
    // Editors' text loses them too (pasted text carries them along).
    const event = await rest('POST', '/events?draft=true', {
      token: remichEditor.token,
      body: {
        title: 'Caf\u200Be \u202Egnol\u202C',
        start: '2030-03-02T17:30:00.000Z',
        end: '2030-03-02T19:30:00.000Z',
        communes: [ids.remich],
      },
    })
    expect(event.status).toBe(201)
    expect((event.body.doc as { title: string }).title).toBe('Cafe gnol')
  })
})

describe('email headers from what the public types', () => {
  it('stay single lines without hidden characters for random hostile titles and names', async () => {
    const pieces = [
      '\r\n',
      '\n',
      '\r',
      'Bcc: x@evil.example',
      '\u202E',
      '\u200B',
      '\u0000',
      '😀',
      'é',
      'a ',
      ':',
      ';',
    ]
    const random = hostileText(pieces, 7).text
    const sent = new Set(readOutbox(outbox()).map((mail) => mail.file))
    for (let index = 0; index < 12; index++) {
      const response = await submit(
        formData({
          ...fields,
          title: `Fuzz ${index} ${random(10)}`,
          contactName: random(6),
          contactEmail: `fuzz-${index}@example.org`,
        }),
      )
      expect(response.status).toBe(201)
    }
    await emailsDelivered()
    const fresh = readOutbox(outbox()).filter((mail) => !sent.has(mail.file))
    expect(fresh.length).toBeGreaterThanOrEqual(12)
    const allowed = new Set(['from', 'to', 'subject', 'message-id', 'date', 'mime-version'])
    for (const mail of fresh) {
      // eslint-disable-next-line no-control-regex -- control characters are what must not be there
      expect(mail.subject).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200b]/)
      const raw = readFileSync(path.join(outbox(), mail.file), 'utf8')
      const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ')
      const names = head.split('\r\n').map((line) => line.slice(0, line.indexOf(':')).toLowerCase())
      expect(names.filter((name) => !allowed.has(name) && !name.startsWith('content-'))).toEqual([])
    }
  })
})

describe('image', () => {
  it('stores a JPEG re-encoded as WebP without its metadata, readable by editors only', async () => {
    const response = await submit(
      formData(
        { ...fields, title: 'Com fotografia', imageAlt: 'Famílias à beira-rio' },
        await photoWithMetadata(),
      ),
    )
    expect(response.status).toBe(201)
    const doc = await latest()
    expect(doc.imageAlt).toBe('Famílias à beira-rio')
    const image = await payload.findByID({
      collection: 'submission-images',
      id: doc.image as number,
    })
    expect(image.mimeType).toBe('image/webp')
    const file = path.join(process.env.DATA_DIR!, 'submission-images', image.filename!)
    const metadata = await sharp(file).metadata()
    expect(metadata.format).toBe('webp')
    expect(metadata.exif).toBeUndefined()
    expect(metadata.width).toBe(64)

    const url = `/submission-images/file/${image.filename}`
    expect((await rest('GET', url)).status).toBe(403)
    expect((await rest('GET', url, { token: association.token })).status).toBe(403)
    expect((await rest('GET', url, { token: remichEditor.token })).status).toBe(200)
  })

  it('refuses other types, oversized files and an image without a description', async () => {
    const before = (await payload.count({ collection: 'submission-images' })).totalDocs
    const gif = new Blob([Buffer.from('R0lGODlhAQABAAAAACw=', 'base64')], { type: 'image/jpeg' })
    const svg = new Blob(
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
      {
        type: 'image/png',
      },
    )
    const big = new Blob([new Uint8Array(5 * 1024 * 1024 + 10)], { type: 'image/png' })
    for (const [blob, message] of [
      [gif, 'A imagem tem de ser um ficheiro JPEG, PNG ou WebP.'],
      [svg, 'A imagem tem de ser um ficheiro JPEG, PNG ou WebP.'],
      [big, 'A imagem é demasiado grande: no máximo 5 MB.'],
    ] as const) {
      const response = await submit(formData({ ...fields, imageAlt: 'x' }, blob))
      expect(response.status).toBe(400)
      expect((response.body.errors as Record<string, string>).image).toBe(message)
    }
    const noAlt = await submit(formData(fields, await photoWithMetadata()))
    expect(noAlt.status).toBe(400)
    expect(noAlt.body.errors).toEqual({ imageAlt: 'Descreva a imagem numa frase.' })
    expect((await payload.count({ collection: 'submission-images' })).totalDocs).toBe(before)
  })
})

describe('answers for browsers without JavaScript', () => {
  // The site half of the server, as far as the form page asks it: the page and its choices.
  const sitePages: Record<string, string> = {
    '/pt/submit/initiative/':
      `<!doctype html><html lang="pt"><head><title>Propor uma iniciativa</title></head><body>` +
      `<header>Zesummen</header><main>${FORM_START}<form></form>${FORM_END}</main></body></html>`,
    '/pt/submit/choices.json': JSON.stringify({
      communes: [{ value: 'remich', label: 'Remich' }],
      targetGroups: [],
      organisations: [{ value: 'clube', label: 'Clube Recreativo' }],
      languages: [{ value: 'pt', label: 'português' }],
    }),
  }
  const site = createServer((req, res) => {
    const page = sitePages[req.url ?? '']
    res.writeHead(page ? 200 : 404)
    res.end(page)
  })
  const previous = { PORT: process.env.PORT, PUBLIC_URL: process.env.PUBLIC_URL }
  beforeAll(async () => {
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
    // The portal's address stays what the forms were sent from; only its port moves here.
    process.env.PUBLIC_URL = publicUrl()
    process.env.PORT = String((site.address() as AddressInfo).port)
  })
  afterAll(async () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    await new Promise((resolve) => site.close(resolve))
  })

  const html = { accept: 'text/html,application/xhtml+xml' }

  it('sends a stored submission to the thank-you page in its language', async () => {
    const response = await submit(new URLSearchParams(fields).toString(), html)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/pt/submit/thanks/')
  })

  it('shows the form page again with the errors marked and every value kept, as text', async () => {
    const script = '<script>alert("x")</script>'
    const response = await submit(
      new URLSearchParams({
        ...fields,
        title: script,
        contactEmail: 'rita@',
        organisation: 'clube',
      }).toString(),
      html,
    )
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    const page = response.text
    expect(page).toContain('<title>Erro: Propor uma iniciativa</title>')
    expect(page).toContain('<header>Zesummen</header>')
    expect(page).toContain('role="alert"')
    expect(page).toContain('<a href="#submit-contactEmail">')
    expect(page).toMatch(/id="submit-contactEmail"[^>]*aria-invalid="true"[^>]*value="rita@"/)
    expect(page).toContain('value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"')
    expect(page).not.toContain(script)
    expect(page).toMatch(/<option value="clube" selected>/)
    expect(page).toMatch(/value="remich" checked/)
    expect(page).toContain(fields.description)
  })

  it('keeps the values when the client is over its limit, and says when to come back', async () => {
    const address = { 'x-zesummen-client': '192.0.2.77' }
    for (let i = 0; i < 5; i++)
      expect(
        (await submit(new URLSearchParams(fields).toString(), { ...address, ...html })).status,
      ).toBe(303)
    const limited = await submit(new URLSearchParams({ ...fields, title: 'Mais uma' }).toString(), {
      ...address,
      ...html,
    })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(limited.text).toContain('value="Mais uma"')
    expect(limited.text).toContain('Tente novamente dentro de')
  })
})

describe('moderation', () => {
  it('needs a reason to reject or ask for changes, and emails it to the submitter', async () => {
    expect(
      (await submit(formData({ ...fields, title: 'A recusar', contactEmail: 'no@example.org' })))
        .status,
    ).toBe(201)
    const doc = await latest()
    const silent = await rest('PATCH', `/submissions/${doc.id}`, {
      token: coordinator.token,
      body: { status: 'rejected' },
    })
    expect(silent.status).toBe(400)
    expect(JSON.stringify(silent.body)).toContain('Give a reason')
    const rejected = await rest('PATCH', `/submissions/${doc.id}`, {
      token: coordinator.token,
      body: { status: 'rejected', reason: 'Fora da região do plano.' },
    })
    expect(rejected.status).toBe(200)
    await emailsDelivered()
    const decision = mailTo('no@example.org').find((m) => m.subject.startsWith('Não publicada'))
    expect(decision!.text).toContain('Fora da região do plano.')
  })

  it('lets the editors of the concerned communes decide, not others, and never associations', async () => {
    expect(
      (await submit(formData({ ...fields, title: 'Só Remich', organisation: 'clube' }))).status,
    ).toBe(201)
    const doc = await latest()
    const body = { status: 'changes-requested', reason: 'Qual é a data?' }
    for (const user of [dalheimEditor, association]) {
      const refused = await rest('PATCH', `/submissions/${doc.id}`, { token: user.token, body })
      expect([403, 404]).toContain(refused.status)
    }
    const allowed = await rest('PATCH', `/submissions/${doc.id}`, {
      token: remichEditor.token,
      body,
    })
    expect(allowed.status).toBe(200)
    // The association sees its submission and the status, never the contact or the log.
    const own = await rest('GET', `/submissions/${doc.id}?depth=0`, { token: association.token })
    expect(own.status).toBe(200)
    expect(own.body.status).toBe('changes-requested')
    expect(JSON.stringify(own.body)).not.toContain('rita@example.org')
  })

  it('turns an approved event proposal into a draft event for an editor to complete', async () => {
    const response = await submit(
      formData({
        ...fields,
        kind: 'event',
        title: 'Noite de fado',
        start: '2031-07-04T20:00',
        end: '2031-07-04T23:00',
        place: 'Esplanade, Remich',
        languages: ['pt', 'fr'],
        organisation: 'clube',
        free: 'yes',
      }),
    )
    expect(response.status).toBe(201)
    const doc = await latest()
    const approved = await rest('PATCH', `/submissions/${doc.id}`, {
      token: remichEditor.token,
      body: { status: 'approved' },
    })
    expect(approved.status).toBe(200)
    const after = await payload.findByID({ collection: 'submissions', id: doc.id, depth: 0 })
    const event = await payload.findByID({
      collection: 'events',
      id: after.createdEvent as number,
      draft: true,
      locale: 'pt',
      depth: 0,
    })
    expect(event).toMatchObject({
      _status: 'draft',
      title: 'Noite de fado',
      sourceLanguage: 'pt',
      start: '2031-07-04T18:00:00.000Z',
      communes: [ids.remich],
      organiser: ids.club,
      languagesSpoken: ['pt', 'fr'],
      price: { free: true },
    })
    expect(JSON.stringify(event.description)).toContain('Esplanade, Remich')
    // Not public until an editor publishes it.
    const publicEvents = await rest('GET', '/events?depth=0')
    expect(JSON.stringify(publicEvents.body)).not.toContain('Noite de fado')
    // The association can see and complete its draft.
    const own = await rest('GET', `/events/${event.id}?draft=true&depth=0`, {
      token: association.token,
    })
    expect(own.status).toBe(200)
    await emailsDelivered()
    expect(mailTo('rita@example.org').some((m) => m.subject === 'Aprovada: Noite de fado')).toBe(
      true,
    )
  })

  it('publishes an approved initiative with its image, and nothing private, in the snapshot', async () => {
    expect(
      (
        await submit(
          formData(
            { ...fields, title: 'Horta comunitária', imageAlt: 'Canteiros' },
            await photoWithMetadata(),
          ),
        )
      ).status,
    ).toBe(201)
    const doc = await latest()
    expect(
      (
        await rest('PATCH', `/submissions/${doc.id}`, {
          token: coordinator.token,
          body: { status: 'approved' },
        })
      ).status,
    ).toBe(200)
    const after = await payload.findByID({ collection: 'submissions', id: doc.id, depth: 0 })
    // The copy of the image is recorded without losing the decision that caused it.
    expect(after.decisions!.map((entry) => [entry.decision, entry.by])).toEqual([
      ['approved', coordinator.id],
    ])
    const media = await payload.findByID({
      collection: 'media',
      id: after.publicImage as number,
      locale: 'pt',
    })
    expect(media.alt).toBe('Canteiros')
    expect((await rest('GET', `/media/${media.id}`)).status).toBe(200)

    // Rita reads the weekly digest too: her address must not reach the public either.
    await payload.create({
      collection: 'digest-subscriptions',
      data: {
        email: 'rita@example.org',
        language: 'pt',
        frequency: 'weekly',
        communes: [ids.remich as number],
        consentAt: new Date().toISOString(),
        confirmedAt: new Date().toISOString(),
      },
    })
    expect((await rest('GET', '/digest-subscriptions')).status).toBe(403)
    const snapshot = await readSnapshot(payload)
    const titles = snapshot.collections.submissions.map((s) => s.title)
    expect(titles).toContain('Horta comunitária')
    expect(titles).not.toContain('A recusar')
    expect(titles).not.toContain('Só Remich')
    const text = JSON.stringify(snapshot)
    for (const secret of ['rita@example.org', 'Rita Costa', 'consentAt', 'Fora da região'])
      expect(text).not.toContain(secret)
  })
})

describe('personal data', () => {
  it('deletes rejected and stale submissions with their images after the retention period', async () => {
    const all = await payload.find({ collection: 'submissions', limit: 0, depth: 0 })
    const images = (await payload.count({ collection: 'submission-images' })).totalDocs
    const now = new Date(Date.now() + 181 * 24 * 60 * 60 * 1000)
    const { deleted } = await purgeStaleSubmissions(payload, now, 180)
    const left = await payload.find({ collection: 'submissions', limit: 0, depth: 0 })
    expect(deleted).toBe(all.totalDocs - left.totalDocs)
    expect(left.docs.every((doc) => doc.status === 'approved')).toBe(true)
    expect(left.totalDocs).toBeGreaterThan(0)
    // The image of the pending "Com fotografia" went with it; the approved one's stays.
    expect((await payload.count({ collection: 'submission-images' })).totalDocs).toBe(images - 1)
    // Nothing is younger than the period: a run today deletes nothing.
    expect((await purgeStaleSubmissions(payload)).deleted).toBe(0)
  })

  it('exports and erases one person’s data for the coordinator only', async () => {
    expect((await submit(formData({ ...fields, title: 'Ainda pendente' }))).status).toBe(201)
    const query = '/submissions/personal-data?email=rita%40example.org'
    expect((await rest('GET', query, { token: remichEditor.token })).status).toBe(403)
    expect((await rest('GET', query)).status).toBe(403)
    const exported = await rest('GET', query, { token: coordinator.token })
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-disposition')).toContain('attachment')
    const held = exported.body.submissions as { title: string; contact: { email: string } }[]
    expect(held.map((s) => s.title).sort()).toEqual([
      'Ainda pendente',
      'Horta comunitária',
      'Noite de fado',
    ])
    expect(held.every((s) => s.contact.email === 'rita@example.org')).toBe(true)
    const subscriptions = exported.body.digestSubscriptions as { email: string }[]
    expect(subscriptions.map((s) => s.email)).toEqual(['rita@example.org'])

    const erased = await rest('POST', '/submissions/personal-data/erase', {
      token: coordinator.token,
      body: { email: 'rita@example.org' },
    })
    expect(erased.body).toEqual({ deleted: 1, anonymised: 2, unsubscribed: 1 })
    const again = await rest('GET', query, { token: coordinator.token })
    expect(again.body.submissions).toEqual([])
    expect(again.body.digestSubscriptions).toEqual([])
    const kept = await payload.find({ collection: 'submissions', limit: 0, depth: 0 })
    expect(kept.docs.map((doc) => doc.title).sort()).toEqual(['Horta comunitária', 'Noite de fado'])
    expect(kept.docs.every((doc) => !doc.contact?.email && !doc.contact?.name)).toBe(true)
    expect(
      (
        await rest('POST', '/submissions/personal-data/erase', {
          token: coordinator.token,
          body: { email: 'x' },
        })
      ).status,
    ).toBe(400)
  })
})
