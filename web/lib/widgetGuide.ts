// What the "for communes" page shows about the embeddable widgets: a ready snippet for every
// commune, the table of parameters, the choices of the snippet builder and the names its script
// needs to title the iframe in the chosen language.
import { localeCodes, type LocaleCode } from '../../locales/config'
import { spokenLanguages } from '../../cms/domain/valueLists'
import type { SiteContent, Text } from './content'
import { t } from '../../locales/i18n'
import {
  defaultWidgetOptions,
  WIDGET_LIMIT,
  widgetAccentNames,
  widgetDensities,
  widgetHeight,
  widgetSnippet,
} from './widget'

export interface ReadySnippet {
  slug: string
  name: Text
  snippet: string
}

/** One snippet per current commune, in the page's language with the default style. */
export function readySnippets(content: SiteContent, lang: LocaleCode, site: URL): ReadySnippet[] {
  return content.currentCommunes(lang).map((item) => ({
    slug: item.slug,
    name: item.name,
    snippet: widgetSnippet(content, lang, { communes: [item.slug] }, defaultWidgetOptions, site),
  }))
}

export interface ParameterRow {
  name: string
  values: string[]
  default: string
  meaning: string
}

/** The parameters of a widget's address, with the values the published content accepts. */
export function widgetParameterRows(content: SiteContent, lang: LocaleCode): ParameterRow[] {
  const all = t(lang, 'widgets.parameters.all')
  const row = (name: string, values: string[], fallback: string): ParameterRow => ({
    name,
    values,
    default: fallback,
    meaning: t(lang, `widgets.param.${name}`),
  })
  return [
    row('lang', [...localeCodes], 'fr'),
    row(
      'commune',
      content.currentCommunes(lang).map((item) => item.slug),
      all,
    ),
    row(
      'category',
      content.categories(lang).map((item) => item.slug),
      all,
    ),
    row(
      'audience',
      content.targetGroups(lang).map((item) => item.slug),
      all,
    ),
    row(
      'spoken',
      spokenLanguages.map((item) => item.value),
      all,
    ),
    row('free', ['1', '0'], '0'),
    row('accessible', ['1', '0'], '0'),
    row('limit', [`${WIDGET_LIMIT.min}–${WIDGET_LIMIT.max}`], String(WIDGET_LIMIT.default)),
    row('accent', [...widgetAccentNames], defaultWidgetOptions.accent),
    row('density', [...widgetDensities], defaultWidgetOptions.density),
  ]
}

/**
 * What the builder's script needs to write the iframe's title in the widget's language (the
 * same words as `feedName`) and its height (the same rule as `widgetHeight`).
 */
export function builderData(content: SiteContent, site: URL) {
  const names = Object.fromEntries(
    localeCodes.map((lang) => [
      lang,
      {
        site: t(lang, 'site.name'),
        all: t(lang, 'feeds.name.all'),
        filtered: t(lang, 'feeds.name.filtered'),
        commune: Object.fromEntries(
          content.currentCommunes(lang).map((item) => [item.slug, item.name.value]),
        ),
        category: Object.fromEntries(
          content.categories(lang).map((item) => [item.slug, item.label.value]),
        ),
      },
    ]),
  )
  const heights = Object.fromEntries(
    widgetDensities.map((density) => {
      const base = widgetHeight({ ...defaultWidgetOptions, density, limit: 0 })
      const perEvent = widgetHeight({ ...defaultWidgetOptions, density, limit: 1 }) - base
      return [density, { base, perEvent }]
    }),
  )
  return { site: site.toString(), names, heights }
}
