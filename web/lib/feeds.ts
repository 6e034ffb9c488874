// Calendar feeds: which events a feed holds, its name and its file, shared by the static feeds of
// the site (one per language × commune, category and target group) and the CMS's live endpoint
// for any combination of filters. The query parser is the endpoint's input validation.
import type { DateTime } from 'luxon'
import { isLocaleCode, localeCodes, type LocaleCode } from '../../locales/config'
import { spokenLanguages } from '../../cms/domain/valueLists'
import type { EventView, SiteContent, TermView, Text } from './content'
import { languageName, t } from '../../locales/i18n'
import { calendarFile } from './ical'

export interface FeedFilter {
  communes?: string[]
  categories?: string[]
  audiences?: string[]
  spoken?: string[]
  free?: boolean
  accessible?: boolean
}

/**
 * Finished events stay in feeds this long, so a subscribed calendar keeps recent history instead
 * of losing last week's entries at the next refresh.
 */
export const FEED_HISTORY_DAYS = 90

/** The accessibility feature the "accessible" filter asks for. */
export const ACCESSIBLE_FEATURE = 'step-free'

/** Whether any wanted value is present (no wish: yes). `present` is made only when asked. */
const anyOf = (wanted: string[] | undefined, present: () => readonly string[]) =>
  !wanted?.length || present().some((value) => wanted.includes(value))

// A build tests each event against about fifty feeds per language: the lists an event is
// compared by are made only for the filters a feed has.
export function matchesFeed(content: SiteContent, view: EventView, filter: FeedFilter): boolean {
  return (
    (!filter.communes?.length || filter.communes.some((slug) => content.inCommune(view, slug))) &&
    anyOf(filter.categories, () => view.categories.map((term) => term.slug)) &&
    anyOf(filter.audiences, () => view.targetGroups.map((term) => term.slug)) &&
    anyOf(filter.spoken, () => [...view.languagesSpoken, ...view.interpretation]) &&
    (!filter.free || view.price.free) &&
    (!filter.accessible ||
      [...view.accessibility, ...(view.venue?.accessibility ?? [])].includes(ACCESSIBLE_FEATURE))
  )
}

/**
 * The events any feed of a language can hold at `now`, soonest first: those not finished more
 * than FEED_HISTORY_DAYS before. Sorted once and kept for the last `now` asked: a build writes
 * about fifty feeds per language, each of which dated and sorted all events again (with the
 * filter below, 485 ms → 221 ms for a language's feeds at 10,000 events).
 */
const recent = new WeakMap<readonly EventView[], { at: number; views: EventView[] }>()

function recentEvents(content: SiteContent, lang: LocaleCode, now: DateTime): EventView[] {
  const all = content.events(lang)
  const known = recent.get(all)
  if (known?.at === now.toMillis()) return known.views
  const since = now.minus({ days: FEED_HISTORY_DAYS })
  const lastEnd = (view: EventView): DateTime | undefined => view.occurrences.at(-1)?.end
  const views = all
    .filter((view) => (lastEnd(view) ?? view.end) >= since)
    .sort((a, b) => a.start.toMillis() - b.start.toMillis() || a.uid.localeCompare(b.uid))
  recent.set(all, { at: now.toMillis(), views })
  return views
}

/** Events of a feed: matching, and not finished more than FEED_HISTORY_DAYS ago; soonest first. */
export function feedEvents(
  content: SiteContent,
  lang: LocaleCode,
  filter: FeedFilter,
  now = content.now,
): EventView[] {
  return recentEvents(content, lang, now).filter((view) => matchesFeed(content, view, filter))
}

/**
 * What a filter asks for, in the reader's language: names of communes, categories, target
 * groups, languages, then the flags. A name shown in another language keeps its `lang`.
 */
export function feedNameParts(content: SiteContent, lang: LocaleCode, filter: FeedFilter): Text[] {
  const own = (value: string): Text => ({ value, lang, fallback: false })
  const label = (list: TermView[], slug: string) =>
    list.find((term) => term.slug === slug)?.label ?? own(slug)
  return [
    ...(filter.communes ?? []).map((slug) => content.commune(slug, lang)?.name ?? own(slug)),
    ...(filter.categories ?? []).map((slug) => label(content.categories(lang), slug)),
    ...(filter.audiences ?? []).map((slug) => label(content.targetGroups(lang), slug)),
    ...(filter.spoken ?? []).map((code) => own(languageName(code, lang))),
    ...(filter.free ? [own(t(lang, 'feeds.filter.free'))] : []),
    ...(filter.accessible ? [own(t(lang, 'feeds.filter.accessible'))] : []),
  ]
}

/** "Miselerland: events · Remich · Language café" in the feed's language. */
export function feedName(content: SiteContent, lang: LocaleCode, filter: FeedFilter): string {
  const parts = feedNameParts(content, lang, filter).map((part) => part.value)
  return parts.length
    ? t(lang, 'feeds.name.filtered', { filter: parts.join(' · ') })
    : t(lang, 'feeds.name.all')
}

/** The whole feed as iCalendar text. */
export function feedText(
  content: SiteContent,
  lang: LocaleCode,
  filter: FeedFilter,
  site: URL,
  now = content.now,
): { text: string; count: number } {
  const views = feedEvents(content, lang, filter, now)
  return {
    text: calendarFile({ lang, name: feedName(content, lang, filter), site }, views),
    count: views.length,
  }
}

export function feedResponse(
  content: SiteContent,
  lang: LocaleCode,
  filter: FeedFilter,
  site: URL,
): Response {
  return new Response(feedText(content, lang, filter, site).text, {
    headers: { 'content-type': 'text/calendar; charset=utf-8' },
  })
}

// ---------------------------------------------------------------------------------------------
// The live endpoint's query: /api/feeds/events.ics?commune=remich&category=language-cafe&lang=pt

/** Longest query string accepted (a feed of every commune and category stays far below). */
export const FEED_QUERY_MAX_LENGTH = 1024
/** Most values one parameter may list. */
export const FEED_VALUES_MAX = 20

export const feedParameters = [
  'lang',
  'commune',
  'category',
  'audience',
  'spoken',
  'free',
  'accessible',
] as const

export type FeedQuery =
  | { ok: true; lang: LocaleCode; filter: FeedFilter }
  | { ok: false; status: 400 | 414; lang: LocaleCode; message: string }

const yes = new Set(['1', 'true', 'yes', 'on'])
const no = new Set(['0', 'false', 'no', 'off', ''])

/** The language of a feed query's messages: its `lang` when valid, else English. */
export function feedLanguage(rawQuery: string): LocaleCode {
  const value = new URLSearchParams(rawQuery.slice(0, FEED_QUERY_MAX_LENGTH)).get('lang') ?? 'fr'
  return isLocaleCode(value) ? value : 'en'
}

/**
 * Reads and checks the query. Values may repeat (`commune=a&commune=b`) or be comma-separated;
 * within a parameter any value matches, across parameters all must. Errors are in the feed's
 * language when `lang` is valid, else in English, and name the parameter and the accepted values.
 * `moreParameters` are accepted too and left to the caller (the widgets' `limit`, `accent`…).
 */
export function parseFeedQuery(
  content: SiteContent,
  rawQuery: string,
  moreParameters: readonly string[] = [],
): FeedQuery {
  const params = new URLSearchParams(rawQuery)
  const langValue = params.get('lang') ?? 'fr'
  const lang = feedLanguage(rawQuery)
  const fail = (message: string, status: 400 | 414 = 400): FeedQuery => ({
    ok: false,
    status,
    lang,
    message,
  })
  if (rawQuery.length > FEED_QUERY_MAX_LENGTH)
    return fail(t(lang, 'feeds.error.tooLong', { max: FEED_QUERY_MAX_LENGTH }), 414)
  const accepted: readonly string[] = [...feedParameters, ...moreParameters]
  for (const name of new Set(params.keys())) {
    if (!accepted.includes(name))
      return fail(
        t(lang, 'feeds.error.unknownParameter', {
          name: name.slice(0, 40),
          allowed: accepted.join(', '),
        }),
      )
  }
  if (!isLocaleCode(langValue))
    return fail(
      t(lang, 'feeds.error.unknownValue', unknownValue('lang', langValue, [...localeCodes])),
    )

  const values = (name: string) =>
    params
      .getAll(name)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean)
  const known: Record<'commune' | 'category' | 'audience' | 'spoken', string[]> = {
    commune: content.communes(lang).map((item) => item.slug),
    category: content.categories(lang).map((item) => item.slug),
    audience: content.targetGroups(lang).map((item) => item.slug),
    spoken: spokenLanguages.map((item) => item.value),
  }
  const lists: Partial<Record<keyof typeof known, string[]>> = {}
  for (const name of Object.keys(known) as (keyof typeof known)[]) {
    const list = [...new Set(values(name))]
    if (list.length > FEED_VALUES_MAX)
      return fail(t(lang, 'feeds.error.tooMany', { name, max: FEED_VALUES_MAX }))
    const unknown = list.find((value) => !known[name].includes(value))
    if (unknown !== undefined)
      return fail(t(lang, 'feeds.error.unknownValue', unknownValue(name, unknown, known[name])))
    if (list.length) lists[name] = list
  }
  const flags: Partial<Record<'free' | 'accessible', boolean>> = {}
  for (const name of ['free', 'accessible'] as const) {
    const all = params.getAll(name)
    const value = (all.at(-1) ?? '').toLowerCase()
    if (all.length && !yes.has(value) && !no.has(value))
      return fail(t(lang, 'feeds.error.unknownValue', unknownValue(name, value, ['1', '0'])))
    if (yes.has(value)) flags[name] = true
  }
  return {
    ok: true,
    lang,
    filter: {
      ...(lists.commune ? { communes: lists.commune } : {}),
      ...(lists.category ? { categories: lists.category } : {}),
      ...(lists.audience ? { audiences: lists.audience } : {}),
      ...(lists.spoken ? { spoken: lists.spoken } : {}),
      ...flags,
    },
  }
}

/** The placeholders of `feeds.error.unknownValue`, shortened to keep the message readable. */
export function unknownValue(name: string, value: string, allowed: readonly string[]) {
  return { name, value: value.slice(0, 60), allowed: allowed.join(', ') || '—' }
}

/** The query string of a filter, in the parameter order above (the builder and tests use it). */
export function feedQuery(lang: LocaleCode, filter: FeedFilter): string {
  const params = new URLSearchParams({ lang })
  for (const value of filter.communes ?? []) params.append('commune', value)
  for (const value of filter.categories ?? []) params.append('category', value)
  for (const value of filter.audiences ?? []) params.append('audience', value)
  for (const value of filter.spoken ?? []) params.append('spoken', value)
  if (filter.free) params.set('free', '1')
  if (filter.accessible) params.set('accessible', '1')
  return params.toString()
}
