// The all-events feed of each language, built with the site.
import type { APIRoute } from 'astro'
import { localeCodes, type LocaleCode } from '../../../../locales/config'
import { listingPaths } from '../../../lib/buildPlan'
import { feedResponse, feedShows } from '../../../lib/feeds'
import { siteUrl, urls } from '../../../lib/urls'

export const getStaticPaths = () =>
  listingPaths(
    localeCodes.map((lang) => ({
      params: { lang },
      path: urls.feed(lang),
      shows: feedShows(lang, {}),
    })),
  )

export const GET: APIRoute = ({ params, site }) =>
  feedResponse(params.lang as LocaleCode, {}, siteUrl(site))
