// The all-events feed of each language, built with the site.
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../locales/config'
import { builtLocales } from '../../../lib/paths'
import { listingPaths } from '../../../lib/buildPlan'
import { feedResponse, feedShows } from '../../../lib/feeds'
import { publishedContent } from '../../../lib/content'
import { siteUrl, urls } from '../../../../cms/domain/urls'

export const getStaticPaths = () =>
  listingPaths(
    builtLocales().map((lang) => ({
      params: { lang },
      path: urls.feed(lang),
      shows: feedShows(publishedContent(), lang, {}),
    })),
  )

export const GET: APIRoute = ({ params, site, locals }) =>
  feedResponse(locals.content, params.lang as LocaleCode, {}, siteUrl(site))
