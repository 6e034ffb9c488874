// Astro components as modules for the type-checker (tsc); `astro check` checks the components.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js'
  const component: AstroComponentFactory
  export default component
}
