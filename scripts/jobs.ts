// npm run jobs: a process that only runs jobs (site rebuilds, scheduled publish and unpublish),
// for installations with several web instances started with RUN_JOBS=0. One such process at most.
import type { Payload } from 'payload'
import { finishRunningBuild } from '../cms/jobs/publishSite'

Object.assign(process.env, { ZESUMMEN_JOBS_AUTORUN: '1', NEXT_TELEMETRY_DISABLED: '1' })
const { openPayload } = await import('../cms/openPayload')
const payload: Payload = await openPayload()
console.log('[jobs] Running site rebuilds and scheduled publishing. Stop with Ctrl+C or SIGTERM.')

let stopping = false
async function stop(signal: string) {
  if (stopping) return
  stopping = true
  console.log(`[jobs] ${signal}: finishing the running build (at most 2 minutes)…`)
  await finishRunningBuild()
  await payload.destroy()
  process.exit(0)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))
