// Email for Payload (password resets now; submission confirmations and moderation notices with
// #6) through nodemailer. With SMTP_URL set, messages go to that server; without it (development,
// tests, or a server not configured yet) each message is written to the outbox folder as an .eml
// file plus a .json summary, so nothing is lost and tests can read them.
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import nodemailer, { type SendMailOptions } from 'nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'
import { dataDir, type Env, publicUrl, SettingsError } from './settings'

export type EmailSettings =
  | { mode: 'smtp'; url: string; from: string; fromName: string }
  | { mode: 'outbox'; dir: string; from: string; fromName: string }

const addressPattern = /^[^\s@<>]+@[^\s@<>]+$/

export function emailSettings(env: Env = process.env): EmailSettings {
  const host = new URL(publicUrl(env)).hostname
  const from =
    env.EMAIL_FROM?.trim() || `zesummen@${host.includes('.') ? host : 'localhost.localdomain'}`
  if (!addressPattern.test(from))
    throw new SettingsError('EMAIL_FROM', `"${from}" is not an email address.`)
  const fromName = env.EMAIL_FROM_NAME?.trim() || 'Zesummen · PCI Miselerland'
  const url = env.SMTP_URL?.trim()
  if (url) {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      throw new SettingsError(
        'SMTP_URL',
        'is not a URL. Example: smtps://user:password@mail.example.lu:465',
      )
    }
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
      throw new SettingsError('SMTP_URL', 'must start with smtp:// or smtps://')
    return { mode: 'smtp', url, from, fromName }
  }
  return {
    mode: 'outbox',
    dir: path.resolve(env.OUTBOX_DIR?.trim() || path.join(dataDir(env), 'outbox')),
    from,
    fromName,
  }
}

/** What the outbox keeps of a message besides the .eml file. */
export interface OutboxEntry {
  file: string
  date: string
  from: string
  to: string[]
  subject: string
  text: string
  html: string
}

function addresses(value: SendEmailOptions['to']): string[] {
  if (!value) return []
  const list = (Array.isArray(value) ? value : [value]).flat(2) as unknown[]
  return list.map((entry) =>
    typeof entry === 'string' ? entry : String((entry as { address?: string }).address ?? ''),
  )
}

export function portalEmailAdapter(settings = emailSettings()): EmailAdapter {
  return () => {
    const transport =
      settings.mode === 'smtp'
        ? nodemailer.createTransport(settings.url)
        : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
    return {
      name: settings.mode === 'smtp' ? 'smtp' : 'outbox',
      defaultFromAddress: settings.from,
      defaultFromName: settings.fromName,
      sendEmail: async (message) => {
        const info = await transport.sendMail({
          ...message,
          from: message.from ?? { name: settings.fromName, address: settings.from },
        } as SendMailOptions)
        if (settings.mode === 'outbox') {
          mkdirSync(settings.dir, { recursive: true })
          const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`
          const raw = (info as { message?: Buffer }).message
          if (raw) writeFileSync(path.join(settings.dir, `${name}.eml`), raw)
          const entry: OutboxEntry = {
            file: `${name}.eml`,
            date: new Date().toISOString(),
            from: typeof message.from === 'string' ? message.from : settings.from,
            to: addresses(message.to),
            subject: String(message.subject ?? ''),
            text: typeof message.text === 'string' ? message.text : '',
            html: typeof message.html === 'string' ? message.html : '',
          }
          writeFileSync(path.join(settings.dir, `${name}.json`), JSON.stringify(entry, null, 2))
        }
        return info
      },
    }
  }
}

/** The messages in an outbox folder, oldest first. */
export function readOutbox(dir: string): OutboxEntry[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as OutboxEntry)
}
