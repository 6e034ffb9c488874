// One feed per language and category.
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../../locales/config'
import { type FeedFilter, feedResponse } from '../../../../lib/feeds'

const filterOf = (slug: string): FeedFilter => ({ categories: [slug] })

export const GET: APIRoute = ({ params, locals }) =>
  feedResponse(locals.content, params.lang as LocaleCode, filterOf(params.category!), locals.site)
