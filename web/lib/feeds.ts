// Calendar feeds and the event finder's filter: which events a feed holds, its name and its file,
// shared by the static feeds of the site (one per language × commune, category and target group),
// the CMS's live endpoint and widget for any combination of filters, and the filtered event
// listing. The query parser is the input validation of all three: one filter in the URL means the
// same events in the listing, its feed and its widget.
import { DateTime } from 'luxon'
import { isLocaleCode, localeCodes, type LocaleCode } from '../../locales/config'
import { portalZone } from '../../cms/domain/dates'
import { accessibilityFeatures, spokenLanguages } from '../../cms/domain/valueLists'
import {
  type EventView,
  featuresOf,
  type ListedEvent,
  type OccurrenceView,
  type SiteContent,
  type TermView,
  type Text,
} from './content'
import { languageName, t } from '../../locales/i18n'
import { longDate } from './dates'
import { calendarFile } from './ical'

/** Named periods of the `when` filter, in Luxembourg time (a week runs Monday to Sunday). */
export const whenNames = ['today', 'weekend', 'week', 'month'] as const
export type WhenName = (typeof whenNames)[number]

export interface FeedFilter {
  /** A named period; or `from` and/or `to`, calendar days (YYYY-MM-DD), both included. */
  when?: WhenName
  from?: string
  to?: string
  communes?: string[]
  categories?: string[]
  audiences?: string[]
  spoken?: string[]
  /** Accessibility features the event or its venue must all offer. */
  features?: string[]
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

/** The period a filter asks for: from `start` (never before now) to `end` (exclusive, or open). */
export interface FilterPeriod {
  start: DateTime
  end: DateTime | null
  /** The same in epoch milliseconds (no end: Infinity). */
  startMs: number
  endMs: number
}

const dayOf = (iso: string) => DateTime.fromISO(iso, { zone: portalZone }).startOf('day')

/**
 * The filter's period at `now`, in Luxembourg time, or null when it asks for no period. "This
 * weekend" is the coming Saturday and Sunday (this one's, on a weekend); what is over is never in.
 */
export function filterPeriod(filter: FeedFilter, now: DateTime): FilterPeriod | null {
  const today = now.setZone(portalZone).startOf('day')
  let start: DateTime
  let end: DateTime | null
  if (filter.when === 'today') [start, end] = [today, today.plus({ days: 1 })]
  else if (filter.when === 'weekend') {
    start =
      today.weekday >= 6
        ? today.minus({ days: today.weekday - 6 })
        : today.plus({ days: 6 - today.weekday })
    end = start.plus({ days: 2 })
  } else if (filter.when === 'week') {
    start = today.startOf('week')
    end = start.plus({ weeks: 1 })
  } else if (filter.when === 'month') {
    start = today.startOf('month')
    end = start.plus({ months: 1 })
  } else if (filter.from || filter.to) {
    start = filter.from ? dayOf(filter.from) : now
    end = filter.to ? dayOf(filter.to).plus({ days: 1 }) : null
  } else return null
  const from = start < now ? now : start
  return { start: from, end, startMs: from.toMillis(), endMs: end?.toMillis() ?? Infinity }
}

/** Whether an occurrence of an event falls in a period (an all-day event's last day counts). */
export function inPeriod(view: EventView, occurrence: OccurrenceView, period: FilterPeriod) {
  const end = view.allDay ? occurrence.end.plus({ days: 1 }).toMillis() : occurrence.endMs
  return end >= period.startMs && occurrence.startMs < period.endMs
}

/**
 * The test of a filter, for events one after the other: the period is computed once. A build
 * tests each event against about fifty feeds per language: the lists an event is compared by are
 * made only for the filters a feed has.
 */
export function feedMatcher(
  content: SiteContent,
  filter: FeedFilter,
  now = content.now,
): (view: EventView) => boolean {
  const period = filterPeriod(filter, now)
  const { features } = filter
  return (view) =>
    (!filter.communes?.length || filter.communes.some((slug) => content.inCommune(view, slug))) &&
    anyOf(filter.categories, () => view.categories.map((term) => term.slug)) &&
    anyOf(filter.audiences, () => view.targetGroups.map((term) => term.slug)) &&
    anyOf(filter.spoken, () => [...view.languagesSpoken, ...view.interpretation]) &&
    (!filter.free || view.price.free) &&
    (!filter.accessible || featuresOf(view).includes(ACCESSIBLE_FEATURE)) &&
    (!features?.length || features.every((feature) => featuresOf(view).includes(feature))) &&
    (!period || view.occurrences.some((occurrence) => inPeriod(view, occurrence, period)))
}

export function matchesFeed(content: SiteContent, view: EventView, filter: FeedFilter): boolean {
  return feedMatcher(content, filter)(view)
}

/**
 * The events a filter finds, as the listing and the widget show them, soonest first: without a
 * period each upcoming event once at its next date; with one, every date in the period that is
 * not over (a weekly event "this month" is listed at each of its dates), cancelled ones included.
 */
export function filteredEvents(
  content: SiteContent,
  lang: LocaleCode,
  filter: FeedFilter,
  now = content.now,
): ListedEvent[] {
  const matches = feedMatcher(content, filter, now)
  const period = filterPeriod(filter, now)
  if (!period) return content.upcomingEvents(lang, matches)
  return content
    .upcomingEvents(lang, matches)
    .flatMap(({ event }) =>
      event.occurrences
        .filter((occurrence) => inPeriod(event, occurrence, period))
        .map((occurrence) => ({ event, occurrence })),
    )
    .sort((a, b) => a.occurrence.start.toMillis() - b.occurrence.start.toMillis())
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
  return recentEvents(content, lang, now).filter(feedMatcher(content, filter, now))
}

/** One thing a filter asks for, in the reader's language, and the filter without it. */
export interface FilterPart {
  label: Text
  without: FeedFilter
}

/**
 * What a filter asks for, in the reader's language: the period, names of communes, categories,
 * target groups, languages, accessibility features, then the flags; each with the filter
 * without it (the listing's removable chips). A name shown in another language keeps its `lang`.
 */
export function filterParts(
  content: SiteContent,
  lang: LocaleCode,
  filter: FeedFilter,
): FilterPart[] {
  const own = (value: string): Text => ({ value, lang, fallback: false })
  const label = (list: TermView[], slug: string) =>
    list.find((term) => term.slug === slug)?.label ?? own(slug)
  const lists = (
    key: 'communes' | 'categories' | 'audiences' | 'spoken' | 'features',
    name: (value: string) => Text,
  ): FilterPart[] =>
    (filter[key] ?? []).map((value) => {
      const rest = filter[key]!.filter((other) => other !== value)
      const without = { ...filter, [key]: rest }
      if (!rest.length) delete without[key]
      return { label: name(value), without }
    })
  const omit = (...keys: (keyof FeedFilter)[]) =>
    Object.fromEntries(
      Object.entries(filter).filter(([key]) => !keys.includes(key as keyof FeedFilter)),
    )
  return [
    ...(filter.when
      ? [{ label: own(t(lang, `feeds.when.${filter.when}`)), without: omit('when') }]
      : []),
    ...(filter.from || filter.to
      ? [{ label: own(periodText(lang, filter)), without: omit('from', 'to') }]
      : []),
    ...lists('communes', (slug) => content.commune(slug, lang)?.name ?? own(slug)),
    ...lists('categories', (slug) => label(content.categories(lang), slug)),
    ...lists('audiences', (slug) => label(content.targetGroups(lang), slug)),
    ...lists('spoken', (code) => own(languageName(code, lang))),
    ...lists('features', (feature) => own(t(lang, `accessibility.${feature}`))),
    ...(filter.free ? [{ label: own(t(lang, 'feeds.filter.free')), without: omit('free') }] : []),
    ...(filter.accessible
      ? [{ label: own(t(lang, 'feeds.filter.accessible')), without: omit('accessible') }]
      : []),
  ]
}

/** What a filter asks for, in the reader's language (a feed's and a widget's name). */
export function feedNameParts(content: SiteContent, lang: LocaleCode, filter: FeedFilter): Text[] {
  return filterParts(content, lang, filter).map((part) => part.label)
}

/** "from 5 March 2027", "until …", "5–12 March 2027" for a date range, in the reader's language. */
export function periodText(lang: LocaleCode, filter: Pick<FeedFilter, 'from' | 'to'>): string {
  const date = (iso: string) => longDate(lang, dayOf(iso))
  if (filter.from && filter.to)
    return t(lang, 'feeds.when.range', { from: date(filter.from), to: date(filter.to) })
  if (filter.from) return t(lang, 'feeds.when.from', { from: date(filter.from) })
  return t(lang, 'feeds.when.to', { to: date(filter.to!) })
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
  'when',
  'from',
  'to',
  'commune',
  'category',
  'audience',
  'spoken',
  'access',
  'free',
  'accessible',
] as const

/** What a query is checked against besides the content: more parameters, a fixed language. */
export interface FeedQueryOptions {
  /** Accepted too and left to the caller (the widgets' `limit`, the listing's `page`…). */
  more?: readonly string[]
  /** The language when the address gives it (the listing's /<lang>/): `lang` is then refused. */
  lang?: LocaleCode
}

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

const isoDay = /^\d{4}-\d{2}-\d{2}$/

/** A calendar day written YYYY-MM-DD that exists (not 2027-02-30). */
const isCalendarDay = (value: string) =>
  isoDay.test(value) && dayOf(value).isValid && dayOf(value).toISODate() === value

/**
 * Reads and checks the query. Values may repeat (`commune=a&commune=b`) or be comma-separated;
 * within a parameter any value matches (but every `access` feature must be offered), across
 * parameters all must. Empty values are no filter (a form sends every field). Errors are in the
 * feed's language when `lang` is valid, else in English, and name the parameter and the accepted
 * values.
 */
export function parseFeedQuery(
  content: SiteContent,
  rawQuery: string,
  options: FeedQueryOptions = {},
): FeedQuery {
  const params = new URLSearchParams(rawQuery)
  const langValue = options.lang ?? params.get('lang') ?? 'fr'
  const lang = options.lang ?? feedLanguage(rawQuery)
  const fail = (message: string, status: 400 | 414 = 400): FeedQuery => ({
    ok: false,
    status,
    lang,
    message,
  })
  if (rawQuery.length > FEED_QUERY_MAX_LENGTH)
    return fail(t(lang, 'feeds.error.tooLong', { max: FEED_QUERY_MAX_LENGTH }), 414)
  const accepted: readonly string[] = [
    ...feedParameters.filter((name) => !(options.lang && name === 'lang')),
    ...(options.more ?? []),
  ]
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
  const known: Record<'commune' | 'category' | 'audience' | 'spoken' | 'access', string[]> = {
    commune: content.communes(lang).map((item) => item.slug),
    category: content.categories(lang).map((item) => item.slug),
    audience: content.targetGroups(lang).map((item) => item.slug),
    spoken: spokenLanguages.map((item) => item.value),
    access: accessibilityFeatures.map((item) => item.value),
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
  const period: Pick<FeedFilter, 'when' | 'from' | 'to'> = {}
  const single = (name: 'when' | 'from' | 'to') => (params.getAll(name).at(-1) ?? '').trim()
  const when = single('when').toLowerCase()
  if (when) {
    if (!(whenNames as readonly string[]).includes(when))
      return fail(t(lang, 'feeds.error.unknownValue', unknownValue('when', when, whenNames)))
    period.when = when as WhenName
  }
  for (const name of ['from', 'to'] as const) {
    const value = single(name)
    if (!value) continue
    if (!isCalendarDay(value))
      return fail(t(lang, 'feeds.error.date', { name, value: value.slice(0, 40) }))
    if (period.when) return fail(t(lang, 'feeds.error.whenAndDates'))
    period[name] = value
  }
  if (period.from && period.to && period.to < period.from)
    return fail(t(lang, 'feeds.error.range', { from: period.from, to: period.to }))
  return {
    ok: true,
    lang,
    filter: {
      ...period,
      ...(lists.commune ? { communes: lists.commune } : {}),
      ...(lists.category ? { categories: lists.category } : {}),
      ...(lists.audience ? { audiences: lists.audience } : {}),
      ...(lists.spoken ? { spoken: lists.spoken } : {}),
      ...(lists.access ? { features: lists.access } : {}),
      ...flags,
    },
  }
}

/** The placeholders of `feeds.error.unknownValue`, shortened to keep the message readable. */
export function unknownValue(name: string, value: string, allowed: readonly string[]) {
  return { name, value: value.slice(0, 60), allowed: allowed.join(', ') || '—' }
}

/**
 * The query string of a filter, in the parameter order above (the builder, the listing's links
 * and the cache keys use it); without `lang` when `lang` is null (the listing's own address).
 */
export function feedQuery(lang: LocaleCode | null, filter: FeedFilter): string {
  const params = new URLSearchParams(lang ? { lang } : {})
  if (filter.when) params.set('when', filter.when)
  if (filter.from) params.set('from', filter.from)
  if (filter.to) params.set('to', filter.to)
  for (const value of filter.communes ?? []) params.append('commune', value)
  for (const value of filter.categories ?? []) params.append('category', value)
  for (const value of filter.audiences ?? []) params.append('audience', value)
  for (const value of filter.spoken ?? []) params.append('spoken', value)
  for (const value of filter.features ?? []) params.append('access', value)
  if (filter.free) params.set('free', '1')
  if (filter.accessible) params.set('accessible', '1')
  return params.toString()
}

/** Whether a filter asks for anything (an empty one is the whole listing). */
export const isEmptyFilter = (filter: FeedFilter) => feedQuery(null, filter) === ''
