// Astro renders a site on one core. The site build runs one Astro process per core instead, each
// rendering an equal share of the pages into its own folder (web/lib/paths.ts says which pages,
// from ZESUMMEN_BUILD_SHARE); the folders are then merged into the release. The first process
// writes the sitemap, from its own pages and the page lists of the others (astro.config.mjs).
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * How many Astro processes render at once: BUILD_PROCESSES when set (1 renders in one process as
 * Astro alone would), else one per core, never more than there are languages (each process
 * renders a language's own pages).
 */
export function renderProcessCount(
  languages: number,
  setting: string | undefined = process.env.BUILD_PROCESSES,
  cores: number = os.availableParallelism(),
): number {
  if (setting !== undefined && setting.trim() !== '') {
    const count = Number(setting)
    if (!Number.isInteger(count) || count < 1) {
      throw new Error(`BUILD_PROCESSES must be a whole number of 1 or more, not "${setting}".`)
    }
    return Math.min(count, languages)
  }
  return Math.max(1, Math.min(cores, languages))
}

/**
 * Moves what one Astro process rendered into the folder of another (by rename, whole folders
 * when the target has none of that name). A file both rendered (the language chooser, Astro's
 * assets, public files: a few dozen) must be the same in both; the target's stays. Returns the
 * files found in both with different bytes: a page rendered differently by two processes is a bug.
 */
export function mergeInto(fromDir: string, toDir: string): string[] {
  // Nothing written there (no events: no calendar files).
  if (!existsSync(fromDir)) return []
  const differing: string[] = []
  const walk = (from: string, to: string) => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const source = path.join(from, entry.name)
      const target = path.join(to, entry.name)
      if (!existsSync(target)) {
        renameSync(source, target)
      } else if (entry.isDirectory()) {
        walk(source, target)
      } else if (!readFileSync(source).equals(readFileSync(target))) {
        differing.push(path.relative(toDir, target))
      }
    }
  }
  walk(fromDir, toDir)
  rmSync(fromDir, { recursive: true, force: true })
  return differing
}
