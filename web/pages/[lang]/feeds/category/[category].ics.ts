// One feed per language and category.
import type { APIRoute } from 'astro'
import { localeCodes, type LocaleCode } from '../../../../../locales/config'
import { listingPaths } from '../../../../lib/buildPlan'
import { categories } from '../../../../lib/content'
import { feedResponse, feedShows } from '../../../../lib/feeds'
import { siteUrl, urls } from '../../../../lib/urls'

export const getStaticPaths = () =>
  listingPaths(
    localeCodes.flatMap((lang) =>
      categories(lang).map((item) => ({
        params: { lang, category: item.slug },
        path: urls.categoryFeed(lang, item.slug),
        shows: feedShows(lang, { categories: [item.slug] }),
      })),
    ),
  )

export const GET: APIRoute = ({ params, site }) =>
  feedResponse(params.lang as LocaleCode, { categories: [params.category!] }, siteUrl(site))
