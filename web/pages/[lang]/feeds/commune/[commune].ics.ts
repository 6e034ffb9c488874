// One feed per language and commune (events of communes merged into it included).
import type { APIRoute } from 'astro'
import { localeCodes, type LocaleCode } from '../../../../../locales/config'
import { listingPaths } from '../../../../lib/buildPlan'
import { currentCommunes } from '../../../../lib/content'
import { feedResponse, feedShows } from '../../../../lib/feeds'
import { siteUrl, urls } from '../../../../lib/urls'

export const getStaticPaths = () =>
  listingPaths(
    localeCodes.flatMap((lang) =>
      currentCommunes(lang).map((item) => ({
        params: { lang, commune: item.slug },
        path: urls.communeFeed(lang, item.slug),
        shows: feedShows(lang, { communes: [item.slug] }),
      })),
    ),
  )

export const GET: APIRoute = ({ params, site }) =>
  feedResponse(params.lang as LocaleCode, { communes: [params.commune!] }, siteUrl(site))
