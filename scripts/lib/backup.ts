// Backups of the embedded installation: a consistent copy of the SQLite database taken while the
// portal runs (VACUUM INTO reads one snapshot of the database), plus the uploaded files, in one
// timestamped .tar.gz with a manifest. MongoDB installations use mongodump (see README).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'

export const BACKUP_FORMAT = 1
const DATABASE_FILE = 'zesummen.db'
const MANIFEST = 'backup.json'

export interface BackupManifest {
  format: number
  createdAt: string
  database: string
  /** Rows per table, to check a restore against. */
  tables: Record<string, number>
  /** All uploaded files together. */
  media: { files: number; bytes: number }
  /** Per upload folder (media library, private submission images). */
  folders?: Record<string, { files: number; bytes: number }>
}

/** Upload folders by their name in the archive: `media`, `submission-images`. */
export type UploadDirs = Record<string, string>

export class BackupError extends Error {}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/** Rows of every table of an SQLite file (the manifest's and the restore check's numbers). */
export async function tableCounts(file: string): Promise<Record<string, number>> {
  const client = createClient({ url: `file:${file}` })
  try {
    const tables = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    const counts: Record<string, number> = {}
    for (const row of tables.rows) {
      const name = String(row.name)
      const result = await client.execute(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`)
      counts[name] = Number(result.rows[0]!.n)
    }
    return counts
  } finally {
    client.close()
  }
}

async function integrityCheck(file: string): Promise<string> {
  const client = createClient({ url: `file:${file}` })
  try {
    const result = await client.execute('PRAGMA integrity_check')
    return String(result.rows[0]?.[0] ?? '')
  } finally {
    client.close()
  }
}

function tar(args: string[]) {
  const result = spawnSync('tar', args, { encoding: 'utf8' })
  if (result.error) throw new BackupError(`tar could not run: ${result.error.message}`)
  if (result.status !== 0) throw new BackupError(`tar failed: ${result.stderr.trim()}`)
}

/** Files of a folder (not recursive: uploads are flat), name → size. */
function mediaFiles(dir: string): Map<string, number> {
  if (!existsSync(dir)) return new Map()
  return new Map(
    readdirSync(dir)
      .filter((name) => statSync(path.join(dir, name)).isFile())
      .map((name) => [name, statSync(path.join(dir, name)).size]),
  )
}

/** Writes `<backupDir>/zesummen-<time>.tar.gz`; returns its path and manifest. */
export async function createBackup(options: {
  databaseFile: string
  uploads: UploadDirs
  backupDir: string
  now?: Date
  progress?: (text: string) => void
}): Promise<{ archive: string; manifest: BackupManifest }> {
  const { databaseFile, uploads, backupDir, now = new Date(), progress = () => {} } = options
  if (!existsSync(databaseFile)) throw new BackupError(`No database at ${databaseFile}.`)
  const work = mkdtempSync(path.join(tmpdir(), 'zesummen-backup-'))
  try {
    progress(`Copying the database ${databaseFile} (online, consistent)…`)
    const copy = path.join(work, DATABASE_FILE)
    const client = createClient({ url: `file:${databaseFile}` })
    try {
      await client.execute(`VACUUM INTO ${sqlString(copy)}`)
    } finally {
      client.close()
    }
    const tables = await tableCounts(copy)
    const folders: Record<string, { files: number; bytes: number }> = {}
    for (const [folder, dir] of Object.entries(uploads)) {
      const files = mediaFiles(dir)
      progress(`Copying ${files.size} files of ${folder}…`)
      mkdirSync(path.join(work, folder))
      let bytes = 0
      for (const [name, size] of files) {
        copyFileSync(path.join(dir, name), path.join(work, folder, name))
        bytes += size
      }
      folders[folder] = { files: files.size, bytes }
    }
    const totals = Object.values(folders)
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: now.toISOString(),
      database: 'sqlite',
      tables,
      media: {
        files: totals.reduce((sum, folder) => sum + folder.files, 0),
        bytes: totals.reduce((sum, folder) => sum + folder.bytes, 0),
      },
      folders,
    }
    writeFileSync(path.join(work, MANIFEST), JSON.stringify(manifest, null, 2))
    mkdirSync(backupDir, { recursive: true })
    const archive = path.join(
      backupDir,
      `zesummen-${now.toISOString().replace(/[:.]/g, '-')}.tar.gz`,
    )
    progress(`Writing ${archive}…`)
    // Written under a temporary name first: a half-written archive never looks complete.
    tar([
      '-czf',
      `${archive}.partial`,
      '-C',
      work,
      MANIFEST,
      DATABASE_FILE,
      ...Object.keys(uploads),
    ])
    renameSync(`${archive}.partial`, archive)
    return { archive, manifest }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/**
 * Restores an archive into the database file and upload folders given. Existing data is moved
 * aside (`*.before-restore-<time>`), never deleted; without `force` existing data stops it.
 * An archive without a folder (older backups had only `media`) leaves that folder empty.
 */
export async function restoreBackup(options: {
  archive: string
  databaseFile: string
  uploads: UploadDirs
  force?: boolean
  now?: Date
  progress?: (text: string) => void
}): Promise<BackupManifest> {
  const { archive, databaseFile, uploads, force = false, now = new Date() } = options
  const progress = options.progress ?? (() => {})
  if (!existsSync(archive)) throw new BackupError(`No archive at ${archive}.`)
  const work = mkdtempSync(path.join(tmpdir(), 'zesummen-restore-'))
  try {
    progress(`Unpacking ${archive}…`)
    tar(['-xzf', archive, '-C', work])
    const manifestFile = path.join(work, MANIFEST)
    if (!existsSync(manifestFile) || !existsSync(path.join(work, DATABASE_FILE)))
      throw new BackupError(`${archive} is not a Zesummen backup (no ${MANIFEST} or database).`)
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest
    if (manifest.format !== BACKUP_FORMAT)
      throw new BackupError(
        `Backup format ${manifest.format} is not supported (expected ${BACKUP_FORMAT}).`,
      )
    const restored = path.join(work, DATABASE_FILE)
    const integrity = await integrityCheck(restored)
    if (integrity !== 'ok')
      throw new BackupError(`The database in the archive is damaged: ${integrity}`)
    const counts = await tableCounts(restored)
    if (JSON.stringify(counts) !== JSON.stringify(manifest.tables))
      throw new BackupError('The database in the archive does not match its manifest.')

    const dirs = Object.values(uploads)
    const existing = existsSync(databaseFile) || dirs.some((dir) => mediaFiles(dir).size > 0)
    if (existing && !force) {
      throw new BackupError(
        `There is data at ${[databaseFile, ...dirs].join(' or ')}. Stop the portal and run the restore with --force: the current data is kept aside, not deleted.`,
      )
    }
    const suffix = `.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
    for (const current of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`, ...dirs]) {
      if (existsSync(current)) {
        progress(`Keeping the current ${current} as ${current}${suffix}`)
        renameSync(current, `${current}${suffix}`)
      }
    }
    mkdirSync(path.dirname(databaseFile), { recursive: true })
    copyFileSync(restored, databaseFile)
    for (const [folder, dir] of Object.entries(uploads)) {
      mkdirSync(dir, { recursive: true })
      const saved = path.join(work, folder)
      for (const name of existsSync(saved) ? readdirSync(saved) : [])
        copyFileSync(path.join(saved, name), path.join(dir, name))
    }
    progress(
      `Restored ${Object.values(manifest.tables).reduce((a, b) => a + b, 0)} rows and ${manifest.media.files} files from ${manifest.createdAt}.`,
    )
    return manifest
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** A digest of a folder's files (name and content), to compare media after a restore. */
export function folderDigest(dir: string): string {
  const hash = createHash('sha256')
  for (const name of [...mediaFiles(dir).keys()].sort()) {
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(path.join(dir, name)))
  }
  return hash.digest('hex')
}
