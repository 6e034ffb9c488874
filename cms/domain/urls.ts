// Every public URL of the site in one place, so links, the sitemap and the language switcher agree.
import type { LocaleCode } from '../../locales/config'

/** Widget routes (under the CMS's /api) may be framed by any site; nothing else may. */
export const WIDGET_API_PREFIX = '/api/widgets/'

export const urls = {
  languageChooser: () => '/',
  home: (lang: LocaleCode) => `/${lang}/`,
  events: (lang: LocaleCode, page = 1) =>
    page > 1 ? `/${lang}/events/page/${page}/` : `/${lang}/events/`,
  event: (lang: LocaleCode, slug: string) => `/${lang}/events/${slug}/`,
  eventCalendar: (lang: LocaleCode, slug: string) => `/${lang}/events/${slug}.ics`,
  pastEvents: (lang: LocaleCode, page = 1) =>
    page > 1 ? `/${lang}/events/past/page/${page}/` : `/${lang}/events/past/`,
  eventsInCommune: (lang: LocaleCode, commune: string) => `/${lang}/events/commune/${commune}/`,
  eventsInCategory: (lang: LocaleCode, category: string) => `/${lang}/events/category/${category}/`,
  month: (lang: LocaleCode, month: string) => `/${lang}/events/month/${month}/`,
  actions: (lang: LocaleCode) => `/${lang}/actions/`,
  action: (lang: LocaleCode, slug: string) => `/${lang}/actions/${slug}/`,
  resources: (lang: LocaleCode) => `/${lang}/resources/`,
  resourcesInCommune: (lang: LocaleCode, commune: string) =>
    `/${lang}/resources/commune/${commune}/`,
  resource: (lang: LocaleCode, slug: string) => `/${lang}/resources/${slug}/`,
  communes: (lang: LocaleCode) => `/${lang}/communes/`,
  commune: (lang: LocaleCode, slug: string) => `/${lang}/communes/${slug}/`,
  organisations: (lang: LocaleCode) => `/${lang}/organisations/`,
  page: (lang: LocaleCode, slug: string) => `/${lang}/${slug}/`,
  search: (lang: LocaleCode) => `/${lang}/search/`,
  subscribe: (lang: LocaleCode) => `/${lang}/subscribe/`,
  /** The events digest by email: its form, the form's choices, and the pages after each step. */
  digest: (lang: LocaleCode) => `/${lang}/digest/`,
  digestChoices: (lang: LocaleCode) => `/${lang}/digest/choices.json`,
  digestStep: (lang: LocaleCode, step: string) => `/${lang}/digest/${step}/`,
  /** The CMS endpoints of the digest; `token` is a signed link (cms/digests/links.ts). */
  digestApi: (
    action: 'subscribe' | 'confirm' | 'manage' | 'unsubscribe',
    lang: LocaleCode,
    token?: string,
  ) => `/api/digest/${action}?lang=${lang}${token ? `&token=${encodeURIComponent(token)}` : ''}`,
  takePart: (lang: LocaleCode) => `/${lang}/submit/`,
  submitForm: (lang: LocaleCode, kind: 'initiative' | 'event') => `/${lang}/submit/${kind}/`,
  submitThanks: (lang: LocaleCode) => `/${lang}/submit/thanks/`,
  /** The CMS endpoint the forms post to. */
  submitApi: (lang: LocaleCode) => `/api/submit?lang=${lang}`,
  initiatives: (lang: LocaleCode) => `/${lang}/initiatives/`,
  inventory: (lang: LocaleCode) => `/${lang}/inventory/`,
  reports: (lang: LocaleCode) => `/${lang}/report/`,
  report: (lang: LocaleCode, year: number) => `/${lang}/report/${year}/`,
  initiative: (lang: LocaleCode, slug: string) => `/${lang}/initiatives/${slug}/`,
  feed: (lang: LocaleCode) => `/${lang}/feeds/events.ics`,
  communeFeed: (lang: LocaleCode, commune: string) => `/${lang}/feeds/commune/${commune}.ics`,
  categoryFeed: (lang: LocaleCode, category: string) => `/${lang}/feeds/category/${category}.ics`,
  audienceFeed: (lang: LocaleCode, group: string) => `/${lang}/feeds/audience/${group}.ics`,
  /** The CMS's live feed for any combination of filters (query from feedQuery()). */
  feedApi: (query = '') => `/api/feeds/events.ics${query ? `?${query}` : ''}`,
  /** Embeddable widgets for the communes' websites, and the page that explains them. */
  widgets: (lang: LocaleCode) => `/${lang}/widgets/`,
  widgetApi: (query = '') => `${WIDGET_API_PREFIX}events${query ? `?${query}` : ''}`,
} as const

/** The same address for calendar apps: webcal:// makes them offer to subscribe. */
export function webcalUrl(absolute: URL | string): string {
  return String(absolute).replace(/^https?:/, 'webcal:')
}

/** OpenStreetMap link for a point, zoomed to street level. */
export function openStreetMapUrl(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`
}

/** The site's own address (astro.config's `site`, from PUBLIC_URL) for absolute links. */
export const siteUrl = (site: URL | undefined): URL => site ?? new URL('http://localhost:3000')
