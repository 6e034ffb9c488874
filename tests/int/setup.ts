// Runs before each integration test file: a fresh database (SQLite file, or a fresh MongoDB
// database when the project runs with TEST_DATABASE=mongodb) and a private data folder.
import { mkdirSync, mkdtempSync } from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'

const root = path.resolve('tests/.tmp')
mkdirSync(root, { recursive: true })
const dir = mkdtempSync(path.join(root, 'int-'))

process.env.DATA_DIR = dir
process.env.MEDIA_DIR = path.join(dir, 'media')
process.env.PAYLOAD_SECRET = randomBytes(32).toString('hex')
process.env.PAYLOAD_LOG_LEVEL ??= 'warn'

if (process.env.TEST_DATABASE === 'mongodb') {
  const url = new URL(process.env.MONGODB_URL!)
  url.pathname = `/zesummen_test_${randomBytes(6).toString('hex')}`
  process.env.DATABASE_URL = url.toString()
} else {
  process.env.DATABASE_URL = `file:${path.join(dir, 'test.db')}`
}
