// Next.js app that hosts Payload's admin (/admin) and REST API (/api).
import { withPayload } from '@payloadcms/next/withPayload'
import { realpathSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Turbopack resolves packages only inside its root. A checkout whose node_modules links to
 * another checkout's (git worktrees sharing one install) needs the folder holding both.
 */
function workspaceRoot() {
  let modules
  try {
    modules = realpathSync(path.join(repoRoot, 'node_modules'))
  } catch {
    return repoRoot
  }
  let root = repoRoot
  while (path.relative(root, modules).startsWith('..')) root = path.dirname(root)
  return root
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  outputFileTracingRoot: workspaceRoot(),
  turbopack: { root: workspaceRoot() },
  // Read from node_modules at run time: the package finds its VTIMEZONE files next to itself
  // (__dirname), which a bundle rewrites to a path that does not exist, and the live calendar
  // feed then named Europe/Luxembourg without defining it (ical.js read the times as UTC).
  serverExternalPackages: ['@touch4it/ical-timezones'],
  // Types are checked by `npm test` (tsc --noEmit); linting too.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
