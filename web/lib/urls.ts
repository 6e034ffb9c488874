// Every public URL of the site in one place, so links, the sitemap and the language switcher agree.
import type { LocaleCode } from '../../locales/config'

export const urls = {
  languageChooser: () => '/',
  home: (lang: LocaleCode) => `/${lang}/`,
  events: (lang: LocaleCode, page = 1) =>
    page > 1 ? `/${lang}/events/page/${page}/` : `/${lang}/events/`,
  event: (lang: LocaleCode, slug: string) => `/${lang}/events/${slug}/`,
  eventCalendar: (lang: LocaleCode, slug: string) => `/${lang}/events/${slug}.ics`,
  pastEvents: (lang: LocaleCode) => `/${lang}/events/past/`,
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
} as const

/** OpenStreetMap link for a point, zoomed to street level. */
export function openStreetMapUrl(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`
}
