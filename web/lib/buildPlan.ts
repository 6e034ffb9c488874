// What one site build renders. A full build renders every page. An incremental build (a publish
// on the CMS: scripts/lib/incremental.ts decides) renders, of the detail pages (one per event,
// resource, action and initiative), only those of the documents that changed or that show a
// changed document, and of the event listings and feeds only those whose content changed: each
// records a fingerprint of what it shows, and a page whose fingerprint is the live release's is
// kept. The rest of the release is the live release's files, linked. The plan comes as a JSON
// file named by ZESUMMEN_BUILD_PLAN; fingerprints go to the file named by ZESUMMEN_LISTINGS_OUT.
import { createHash } from 'node:crypto'
import { appendFileSync, readFileSync } from 'node:fs'
import { DateTime } from 'luxon'
import type { LocaleCode } from '../../locales/config'
import { digestText } from './content'
import { detailLocales, rendersDetailHere } from './paths'

/** Collections with a page per document, and the URL section of those pages. */
export const detailSections = {
  events: 'events',
  resources: 'resources',
  actions: 'actions',
  submissions: 'initiatives',
} as const

export type DetailCollection = keyof typeof detailSections

export interface BuildPlan {
  /** Slugs whose detail pages this build renders, per collection; the others are kept. */
  render: Record<DetailCollection, string[]>
  /** Fingerprints of the live release's listings by URL path; those still equal are kept. */
  listings?: Record<string, string>
}

let loaded: { plan: BuildPlan | null; sets: Map<DetailCollection, Set<string>> } | undefined

function current() {
  if (!loaded) {
    const file = process.env.ZESUMMEN_BUILD_PLAN
    const plan = file ? (JSON.parse(readFileSync(file, 'utf8')) as BuildPlan) : null
    loaded = {
      plan,
      sets: new Map(
        Object.entries(plan?.render ?? {}).map(([name, slugs]) => [
          name as DetailCollection,
          new Set(slugs),
        ]),
      ),
    }
  }
  return loaded
}

/** Whether this build renders the detail page of `slug` (always, in a full build). */
export function rendersDetail(collection: DetailCollection, slug: string): boolean {
  const { plan, sets } = current()
  return !plan || (sets.get(collection)?.has(slug) ?? false)
}

/** getStaticPaths of a detail route: every language, the documents this build renders. */
export function detailPaths(
  collection: DetailCollection,
  views: (lang: LocaleCode) => readonly { slug: string }[],
) {
  return detailLocales().flatMap((lang) =>
    views(lang)
      .filter((view) => rendersDetailHere(lang, view.slug) && rendersDetail(collection, view.slug))
      .map((view) => ({ params: { lang, slug: view.slug } })),
  )
}

// ---------------------------------------------------------------------------------------------
// Listings: pages of upcoming and past events, months, communes, categories, and the feeds

/** A listing page or feed, with what it shows (see fingerprint). */
export interface Listing<P> {
  params: P
  /** Its URL path, as urls.ts makes it. */
  path: string
  /** Everything the page shows that content can change (views, counts, month lists…). */
  shows: () => readonly unknown[]
}

const digests = new WeakMap<object, string>()

/** A digest of one object shown (an event's view: every field a card or feed can show). */
function digestOf(value: object): string {
  let digest = digests.get(value)
  if (digest === undefined) {
    digest = createHash('sha1').update(digestText(value)).digest('base64url')
    digests.set(value, digest)
  }
  return digest
}

/**
 * The fingerprint of a listing: a digest of what it shows. Objects are digested once per build
 * (an event's view appears on several listings and feeds), arrays item by item.
 */
export function fingerprint(parts: readonly unknown[]): string {
  const hash = createHash('sha1')
  const add = (part: unknown) => {
    if (Array.isArray(part)) {
      hash.update('[')
      part.forEach(add)
      hash.update(']')
    } else if (DateTime.isDateTime(part)) {
      hash.update(digestText(part))
    } else if (part !== null && typeof part === 'object') {
      hash.update(digestOf(part))
    } else {
      hash.update(JSON.stringify(part) ?? 'undefined')
    }
    hash.update(',')
  }
  parts.forEach(add)
  return hash.digest('base64url')
}

/** Listed events as fingerprint parts: each event's view and its date, digested once each. */
export const shownItems = (items: readonly { event: object; occurrence: object }[]) =>
  items.map((item) => [item.event, item.occurrence])

/** How many pages a list takes at `perPage` a page (one at least, for its empty state). */
export const pageCount = (items: number, perPage: number) => Math.max(1, Math.ceil(items / perPage))

/**
 * The pages of a paginated list of events as listings (page 1 first): each shows its slice, the
 * number of pages (the pagination names it) and whatever `alsoShows` adds.
 */
export function pagedListings(
  lang: LocaleCode,
  items: readonly { event: object; occurrence: object }[],
  perPage: number,
  path: (page: number) => string,
  alsoShows: () => readonly unknown[] = () => [],
): Listing<{ lang: LocaleCode; page: string }>[] {
  const pages = pageCount(items.length, perPage)
  return Array.from({ length: pages }, (_, index) => ({
    params: { lang, page: String(index + 1) },
    path: path(index + 1),
    shows: () => [
      pages,
      shownItems(items.slice(index * perPage, (index + 1) * perPage)),
      ...alsoShows(),
    ],
  }))
}

/**
 * getStaticPaths of a listing route: records every listing's fingerprint (for the build script,
 * which keeps and links the unchanged ones) and returns the paths this build renders: all of
 * them in a full build, those whose fingerprint differs from the live release's otherwise.
 */
export function listingPaths<P>(listings: readonly Listing<P>[]): { params: P }[] {
  const { plan } = current()
  const out = process.env.ZESUMMEN_LISTINGS_OUT
  const rendered: { params: P }[] = []
  const lines: string[] = []
  for (const listing of listings) {
    const print = fingerprint(listing.shows())
    const render = !plan || plan.listings?.[listing.path] !== print
    if (render) rendered.push({ params: listing.params })
    lines.push(JSON.stringify({ path: listing.path, fingerprint: print, render }))
  }
  if (out && lines.length) appendFileSync(out, `${lines.join('\n')}\n`)
  return rendered
}
