// One feed per language and target group.
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../../locales/config'
import { publishedContent } from '../../../../lib/content'
import { type FeedFilter, feedPaths, feedResponse } from '../../../../lib/feeds'
import { siteUrl, urls } from '../../../../../cms/domain/urls'

const filterOf = (slug: string): FeedFilter => ({ audiences: [slug] })

export const getStaticPaths = () =>
  feedPaths(
    publishedContent(),
    (lang) => publishedContent().targetGroups(lang),
    'group',
    filterOf,
    urls.audienceFeed,
  )

export const GET: APIRoute = ({ params, site, locals }) =>
  feedResponse(locals.content, params.lang as LocaleCode, filterOf(params.group!), siteUrl(site))
