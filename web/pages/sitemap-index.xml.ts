// The sitemap's index: one entry per file of at most 45,000 addresses (web/lib/sitemap.ts).
import type { APIRoute } from 'astro'
import { sitemapIndex } from '../lib/sitemap'

export const GET: APIRoute = ({ locals }) =>
  new Response(sitemapIndex(locals.content, locals.site), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  })
