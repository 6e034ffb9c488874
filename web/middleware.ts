// Every page is rendered from one SiteContent, given to it as `Astro.locals.content`: the one
// the caller passed (a test, a server rendering a snapshot version), else the build's snapshot.
import { defineMiddleware } from 'astro:middleware'
import { publishedContent } from './lib/content'

export const onRequest = defineMiddleware((context, next) => {
  context.locals.content ??= publishedContent()
  return next()
})
