// robots.txt with the absolute sitemap address of this deployment (PUBLIC_URL).
import type { APIRoute } from 'astro'
import { siteUrl } from '../../cms/domain/urls'

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap-index.xml', siteUrl(site))
  const body = [
    'User-agent: *',
    'Disallow: /admin',
    'Disallow: /api',
    '',
    `Sitemap: ${sitemap}`,
    '',
  ]
  return new Response(body.join('\n'), { headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
