// The event finder: what /<lang>/events/?when=week&commune=remich… answers, with the filter of the
// live feed and the widget (feeds.ts parses it). A valid filter gives a page of the events it
// finds, its removable parts and, when nothing is found, wider searches that find something; a
// filter that is a commune's or a topic's own page, or is written another way, is sent to that
// address, so one filter has one URL; a wrong value is a 400 naming it.
import type { LocaleCode } from '../../locales/config'
import { urls } from '../../cms/domain/urls'
import type { ListedEvent, SiteContent } from './content'
import {
  type FeedFilter,
  feedQuery,
  type FilterPart,
  filterParts,
  filteredEvents,
  isEmptyFilter,
  parseFeedQuery,
  unknownValue,
  type WhenName,
} from './feeds'
import { t } from '../../locales/i18n'
import { EVENTS_PER_PAGE, pageCount } from './sitePaths'

/** A wider search that finds events where the reader's found none. */
export interface Widening {
  /** "this month", or "without “Remich”", in the reader's language. */
  label: string
  href: string
  count: number
}

export type FinderAnswer =
  | {
      kind: 'list'
      filter: FeedFilter
      /** The filter's query (without `page`), '' for the whole listing. */
      query: string
      page: number
      pages: number
      total: number
      items: ListedEvent[]
      parts: (FilterPart & { href: string })[]
      widenings: Widening[]
    }
  | { kind: 'redirect'; location: string }
  | { kind: 'error'; status: 400 | 414; message: string }

/** The listing's address for a filter and page. */
export function finderUrl(lang: LocaleCode, filter: FeedFilter, page = 1): string {
  const query = feedQuery(null, filter)
  if (!query) return urls.events(lang, page)
  return `${urls.events(lang)}?${query}${page > 1 ? `&page=${page}` : ''}`
}

/** A broader named period to suggest when a shorter one finds nothing. */
const widerPeriod: Partial<Record<WhenName, WhenName>> = {
  today: 'week',
  weekend: 'week',
  week: 'month',
}

function widenings(
  content: SiteContent,
  lang: LocaleCode,
  filter: FeedFilter,
  parts: FilterPart[],
): Widening[] {
  const wider = filter.when && widerPeriod[filter.when]
  const candidates = [
    ...(wider
      ? [{ label: t(lang, `feeds.when.${wider}`), filter: { ...filter, when: wider } }]
      : []),
    ...parts.map((part) => ({
      label: t(lang, 'finder.widen.without', { filter: part.label.value }),
      filter: part.without,
    })),
  ]
  return candidates
    .map((candidate) => ({
      label: candidate.label,
      href: finderUrl(lang, candidate.filter),
      count: filteredEvents(content, lang, candidate.filter).length,
    }))
    .filter((widening) => widening.count > 0)
}

/** The listing's answer to a query (without its "?"), for one language. */
export function findEvents(content: SiteContent, lang: LocaleCode, rawQuery: string): FinderAnswer {
  const parsed = parseFeedQuery(content, rawQuery, { lang, more: ['page'] })
  if (!parsed.ok) return { kind: 'error', status: parsed.status, message: parsed.message }
  const { filter } = parsed
  const pageValue = (new URLSearchParams(rawQuery).getAll('page').at(-1) ?? '').trim()
  const all = filteredEvents(content, lang, filter)
  const pages = pageCount(all.length, EVENTS_PER_PAGE)
  const page = pageValue ? (/^\d{1,5}$/.test(pageValue) ? Number(pageValue) : NaN) : 1
  if (!(page >= 1 && page <= pages))
    return {
      kind: 'error',
      status: 400,
      message: t(
        lang,
        'feeds.error.unknownValue',
        unknownValue('page', pageValue, [pages > 1 ? `1–${pages}` : '1']),
      ),
    }
  // One filter, one address: a commune's or a topic's own page, else the filter written out.
  const only = Object.keys(filter)
  if (page === 1 && only.length === 1 && filter.communes?.length === 1) {
    const slug = filter.communes[0]!
    if (content.currentCommunes(lang).some((commune) => commune.slug === slug))
      return { kind: 'redirect', location: urls.eventsInCommune(lang, slug) }
  }
  if (page === 1 && only.length === 1 && filter.categories?.length === 1)
    return { kind: 'redirect', location: urls.eventsInCategory(lang, filter.categories[0]!) }
  const query = feedQuery(null, filter)
  const canonical = `${query}${query && page > 1 ? `&page=${page}` : ''}`
  if (canonical !== rawQuery) return { kind: 'redirect', location: finderUrl(lang, filter, page) }
  const parts = filterParts(content, lang, filter).map((part) => ({
    ...part,
    href: finderUrl(lang, part.without),
  }))
  return {
    kind: 'list',
    filter,
    query,
    page,
    pages,
    total: all.length,
    items: all.slice((page - 1) * EVENTS_PER_PAGE, page * EVENTS_PER_PAGE),
    parts,
    widenings: all.length || isEmptyFilter(filter) ? [] : widenings(content, lang, filter, parts),
  }
}
