// The events digest end to end through a real SMTP server on loopback (smtp-server, read back
// with mailparser): subscribe, confirm, receive the week's digest in Portuguese for Remich with
// the right events, change the choices, unsubscribe with the one-click header, receive nothing
// after; temporary failures retried, permanent ones pausing the address; and a run killed in the
// middle that resumes without sending anyone the same week twice.
import { spawn } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import type { Payload } from 'payload'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { periodOfKey, type DigestPeriod } from '../../cms/domain/digest'
import { typescriptArgs } from '../../scripts/lib/typescriptChild'
import type { DigestRunCounts } from '../../scripts/lib/digestRun'

interface Received {
  to: string[]
  mail: ParsedMail
}

const received: Received[] = []
/** Addresses the server refuses: permanently (550), or temporarily (451) so many times. */
const refuse = new Map<string, { code: number; times: number }>()
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    const rule = refuse.get(address.address)
    if (rule && rule.times > 0) {
      rule.times -= 1
      const error = Object.assign(new Error(`Refused ${address.address}`), {
        responseCode: rule.code,
      })
      return callback(error)
    }
    callback()
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail })
        callback()
      })
      .catch(callback)
  },
})
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
const smtpPort = (smtp.server.address() as AddressInfo).port
// Payload's mail adapter reads the settings when the configuration loads: set them first.
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`
const {
  closeTestPayload,
  createCommune,
  createDoc,
  createEventIn,
  createUser,
  postForm,
  rest,
  testPayload,
} = await import('./helpers')
const { SnapshotStore } = await import('../../cms/domain/snapshotStore')
const { snapshotsDir } = await import('../../cms/settings')
const { readSnapshot } = await import('../../cms/snapshot/read')
const { SiteContent } = await import('../../web/lib/content')
const { runDigests } = await import('../../scripts/lib/digestRun')

let payload: Payload
const ids: Record<string, number | string> = {}
const site = new URL('http://localhost:3000')
const fast = { ratePerMinute: 60_000, concurrency: 2, retries: 3, backoffMs: 20 }
const week = (key: string) => periodOfKey(key) as DigestPeriod

/** A header as it was sent (mailparser makes List-* headers into objects). */
const header = (mail: ParsedMail, name: string) =>
  mail.headerLines
    .find((line) => line.key === name.toLowerCase())
    ?.line.replace(/^[^:]+:\s*/, '')
    .replace(/\r?\n\s+/g, '')
const mailsTo = (address: string) => received.filter((entry) => entry.to.includes(address))
async function until(check: () => boolean, what: string, ms = 10_000) {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
const apiPath = (href: string) => {
  const url = new URL(href)
  return url.pathname.replace(/^\/api/, '') + url.search
}
const linkIn = (text: string, action: string) =>
  new RegExp(`https?://\\S+/api/digest/${action}\\?\\S+`).exec(text)![0]

const form = (pathAndQuery: string, values: Record<string, string | string[]>) =>
  postForm(pathAndQuery, values, { origin: site.origin, 'x-zesummen-client': '198.51.100.7' })

/** Publishes what is in the database now (the digest reads the live snapshot only). */
async function publish() {
  const store = new SnapshotStore(snapshotsDir())
  store.activate(store.write(await readSnapshot(payload)))
  return new SiteContent(store.read(store.live()!.version))
}

const run = async (key: string, settings = fast) =>
  runDigests(payload, await publish(), { period: week(key), send: true, site, settings })

beforeAll(async () => {
  payload = await testPayload()
  ids.remich = (await createCommune(payload, 'Remich', '1205')).id
  ids.mertert = (await createCommune(payload, 'Mertert', '1206')).id
  const remich = {
    commune: ids.remich,
    hall: (
      await createDoc(payload, 'venues', {
        name: 'Centre culturel',
        slug: 'cc',
        commune: ids.remich,
      })
    ).id,
  }
  const mertert = {
    commune: ids.mertert,
    hall: (
      await createDoc(payload, 'venues', { name: 'Sportshal', slug: 'sh', commune: ids.mertert })
    ).id,
  }
  // Week 27 of 2031: Monday 30 June to Sunday 6 July.
  const fado = await createEventIn(payload, remich, {
    title: 'Noite de fado',
    sourceLanguage: 'pt',
    start: '2031-07-01T17:00:00.000Z',
    end: '2031-07-01T19:00:00.000Z',
  })
  await payload.update({
    collection: 'events',
    id: fado.id,
    locale: 'pt',
    data: { title: 'Noite de fado' },
  })
  await createEventIn(payload, remich, {
    title: 'Café des langues',
    sourceLanguage: 'fr',
    start: '2031-06-19T16:30:00.000Z',
    end: '2031-06-19T18:30:00.000Z',
    recurrence: { frequency: 'weekly', byWeekday: ['TH'], count: 4 },
    overrides: [
      {
        occurrenceDate: '2031-07-03',
        status: 'rescheduled',
        newStart: '2031-07-04T16:30:00.000Z',
        newEnd: '2031-07-04T18:30:00.000Z',
      },
    ],
  })
  await createEventIn(payload, remich, {
    title: 'Soirée d’information',
    sourceLanguage: 'fr',
    start: '2031-07-02T17:00:00.000Z',
    end: '2031-07-02T19:00:00.000Z',
    status: 'cancelled',
    statusReason: 'Salle occupée.',
  })
  await createEventIn(payload, mertert, {
    title: 'Mäertfest',
    sourceLanguage: 'fr',
    start: '2031-07-05T08:00:00.000Z',
    end: '2031-07-05T16:00:00.000Z',
  })
  await createEventIn(payload, remich, {
    title: 'Semaine suivante à Remich',
    sourceLanguage: 'fr',
    start: '2031-07-08T17:00:00.000Z',
    end: '2031-07-08T19:00:00.000Z',
  })
  await createEventIn(payload, mertert, {
    title: 'Semaine suivante à Mertert',
    sourceLanguage: 'fr',
    start: '2031-07-09T17:00:00.000Z',
    end: '2031-07-09T19:00:00.000Z',
  })
  await createEventIn(payload, mertert, {
    title: 'Plus tard à Mertert',
    sourceLanguage: 'fr',
    start: '2031-07-16T17:00:00.000Z',
    end: '2031-07-16T19:00:00.000Z',
  })
})

afterAll(async () => {
  await closeTestPayload()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

describe('a reader’s digest, from the form to the last mail', () => {
  const address = 'leitora@example.org'
  let digest: ParsedMail

  it('subscribes and confirms by the mailed link', async () => {
    const answer = await form('/digest/subscribe?lang=pt', {
      lang: 'pt',
      email: address,
      language: 'pt',
      frequency: 'weekly',
      communes: 'remich',
      consent: 'yes',
      renderedAt: String(Date.now() - 30_000),
    })
    expect(answer.status).toBe(202)
    await until(() => mailsTo(address).length === 1, 'the confirmation mail')
    const confirmation = mailsTo(address)[0]!.mail
    expect(confirmation.subject).toBe('Confirme: eventos do Miselerland por e-mail')
    // Nothing before the link is followed.
    expect((await run('2031-W26')).subscribers).toBe(0)
    const confirmed = await rest('GET', apiPath(linkIn(confirmation.text!, 'confirm')))
    expect(confirmed.headers.get('location')).toBe('/pt/digest/confirmed/')
  })

  it('receives the week in Portuguese for Remich, with the right events', async () => {
    const counts = await run('2031-W27')
    expect(counts).toMatchObject({ subscribers: 1, built: 1, sent: 1, failed: 0 })
    const mails = mailsTo(address)
    expect(mails).toHaveLength(2)
    digest = mails[1]!.mail
    expect(digest.subject).toBe('Eventos da semana: 30 de junho – 6 de julho de 2031')
    const text = digest.text!
    expect(text).toContain('Noite de fado')
    expect(text).toContain('terça-feira, 1 de julho de 2031, 19:00–21:00')
    // Moved from Thursday to Friday, and written in French: both said.
    expect(text).toContain('* Café des langues (Em francês) [Nova data]')
    expect(text).toContain('sexta-feira, 4 de julho de 2031, 18:30–20:30')
    expect(text).toContain('Soirée d’information (Em francês) [Cancelado]')
    for (const elsewhere of ['Mäertfest', 'Semaine suivante à Remich'])
      expect(text).not.toContain(elsewhere)
    expect(text).toContain('http://localhost:3000/pt/events/')
    expect(text).toContain('http://localhost:3000/api/feeds/events.ics?lang=pt&commune=remich')
    const html = String(digest.html)
    expect(html).toContain('<html lang="pt"')
    expect(html).toMatch(/<h1>Eventos da semana: 30 de junho – 6 de julho de 2031<\/h1>/)
    expect(html.match(/<li class="w__item">/g)).toHaveLength(3)
    expect(html).toContain('<span lang="fr">Café des langues</span>')
    expect(html).not.toMatch(/<img|target=/)
    expect(header(digest, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    expect(header(digest, 'List-Unsubscribe')).toMatch(
      /^<http:\/\/localhost:3000\/api\/digest\/unsubscribe\?lang=pt&token=unsubscribe\.\S+>$/,
    )
  })

  it('shows editors the digest of a commune in a language before it goes out', async () => {
    const editor = await createUser(payload, 'editor-remich', ['commune-editor'], {
      communes: [ids.remich!],
    })
    const query = '/digest/preview?commune=remich&lang=pt&period=2031-W27'
    expect((await rest('GET', query)).status).toBe(403)
    const preview = await rest('GET', query, { token: editor.token })
    expect(preview.status).toBe(200)
    expect(preview.text).toContain('<h1>Eventos da semana: 30 de junho – 6 de julho de 2031</h1>')
    expect(preview.text).toContain('Noite de fado')
    expect(preview.text).not.toContain('Mäertfest')
    const empty = await rest('GET', '/digest/preview?commune=remich&lang=pt&period=2031-W30', {
      token: editor.token,
    })
    expect(empty.text).toContain('no email would be sent')
  })

  it('never sends the same week twice', async () => {
    expect(await run('2031-W27')).toMatchObject({ alreadySent: 1, sent: 0 })
    expect(mailsTo(address)).toHaveLength(2)
  })

  it('follows changed choices, and sends nothing when nothing matches', async () => {
    const saved = await form(apiPath(linkIn(digest.text!, 'manage')), {
      lang: 'pt',
      language: 'pt',
      frequency: 'weekly',
      communes: 'mertert',
    })
    expect(saved.status).toBe(200)
    expect(await run('2031-W28')).toMatchObject({ sent: 1 })
    const next = mailsTo(address).at(-1)!.mail
    expect(next.text).toContain('Semaine suivante à Mertert')
    expect(next.text).not.toContain('Semaine suivante à Remich')
    expect(await run('2031-W30')).toMatchObject({ subscribers: 1, skippedEmpty: 1, sent: 0 })
    expect(mailsTo(address)).toHaveLength(3)
  })

  it('unsubscribes with the one-click header, and receives nothing after', async () => {
    const last = mailsTo(address).at(-1)!.mail
    const target = /^<(.+)>$/.exec(header(last, 'List-Unsubscribe')!)![1]!
    const oneClick = await rest('POST', apiPath(target), {
      raw: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(oneClick.status).toBe(200)
    expect(await run('2031-W29')).toMatchObject({ subscribers: 0, sent: 0 })
    expect(mailsTo(address)).toHaveLength(3)
  })
})

describe('sending without losses or doubles', () => {
  const confirmed = async (email: string, communes = [ids.remich]) =>
    createDoc(payload, 'digest-subscriptions', {
      email,
      language: 'fr',
      frequency: 'weekly',
      communes,
      consentAt: '2031-06-01T00:00:00.000Z',
      confirmedAt: '2031-06-01T00:10:00.000Z',
    })

  it('retries temporary failures, and pauses an address after three permanent ones', async () => {
    // The whole region: every week from 27 to 29 has events for them.
    await confirmed('flaky@example.org', [])
    await confirmed('gone@example.org', [])
    refuse.set('flaky@example.org', { code: 451, times: 2 })
    refuse.set('gone@example.org', { code: 550, times: 99 })
    const first = await run('2031-W27')
    expect(first).toMatchObject({ sent: 1, failed: 1, paused: 0 })
    expect(mailsTo('flaky@example.org')).toHaveLength(1)
    expect((await run('2031-W28')).paused).toBe(0)
    expect((await run('2031-W29')).paused).toBe(1)
    const gone = await payload.find({
      collection: 'digest-subscriptions',
      where: { email: { equals: 'gone@example.org' } },
    })
    expect(gone.docs[0]).toMatchObject({ failures: 3, lastSentPeriod: null })
    expect(gone.docs[0]!.pausedAt).toBeTruthy()
    expect((await run('2031-W30')).subscribers).toBe(1)
    await payload.delete({ collection: 'digest-subscriptions', where: { id: { exists: true } } })
  })

  it('resumes a killed run without sending anyone the same week twice', async () => {
    const readers = Array.from({ length: 24 }, (_, index) => `reader-${index}@example.org`)
    for (const email of readers) await confirmed(email)
    await publish()
    const before = received.length
    const digestsRun = (kill: boolean) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          typescriptArgs('scripts/digests.ts', ['--period', '2031-W27', '--send', '--json']),
          {
            env: { ...process.env, DIGEST_RATE_PER_MINUTE: '600', DIGEST_CONCURRENCY: '2' },
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        )
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
        child.on('error', reject)
        child.on('exit', () => resolve(out))
        if (kill)
          void until(() => received.length - before >= 8, 'eight digests', 60_000).then(() =>
            child.kill('SIGKILL'),
          )
      })
    await digestsRun(true)
    const afterKill = received.length - before
    expect(afterKill).toBeGreaterThanOrEqual(8)
    expect(afterKill).toBeLessThan(readers.length)
    const resumed = JSON.parse((await digestsRun(false)).trim().split('\n').at(-1)!) as Record<
      string,
      DigestRunCounts
    >
    const counts = resumed['2031-W27']!
    const perReader = readers.map((email) => mailsTo(email).length)
    expect(Math.max(...perReader)).toBe(1)
    // An address marked as being sent when the run was killed is skipped, never sent twice.
    expect(counts.interrupted).toBeLessThanOrEqual(2)
    expect(counts.alreadySent + counts.sent + counts.interrupted).toBe(readers.length)
    const reached = perReader.filter((count) => count === 1).length
    expect(reached).toBeGreaterThanOrEqual(readers.length - counts.interrupted)
  }, 120_000)
})
