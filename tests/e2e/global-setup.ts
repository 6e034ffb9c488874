// One portal for the site tests: fresh data, seeded, published, served by `npm start`'s code;
// and its static export (`npm run export`), whose files the tests read.
import type { TestProject } from 'vitest/node'
import { exportPortal, type RunningPortal, startPortal } from './server'

let portal: RunningPortal | undefined

export async function setup(project: TestProject) {
  portal = await startPortal()
  project.provide('portalUrl', portal.url)
  project.provide('siteDir', await exportPortal(portal))
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
