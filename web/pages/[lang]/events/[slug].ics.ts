// "Add to calendar": one event's calendar file in a language.
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../locales/config'
import { calendarFile } from '../../../lib/ical'

export const GET: APIRoute = ({ params, locals }) => {
  const lang = params.lang as LocaleCode
  const event = locals.content.event(params.slug!, lang)!
  return new Response(calendarFile({ lang, name: event.title.value, site: locals.site }, [event]), {
    headers: { 'content-type': 'text/calendar; charset=utf-8' },
  })
}
