// An event's page (inside the page frame): when (in the reader's language, recurrence in words),
// status, place, languages, accessibility, price, registration, organiser, related action.
// Written as HTML text (web/lib/html.ts), not as an Astro component: a site has one such page per
// event and language, 50,000 at 10,000 events, and a full build writes them outside Astro's page
// pipeline (web/lib/pageWriter.ts, with frameDocument). EventView.astro puts the article in the
// frame for the pages Astro renders.
import type { LocaleCode } from '../../locales/config'
import { addressLine, buildTime, type EventView, nextOccurrence } from './content'
import { longDate, shortDate, whenText } from './dates'
import { detailDocument, type FrameDocument } from './frame'
import { attribute, html, type Html } from './html'
import { languageName, numberFormat, t } from '../../locales/i18n'
import {
  demoBadge,
  fallbackNote,
  icon,
  imageFigure,
  localized,
  richText,
  searchFilters,
} from './markup'
import { recurrenceText } from './recurrenceText'
import { eventJsonLd } from './structuredData'
import { openStreetMapUrl, urls } from '../../cms/domain/urls'

function place(lang: LocaleCode, event: EventView): Html | string {
  const { venue } = event
  if (!venue) {
    return event.onlineUrl
      ? html`<a${attribute('href', event.onlineUrl)}>${t(lang, 'event.online')}</a>`
      : t(lang, 'event.placeUnknown')
  }
  const address = venue.address
  const coordinates = venue.coordinates
  return html`${localized(venue.name)}${
    address && (address.street || address.locality) && html`<div>${addressLine(address)}</div>`
  }${
    venue.commune &&
    html`<div><a${attribute('href', urls.commune(lang, venue.commune.slug))}>${localized(venue.commune.name)}</a></div>`
  }${
    coordinates &&
    html`<div><a${attribute('href', openStreetMapUrl(coordinates.latitude, coordinates.longitude))}>${t(lang, 'event.map')}</a></div>`
  }`
}

function registration(lang: LocaleCode, event: EventView): Html {
  const { deadline, capacity, url, email, phone } = event.registration
  return html`<dt>${t(lang, 'event.registration')}</dt><dd>${t(lang, 'event.registrationRequired')}${
    deadline &&
    html`<div>${t(lang, 'event.registrationDeadline', { date: longDate(lang, deadline) })}</div>`
  }${capacity && html`<div>${t(lang, 'event.capacity', { count: capacity })}</div>`}${
    url && html`<div><a${attribute('href', url)}>${t(lang, 'event.registerOnline')}</a></div>`
  }${email && html`<div><a${attribute('href', `mailto:${email}`)}>${email}</a></div>`}${
    phone &&
    html`<div><a${attribute('href', `tel:${phone.replace(/[^\d+]/g, '')}`)}>${phone}</a></div>`
  }</dd>`
}

function nextDates(lang: LocaleCode, event: EventView, now = buildTime()): Html {
  const upcoming = event.occurrences.filter((occurrence) => occurrence.end >= now).slice(0, 12)
  if (!event.recurrence || upcoming.length <= 1) return html``
  const changed = event.occurrences.filter(
    (occurrence) => occurrence.status !== 'scheduled' && occurrence.end >= now,
  )
  const items = upcoming.map((occurrence) => {
    const when = whenText(lang, occurrence.start, occurrence.end, event.allDay)
    return html`<li>${
      occurrence.status === 'cancelled'
        ? html`<s>${when}</s> — ${t(lang, 'event.status.cancelled')}`
        : when
    }${occurrence.status === 'rescheduled' && html` — ${t(lang, 'event.status.rescheduled')}`}${
      occurrence.reason && html` (${localized(occurrence.reason)})`
    }</li>`
  })
  return html`<section><h2>${t(lang, 'event.nextDates')}</h2><ul>${items}</ul>${
    changed.length > 0 &&
    html`<p class="z-meta">${t(lang, 'event.changedDates', { count: changed.length })}</p>`
  }</section>`
}

/** The page's article: everything inside the frame's <main>. */
export function eventArticle(lang: LocaleCode, event: EventView, now = buildTime()): Html {
  const next = nextOccurrence(event, now)
  const shown = next ?? event.occurrences[event.occurrences.length - 1] ?? null
  const bannerKey = event.status === 'scheduled' ? null : event.status
  const price = event.price.free
    ? t(lang, 'event.free')
    : event.price.amountEuro !== null
      ? numberFormat(lang, { style: 'currency', currency: 'EUR' }).format(event.price.amountEuro)
      : t(lang, 'event.paid')
  const list = (codes: readonly string[]) =>
    codes.map((code) => languageName(code, lang)).join(', ')

  return html`<article><h1>${localized(event.title)}</h1>${demoBadge(lang, event.demo, true)}${fallbackNote(
    lang,
    [event.title, event.summary, event.description],
  )}${
    bannerKey &&
    html`<div class="${bannerKey === 'cancelled' ? 'z-banner z-banner--cancelled' : 'z-banner'}" role="status"><strong>${t(lang, `event.status.${bannerKey}`)}</strong>${
      event.statusReason && html` ${localized(event.statusReason)}`
    }${
      bannerKey === 'moved-online' &&
      event.onlineUrl &&
      html`<p><a${attribute('href', event.onlineUrl)}>${t(lang, 'event.joinOnline')}</a></p>`
    }</div>`
  }${event.summary && localized(event.summary, 'p', 'z-lead')}${event.image && imageFigure(event.image)}${
    next &&
    html`<p class="z-noprint"><a class="z-button"${attribute('href', urls.eventCalendar(lang, event.slug))}${attribute('download', `${event.slug}.ics`)}>${icon('calendar')} ${t(lang, 'event.addToCalendar')}</a></p>`
  }<dl class="z-facts"><dt>${t(lang, 'event.when')}</dt><dd>${
    shown ? whenText(lang, shown.start, shown.end, event.allDay) : '—'
  }${!next && html`<span class="z-badge">${t(lang, 'event.over')}</span>`}${
    event.recurrence && html`<div>${recurrenceText(lang, event.recurrence, event.start)}</div>`
  }</dd><dt>${t(lang, 'event.where')}</dt><dd>${place(lang, event)}</dd>${
    event.languagesSpoken.length > 0 &&
    html`<dt>${t(lang, 'event.languages')}</dt><dd>${list(event.languagesSpoken)}</dd>`
  }${
    event.interpretation.length > 0 &&
    html`<dt>${t(lang, 'event.interpretation')}</dt><dd>${list(event.interpretation)}</dd>`
  }<dt>${t(lang, 'event.price')}</dt><dd>${price}${
    event.price.note && html` (${localized(event.price.note)})`
  }</dd>${event.registration.required && registration(lang, event)}${
    event.organiser &&
    html`<dt>${t(lang, 'event.organiser')}</dt><dd><a${attribute('href', `${urls.organisations(lang)}#${event.organiser.slug}`)}>${event.organiser.name}</a></dd>`
  }${
    event.communes.length > 0 &&
    html`<dt>${t(lang, 'event.communes')}</dt><dd>${event.communes.map(
      (commune, index) =>
        html`${index > 0 && ', '}<a${attribute('href', urls.commune(lang, commune.slug))}>${localized(commune.name)}</a>`,
    )}</dd>`
  }${
    event.action &&
    html`<dt>${t(lang, 'event.action')}</dt><dd><a${attribute('href', urls.action(lang, event.action.slug))}>${localized(event.action.title)}</a></dd>`
  }</dl>${
    event.accessibility.length > 0 &&
    html`<section><h2>${t(lang, 'event.accessibility')}</h2><ul class="z-features">${event.accessibility.map(
      (feature) => html`<li>${icon(feature)}${t(lang, `accessibility.${feature}`)}</li>`,
    )}</ul></section>`
  }${richText(event.description)}${nextDates(lang, event, now)}<p class="z-meta">${t(lang, 'event.updated', { date: shortDate(lang, event.updatedAt) })}</p>${searchFilters(
    lang,
    'event',
    event.communes.map((c) => c.name.value),
    event.categories.map((c) => c.label.value),
    event.targetGroups.map((g) => g.label.value),
  )}</article>`
}

/** An event's page as the frame's document parts (see frameDocument), with its structured data. */
export function eventPage(
  lang: LocaleCode,
  event: EventView,
  site: URL,
  now = buildTime(),
): FrameDocument {
  return detailDocument(
    lang,
    urls.event(lang, event.slug),
    'events',
    {
      title: event.title.value,
      summary: event.summary?.value,
      jsonLd: eventJsonLd(event, lang, site),
    },
    () => eventArticle(lang, event, now),
  )
}
