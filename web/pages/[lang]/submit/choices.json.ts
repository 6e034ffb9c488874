// The choices of the forms in this release, so the CMS re-renders a form with errors with the
// same lists the page showed (public content only: communes, groups, organisations, languages).
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../locales/config'

export const GET: APIRoute = ({ params, locals }) =>
  new Response(JSON.stringify(locals.content.formChoices(params.lang as LocaleCode)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  })
