// Checks on a built site as files: every HTML page and its internal links.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { resolveSiteFile } from '../../scripts/lib/siteServer'

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry)
    if (statSync(full).isDirectory()) return entry === 'pagefind' ? [] : htmlFiles(full)
    return entry.endsWith('.html') ? [full] : []
  })
}

/** Internal links (href/src starting with "/") that lead to no file of the site. */
export function brokenLinks(siteDir: string): string[] {
  const broken: string[] = []
  for (const file of htmlFiles(siteDir)) {
    const html = readFileSync(file, 'utf8')
    for (const match of html.matchAll(/(?:href|src)="(\/[^"#]*)/g)) {
      const target = match[1]!
      if (/^\/(admin|api)\//.test(target)) continue
      if (!resolveSiteFile(siteDir, target))
        broken.push(`${path.relative(siteDir, file)} → ${target}`)
    }
  }
  return broken
}
