/// <reference types="astro/client" />
import type { SiteContent } from './lib/content'

declare global {
  namespace App {
    interface Locals {
      /** The published content this page is rendered from (web/middleware.ts). */
      content: SiteContent
      /** The site's public address (PUBLIC_URL), for absolute links, feeds and the sitemap. */
      site: URL
    }
  }
}
