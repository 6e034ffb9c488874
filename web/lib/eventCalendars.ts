// "Add to calendar": one .ics file per event and language, /<lang>/events/<slug>.ics, written by
// the site build (scripts/build-site.ts) beside Astro's pages: every event's in a full build, the
// changed events' in an incremental one. As Astro endpoints they were half of the files Astro
// rendered, each paying for a route, a Response and a directory check; here each is one write of
// text the feeds already made (eventText keeps an event's lines once per language).
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { localeCodes, type LocaleCode } from '../../locales/config'
import type { EventView, SiteContent } from './content'
import { calendarFile } from './ical'
import { urls } from '../../cms/domain/urls'

/** Writes an event's calendar file in a language into the release folder; returns the file. */
export function writeEventCalendar(
  outDir: string,
  site: URL,
  lang: LocaleCode,
  view: EventView,
): string {
  const file = path.join(outDir, urls.eventCalendar(lang, view.slug))
  writeFileSync(file, calendarFile({ lang, name: view.title.value, site }, [view]))
  return file
}

/**
 * Writes the calendar files of every event, or of those in `only` (an incremental build's changed
 * events), in every language into the release folder; returns the files written.
 */
export function writeEventCalendars(
  content: SiteContent,
  outDir: string,
  site: URL,
  only?: ReadonlySet<string>,
): string[] {
  const written: string[] = []
  for (const lang of localeCodes) {
    const all = content.events(lang)
    const views = only ? all.filter((view) => only.has(view.slug)) : all
    if (views.length) mkdirSync(path.join(outDir, lang, 'events'), { recursive: true })
    for (const view of views) written.push(writeEventCalendar(outDir, site, lang, view))
  }
  return written
}
