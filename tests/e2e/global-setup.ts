// One portal for the site tests: fresh data, seeded, site built, served by `npm start`'s code.
import type { TestProject } from 'vitest/node'
import { type RunningPortal, startPortal } from './server'

let portal: RunningPortal | undefined

export async function setup(project: TestProject) {
  portal = await startPortal()
  project.provide('portalUrl', portal.url)
  project.provide('siteDir', `${portal.dataDir}/releases/current`)
}

export async function teardown() {
  await portal?.stop()
}

declare module 'vitest' {
  export interface ProvidedContext {
    portalUrl: string
    siteDir: string
  }
}
