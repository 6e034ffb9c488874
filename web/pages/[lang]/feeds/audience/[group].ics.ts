// One feed per language and target group.
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../../locales/config'
import { targetGroups } from '../../../../lib/content'
import { feedResponse } from '../../../../lib/feeds'
import { perLocale } from '../../../../lib/paths'
import { siteUrl } from '../../../../lib/urls'

export const getStaticPaths = () => perLocale(targetGroups, (item) => ({ group: item.slug }))

export const GET: APIRoute = ({ params, site }) =>
  feedResponse(params.lang as LocaleCode, { audiences: [params.group!] }, siteUrl(site))
