// The whole integration suite runs a second time against MongoDB (project "int-mongodb") when
// MONGODB_URL is set. This file says clearly when and why that run is skipped.
import { describe, expect, it } from 'vitest'
import { databaseSettings } from '../../cms/settings'

const url = process.env.MONGODB_URL

if (!url && process.env.TEST_DATABASE !== 'mongodb') {
  console.warn(
    '[skipped] MongoDB integration run: MONGODB_URL is not set (no MongoDB server on this ' +
      'machine). Set MONGODB_URL=mongodb://host:27017 to run every integration test on MongoDB too.',
  )
}

describe('MongoDB integration run', () => {
  it.skipIf(!url)('selects the MongoDB adapter for the test database', () => {
    expect(databaseSettings({ DATABASE_URL: url }).kind).toBe('mongodb')
    if (process.env.TEST_DATABASE === 'mongodb') {
      expect(process.env.DATABASE_URL).toMatch(/^mongodb(\+srv)?:\/\/.*\/zesummen_test_[0-9a-f]+/)
    }
  })
})
