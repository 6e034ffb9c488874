// One feed per language and category.
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../../locales/config'
import { publishedContent } from '../../../../lib/content'
import { type FeedFilter, feedPaths, feedResponse } from '../../../../lib/feeds'
import { siteUrl, urls } from '../../../../../cms/domain/urls'

const filterOf = (slug: string): FeedFilter => ({ categories: [slug] })

export const getStaticPaths = () =>
  feedPaths(
    publishedContent(),
    (lang) => publishedContent().categories(lang),
    'category',
    filterOf,
    urls.categoryFeed,
  )

export const GET: APIRoute = ({ params, site, locals }) =>
  feedResponse(locals.content, params.lang as LocaleCode, filterOf(params.category!), siteUrl(site))
