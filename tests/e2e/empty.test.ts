// The site builds from an empty database (a fresh installation before seeding): empty states
// instead of crashes, and no link to a page that does not exist.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { localeCodes } from '../../locales/config'
import { freshDataDir } from './server'
import { brokenLinks, htmlFiles } from './siteFiles'

describe('site from an empty database', () => {
  const dataDir = freshDataDir()
  const siteDir = path.join(dataDir, 'releases', 'current')

  it('builds', () => {
    const result = spawnSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/build-site.ts'],
      {
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          RELEASES_DIR: path.relative(process.cwd(), path.join(dataDir, 'releases')),
          DATABASE_URL: undefined,
        },
        encoding: 'utf8',
      },
    )
    expect(result.status, result.stdout + result.stderr).toBe(0)
    expect(result.stdout).toMatch(/Snapshot: 0 communes/)
  }, 300_000)

  it('shows empty states in every language and links nowhere missing', () => {
    for (const lang of localeCodes) {
      const events = readFileSync(path.join(siteDir, lang, 'events', 'index.html'), 'utf8')
      expect(events).toContain('<h1>')
      expect(events).not.toContain('z-card')
    }
    expect(htmlFiles(siteDir).length).toBeGreaterThan(5 * 8)
    expect(brokenLinks(siteDir)).toEqual([])
  })
})
