// Writes the event pages of a site build: `node --import tsx/esm scripts/write-event-pages.ts
// <site folder> <list file>`, run by each Astro process when its pages are done (astro.config.mjs),
// with the same share of the site (ZESUMMEN_BUILD_SHARE) and build plan (ZESUMMEN_BUILD_PLAN).
//
// Astro renders one event page per language (web/pages/[lang]/events/[slug].astro); this writes
// the others with the same functions (web/lib/eventPage.ts). Through Astro's page pipeline an event
// page cost about three times as much: at 10,000 events its 50,000 pages were most of the build.
// Before writing anything, each page Astro rendered is made here too and must be the same bytes,
// or the build fails: the two can never drift apart unnoticed. The paths written go to the list
// file (JSON), for the sitemap.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { detailPaths, firstInEachLanguage } from '../web/lib/buildPlan'
import { event as findEvent, events } from '../web/lib/content'
import { eventDocument, eventHead } from '../web/lib/eventPage'
import { urls } from '../web/lib/urls'

/** Files being written at once: rendering goes on while libuv's threads write. */
const IN_FLIGHT = 16

const [outDir = '', listFile = ''] = process.argv.slice(2)
if (!outDir || !listFile) {
  console.error('Usage: write-event-pages.ts <site folder> <list file>')
  process.exit(2)
}
const site = new URL(process.env.ZESUMMEN_SITE_URL || 'http://localhost:3000')
const fileOf = (pagePath: string) => path.join(outDir, pagePath, 'index.html')

/** What Astro added to the head of a page it rendered (the stylesheet), found after our head. */
function headAdditionOf(astroPage: string, head: string, pagePath: string): string {
  const start = astroPage.indexOf(head)
  const end = start < 0 ? -1 : astroPage.indexOf('</head>', start + head.length)
  if (end < 0) {
    throw new Error(
      `The event page ${pagePath} that Astro rendered does not hold the head web/lib/frame.ts makes: the layout and the event page writer differ.`,
    )
  }
  return astroPage.slice(start + head.length, end)
}

function firstDifference(a: string, b: string): number {
  let index = 0
  while (index < a.length && a[index] === b[index]) index += 1
  return index
}

async function main() {
  const started = performance.now()
  const paths = detailPaths('events', events)
  const references = firstInEachLanguage(paths)
  const rendered = new Set(references)
  let headAddition: string | null = null
  for (const { params } of references) {
    const pagePath = urls.event(params.lang, params.slug)
    const view = findEvent(params.slug, params.lang)!
    const astroPage = await readFile(fileOf(pagePath), 'utf8')
    const addition = headAdditionOf(astroPage, eventHead(params.lang, view, site).value, pagePath)
    headAddition ??= addition
    const ours = eventDocument(params.lang, view, site, headAddition)
    if (ours !== astroPage) {
      const at = firstDifference(ours, astroPage)
      throw new Error(
        `The event page ${pagePath} written by web/lib/eventPage.ts differs from Astro's at character ${at}: ` +
          `"${ours.slice(at, at + 80)}" against "${astroPage.slice(at, at + 80)}".`,
      )
    }
  }
  const written: string[] = []
  const pending = new Set<Promise<void>>()
  for (const entry of paths) {
    if (rendered.has(entry)) continue
    const { lang, slug } = entry.params
    const pagePath = urls.event(lang, slug)
    const page = eventDocument(lang, findEvent(slug, lang)!, site, headAddition!)
    const file = fileOf(pagePath)
    const task = mkdir(path.dirname(file), { recursive: true })
      .then(() => writeFile(file, page))
      .finally(() => pending.delete(task))
    pending.add(task)
    written.push(pagePath)
    if (pending.size >= IN_FLIGHT) await Promise.race(pending)
  }
  await Promise.all(pending)
  await writeFile(listFile, JSON.stringify(written))
  console.log(
    `[build] Wrote ${written.length} event pages (${references.length} rendered by Astro and compared) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  )
}

main().catch((error: unknown) => {
  console.error(
    `[build] Writing the event pages failed: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(1)
})
