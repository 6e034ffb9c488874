// npm run build: the public site from the current database. Reads the published content through
// the Payload Local API (public rights), renders it with Astro, indexes it with Pagefind.
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { openPayload } from '../cms/openPayload'
import { mediaFilenames, readSnapshot } from '../web/lib/snapshot'
import { dataDir, mediaDir } from '../cms/settings'

const outDir = path.resolve(process.env.ZESUMMEN_SITE_OUT ?? 'dist')
const snapshotFile = path.resolve(
  process.env.ZESUMMEN_SNAPSHOT ?? path.join(dataDir(), 'site-snapshot.json'),
)

function step(text: string) {
  console.log(`[build] ${text}`)
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(args[0] ?? command)} exited with ${code}`)),
    )
  })
}

function countPages(dir: string): number {
  let count = 0
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry)
    if (statSync(full).isDirectory()) count += countPages(full)
    else if (entry.endsWith('.html')) count += 1
  }
  return count
}

/** Published images are copied as sharp made them at upload: builds never re-encode images. */
function copyMedia(files: string[]) {
  const target = path.join(outDir, 'media')
  mkdirSync(target, { recursive: true })
  let copied = 0
  for (const file of files) {
    const source = path.join(mediaDir(), path.basename(file))
    if (!existsSync(source)) {
      console.warn(`[build] Missing uploaded file ${source}: the page shows no image there.`)
      continue
    }
    copyFileSync(source, path.join(target, path.basename(file)))
    copied += 1
  }
  step(`Copied ${copied} image files.`)
}

async function main() {
  const started = performance.now()
  step('Reading published content…')
  let media: string[] = []
  const payload = await openPayload()
  try {
    const snapshot = await readSnapshot(payload)
    mkdirSync(path.dirname(snapshotFile), { recursive: true })
    writeFileSync(snapshotFile, JSON.stringify(snapshot))
    const counts = Object.entries(snapshot.collections).map(
      ([name, docs]) => `${docs.length} ${name}`,
    )
    step(`Snapshot: ${counts.join(', ')}`)
    media = mediaFilenames(snapshot)
  } finally {
    await payload.destroy()
  }
  const env = {
    ZESUMMEN_SNAPSHOT: snapshotFile,
    ZESUMMEN_SITE_OUT: outDir,
    ASTRO_TELEMETRY_DISABLED: '1',
  }
  step('Rendering pages with Astro…')
  await run(
    process.execPath,
    [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--silent'],
    env,
  )
  copyMedia(media)
  step('Indexing with Pagefind…')
  await run(
    process.execPath,
    [path.resolve('node_modules/pagefind/lib/runner/bin.cjs'), '--site', outDir, '--silent'],
    env,
  )
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  step(`Done in ${seconds} s: ${countPages(outDir)} pages in ${outDir}`)
}

main().catch((error: unknown) => {
  console.error(`[build] Failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
