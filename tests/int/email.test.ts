// Email goes through the portal's adapter: without SMTP_URL every message lands in the outbox
// folder (an .eml file and a .json summary), including Payload's own password-reset mail.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emailSettings, readOutbox } from '../../cms/email'
import { SettingsError } from '../../cms/settings'
import { emailsDelivered } from '../../cms/submissions/emails'
import { closeTestPayload, createUser, rest, testPayload } from './helpers'

let payload: Payload
const outbox = () => path.join(process.env.DATA_DIR!, 'outbox')

beforeAll(async () => {
  payload = await testPayload()
})

afterAll(closeTestPayload)

describe('email', () => {
  it('writes messages to the outbox when no SMTP server is configured', async () => {
    await payload.sendEmail({
      to: 'resident@example.org',
      subject: 'Merci / Obrigado',
      text: 'Ligne 1\nLinha 2 — ç ã',
    })
    const [entry] = readOutbox(outbox()).filter((m) => m.subject === 'Merci / Obrigado')
    expect(entry).toMatchObject({ to: ['resident@example.org'], text: 'Ligne 1\nLinha 2 — ç ã' })
    const eml = readFileSync(path.join(outbox(), entry!.file), 'utf8')
    // Header lines may be folded (RFC 5322); the sender's name is MIME-encoded (it has a "·").
    const headers = eml.replace(/\r?\n[ \t]+/g, ' ')
    expect(headers).toMatch(
      /^From: =\?UTF-8\?Q\?Zesummen_=C2=B7_PCI_Miselerland\?= <zesummen@localhost\.localdomain>/m,
    )
    expect(eml).toContain('To: resident@example.org')
  })

  it('resets a forgotten password by email, with the portal’s password rules', async () => {
    const user = await createUser(payload, 'forgetful', ['coordinator'])
    const asked = await rest('POST', '/users/forgot-password', { body: { email: user.email } })
    expect(asked.status).toBe(200)
    // An unknown address gets the same answer (no way to test which addresses have accounts).
    const unknown = await rest('POST', '/users/forgot-password', {
      body: { email: 'nobody@example.org' },
    })
    expect(unknown).toMatchObject({ status: 200, body: asked.body })
    await emailsDelivered()
    const mail = readOutbox(outbox()).find((m) => m.to.includes(user.email))
    expect(mail?.subject).toMatch(/reset/i)
    const token = /\/admin\/reset\/([\w-]+)/.exec(mail!.html)?.[1]
    expect(token).toBeTruthy()

    const weak = await rest('POST', '/users/reset-password', {
      body: { token, password: 'password' },
    })
    expect(weak.status).toBe(400)
    expect(JSON.stringify(weak.body)).toMatch(/password/i)
    const strong = await rest('POST', '/users/reset-password', {
      body: { token, password: 'walnut harbour violin tide' },
    })
    expect(strong.status).toBe(200)
    expect(strong.headers.get('set-cookie')).toMatch(/^payload-token=/)
    const login = await rest('POST', '/users/login', {
      body: { email: user.email, password: 'walnut harbour violin tide' },
    })
    expect(login.status).toBe(200)
  })

  it('reads and checks the email settings', () => {
    expect(emailSettings({ DATA_DIR: '/srv/z' })).toMatchObject({
      mode: 'outbox',
      dir: '/srv/z/outbox',
      from: 'zesummen@localhost.localdomain',
    })
    expect(
      emailSettings({
        PUBLIC_URL: 'https://zesummen.example.lu',
        SMTP_URL: 'smtps://u:p@mail.example.lu:465',
      }),
    ).toMatchObject({ mode: 'smtp', from: 'zesummen@zesummen.example.lu' })
    expect(() => emailSettings({ SMTP_URL: 'http://mail' })).toThrow(SettingsError)
    expect(() => emailSettings({ EMAIL_FROM: 'not an address' })).toThrow(/EMAIL_FROM/)
  })
})
