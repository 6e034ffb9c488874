// The all-events feed of each language, built with the site.
import type { APIRoute } from 'astro'
import type { LocaleCode } from '../../../../locales/config'
import { feedResponse } from '../../../lib/feeds'
import { langPaths } from '../../../lib/paths'
import { siteUrl } from '../../../lib/urls'

export const getStaticPaths = langPaths

export const GET: APIRoute = ({ params, site }) =>
  feedResponse(params.lang as LocaleCode, {}, siteUrl(site))
