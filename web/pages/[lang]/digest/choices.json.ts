// The choices of the digest form in this release, so the CMS fills in the form (after an error,
// or with a reader's choices) with the same lists the page showed.
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../locales/config'
import { digestFormChoices } from '../../../lib/digestForm'

export const GET: APIRoute = ({ params, locals }) =>
  new Response(JSON.stringify(digestFormChoices(locals.content, params.lang as LocaleCode)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  })
