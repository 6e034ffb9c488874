// The server build's entry (bundled by Astro into dist/server/entry.mjs): the site's Astro app,
// which the site server (scripts/lib/siteServer.ts) asks for each page with the content to
// render it from, and whose answers it caches. Not streamed: a page is cached whole, and an error
// in a component is a 500, not a broken page with status 200.
import { createApp } from 'astro/app/entrypoint'

export const app = createApp({ streaming: false })
