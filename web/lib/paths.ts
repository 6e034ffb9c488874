// getStaticPaths helpers: every page exists once per locale, and an Astro process may render only
// its share of them.
import { localeCodes, type LocaleCode } from '../../locales/config'

/**
 * This Astro process's share of the site: process `index` of `count`. The site build runs one
 * Astro process per core (scripts/build-site.ts) and names the share in ZESUMMEN_BUILD_SHARE
 * ("0/2"); without it, the process renders the whole site.
 */
export interface BuildShare {
  index: number
  count: number
}

export function parseBuildShare(value: string | undefined): BuildShare {
  if (!value?.trim()) return { index: 0, count: 1 }
  const match = /^(\d+)\/(\d+)$/.exec(value.trim())
  const share = match ? { index: Number(match[1]), count: Number(match[2]) } : null
  if (!share || share.count < 1 || share.index >= share.count) {
    throw new Error(
      `ZESUMMEN_BUILD_SHARE must be "<process>/<processes>" with process from 0, like "0/2"; it is "${value}".`,
    )
  }
  return share
}

let currentShare: BuildShare | null = null
const buildShare = () => (currentShare ??= parseBuildShare(process.env.ZESUMMEN_BUILD_SHARE))

// How the site is shared out. The languages lie side by side, one unit each, and every process
// takes a stretch of them. A language's own pages (home, sections, listings, feeds) go to the
// process in whose equal stretch the language ends; each of its detail pages (an event, a
// resource, an action, an initiative: most of the site) to the process in whose detail stretch
// the page's point falls: the language's place plus a fraction drawn from the page's slug. The
// detail stretches are drawn so that every process has the same work, counting a language's own
// pages as OWN_PAGES_WEIGHT of it, and the sitemap as SITEMAP_WEIGHT of the first process's. With
// two processes and five languages: lb and fr with about half of de's detail pages, and de, pt
// and en with the rest. Splitting by whole languages (three and two) kept one core idle for a
// fifth of the render. An incremental build renders few
// detail pages and all listings, so there the three languages' process takes longer; the first
// process has two as it also writes the sitemap.

/**
 * The share of a language's render time that its own pages take (at 10,000 events: with the
 * detail pages split evenly, the first of two processes ended 13 s after the second, of 98 s;
 * with 0.3, 9 s after, of 86 s; with 0.4, 9 s after again, of 96 s: the rest is not the pages).
 */
export const OWN_PAGES_WEIGHT = 0.3

/**
 * The sitemap, which the first process writes after its pages, as a share of a language's render
 * time: the first process's detail stretch is shorter by this much (shared among the others). At
 * 10,000 events the first of two processes ended 3–6 s after the second, of 60–69 s, writing the
 * sitemap alone in that time; with 0.15, 2–4 s after.
 */
export const SITEMAP_WEIGHT = 0.25

/**
 * The process of a language's own pages: the one in whose equal stretch the language ends, so the
 * first process, which also writes the sitemap, has the fewest (with two: lb fr | de pt en).
 */
const ownerOf = (place: number, share: BuildShare) =>
  Math.max(0, Math.ceil(((place + 1) * share.count) / localeCodes.length) - 1)

/** Where each process's detail stretch starts, in languages, and where the last one ends. */
function detailBounds(count: number): number[] {
  const languages = localeCodes.length
  const own = Array.from({ length: count }, () => 0)
  for (let place = 0; place < languages; place += 1) own[ownerOf(place, { index: 0, count })]! += 1
  const bounds = [0]
  for (const [index, languagesOwned] of own.entries()) {
    const sitemap = index === 0 ? -SITEMAP_WEIGHT * (count - 1) : SITEMAP_WEIGHT
    const work = (languages + sitemap) / count - OWN_PAGES_WEIGHT * languagesOwned
    bounds.push(bounds.at(-1)! + work / (1 - OWN_PAGES_WEIGHT))
  }
  return bounds
}

const boundsByCount = new Map<number, number[]>()
function detailOwner(position: number, count: number): number {
  let bounds = boundsByCount.get(count)
  if (!bounds) boundsByCount.set(count, (bounds = detailBounds(count)))
  for (let index = count - 1; index > 0; index -= 1) if (position >= bounds[index]!) return index
  return 0
}

/** A fraction in [0, 1) from the slug (32-bit FNV-1a): the same for a page in every build. */
export function slugFraction(slug: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < slug.length; index += 1) {
    hash ^= slug.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) / 2 ** 32
}

/** The languages whose own pages this process renders; all, when it renders the whole site. */
export function builtLocales(share: BuildShare = buildShare()): readonly LocaleCode[] {
  return localeCodes.filter((_, place) => ownerOf(place, share) === share.index)
}

/** The languages some of whose detail pages this process renders. */
export function detailLocales(share: BuildShare = buildShare()): readonly LocaleCode[] {
  if (share.count === 1) return localeCodes
  return localeCodes.filter(
    (_, place) =>
      detailOwner(place, share.count) <= share.index &&
      share.index <= detailOwner(place + 0.999_999_9, share.count),
  )
}

/** Whether this process renders the detail page of `slug` in `lang`. */
export function rendersDetailHere(
  lang: LocaleCode,
  slug: string,
  share: BuildShare = buildShare(),
): boolean {
  if (share.count === 1) return true
  return detailOwner(localeCodes.indexOf(lang) + slugFraction(slug), share.count) === share.index
}

export const langPaths = () => builtLocales().map((lang) => ({ params: { lang } }))
