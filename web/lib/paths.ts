// getStaticPaths helpers: every page exists once per locale.
import { localeCodes, type LocaleCode } from '../../locales/config'

export const langPaths = () => localeCodes.map((lang) => ({ params: { lang } }))

/** One path per locale and item. */
export function perLocale<T>(
  items: (lang: LocaleCode) => T[],
  params: (item: T) => Record<string, string>,
) {
  return localeCodes.flatMap((lang) =>
    items(lang).map((item) => ({ params: { lang, ...params(item) }, props: { item } })),
  )
}
