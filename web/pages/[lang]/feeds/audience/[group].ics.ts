// One feed per language and target group.
import type { APIRoute } from 'astro'
import { localeCodes, type LocaleCode } from '../../../../../locales/config'
import { listingPaths } from '../../../../lib/buildPlan'
import { targetGroups } from '../../../../lib/content'
import { feedResponse, feedShows } from '../../../../lib/feeds'
import { siteUrl, urls } from '../../../../lib/urls'

export const getStaticPaths = () =>
  listingPaths(
    localeCodes.flatMap((lang) =>
      targetGroups(lang).map((item) => ({
        params: { lang, group: item.slug },
        path: urls.audienceFeed(lang, item.slug),
        shows: feedShows(lang, { audiences: [item.slug] }),
      })),
    ),
  )

export const GET: APIRoute = ({ params, site }) =>
  feedResponse(params.lang as LocaleCode, { audiences: [params.group!] }, siteUrl(site))
