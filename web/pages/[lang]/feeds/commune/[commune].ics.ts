// One feed per language and commune (events of communes merged into it included).
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../../locales/config'
import { type FeedFilter, feedResponse } from '../../../../lib/feeds'

const filterOf = (slug: string): FeedFilter => ({ communes: [slug] })

export const GET: APIRoute = ({ params, locals }) =>
  feedResponse(locals.content, params.lang as LocaleCode, filterOf(params.commune!), locals.site)
