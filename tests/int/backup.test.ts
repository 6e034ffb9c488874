// Backup while Payload is open, restore into a fresh folder: the same documents and files. A
// restore over existing data needs --force and keeps the old data aside.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createClient } from '@libsql/client'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sqliteFile } from '../../cms/settings'
import {
  BackupError,
  createBackup,
  folderDigest,
  restoreBackup,
  tableCounts,
} from '../../scripts/lib/backup'
import { closeTestPayload, createEventIn, createRemichWithHall, testPayload } from './helpers'

const sqlite = process.env.TEST_DATABASE !== 'mongodb'
let payload: Payload
const work = mkdtempSync(path.join(path.resolve('tests/.tmp'), 'backup-'))
const media = path.join(work, 'media')
const submitted = path.join(work, 'submission-images')
const uploadsIn = (dir: string) => ({
  media: path.join(dir, 'media'),
  'submission-images': path.join(dir, 'submission-images'),
})

async function rows(file: string, table: string) {
  const client = createClient({ url: `file:${file}` })
  try {
    return (await client.execute(`SELECT * FROM ${table} ORDER BY id`)).rows.map((row) => ({
      ...row,
    }))
  } finally {
    client.close()
  }
}

beforeAll(async () => {
  payload = await testPayload()
  const remich = await createRemichWithHall(payload)
  await createEventIn(payload, remich, { title: 'Café des langues' })
  // Digest subscribers are personal data the backup keeps too.
  await payload.create({
    collection: 'digest-subscriptions',
    data: {
      email: 'leitora@example.org',
      language: 'pt',
      frequency: 'weekly',
      communes: [remich.commune as number],
      consentAt: '2030-01-01T00:00:00.000Z',
      confirmedAt: '2030-01-01T01:00:00.000Z',
    },
  })
  mkdirSync(media, { recursive: true })
  writeFileSync(path.join(media, 'poster.webp'), Buffer.from([1, 2, 3, 4]))
  writeFileSync(path.join(media, 'poster-400x300.webp'), Buffer.from([5, 6, 7]))
  mkdirSync(submitted, { recursive: true })
  writeFileSync(path.join(submitted, 'submission-1.webp'), Buffer.from([8, 9]))
})

afterAll(closeTestPayload)

describe.runIf(sqlite)('backup and restore (SQLite)', () => {
  let archive = ''

  it('archives a consistent copy while the database is open', async () => {
    const result = await createBackup({
      databaseFile: sqliteFile(),
      uploads: { media, 'submission-images': submitted },
      backupDir: path.join(work, 'backups'),
    })
    archive = result.archive
    expect(path.basename(archive)).toMatch(/^zesummen-\d{4}-\d\d-\d\dT[\d-]+Z\.tar\.gz$/)
    expect(result.manifest.tables.events).toBe(1)
    expect(result.manifest.tables.digest_subscriptions).toBe(1)
    expect(result.manifest.media).toEqual({ files: 3, bytes: 9 })
    expect(result.manifest.folders).toEqual({
      media: { files: 2, bytes: 7 },
      'submission-images': { files: 1, bytes: 2 },
    })
    expect(readdirSync(path.join(work, 'backups'))).toEqual([path.basename(archive)])
  })

  it('restores the same documents and files into a fresh folder', async () => {
    const fresh = path.join(work, 'fresh')
    const databaseFile = path.join(fresh, 'zesummen.db')
    await restoreBackup({ archive, databaseFile, uploads: uploadsIn(fresh) })
    expect(await tableCounts(databaseFile)).toEqual(await tableCounts(sqliteFile()))
    const tables = ['events', 'events_locales', 'communes', 'venues', 'users']
    for (const table of [...tables, 'digest_subscriptions', 'digest_subscriptions_rels']) {
      expect(await rows(databaseFile, table)).toEqual(await rows(sqliteFile(), table))
    }
    expect(folderDigest(path.join(fresh, 'media'))).toBe(folderDigest(media))
    expect(folderDigest(path.join(fresh, 'submission-images'))).toBe(folderDigest(submitted))
  })

  it('refuses to overwrite data without --force, and keeps it aside with --force', async () => {
    const target = path.join(work, 'fresh')
    const databaseFile = path.join(target, 'zesummen.db')
    await expect(
      restoreBackup({ archive, databaseFile, uploads: uploadsIn(target) }),
    ).rejects.toThrow(BackupError)
    const now = new Date('2030-01-01T00:00:00Z')
    await restoreBackup({
      archive,
      databaseFile,
      uploads: uploadsIn(target),
      force: true,
      now,
    })
    expect(existsSync(`${databaseFile}.before-restore-2030-01-01T00-00-00-000Z`)).toBe(true)
    expect(existsSync(path.join(target, 'media.before-restore-2030-01-01T00-00-00-000Z'))).toBe(
      true,
    )
  })

  it('refuses an archive that is not a backup', async () => {
    const bogus = path.join(work, 'bogus.tar.gz')
    writeFileSync(bogus, 'not an archive')
    await expect(
      restoreBackup({
        archive: bogus,
        databaseFile: path.join(work, 'x.db'),
        uploads: uploadsIn(path.join(work, 'x')),
      }),
    ).rejects.toThrow(/tar failed/)
  })
})
