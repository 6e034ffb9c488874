// The digest mail: the events of a week or month that match a reader's choices, from a
// published snapshot, in the reader's language, as plain text and as accessible HTML (headings,
// a list, no images, no tracking, links as they are). The event list is the widget's own
// (`eventItem`): the same view of an event at one of its dates, with cancelled and moved dates
// and texts shown in another language marked. A period without a matching event makes no mail.
import { localeDefinition, type LocaleCode } from '../../locales/config'
import { languageName, t } from '../../locales/i18n'
import type { DigestChoices, DigestPeriod } from '../../cms/domain/digest'
import { urls } from '../../cms/domain/urls'
import type { EventView, ListedEvent, SiteContent, Text } from './content'
import { dayAndMonth, whenText } from './dates'
import { escapeHtml } from './escape'
import { type FeedFilter, feedNameParts, feedQuery, matchesFeed } from './feeds'
import { eventItem, localized, statusOf } from './widget'

export interface DigestLinks {
  /** Absolute addresses, signed for this reader. */
  manage: string
  unsubscribe: string
}

export interface DigestMail {
  subject: string
  text: string
  html: string
  events: number
}

export const choicesFilter = (choices: DigestChoices): FeedFilter => ({
  communes: choices.communes,
  categories: choices.categories,
  audiences: choices.audiences,
  spoken: choices.spoken,
})

/**
 * Every date of every event in a period, in order, once per content and language and period: a
 * run with thousands of readers filters this list instead of all events.
 */
const inPeriod = new WeakMap<readonly EventView[], Map<string, ListedEvent[]>>()

function periodItems(content: SiteContent, lang: LocaleCode, period: DigestPeriod) {
  const all = content.events(lang)
  let byPeriod = inPeriod.get(all)
  if (!byPeriod) inPeriod.set(all, (byPeriod = new Map()))
  const key = `${period.start.toMillis()}/${period.end.toMillis()}`
  let items = byPeriod.get(key)
  if (!items) {
    items = []
    for (const event of all)
      for (const occurrence of event.occurrences)
        if (occurrence.start < period.end && occurrence.end > period.start)
          items.push({ event, occurrence })
    items.sort(
      (a, b) =>
        a.occurrence.start.toMillis() - b.occurrence.start.toMillis() ||
        a.event.uid.localeCompare(b.event.uid),
    )
    byPeriod.set(key, items)
  }
  return items
}

/** The dates of the period that match the reader's choices, soonest first. */
export function digestItems(
  content: SiteContent,
  lang: LocaleCode,
  choices: DigestChoices,
  period: DigestPeriod,
): ListedEvent[] {
  const filter = choicesFilter(choices)
  return periodItems(content, lang, period).filter((item) =>
    matchesFeed(content, item.event, filter),
  )
}

/** "8 – 14 March 2027" in the reader's language (the end is the period's last day). */
function periodText(lang: LocaleCode, period: DigestPeriod): string {
  const last = period.end.minus({ days: 1 })
  return `${dayAndMonth(lang, period.start, last.year)} – ${dayAndMonth(lang, last, 0)}`
}

/** "Remich · Language café" or the whole region, in the reader's language. */
function choicesText(content: SiteContent, lang: LocaleCode, choices: DigestChoices): Text[] {
  const parts = feedNameParts(content, lang, choicesFilter(choices))
  const region: Text = { value: t(lang, 'digest.mail.region'), lang, fallback: false }
  return choices.communes.length ? parts : [region, ...parts]
}

const plain = (lang: LocaleCode, value: Text) =>
  value.fallback
    ? `${value.value} (${t(lang, 'fallback.inLanguage', { language: languageName(value.lang, lang) })})`
    : value.value

function textItem(lang: LocaleCode, item: ListedEvent, site: URL): string {
  const { event, occurrence } = item
  const status = statusOf(item)
  const where = [
    ...event.communes.map((ref) => ref.name),
    ...(event.venue ? [event.venue.name] : []),
  ]
  return [
    `* ${plain(lang, event.title)}${status ? ` [${t(lang, `event.status.${status}`)}]` : ''}`,
    `  ${whenText(lang, occurrence.start, occurrence.end, event.allDay)}`,
    ...(where.length ? [`  ${where.map((part) => plain(lang, part)).join(' · ')}`] : []),
    `  ${new URL(urls.event(lang, event.slug), site).toString()}`,
  ].join('\n')
}

/**
 * An item's HTML and text, made once: readers of one language share the period's items (the
 * same objects), and most of a run's time went into writing the same dates again.
 */
const rendered = new WeakMap<ListedEvent, { site: string; html: string; text: string }>()

function itemParts(lang: LocaleCode, item: ListedEvent, site: URL) {
  let parts = rendered.get(item)
  if (parts?.site !== site.href) {
    const html = eventItem(lang, item, 'compact', site, null)
    parts = { site: site.href, html, text: textItem(lang, item, site) }
    rendered.set(item, parts)
  }
  return parts
}

/** The digest of one reader, or null when nothing in the period matches. */
export function digestMail(
  content: SiteContent,
  lang: LocaleCode,
  choices: DigestChoices,
  period: DigestPeriod,
  links: DigestLinks,
  site: URL,
  items = digestItems(content, lang, choices, period),
): DigestMail | null {
  if (!items.length) return null
  const key = period.frequency === 'weekly' ? 'digest.mail.week' : 'digest.mail.month'
  const dates = periodText(lang, period)
  const subject = t(lang, `${key}.subject`, { dates })
  const chosen = choicesText(content, lang, choices)
  const feed = new URL(urls.feedApi(feedQuery(lang, choicesFilter(choices))), site).toString()
  const count = t(lang, 'digest.mail.count', { count: items.length })
  const definition = localeDefinition(lang)
  const html = `<!DOCTYPE html>
<html lang="${definition.intl.split('-')[0]}" dir="${definition.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body>
<h1>${escapeHtml(subject)}</h1>
<p>${chosen.map(localized).join(' · ')}. ${escapeHtml(count)}</p>
<ul>
${items.map((item) => itemParts(lang, item, site).html).join('\n')}
</ul>
<p><a href="${escapeHtml(feed)}">${escapeHtml(t(lang, 'digest.mail.feed'))}</a></p>
<hr>
<p>${escapeHtml(t(lang, 'digest.mail.why'))}</p>
<p><a href="${escapeHtml(links.manage)}">${escapeHtml(t(lang, 'digest.mail.manage'))}</a> · <a href="${escapeHtml(links.unsubscribe)}">${escapeHtml(t(lang, 'digest.mail.unsubscribe'))}</a></p>
</body>
</html>
`
  const text = [
    subject,
    '',
    `${chosen.map((part) => plain(lang, part)).join(' · ')}. ${count}`,
    '',
    ...items.map((item) => itemParts(lang, item, site).text),
    '',
    `${t(lang, 'digest.mail.feed')}: ${feed}`,
    '',
    '-- ',
    t(lang, 'digest.mail.why'),
    `${t(lang, 'digest.mail.manage')}: ${links.manage}`,
    `${t(lang, 'digest.mail.unsubscribe')}: ${links.unsubscribe}`,
    '',
  ].join('\n')
  return { subject, text, html, events: items.length }
}
