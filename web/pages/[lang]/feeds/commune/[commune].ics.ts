// One feed per language and commune (events of communes merged into it included).
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../../locales/config'
import { publishedContent } from '../../../../lib/content'
import { type FeedFilter, feedPaths, feedResponse } from '../../../../lib/feeds'
import { siteUrl, urls } from '../../../../../cms/domain/urls'

const filterOf = (slug: string): FeedFilter => ({ communes: [slug] })

export const getStaticPaths = () =>
  feedPaths(
    publishedContent(),
    (lang) => publishedContent().currentCommunes(lang),
    'commune',
    filterOf,
    urls.communeFeed,
  )

export const GET: APIRoute = ({ params, site, locals }) =>
  feedResponse(locals.content, params.lang as LocaleCode, filterOf(params.commune!), siteUrl(site))
