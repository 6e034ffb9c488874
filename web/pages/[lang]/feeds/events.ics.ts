// The all-events feed of each language.
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../locales/config'
import { feedResponse } from '../../../lib/feeds'

export const GET: APIRoute = ({ params, locals }) =>
  feedResponse(locals.content, params.lang as LocaleCode, {}, locals.site)
