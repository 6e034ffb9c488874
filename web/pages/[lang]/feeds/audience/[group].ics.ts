// One feed per language and target group.
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../../locales/config'
import { targetGroups } from '../../../../lib/content'
import { type FeedFilter, feedPaths, feedResponse } from '../../../../lib/feeds'
import { siteUrl, urls } from '../../../../../cms/domain/urls'

const filterOf = (slug: string): FeedFilter => ({ audiences: [slug] })

export const getStaticPaths = () => feedPaths(targetGroups, 'group', filterOf, urls.audienceFeed)

export const GET: APIRoute = ({ params, site }) =>
  feedResponse(params.lang as LocaleCode, filterOf(params.group!), siteUrl(site))
