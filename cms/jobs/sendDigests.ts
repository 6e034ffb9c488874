// The events digest on Mondays: every hour the job looks whether a period is due (Monday from
// 07:00 Luxembourg time; the month's on the first Monday; the cron runs in the server's time
// zone, whatever it is, so the day is decided here) and runs `npm run digests --
// --due --send` in a child process, which reads the live snapshot and renders with the site's
// digest view (cms/ renders nothing of the site itself). Each address's progress is recorded,
// so the later runs of the day send only what an interrupted one left, never a period twice.
import { spawn } from 'node:child_process'
import { DateTime } from 'luxon'
import type { TaskConfig } from 'payload'
import { duePeriods } from '../domain/digest'
import { typescriptArgs } from '../../scripts/lib/typescriptChild'

/** Runs a script with arguments; resolves with its exit code and what it printed. */
export type ScriptRunner = (args: string[]) => Promise<{ code: number | null; out: string }>

const childScript: ScriptRunner = (args) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, typescriptArgs('scripts/digests.ts', args), {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, out }))
  })

/** What the job does at `now`: nothing before the Monday run, else the run and its counts. */
export async function sendDueDigests(now: DateTime, run: ScriptRunner = childScript) {
  if (!duePeriods(now).length) return 'nothing due'
  const { code, out } = await run(['--due', '--send', '--json'])
  if (code !== 0)
    throw new Error(`The digest run stopped (exit ${code}); the next hour resumes it.`)
  return out.trim().split('\n').at(-1) ?? ''
}

export const sendDigestsTask: TaskConfig<{ input: object; output: { result: string } }> = {
  slug: 'sendDigests',
  label: 'Send the events digests that are due',
  retries: 0,
  outputSchema: [{ name: 'result', type: 'text' }],
  schedule: [{ cron: '7 * * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const result = await sendDueDigests(DateTime.now())
    req.payload.logger.info(`Digests: ${result}`)
    return { output: { result } }
  },
}
