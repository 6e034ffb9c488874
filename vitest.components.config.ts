// The component tests: Astro components rendered by Astro's container API, through Astro's own
// Vite configuration (the same compiler and settings as the site build).
import { getViteConfig } from 'astro/config'

export default getViteConfig(
  { test: { name: 'components', include: ['tests/components/**/*.test.ts'] } },
  // As built: without the development toolbar's source annotations on every element.
  { devToolbar: { enabled: false } },
)
