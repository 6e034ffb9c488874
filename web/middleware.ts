// Every page is rendered from one SiteContent, given to it as `Astro.locals.content` by whoever
// asks for the page (the site server: the live snapshot's; a test: its own), with the site's
// public address as `Astro.locals.site`. An address that is
// not one of this content's pages (web/lib/sitePaths.ts) is answered with the "not found" page of
// its language, status 404: a route's parameters are never trusted to name a real document.
import { defineMiddleware } from 'astro:middleware'
import { isLocaleCode } from '../locales/config'
import { isSitePath } from './lib/sitePaths'

export const onRequest = defineMiddleware(async (context, next) => {
  const { content, site } = context.locals
  if (!content || !site) throw new Error('No content or site address given (locals).')
  const path = context.url.pathname
  if (isSitePath(content, path)) return next()
  const lang = path.split('/')[1]
  const notFound = isLocaleCode(lang) ? `/${lang}/404/` : '/404/'
  if (path === notFound) return next()
  const page = await context.rewrite(notFound)
  return new Response(page.body, { status: 404, headers: page.headers })
})
