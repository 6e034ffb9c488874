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

/** Writes every event's calendar file into the release folder; returns how many. */
export function writeEventCalendars(outDir: string, site: URL): number {
  let written = 0
  for (const lang of localeCodes) {
    const views = events(lang)
    if (views.length) mkdirSync(path.join(outDir, lang, 'events'), { recursive: true })
    for (const view of views) {
      const file = path.join(outDir, urls.eventCalendar(lang, view.slug))
      writeFileSync(file, calendarFile({ lang, name: view.title.value, site }, [view]))
      written += 1
    }
  }
  return written
}
