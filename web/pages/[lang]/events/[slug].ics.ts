// "Add to calendar": one .ics file per event and language.
import type { APIRoute } from 'astro'
import { localeCodes, type LocaleCode } from '../../../../locales/config'
import { event, events } from '../../../lib/content'
import { addEvent, calendar, calendarText } from '../../../lib/ical'
import { siteUrl } from '../../../lib/urls'

export function getStaticPaths() {
  return localeCodes.flatMap((lang) =>
    events(lang).map((view) => ({ params: { lang, slug: view.slug } })),
  )
}

export const GET: APIRoute = ({ params, site }) => {
  const lang = params.lang as LocaleCode
  const view = event(params.slug!, lang)!
  const base = siteUrl(site)
  const result = calendar({ lang, name: view.title.value, site: base })
  addEvent(result, view, lang, base)
  return new Response(calendarText(result), {
    headers: { 'content-type': 'text/calendar; charset=utf-8' },
  })
}
