// One feed per language and target group.
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../../locales/config'
import { type FeedFilter, feedResponse } from '../../../../lib/feeds'

const filterOf = (slug: string): FeedFilter => ({ audiences: [slug] })

export const GET: APIRoute = ({ params, locals }) =>
  feedResponse(locals.content, params.lang as LocaleCode, filterOf(params.group!), locals.site)
