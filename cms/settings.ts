// Runtime settings read from the environment, validated once. A bad value stops the process with
// a message naming the variable and the fix.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Environment variables, as read from process.env or given by a test. */
export type Env = Record<string, string | undefined>

export class SettingsError extends Error {
  constructor(variable: string, problem: string) {
    super(`Configuration error in ${variable}: ${problem}`)
    this.name = 'SettingsError'
  }
}

export type DatabaseKind = 'sqlite' | 'mongodb'

export interface DatabaseSettings {
  kind: DatabaseKind
  url: string
}

export function dataDir(env: Env = process.env): string {
  return path.resolve(env.DATA_DIR ?? 'data')
}

/** Uploaded files: MEDIA_DIR, by default a folder of DATA_DIR. */
export function mediaDir(env: Env = process.env): string {
  return path.resolve(env.MEDIA_DIR ?? path.join(dataDir(env), 'media'))
}

/** SQLite file under DATA_DIR unless DATABASE_URL names another file or a MongoDB server. */
export function databaseSettings(env: Env = process.env): DatabaseSettings {
  const url = env.DATABASE_URL?.trim()
  if (!url) return { kind: 'sqlite', url: `file:${path.join(dataDir(env), 'zesummen.db')}` }
  if (url.startsWith('mongodb://') || url.startsWith('mongodb+srv://'))
    return { kind: 'mongodb', url }
  if (url.startsWith('file:')) return { kind: 'sqlite', url }
  throw new SettingsError(
    'DATABASE_URL',
    `"${url.replace(/\/\/[^@]*@/, '//…@')}" is not supported. Use file:path/to/db.sqlite for SQLite ` +
      'or mongodb://host/db (or mongodb+srv://…) for MongoDB.',
  )
}

export function isProduction(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production'
}

/**
 * PAYLOAD_SECRET signs sessions. Production must provide it; elsewhere one is generated on first
 * use and kept in DATA_DIR so sessions survive restarts.
 */
export function payloadSecret(env: Env = process.env, production = isProduction(env)): string {
  const given = env.PAYLOAD_SECRET?.trim()
  if (given) {
    if (given.length < 32) {
      throw new SettingsError(
        'PAYLOAD_SECRET',
        'must be at least 32 characters. Generate one with `openssl rand -hex 32`.',
      )
    }
    return given
  }
  if (production) {
    throw new SettingsError(
      'PAYLOAD_SECRET',
      'is required when NODE_ENV=production. Generate one with `openssl rand -hex 32` and set it in the environment.',
    )
  }
  const file = path.join(dataDir(env), '.payload-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(path.dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

export function publicUrl(env: Env = process.env): string {
  const port = port_(env)
  const value = env.PUBLIC_URL?.trim() || `http://localhost:${port}`
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    throw new SettingsError(
      'PUBLIC_URL',
      `"${value}" is not a URL. Example: https://zesummen.example.lu`,
    )
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SettingsError('PUBLIC_URL', 'must start with http:// or https://')
  }
  return value.replace(/\/+$/, '')
}

function port_(env: Env): number {
  const raw = env.PORT?.trim() || '3000'
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SettingsError('PORT', `"${raw}" is not a port number (1–65535).`)
  }
  return port
}

export { port_ as port }

/**
 * TRUST_PROXY=1 when a reverse proxy in front of the portal sets X-Forwarded-For; the client is
 * then its last entry (the one the proxy added). Otherwise the socket address is the client.
 */
export function trustProxy(env: Env = process.env): boolean {
  const raw = env.TRUST_PROXY?.trim().toLowerCase() ?? ''
  if (['', '0', 'false', 'no'].includes(raw)) return false
  if (['1', 'true', 'yes'].includes(raw)) return true
  throw new SettingsError('TRUST_PROXY', `"${env.TRUST_PROXY}" is not 1 or 0.`)
}

/** Where the published snapshots are kept, one file per version (`$DATA_DIR/snapshots`). */
export function snapshotsDir(env: Env = process.env): string {
  return path.resolve(dataDir(env), 'snapshots')
}

/** Where the search index of each published version is made (`$DATA_DIR/search`). */
export function searchIndexDir(env: Env = process.env): string {
  return path.resolve(dataDir(env), 'search')
}

/**
 * Memory for rendered pages and their compressed copies (PAGE_CACHE_MB, default 256): the pages
 * readers ask for most stay; beyond it the least recently asked for are rendered again.
 */
export function pageCacheBytes(env: Env = process.env): number {
  const raw = env.PAGE_CACHE_MB?.trim()
  if (!raw) return 256 * 2 ** 20
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 16 || value > 16_384) {
    throw new SettingsError(
      'PAGE_CACHE_MB',
      `must be a whole number of megabytes from 16 to 16384; it is "${raw}".`,
    )
  }
  return value * 2 ** 20
}

/**
 * How long a publish waits for quiet after a change (REBUILD_DEBOUNCE_SECONDS, default 1; at most
 * 10 s after the first change): changes until then share one publish. Saves made in one go (an image and the event using it) come
 * within it; a change made while a publish runs queues exactly one more, so a longer wait would
 * only delay every publish.
 */
export function rebuildDebounceMs(env: Env = process.env): number {
  const raw = env.REBUILD_DEBOUNCE_SECONDS?.trim() || '1'
  const seconds = Number(raw)
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 600) {
    throw new SettingsError(
      'REBUILD_DEBOUNCE_SECONDS',
      `"${raw}" is not a number of seconds (0–600).`,
    )
  }
  return Math.round(seconds * 1000)
}

/** Where `npm run backup` writes archives (BACKUP_DIR, default "backups"). */
export function backupDir(env: Env = process.env): string {
  return path.resolve(env.BACKUP_DIR?.trim() || 'backups')
}

/** The SQLite file of the embedded database; an error for MongoDB. */
export function sqliteFile(env: Env = process.env): string {
  const settings = databaseSettings(env)
  if (settings.kind !== 'sqlite') {
    throw new SettingsError(
      'DATABASE_URL',
      'is a MongoDB server: back it up with mongodump and restore with mongorestore (see README, "Backups").',
    )
  }
  return path.resolve(settings.url.replace(/^file:/, ''))
}

/**
 * RUN_JOBS=0 for extra web instances when scaled out: they queue site rebuilds and scheduled
 * publishing, and the instance with RUN_JOBS=1 (or `npm run jobs`) runs them.
 */
export function runJobs(env: Env = process.env): boolean {
  const raw = env.RUN_JOBS?.trim() ?? '1'
  if (['1', 'true', 'yes', ''].includes(raw)) return true
  if (['0', 'false', 'no'].includes(raw)) return false
  throw new SettingsError('RUN_JOBS', `"${raw}" is not 1 or 0.`)
}

/** Images sent with public submissions: private until approved (SUBMISSION_IMAGES_DIR). */
export function submissionImagesDir(env: Env = process.env): string {
  return path.resolve(env.SUBMISSION_IMAGES_DIR ?? path.join(dataDir(env), 'submission-images'))
}

/**
 * Days after which rejected submissions, and pending ones nobody touched, are deleted with their
 * images and contact details (SUBMISSION_RETENTION_DAYS, default 180). The privacy notice next to
 * the forms states the same number.
 */
export function submissionRetentionDays(env: Env = process.env): number {
  const raw = env.SUBMISSION_RETENTION_DAYS?.trim() || '180'
  const days = Number(raw)
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new SettingsError(
      'SUBMISSION_RETENTION_DAYS',
      `"${raw}" is not a whole number of days (1–3650).`,
    )
  }
  return days
}

/** Every folder of uploaded files, by the name backups give it. */
export function uploadDirs(env: Env = process.env): Record<string, string> {
  return { media: mediaDir(env), 'submission-images': submissionImagesDir(env) }
}

function flag(env: Env, variable: string): boolean {
  const raw = env[variable]?.trim().toLowerCase() ?? ''
  if (['', '0', 'false', 'no'].includes(raw)) return false
  if (['1', 'true', 'yes'].includes(raw)) return true
  throw new SettingsError(variable, `"${env[variable]}" is not 1 or 0.`)
}

/** CALENDAR_ALLOW_HTTP=1 lets calendar sources be fetched over plain http (tests, intranets). */
export function calendarAllowHttp(env: Env = process.env): boolean {
  return flag(env, 'CALENDAR_ALLOW_HTTP')
}

/**
 * CALENDAR_ALLOW_PRIVATE=1 lets calendar sources be on loopback and private networks. Off, an
 * editor cannot make the server fetch addresses only it can reach (its own admin, the router).
 */
export function calendarAllowPrivate(env: Env = process.env): boolean {
  return flag(env, 'CALENDAR_ALLOW_PRIVATE')
}

/** How long one calendar fetch may take in all (CALENDAR_FETCH_TIMEOUT_SECONDS, default 15). */
export function calendarFetchTimeoutMs(env: Env = process.env): number {
  const raw = env.CALENDAR_FETCH_TIMEOUT_SECONDS?.trim() || '15'
  const seconds = Number(raw)
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 300) {
    throw new SettingsError(
      'CALENDAR_FETCH_TIMEOUT_SECONDS',
      `"${raw}" is not a number of seconds (above 0, at most 300).`,
    )
  }
  return Math.round(seconds * 1000)
}

function wholeNumber(env: Env, name: string, fallback: string, min: number, max: number): number {
  const raw = env[name]?.trim() || fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max)
    throw new SettingsError(name, `"${raw}" is not a whole number from ${min} to ${max}.`)
  return value
}

/** How the events digest is handed to the mail server: messages a minute, and at once. */
export interface DigestSendSettings {
  ratePerMinute: number
  concurrency: number
  /** Attempts after a temporary failure (SMTP 4xx, a lost connection), waiting 1, 2, 4… s. */
  retries: number
  backoffMs: number
}

export function digestSendSettings(env: Env = process.env): DigestSendSettings {
  return {
    ratePerMinute: wholeNumber(env, 'DIGEST_RATE_PER_MINUTE', '120', 1, 100_000),
    concurrency: wholeNumber(env, 'DIGEST_CONCURRENCY', '2', 1, 50),
    retries: 3,
    backoffMs: 1000,
  }
}
