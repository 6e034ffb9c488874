// The choices of the forms in this release, so the CMS re-renders a form with errors with the
// same lists the page showed (public content only: communes, groups, organisations, languages).
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../locales/config'
import { formChoices } from '../../../lib/content'
import { langPaths } from '../../../lib/paths'

export const getStaticPaths = langPaths

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(formChoices(params.lang as LocaleCode)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  })
