// Checks on a built site as files: every HTML page and its internal links; and the HTML rules
// every page of the site is held to.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { HtmlValidate } from 'html-validate'
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

/** html-validate's recommended rules, as the site's pages are checked against them. */
export function siteHtmlValidator(): HtmlValidate {
  return new HtmlValidate({
    extends: ['html-validate:recommended'],
    // Titles are editors' event names; a long one is fine for residents, not an HTML error.
    // A group of checkboxes shares one name (the forms' communes, languages…): valid HTML.
    rules: {
      'long-title': 'off',
      'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
    },
  })
}
