// UI strings of the site in the five languages (locales/<code>.json), with placeholders and
// plurals through Intl.PluralRules. A missing key is an error at build time, never a blank.
import de from './de.json'
import en from './en.json'
import fr from './fr.json'
import lb from './lb.json'
import pt from './pt.json'
import { type LocaleCode, localeDefinition } from './config'

const tables: Record<LocaleCode, Record<string, string>> = { lb, fr, de, pt, en }

export type Vars = Record<string, string | number>

/** Intl objects are costly to create and pages use the same few thousands of times: one each. */
function perLocale<T>(create: (intlTag: string) => T): (locale: LocaleCode) => T {
  const made = new Map<LocaleCode, T>()
  return (locale) => {
    let found = made.get(locale)
    if (found === undefined) {
      found = create(localeDefinition(locale).intl)
      made.set(locale, found)
    }
    return found
  }
}

const pluralRules = perLocale((tag) => new Intl.PluralRules(tag))
const listFormat = perLocale((tag) => new Intl.ListFormat(tag, { type: 'conjunction' }))
const languageNames = perLocale((tag) => new Intl.DisplayNames([tag], { type: 'language' }))
const nameOfLanguage = new Map<string, string>()

const numberFormats = new Map<string, Intl.NumberFormat>()
/**
 * An Intl.NumberFormat for `locale` (a language code or tag, passed on as it is) and `options`,
 * made once: pages format numbers (prices, counts, shares) thousands of times.
 */
export function numberFormat(
  locale: string,
  options?: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const key = options ? `${locale}|${JSON.stringify(options)}` : locale
  let found = numberFormats.get(key)
  if (found === undefined) {
    found = new Intl.NumberFormat(locale, options)
    numberFormats.set(key, found)
  }
  return found
}

function fill(template: string, vars: Vars): string {
  // Most strings have no placeholder.
  if (!template.includes('{')) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  )
}

/** A UI string; `count` selects `key.one` / `key.other` (etc.) by the language's plural rules. */
export function t(locale: LocaleCode, key: string, vars: Vars = {}): string {
  const table = tables[locale]
  let template = table[key]
  if (template === undefined && typeof vars.count === 'number') {
    const category = pluralRules(locale).select(vars.count)
    template = table[`${key}.${category}`] ?? table[`${key}.other`]
  }
  if (template === undefined) {
    throw new Error(
      `Missing UI string "${key}" in locales/${locale}.json: add it to all five files.`,
    )
  }
  return fill(template, vars)
}

/** A translator bound to one locale, for components. */
export function translator(locale: LocaleCode) {
  return (key: string, vars?: Vars) => t(locale, key, vars)
}

/**
 * "A, B and C" in the reader's language. Luxembourgish is joined by hand: ICU writes "a(n)",
 * while the Eifel rule keeps the n of "an" only before a vowel or n, d, t, z, h.
 */
export function joinList(locale: LocaleCode, items: string[]): string {
  if (locale !== 'lb' || items.length < 2) {
    return listFormat(locale).format(items)
  }
  const last = items[items.length - 1]!
  const and = /^[aeiouäëéöündtzh]/i.test(last) ? 'an' : 'a'
  return `${items.slice(0, -1).join(', ')} ${and} ${last}`
}

/** The name of a language (ISO 639 code) in the reader's language. */
export function languageName(code: string, locale: LocaleCode): string {
  const special: Record<string, string> = {
    gsg: 'language.gsg',
    fsl: 'language.fsl',
    kea: 'language.kea',
  }
  if (special[code]) return t(locale, special[code]!)
  const key = `${locale}|${code}`
  let name = nameOfLanguage.get(key)
  if (name === undefined) {
    try {
      name = languageNames(locale).of(code) ?? code
    } catch {
      name = code
    }
    nameOfLanguage.set(key, name)
  }
  return name
}
