// robots.txt with the absolute sitemap address of this deployment (PUBLIC_URL).
import type { APIRoute } from 'astro'

export const GET: APIRoute = ({ locals }) => {
  const sitemap = new URL('/sitemap-index.xml', locals.site)
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
