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
// takes an equal stretch of them. A language's own pages (home, sections, listings, feeds) go to
// the process in whose stretch the language starts; each of its detail pages (an event, a
// resource, an action, an initiative: most of the site) to the process in whose stretch the
// page's point falls: the language's place plus a fraction drawn from the page's slug. With two
// processes and five languages: lb, fr and de with half of de's detail pages, and pt and en with
// the other half. Splitting by whole languages (three and two) kept one core idle for a fifth of
// the render.

const ownerOf = (position: number, share: BuildShare) =>
  Math.min(share.count - 1, Math.floor((position * share.count) / localeCodes.length))

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
  return localeCodes.filter(
    (_, place) =>
      ownerOf(place, share) <= share.index && share.index <= ownerOf(place + 0.999_999, share),
  )
}

/** Whether this process renders the detail page of `slug` in `lang`. */
export function rendersDetailHere(
  lang: LocaleCode,
  slug: string,
  share: BuildShare = buildShare(),
): boolean {
  if (share.count === 1) return true
  return ownerOf(localeCodes.indexOf(lang) + slugFraction(slug), share) === share.index
}

export const langPaths = () => builtLocales().map((lang) => ({ params: { lang } }))
