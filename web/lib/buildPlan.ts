// What one site build renders. A full build renders every page. An incremental build (a publish
// on the CMS: scripts/lib/incremental.ts decides) renders every listing, feed and other
// aggregate page, and of the detail pages (one per event, resource, action and initiative) only
// those of the documents that changed or that show a changed document; the rest of the release is
// the live release's files, linked. The plan comes as a JSON file named by ZESUMMEN_BUILD_PLAN.
import { readFileSync } from 'node:fs'
import { localeCodes, type LocaleCode } from '../../locales/config'

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
  return localeCodes.flatMap((lang) =>
    views(lang)
      .filter((view) => rendersDetail(collection, view.slug))
      .map((view) => ({ params: { lang, slug: view.slug } })),
  )
}
