// The site from an empty database (a fresh installation before seeding): published and exported,
// with empty states instead of crashes, and no link to a page that does not exist.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { localeCodes } from '../../locales/config'
import { freshDataDir } from './server'
import { brokenLinks, htmlFiles } from './siteFiles'
import { typescriptArgs } from '../../scripts/lib/typescriptChild'

describe('site from an empty database', () => {
  const dataDir = freshDataDir()
  const siteDir = path.join(dataDir, 'export')
  const script = (name: string, ...args: string[]) =>
    spawnSync(process.execPath, typescriptArgs(`scripts/${name}`, args), {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: undefined },
      encoding: 'utf8',
    })

  it('publishes and exports', () => {
    const published = script('publish.ts')
    expect(published.status, published.stdout + published.stderr).toBe(0)
    expect(published.stdout).toMatch(/Snapshot \S+ is live/)
    const exported = script('export-site.ts', '--out', siteDir)
    expect(exported.status, exported.stdout + exported.stderr).toBe(0)
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
