// Embeddable event widgets: the next events of the region, a commune, a category… as a small,
// self-contained HTML document for an <iframe> on a commune's own website. No JavaScript, no
// cookies, no images; one stylesheet in a <style> element (allowed by its hash in the widget's
// Content-Security-Policy). The CMS's live endpoint renders it from the published content; the
// "for communes" page builds the snippets.
import { localeDefinition, type LocaleCode } from '../../locales/config'
import type { EventView, ListedEvent, SiteContent, Text } from './content'
import { whenText } from './dates'
import { escapeHtml } from './escape'
import {
  type FeedFilter,
  feedName,
  feedNameParts,
  feedQuery,
  filteredEvents,
  parseFeedQuery,
  unknownValue,
} from './feeds'
import { languageName, t } from '../../locales/i18n'
import { urls } from '../../cms/domain/urls'
import { finderUrl } from './eventFinder'

/** How many events a widget lists: `limit` from 1 to 20, 5 when not given. */
export const WIDGET_LIMIT = { min: 1, max: 20, default: 5 } as const

/**
 * The accent colours a commune can choose. Each one has at least 4.5:1 contrast as text on white
 * and under white text (the "all events" button), so no choice breaks WCAG AA (unit-tested).
 */
export const widgetAccents = {
  teal: '#0b5e55',
  blue: '#1d4f91',
  green: '#2f6b22',
  orange: '#9a4a00',
  red: '#a4262c',
  purple: '#5c2d91',
  grey: '#3d4852',
} as const

export type WidgetAccent = keyof typeof widgetAccents
export const widgetAccentNames = Object.keys(widgetAccents) as WidgetAccent[]

export const widgetDensities = ['regular', 'compact'] as const
export type WidgetDensity = (typeof widgetDensities)[number]

/** The widget's own parameters, besides the feed filters (lang, commune, category…). */
export const widgetParameters = ['limit', 'accent', 'density'] as const

export interface WidgetOptions {
  limit: number
  accent: WidgetAccent
  density: WidgetDensity
}

export const defaultWidgetOptions: WidgetOptions = {
  limit: WIDGET_LIMIT.default,
  accent: 'teal',
  density: 'regular',
}

export type WidgetQuery =
  | { ok: true; lang: LocaleCode; filter: FeedFilter; options: WidgetOptions }
  | { ok: false; status: 400 | 414; lang: LocaleCode; message: string }

/**
 * Reads and checks a widget's query: the feed filters as the live calendar feed takes them, then
 * `limit`, `accent` and `density`. An empty value means the default; anything else that is not
 * accepted is refused with a message in the widget's language naming the accepted values.
 */
export function parseWidgetQuery(content: SiteContent, rawQuery: string): WidgetQuery {
  const feed = parseFeedQuery(content, rawQuery, { more: widgetParameters })
  if (!feed.ok) return feed
  const { lang, filter } = feed
  const params = new URLSearchParams(rawQuery)
  const fail = (message: string): WidgetQuery => ({ ok: false, status: 400, lang, message })
  const given = (name: (typeof widgetParameters)[number]) =>
    (params.getAll(name).at(-1) ?? '').trim()

  const options = { ...defaultWidgetOptions }
  const limit = given('limit')
  if (limit) {
    const value = /^\d{1,3}$/.test(limit) ? Number(limit) : NaN
    if (!(value >= WIDGET_LIMIT.min && value <= WIDGET_LIMIT.max))
      return fail(
        t(lang, 'widget.error.limit', {
          value: limit.slice(0, 20),
          min: WIDGET_LIMIT.min,
          max: WIDGET_LIMIT.max,
        }),
      )
    options.limit = value
  }
  const accent = given('accent').toLowerCase()
  if (accent) {
    if (!(widgetAccentNames as string[]).includes(accent))
      return fail(
        t(lang, 'feeds.error.unknownValue', unknownValue('accent', accent, widgetAccentNames)),
      )
    options.accent = accent as WidgetAccent
  }
  const density = given('density').toLowerCase()
  if (density) {
    if (!(widgetDensities as readonly string[]).includes(density))
      return fail(
        t(lang, 'feeds.error.unknownValue', unknownValue('density', density, widgetDensities)),
      )
    options.density = density as WidgetDensity
  }
  return { ok: true, lang, filter, options }
}

/** The query string of a widget, every parameter written out (snippets, cache keys). */
export function widgetQuery(lang: LocaleCode, filter: FeedFilter, options: WidgetOptions): string {
  const params = new URLSearchParams(feedQuery(lang, filter))
  params.set('limit', String(options.limit))
  params.set('accent', options.accent)
  params.set('density', options.density)
  return params.toString()
}

/** The next events of a widget, as the event listing finds them for the same filter. */
export function widgetEvents(
  content: SiteContent,
  lang: LocaleCode,
  filter: FeedFilter,
  limit: number,
): ListedEvent[] {
  return filteredEvents(content, lang, filter).slice(0, limit)
}

/** The widget's name, also its document title and the iframe's accessible title. */
export const widgetTitle = (content: SiteContent, lang: LocaleCode, filter: FeedFilter) =>
  feedName(content, lang, filter)

/**
 * A height in CSS pixels that shows `limit` events without a scroll bar in a frame about 600 px
 * wide (measured with the demo events); narrower frames scroll, and the commune may change it.
 */
export function widgetHeight(options: WidgetOptions): number {
  return options.density === 'compact' ? 100 + 92 * options.limit : 140 + 165 * options.limit
}

/** The <iframe> a commune pastes into its website. */
export function widgetSnippet(
  content: SiteContent,
  lang: LocaleCode,
  filter: FeedFilter,
  options: WidgetOptions,
  site: URL,
): string {
  const src = new URL(urls.widgetApi(widgetQuery(lang, filter, options)), site).toString()
  const title = `${widgetTitle(content, lang, filter)} (${t(lang, 'site.name')})`
  return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="100%" height="${widgetHeight(options)}" loading="lazy"></iframe>`
}

// ---------------------------------------------------------------------------------------------
// The document

const fontStack =
  "system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Liberation Sans',sans-serif"

/**
 * The widget's whole stylesheet: the same for every widget, so its hash in the CSP never changes
 * (it is the exact text of the <style> element).
 * Neutral ink on white; the chosen accent colours the links, the heading's rule and the button.
 */
export const WIDGET_CSS = [
  '*,*::before,*::after{box-sizing:border-box}',
  `html{font-family:${fontStack};line-height:1.45;color:#1b1f23;background:#fff}`,
  'body{margin:0;padding:1rem;font-size:1rem;--w-accent:#0b5e55}',
  ...widgetAccentNames.map((name) => `.w--${name}{--w-accent:${widgetAccents[name]}}`),
  '.w__title{margin:0 0 .5rem;padding-bottom:.35rem;font-size:1.25rem;line-height:1.3;border-bottom:3px solid var(--w-accent)}',
  '.w__list{list-style:none;margin:0;padding:0}',
  '.w__item{padding:.65rem 0;border-bottom:1px solid #c9cfcc}',
  '.w__event{margin:0;font-size:1.0625rem;line-height:1.35}',
  '.w__item p{margin:.15rem 0 0}',
  'a{color:var(--w-accent);text-underline-offset:.15em}',
  'a:hover{text-decoration-thickness:.15em}',
  'a:focus-visible{outline:3px solid #1b1f23;box-shadow:0 0 0 6px #ffbf47;outline-offset:2px}',
  '.w__when{font-weight:600}',
  '.w__meta{color:#4a5159;font-size:.9375rem}',
  '.w__note{color:#4a5159;font-size:.875rem;font-weight:400}',
  '.w__badge{display:inline-block;margin-left:.35rem;padding:0 .5em;border:2px solid currentColor;border-radius:999px;font-size:.8125rem;font-weight:600;vertical-align:middle}',
  '.w__badge--demo{color:#5b3d00;background:#fff4d6}',
  '.w__badge--status{color:#a4262c}',
  '.w__more{margin:.85rem 0 0}',
  '.w__more a{display:inline-block;padding:.45rem .9rem;border-radius:.5rem;background:var(--w-accent);color:#fff;font-weight:600;text-decoration:none}',
  '.w--compact{padding:.5rem;font-size:.875rem}',
  '.w--compact .w__title{font-size:1.0625rem;margin-bottom:.25rem}',
  '.w--compact .w__item{padding:.4rem 0}',
  '.w--compact .w__event{font-size:.9375rem}',
  '.w--compact .w__meta{font-size:.875rem}',
  '.w--compact .w__more{margin-top:.5rem}',
].join('\n')

/** A text from the CMS, with its own `lang` when it is shown in another language. */
export function localized(text: Text): string {
  const value = escapeHtml(text.value)
  return text.fallback ? `<span lang="${text.lang}">${value}</span>` : value
}

/** "(In French)" after a text shown in another language than the widget's. */
function fallbackNote(lang: LocaleCode, text: Text | null): string {
  if (!text?.fallback) return ''
  const note = t(lang, 'fallback.inLanguage', { language: languageName(text.lang, lang) })
  return ` <span class="w__note">(${escapeHtml(note)})</span>`
}

function badge(kind: 'demo' | 'status', label: string): string {
  return ` <span class="w__badge w__badge--${kind}">${escapeHtml(label)}</span>`
}

function whereText(event: EventView): string {
  const communes = event.communes.map((ref) => localized(ref.name))
  const venue = event.venue ? [localized(event.venue.name)] : []
  return [...communes, ...venue].join(' · ')
}

/**
 * What a listed date is marked with (`event.status.*`): cancelled (the event or this date), the
 * event's own status, or a date moved from the one planned; null when it is as planned.
 */
export function statusOf({ event, occurrence }: ListedEvent): string | null {
  if (event.status === 'cancelled' || occurrence.status === 'cancelled') return 'cancelled'
  if (event.status !== 'scheduled') return event.status
  return occurrence.status === 'rescheduled' ? 'rescheduled' : null
}

/**
 * One event at one of its dates, a heading and its when and where: the widget's list item, and
 * the digest mail's (which opens links in place: `target` null).
 */
export function eventItem(
  lang: LocaleCode,
  item: ListedEvent,
  density: WidgetDensity,
  site: URL,
  target: '_top' | null = '_top',
) {
  const { event, occurrence } = item
  const href = new URL(urls.event(lang, event.slug), site).toString()
  const statusKey = statusOf(item)
  const cancelled = statusKey === 'cancelled'
  const when = escapeHtml(whenText(lang, occurrence.start, occurrence.end, event.allDay))
  const datetime = event.allDay ? occurrence.start.toISODate()! : occurrence.start.toISO()!
  const where = whereText(event)
  const summary =
    density === 'regular' && event.summary
      ? `<p>${localized(event.summary)}${event.summary.lang === event.title.lang ? '' : fallbackNote(lang, event.summary)}</p>`
      : ''
  return [
    '<li class="w__item">',
    `<h2 class="w__event"><a href="${escapeHtml(href)}"${target ? ` target="${target}"` : ''}>${localized(event.title)}</a>`,
    fallbackNote(lang, event.title),
    statusKey ? badge('status', t(lang, `event.status.${statusKey}`)) : '',
    event.demo ? badge('demo', t(lang, 'demo.badge')) : '',
    '</h2>',
    `<p class="w__when"><time datetime="${datetime}">${cancelled ? `<s>${when}</s>` : when}</time></p>`,
    where ? `<p class="w__meta">${where}</p>` : '',
    summary,
    '</li>',
  ].join('')
}

/**
 * Where "all events" leads: the portal's own list for a single commune or category, else the
 * event listing with the same filter (the site server answers it).
 */
function allEventsUrl(lang: LocaleCode, filter: FeedFilter): string {
  const only = (list: string[] | undefined) => (list?.length === 1 ? list[0] : undefined)
  const communeSlug = only(filter.communes)
  const categorySlug = only(filter.categories)
  const rest = Object.keys(filter).length === 1
  if (communeSlug && rest) return urls.eventsInCommune(lang, communeSlug)
  if (categorySlug && rest) return urls.eventsInCategory(lang, categorySlug)
  return finderUrl(lang, filter)
}

/** The widget's heading: its title, with `lang` on names shown in another language. */
function headingHtml(content: SiteContent, lang: LocaleCode, filter: FeedFilter): string {
  const parts = feedNameParts(content, lang, filter)
  if (!parts.length) return escapeHtml(t(lang, 'feeds.name.all'))
  const slot = '\u0000'
  const template = escapeHtml(t(lang, 'feeds.name.filtered', { filter: slot }))
  return template.replace(slot, parts.map(localized).join(' · '))
}

/** The widget as a complete HTML document. */
export function widgetHtml(
  content: SiteContent,
  lang: LocaleCode,
  filter: FeedFilter,
  options: WidgetOptions,
  site: URL,
): string {
  const definition = localeDefinition(lang)
  const title = escapeHtml(widgetTitle(content, lang, filter))
  const items = widgetEvents(content, lang, filter, options.limit)
  const list = items.length
    ? `<ul class="w__list">\n${items.map((item) => eventItem(lang, item, options.density, site)).join('\n')}\n</ul>`
    : `<p>${escapeHtml(t(lang, 'events.none'))}</p>`
  const more = new URL(allEventsUrl(lang, filter), site).toString()
  return `<!DOCTYPE html>
<html lang="${definition.intl.split('-')[0]}" dir="${definition.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${WIDGET_CSS}</style>
</head>
<body class="w w--${options.accent} w--${options.density}">
<h1 class="w__title">${headingHtml(content, lang, filter)}</h1>
${list}
<p class="w__more"><a href="${escapeHtml(more)}" target="_top">${escapeHtml(t(lang, 'widget.more'))}</a></p>
</body>
</html>
`
}
