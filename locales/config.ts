// The single source of the portal's five languages: codes, own-language names, Intl tags,
// Pagefind language, text direction and the fallback chain used when a text is missing.

export const localeCodes = ['lb', 'fr', 'de', 'pt', 'en'] as const
export type LocaleCode = (typeof localeCodes)[number]

export interface LocaleDefinition {
  code: LocaleCode
  /** The language's name in itself, as shown in the language picker. */
  name: string
  /** English name, for logs and documentation. */
  englishName: string
  /** BCP 47 tag for Intl (dates, numbers, plurals) and the `lang` attribute. */
  intl: string
  dir: 'ltr' | 'rtl'
  /** Language code Pagefind uses for stemming (it indexes languages it lacks without stemming). */
  pagefind: string
  /**
   * Where to look, in order, when a text does not exist in this language. Every other locale
   * appears exactly once, so some version of every text is always found.
   * Reasons: Luxembourgish readers read German most easily; German readers often read
   * Luxembourgish; French and Portuguese readers in Luxembourg mostly read French, then English.
   */
  fallback: readonly LocaleCode[]
  /** Payload admin UI language, where Payload ships one (it has none for Luxembourgish). */
  adminLanguage: 'fr' | 'de' | 'pt' | 'en' | null
}

export const locales: readonly LocaleDefinition[] = [
  {
    code: 'lb',
    name: 'Lëtzebuergesch',
    englishName: 'Luxembourgish',
    intl: 'lb-LU',
    dir: 'ltr',
    pagefind: 'lb',
    fallback: ['de', 'fr', 'en', 'pt'],
    adminLanguage: null,
  },
  {
    code: 'fr',
    name: 'Français',
    englishName: 'French',
    intl: 'fr-LU',
    dir: 'ltr',
    pagefind: 'fr',
    fallback: ['en', 'de', 'lb', 'pt'],
    adminLanguage: 'fr',
  },
  {
    code: 'de',
    name: 'Deutsch',
    englishName: 'German',
    intl: 'de-LU',
    dir: 'ltr',
    pagefind: 'de',
    fallback: ['lb', 'fr', 'en', 'pt'],
    adminLanguage: 'de',
  },
  {
    code: 'pt',
    name: 'Português',
    englishName: 'Portuguese',
    intl: 'pt-PT',
    dir: 'ltr',
    pagefind: 'pt',
    fallback: ['fr', 'en', 'de', 'lb'],
    adminLanguage: 'pt',
  },
  {
    code: 'en',
    name: 'English',
    englishName: 'English',
    intl: 'en-GB',
    dir: 'ltr',
    pagefind: 'en',
    fallback: ['fr', 'de', 'pt', 'lb'],
    adminLanguage: 'en',
  },
]

/** The language a document is assumed to be written in when nothing says otherwise. */
export const defaultLocale: LocaleCode = 'fr'

export function isLocaleCode(value: unknown): value is LocaleCode {
  return typeof value === 'string' && (localeCodes as readonly string[]).includes(value)
}

export function localeDefinition(code: LocaleCode): LocaleDefinition {
  const found = locales.find((locale) => locale.code === code)
  if (!found) throw new Error(`Unknown locale "${code}". Known locales: ${localeCodes.join(', ')}`)
  return found
}

/** The requested locale followed by its fallback chain. */
export function lookupOrder(code: LocaleCode): readonly LocaleCode[] {
  return [code, ...localeDefinition(code).fallback]
}

export type LocalizedValue<T> = Partial<Record<LocaleCode, T | null | undefined>>

export interface ResolvedText<T> {
  value: T
  /** The locale the value was actually written in; differs from the requested one on fallback. */
  locale: LocaleCode
  isFallback: boolean
}

/**
 * Picks the best available version of a localized value for a reader of `requested`.
 * Returns null only when no locale has a value.
 */
export function resolveLocalized<T>(
  value: LocalizedValue<T> | null | undefined,
  requested: LocaleCode,
  isPresent: (candidate: T) => boolean = defaultIsPresent,
): ResolvedText<T> | null {
  if (!value) return null
  for (const code of lookupOrder(requested)) {
    const candidate = value[code]
    if (candidate !== null && candidate !== undefined && isPresent(candidate)) {
      return { value: candidate, locale: code, isFallback: code !== requested }
    }
  }
  return null
}

function defaultIsPresent(candidate: unknown): boolean {
  return typeof candidate === 'string' ? candidate.trim().length > 0 : true
}
