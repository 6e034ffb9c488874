// What Pagefind reads. Event listings (pages of upcoming events, months, communes, categories, past
// events) are not searchable (the events themselves are), but Pagefind parsed all of them before
// finding that out: at 10,000 events about 180 MB of listing HTML, 15 s of every index. The glob
// names everything else: the files at the top, each language's home and sections, and under
// events/ only the pages one level down (the events; past/ is one small page).
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { localeCodes } from '../../locales/config'

/** The section under each language whose deeper pages are listings. */
export const LISTING_SECTION = 'events'

/** Pagefind's --glob for the release in `dir`. */
export function searchableGlob(dir: string): string {
  const sections = new Set<string>()
  for (const lang of localeCodes) {
    let entries
    try {
      entries = readdirSync(path.join(dir, lang), { withFileTypes: true })
    } catch {
      continue
    }
    for (const entry of entries) {
      if (entry.isDirectory() && entry.name !== LISTING_SECTION) sections.add(entry.name)
    }
  }
  // Folder names are slugs; one with glob characters in it makes Pagefind read everything.
  if ([...sections].some((name) => !/^[\w.-]+$/.test(name))) return '**/*.html'
  const parts = ['*.html', '*/index.html', `*/${LISTING_SECTION}/*/index.html`]
  if (sections.size) parts.push(`*/{${[...sections].sort().join(',')}}/**/*.html`)
  return `{${parts.join(',')}}`
}
