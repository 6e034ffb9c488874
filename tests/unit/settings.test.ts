import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { databaseSettings, digestSendSettings, payloadSecret, publicUrl } from '../../cms/settings'

describe('database selection', () => {
  it('uses a SQLite file under DATA_DIR by default', () => {
    expect(databaseSettings({ DATA_DIR: '/srv/z' })).toEqual({
      kind: 'sqlite',
      url: 'file:/srv/z/zesummen.db',
    })
  })

  it('selects MongoDB for mongodb:// and mongodb+srv:// URLs', () => {
    expect(databaseSettings({ DATABASE_URL: 'mongodb://db:27017/z' }).kind).toBe('mongodb')
    expect(databaseSettings({ DATABASE_URL: 'mongodb+srv://u:p@cluster/z' }).kind).toBe('mongodb')
  })

  it('names the variable and hides credentials when the URL is not supported', () => {
    expect(() => databaseSettings({ DATABASE_URL: 'postgres://user:secret@db/z' })).toThrow(
      /DATABASE_URL.*postgres:\/\/…@db\/z/,
    )
    expect(() => databaseSettings({ DATABASE_URL: 'postgres://user:secret@db/z' })).not.toThrow(
      /secret/,
    )
  })
})

describe('session secret', () => {
  it('is required in production, with the fix in the message', () => {
    expect(() => payloadSecret({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET.*openssl rand/)
  })

  it('refuses short secrets', () => {
    expect(() => payloadSecret({ PAYLOAD_SECRET: 'short' })).toThrow(/at least 32/)
  })

  it('is generated once and kept in DATA_DIR outside production', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zesummen-secret-'))
    const first = payloadSecret({ DATA_DIR: dir }, false)
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(payloadSecret({ DATA_DIR: dir }, false)).toBe(first)
    expect(readFileSync(path.join(dir, '.payload-secret'), 'utf8').trim()).toBe(first)
  })
})

describe('public URL', () => {
  it('defaults to localhost on PORT and rejects other schemes', () => {
    expect(publicUrl({ PORT: '8080' })).toBe('http://localhost:8080')
    expect(publicUrl({ PUBLIC_URL: 'https://zesummen.example.lu/' })).toBe(
      'https://zesummen.example.lu',
    )
    expect(() => publicUrl({ PUBLIC_URL: 'ftp://x.lu' })).toThrow(/PUBLIC_URL/)
    expect(() => publicUrl({ PORT: 'eighty' })).toThrow(/PORT/)
  })
})

describe('digest sending', () => {
  it('defaults to 120 mails a minute, 2 at once, and names a bad value', () => {
    expect(digestSendSettings({})).toMatchObject({ ratePerMinute: 120, concurrency: 2 })
    expect(
      digestSendSettings({ DIGEST_RATE_PER_MINUTE: '600', DIGEST_CONCURRENCY: '4' }),
    ).toMatchObject({ ratePerMinute: 600, concurrency: 4 })
    expect(() => digestSendSettings({ DIGEST_RATE_PER_MINUTE: 'fast' })).toThrow(
      /DIGEST_RATE_PER_MINUTE.*"fast" is not a whole number from 1 to 100000/,
    )
    expect(() => digestSendSettings({ DIGEST_CONCURRENCY: '0' })).toThrow(/DIGEST_CONCURRENCY/)
  })
})
