// "Add to calendar": one .ics file per event and language, /<lang>/events/<slug>.ics, written by
// the site build after Astro. As Astro endpoints they were half of the files Astro rendered, each
// paying for a route, a Response and a directory check; here each is one write of text the feeds
// already made (eventText keeps an event's lines once per language).
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { localeCodes } from '../../locales/config'
import { events } from './content'
import { calendarFile } from './ical'
import { urls } from './urls'

/**
 * Writes the calendar file of every event (or of the events in `only`, an incremental build)
 * into the release folder; returns the files written.
 */
export function writeEventCalendars(
  outDir: string,
  site: URL,
  only?: ReadonlySet<string>,
): string[] {
  const written: string[] = []
  for (const lang of localeCodes) {
    const views = only ? events(lang).filter((view) => only.has(view.slug)) : events(lang)
    if (views.length) mkdirSync(path.join(outDir, lang, 'events'), { recursive: true })
    for (const view of views) {
      const file = path.join(outDir, urls.eventCalendar(lang, view.slug))
      writeFileSync(file, calendarFile({ lang, name: view.title.value, site }, [view]))
      written.push(file)
    }
  }
  return written
}
