// One file of the sitemap: pages with their language versions (web/lib/sitemap.ts).
import type { APIRoute } from 'astro'
import { sitemapPart } from '../lib/sitemap'

export const GET: APIRoute = ({ params, locals }) =>
  new Response(sitemapPart(locals.content, locals.site, Number(params.part))!, {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  })
