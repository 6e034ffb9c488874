// Writes the event and resource pages and the add-to-calendar files of a full site build, in the
// Astro process that rendered the rest of its share, when Astro's pages are done (astro.config.mjs's
// `astro:build:done` hook calls what offerPageWriter left on globalThis).
//
// Astro renders one page of each kind per language of the share (the routes
// web/pages/[lang]/events/[slug].astro and web/pages/[lang]/resources/[slug].astro); this writes
// the others with the same functions (web/lib/frame.ts's frameDocument, web/lib/eventPage.ts,
// web/lib/resourcePage.ts). Through Astro's page pipeline a page cost about three times as much:
// at 10,000 events the 50,000 event pages were most of the build. Before writing anything, each
// page Astro rendered is made here too and must be the same bytes, or the build fails: the two
// can never drift apart unnoticed.
//
// It runs inside Astro's process, from the modules Astro bundled, so it uses the views (and the
// events' iCalendar lines) the listings and feeds already made; run as a child process, it parsed
// the snapshot and built every view again. The files are written synchronously: 25,000 pages took
// 1.5 s of processor time that way against 3.5 s with promises (one libuv job per folder and per
// file), on the two cores that a build's processes share.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { LocaleCode } from '../../locales/config'
import { detailPaths, firstInEachLanguage, type DetailCollection } from './buildPlan'
import * as content from './content'
import { writeEventCalendar } from './eventCalendars'
import { eventPage } from './eventPage'
import { frameDocument, frameHead, type FrameDocument } from './frame'
import { PAGE_WRITER, writesDetailPages } from './paths'
import { resourcePage } from './resourcePage'

/** A kind of page the writer writes: one per document and language. */
interface Kind<View extends { slug: string }> {
  collection: DetailCollection
  views: (lang: LocaleCode) => readonly View[]
  find: (slug: string, lang: LocaleCode) => View | null
  page: (lang: LocaleCode, view: View, site: URL) => FrameDocument
  /** Written for every page of the share, Astro's included (an event's calendar file). */
  beside?: (outDir: string, site: URL, lang: LocaleCode, view: View) => void
}

const eventPages: Kind<content.EventView> = {
  collection: 'events',
  views: content.events,
  find: content.event,
  page: eventPage,
  beside: writeEventCalendar,
}

const resourcePages: Kind<content.ResourceView> = {
  collection: 'resources',
  views: content.resources,
  find: content.resource,
  page: resourcePage,
}

export interface WrittenFiles {
  /** Paths of the pages written (not those Astro rendered), for the sitemap. */
  pages: string[]
  /** How many other files were written (the events' calendar files). */
  others: number
}

/**
 * Leaves the writer where astro.config.mjs's build hook finds it. Astro loads the configuration
 * and the pages as separate module graphs; through this, the hook runs the bundled modules, with
 * the views the build made, instead of loading its own copies of them.
 */
export function offerPageWriter(): void {
  ;(globalThis as Record<symbol, unknown>)[PAGE_WRITER] = writePages
}

/**
 * getStaticPaths of a route whose pages the writer writes: in a full build, the first page of
 * each language (which the writer compares with its own), and the writer left for the build hook;
 * otherwise (development, an incremental build) every page.
 */
export function pathsAstroRenders<T extends { params: { lang: LocaleCode } }>(
  paths: readonly T[],
): readonly T[] {
  if (!writesDetailPages()) return paths
  offerPageWriter()
  return firstInEachLanguage(paths)
}

/** What Astro added to the head of a page it rendered (the stylesheet), found after our head. */
function headAdditionOf(astroPage: string, head: string, pagePath: string): string {
  const start = astroPage.indexOf(head)
  const end = start < 0 ? -1 : astroPage.indexOf('</head>', start + head.length)
  if (end < 0) {
    throw new Error(
      `The page ${pagePath} that Astro rendered does not hold the head web/lib/frame.ts makes: the layout and the page writer differ.`,
    )
  }
  return astroPage.slice(start + head.length, end)
}

function firstDifference(a: string, b: string): number {
  let index = 0
  while (index < a.length && a[index] === b[index]) index += 1
  return index
}

/**
 * Writes this process's share of one kind of page (but those Astro rendered, which it compares
 * first) and what goes beside every page of the share, into `outDir`.
 */
function writeKind<View extends { slug: string }>(
  kind: Kind<View>,
  outDir: string,
  site: URL,
  written: WrittenFiles,
) {
  const paths = detailPaths(kind.collection, kind.views)
  const references = firstInEachLanguage(paths)
  const rendered = new Set(references)
  const pageFile = (pagePath: string) => path.join(outDir, pagePath, 'index.html')
  let headAddition: string | null = null
  for (const { params } of references) {
    const page = kind.page(params.lang, kind.find(params.slug, params.lang)!, site)
    const pagePath = page.head.path
    const astroPage = readFileSync(pageFile(pagePath), 'utf8')
    const addition = headAdditionOf(astroPage, frameHead(page.head, site).value, pagePath)
    headAddition ??= addition
    const ours = frameDocument(page, site, headAddition)
    if (ours !== astroPage) {
      const at = firstDifference(ours, astroPage)
      throw new Error(
        `The page ${pagePath} the page writer made differs from Astro's at character ${at}: ` +
          `"${ours.slice(at, at + 80)}" against "${astroPage.slice(at, at + 80)}".`,
      )
    }
  }
  for (const entry of paths) {
    const { lang, slug } = entry.params
    const view = kind.find(slug, lang)!
    // The language's folder of this kind holds the page Astro rendered first (references).
    kind.beside?.(outDir, site, lang, view)
    if (rendered.has(entry)) continue
    const page = kind.page(lang, view, site)
    const pagePath = page.head.path
    // Not recursive, and never over a file: a second page at the same address is an error.
    try {
      mkdirSync(path.join(outDir, pagePath))
      writeFileSync(pageFile(pagePath), frameDocument(page, site, headAddition!), { flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      throw new Error(`Two pages at ${pagePath}: the ${kind.collection} have a slug twice.`)
    }
    written.pages.push(pagePath)
  }
  if (kind.beside) written.others += paths.length
}

/** Writes this process's share of the event and resource pages, and the calendar files. */
export function writePages(outDir: string, site: URL): WrittenFiles {
  const written: WrittenFiles = { pages: [], others: 0 }
  writeKind(eventPages, outDir, site, written)
  writeKind(resourcePages, outDir, site, written)
  return written
}
