// One feed per language and commune (events of communes merged into it included).
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../../locales/config'
import { currentCommunes } from '../../../../lib/content'
import { feedResponse } from '../../../../lib/feeds'
import { perLocale } from '../../../../lib/paths'
import { siteUrl } from '../../../../lib/urls'

export const getStaticPaths = () => perLocale(currentCommunes, (item) => ({ commune: item.slug }))

export const GET: APIRoute = ({ params, site }) =>
  feedResponse(params.lang as LocaleCode, { communes: [params.commune!] }, siteUrl(site))
