/// <reference types="astro/client" />
import type { SiteContent } from './lib/content'

declare global {
  namespace App {
    interface Locals {
      /** The published content this page is rendered from (web/middleware.ts). */
      content: SiteContent
      /** The site's public address (PUBLIC_URL), for absolute links, feeds and the sitemap. */
      site: URL
      /**
       * The page is rendered for each address with its query (the site server), so the event
       * listing can filter; false or missing in the static export, whose files cannot.
       */
      answersQueries?: boolean
    }
  }
}
