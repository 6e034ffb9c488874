// One feed per language and category.
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../../locales/config'
import { categories } from '../../../../lib/content'
import { feedResponse } from '../../../../lib/feeds'
import { perLocale } from '../../../../lib/paths'
import { siteUrl } from '../../../../lib/urls'

export const getStaticPaths = () => perLocale(categories, (item) => ({ category: item.slug }))

export const GET: APIRoute = ({ params, site }) =>
  feedResponse(params.lang as LocaleCode, { categories: [params.category!] }, siteUrl(site))
