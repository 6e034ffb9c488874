// Every address of the public site for one content: what the sitemap lists, what the static export
// writes, and what the server answers (any other address under a language is its "not found").
import { isLocaleCode, localeCodes, type LocaleCode } from '../../locales/config'
import { digestSteps } from '../../cms/domain/digest'
import { urls } from '../../cms/domain/urls'
import type { SiteContent } from './content'
import { reportYears } from './report'
import { submissionFormKinds } from './submissionForm'

/** Addresses in one file of the sitemap (the protocol allows 50,000). */
export const SITEMAP_PART = 45_000

/** Events on one page of the upcoming list, and of the past list. */
export const EVENTS_PER_PAGE = 20
export const PAST_EVENTS_PER_PAGE = 50

/** How many pages a list takes at `perPage` a page (one at least, for its empty state). */
export const pageCount = (items: number, perPage: number) => Math.max(1, Math.ceil(items / perPage))

export interface SitePath {
  path: string
  /** Listed in the sitemap (pages for readers; not feeds, files or the "not found" page). */
  inSitemap: boolean
}

function pagesOf(count: number, path: (page: number) => string): string[] {
  return Array.from({ length: count }, (_, index) => path(index + 1))
}

/** The addresses of one language's part of the site, pages first. */
export function languagePaths(content: SiteContent, lang: LocaleCode): SitePath[] {
  const currentCommunes = content.currentCommunes(lang)
  const pages = [
    urls.home(lang),
    ...pagesOf(pageCount(content.upcomingEvents(lang).length, EVENTS_PER_PAGE), (page) =>
      urls.events(lang, page),
    ),
    ...pagesOf(pageCount(content.pastEvents(lang).length, PAST_EVENTS_PER_PAGE), (page) =>
      urls.pastEvents(lang, page),
    ),
    ...content.calendarMonths().map((month) => urls.month(lang, month)),
    ...currentCommunes.map((commune) => urls.eventsInCommune(lang, commune.slug)),
    ...content.categories(lang).map((category) => urls.eventsInCategory(lang, category.slug)),
    ...content.events(lang).map((event) => urls.event(lang, event.slug)),
    urls.actions(lang),
    ...content.actions(lang).map((action) => urls.action(lang, action.slug)),
    urls.resources(lang),
    ...currentCommunes
      .filter((commune) => commune.country === 'LU')
      .map((commune) => urls.resourcesInCommune(lang, commune.slug)),
    ...content.resources(lang).map((resource) => urls.resource(lang, resource.slug)),
    urls.communes(lang),
    ...content.communes(lang).map((commune) => urls.commune(lang, commune.slug)),
    urls.organisations(lang),
    urls.initiatives(lang),
    ...content.initiatives(lang).map((initiative) => urls.initiative(lang, initiative.slug)),
    urls.inventory(lang),
    urls.reports(lang),
    ...reportYears(content, lang).map((year) => urls.report(lang, year)),
    ...content.pageSlugs().map((slug) => urls.page(lang, slug)),
    urls.search(lang),
    urls.subscribe(lang),
    urls.digest(lang),
    urls.widgets(lang),
    urls.takePart(lang),
    ...submissionFormKinds.map((kind) => urls.submitForm(lang, kind)),
  ]
  const unlisted = [
    urls.submitThanks(lang),
    `/${lang}/404/`,
    `/${lang}/events/removed/`,
    `/${lang}/submit/choices.json`,
    ...digestSteps.map((step) => urls.digestStep(lang, step)),
    urls.digestChoices(lang),
    urls.feed(lang),
    ...currentCommunes.map((commune) => urls.communeFeed(lang, commune.slug)),
    ...content.categories(lang).map((category) => urls.categoryFeed(lang, category.slug)),
    ...content.targetGroups(lang).map((group) => urls.audienceFeed(lang, group.slug)),
    ...content.events(lang).map((event) => urls.eventCalendar(lang, event.slug)),
  ]
  return [
    ...pages.map((path) => ({ path, inSitemap: true })),
    ...unlisted.map((path) => ({ path, inSitemap: false })),
  ]
}

/** The addresses outside the languages' parts, but for the sitemap files. */
const rootPaths = (): SitePath[] => [
  { path: urls.languageChooser(), inSitemap: true },
  { path: '/robots.txt', inSitemap: false },
  { path: '/404/', inSitemap: false },
]

/** Every address of the site: the language chooser, robots.txt, then each language's. */
export function sitePaths(content: SiteContent): SitePath[] {
  const paths: SitePath[] = [
    ...rootPaths(),
    ...localeCodes.flatMap((lang) => languagePaths(content, lang)),
  ]
  const parts = Math.max(
    1,
    Math.ceil(paths.filter((entry) => entry.inSitemap).length / SITEMAP_PART),
  )
  return [
    ...paths,
    { path: '/sitemap-index.xml', inSitemap: false },
    ...Array.from({ length: parts }, (_, index) => ({
      path: `/sitemap-${index}.xml`,
      inSitemap: false,
    })),
  ]
}

/**
 * Whether the page at this address answers its query (the event listing, which filters): the
 * server renders and keeps it per query; every other page is the same whatever the query.
 */
export function answersQuery(path: string): boolean {
  const [, lang, section, rest] = path.split('/')
  return isLocaleCode(lang) && section === 'events' && rest === '' && path.split('/').length === 4
}

/** Sets of addresses by part of the site (a language, or '' for all), made once per content. */
const known = new WeakMap<SiteContent, Map<string, Set<string>>>()

function pathSet(content: SiteContent, part: LocaleCode | '', make: () => SitePath[]) {
  let parts = known.get(content)
  if (!parts) known.set(content, (parts = new Map()))
  let paths = parts.get(part)
  if (!paths) parts.set(part, (paths = new Set(make().map((entry) => entry.path))))
  return paths
}

/**
 * Whether an address is one of the site's for this content. An address in a language is looked
 * up among that language's only, so the first page asked for in a new version does not wait for
 * the views of the other four.
 */
export function isSitePath(content: SiteContent, path: string): boolean {
  const lang = path.split('/')[1]
  if (isLocaleCode(lang))
    return pathSet(content, lang, () => languagePaths(content, lang)).has(path)
  if (rootPaths().some((entry) => entry.path === path)) return true
  return pathSet(content, '', () => sitePaths(content)).has(path)
}
