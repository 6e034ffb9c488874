// Starts the portal exactly as `npm start` does, on a free port with a fresh data folder, for the
// end-to-end tests; and a headless Debian Chromium to drive it.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { typescriptArgs } from '../../scripts/lib/typescriptChild'

export interface RunningPortal {
  url: string
  port: number
  dataDir: string
  output: () => string
  stop: () => Promise<number | null>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      )
    })
  })
}

export function freshDataDir(): string {
  const root = path.resolve('tests/.tmp')
  mkdirSync(root, { recursive: true })
  return mkdtempSync(path.join(root, 'e2e-'))
}

/** `settings` are added to the portal's environment (for example `CALENDAR_ALLOW_HTTP`). */
export async function startPortal(
  dataDir = freshDataDir(),
  timeoutMs = 600_000,
  settings: Record<string, string> = {},
): Promise<RunningPortal> {
  const port = await freePort()
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...settings,
    PORT: String(port),
    DATA_DIR: dataDir,
    PUBLIC_URL: undefined,
    DATABASE_URL: undefined,
    MEDIA_DIR: undefined,
    PAYLOAD_SECRET: undefined,
    NODE_ENV: undefined,
  }
  const child: ChildProcess = spawn(process.execPath, typescriptArgs('scripts/start.ts'), {
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`portal did not start in time:\n${log}`)),
      timeoutMs,
    )
    const check = setInterval(() => {
      if (log.includes('[zesummen] Ready on')) {
        clearInterval(check)
        clearTimeout(timer)
        resolve()
      }
    }, 200)
    void exited.then((code) => {
      clearInterval(check)
      clearTimeout(timer)
      reject(new Error(`portal exited with ${code} before it was ready:\n${log}`))
    })
  })

  return {
    url: `http://localhost:${port}`,
    port,
    dataDir,
    output: () => log,
    stop: async () => {
      child.kill('SIGTERM')
      return exited
    },
  }
}

/**
 * The static export of a running portal's live content (`npm run export`), written into its data
 * folder as `npm run export` would for the same settings; returns the folder.
 */
export async function exportPortal(portal: RunningPortal): Promise<string> {
  const outDir = path.join(portal.dataDir, 'export')
  const child = spawn(
    process.execPath,
    typescriptArgs('scripts/export-site.ts', ['--out', outDir]),
    {
      env: {
        ...process.env,
        PORT: String(portal.port),
        DATA_DIR: portal.dataDir,
        PUBLIC_URL: undefined,
      } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let log = ''
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`export exited with ${code}:\n${log}`)
  return outDir
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, headless and quiet (no network of its own); `extraArgs` are added. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install Debian's "chromium" package or set CHROMIUM_PATH.`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--no-first-run',
      ...extraArgs,
    ],
  })
}

/** A JSON call to a portal's REST API; an error status throws with the answer. */
export async function portalApi(
  portal: RunningPortal,
  method: string,
  pathAndQuery: string,
  body?: unknown,
  token = '',
): Promise<Record<string, unknown>> {
  const response = await fetch(`${portal.url}/api${pathAndQuery}`, {
    method,
    headers: {
      ...(token ? { authorization: `JWT ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = (await response.json()) as Record<string, unknown>
  if (!response.ok)
    throw new Error(`${method} ${pathAndQuery}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

/**
 * Registers the first account (it becomes the admin) and returns a session token that the portal
 * accepts. A token that does not authenticate right away is reported with the portal's log, and
 * one more sign-in is tried: seen a few times on this 2-core machine under load and not yet
 * explained (see the session notes), so the log is what the next investigation needs.
 */
export async function firstAdminToken(portal: RunningPortal): Promise<string> {
  const admin = { email: 'admin@example.org', password: 'copper lantern river mosel' }
  await portalApi(portal, 'POST', '/users/first-register', { ...admin, name: 'Test Admin' })
  for (let attempt = 1; ; attempt++) {
    const login = await fetch(`${portal.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    })
    const body = (await login.json()) as { token?: string }
    const token = String(body.token ?? '')
    const me = token
      ? ((await (
          await fetch(`${portal.url}/api/users/me`, { headers: { authorization: `JWT ${token}` } })
        ).json()) as { user?: { roles?: string[] } | null })
      : null
    if (me?.user?.roles?.includes('admin')) return token
    const report = `sign-in ${attempt}: login ${login.status} ${JSON.stringify(body).slice(0, 200)}; me ${JSON.stringify(me).slice(0, 300)}`
    if (attempt >= 3) throw new Error(`${report}\n${portal.output().slice(-4000)}`)
    console.warn(`[e2e] The admin's new session was not accepted (${report}); signing in again.`)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

/** A new page of `browser` signed in to the portal's admin as `account`, on the dashboard. */
export async function signedIn(
  browser: Browser,
  portal: RunningPortal,
  account: { email: string; password: string },
): Promise<Page> {
  const page = await browser.newPage()
  await page.goto(`${portal.url}/admin/login`)
  await page.locator('#field-email').fill(account.email)
  await page.locator('#field-password').fill(account.password)
  await Promise.all([page.waitForURL(/\/admin\/?$/), page.locator('button[type="submit"]').click()])
  return page
}
