// What the page frame (web/layouts/Base.astro) needs to know about a page: its language's root
// element attributes, the same page in every language, and the navigation entries.
import { type LocaleCode, locales, localeDefinition } from '../../locales/config'

/** The same page in every language: its path with the language swapped. */
export const everyLanguage = (path: string): Partial<Record<LocaleCode, string>> =>
  Object.fromEntries(
    locales.map((locale) => [locale.code, path.replace(/^\/[a-z]{2}\//, `/${locale.code}/`)]),
  )

/** The root element's language and direction (the language's tag without its region). */
export function documentLanguage(lang: LocaleCode): { lang: string; dir: 'ltr' | 'rtl' } {
  const definition = localeDefinition(lang)
  return { lang: definition.intl.split('-')[0]!, dir: definition.dir }
}

/** Navigation entries a page can mark as current. */
export type Section = 'home' | 'events' | 'actions' | 'resources' | 'communes' | 'about' | 'search'
