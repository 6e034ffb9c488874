// The public site: pages under /<lang>/ (web/pages/[lang]/; the language list comes from
// locales/config.ts), rendered on demand by the site server from the published content it passes
// in (web/server/entry.ts), and written out as files by the static export. The build holds code
// and assets only, never content or the site's address: both come with each request (locals).
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'
import { fileURLToPath } from 'node:url'

/** The adapter: an entry that hands the server the Astro app itself (see web/server/entry.ts). */
const siteServerAdapter = {
  name: 'zesummen-site-server',
  hooks: {
    'astro:config:done': ({ setAdapter }) =>
      setAdapter({
        name: 'zesummen-site-server',
        entrypointResolution: 'auto',
        serverEntrypoint: fileURLToPath(new URL('./web/server/entry.ts', import.meta.url)),
        adapterFeatures: { buildOutput: 'server' },
        supportedAstroFeatures: {
          staticOutput: 'unsupported',
          hybridOutput: 'unsupported',
          serverOutput: 'stable',
          sharpImageService: 'stable',
        },
      }),
  },
}

export default defineConfig({
  srcDir: './web',
  publicDir: './public',
  outDir: './dist',
  output: 'server',
  adapter: siteServerAdapter,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [react()],
})
