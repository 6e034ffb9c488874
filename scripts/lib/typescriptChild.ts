// The arguments that make Node run a TypeScript script: Node with tsx's ESM hooks only. tsx's own
// command starts a second Node process with CommonJS hooks as well, which made loading Payload
// twice as slow (the site build's database read: 11 s of imports against 5.5 s) and a page render
// four times slower (5.6 ms against 1.4: Astro imports a page's module on every render, and each
// import passes the hooks). npm's scripts run the same way (`node --import tsx/esm`).
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export function typescriptArgs(script: string, args: readonly string[] = []): string[] {
  const hooks = pathToFileURL(path.resolve('node_modules/tsx/dist/esm/index.mjs')).href
  return ['--import', hooks, script, ...args]
}
