// schema.org JSON-LD for events, from the same view the page renders.
import { type LocaleCode, localeDefinition } from '../../locales/config'
import type { EventView } from './content'
import { urls } from '../../cms/domain/urls'

const statusUrl: Record<string, string> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
  rescheduled: 'https://schema.org/EventRescheduled',
  'moved-online': 'https://schema.org/EventMovedOnline',
}

export function eventJsonLd(event: EventView, lang: LocaleCode, base: URL) {
  const venue = event.venue
  const place = venue
    ? {
        '@type': 'Place',
        name: venue.name.value,
        address: {
          '@type': 'PostalAddress',
          streetAddress: venue.address.street ?? undefined,
          postalCode: venue.address.postcode ?? undefined,
          addressLocality: venue.address.locality ?? venue.commune?.name.value,
          addressCountry: 'LU',
        },
        ...(venue.coordinates
          ? {
              geo: {
                '@type': 'GeoCoordinates',
                latitude: venue.coordinates.latitude,
                longitude: venue.coordinates.longitude,
              },
            }
          : {}),
      }
    : undefined
  const online = event.onlineUrl ? { '@type': 'VirtualLocation', url: event.onlineUrl } : undefined
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title.value,
    description: event.summary?.value,
    startDate: event.allDay ? event.start.toISODate() : event.start.toISO(),
    endDate: event.allDay ? event.end.toISODate() : event.end.toISO(),
    eventStatus: statusUrl[event.status] ?? statusUrl.scheduled,
    eventAttendanceMode:
      place && online
        ? 'https://schema.org/MixedEventAttendanceMode'
        : online
          ? 'https://schema.org/OnlineEventAttendanceMode'
          : 'https://schema.org/OfflineEventAttendanceMode',
    location: place && online ? [place, online] : (place ?? online),
    organizer: event.organiser
      ? { '@type': 'Organization', name: event.organiser.name }
      : undefined,
    inLanguage:
      event.languagesSpoken.length > 0
        ? event.languagesSpoken
        : localeDefinition(event.title.lang).intl,
    isAccessibleForFree: event.price.free,
    offers: {
      '@type': 'Offer',
      price: event.price.free ? 0 : (event.price.amountEuro ?? undefined),
      priceCurrency: 'EUR',
      url: event.registration.url ?? undefined,
    },
    url: new URL(urls.event(lang, event.slug), base).toString(),
    // An imported event: the page of the calendar it comes from (credited on the page too).
    sameAs: event.credit?.url ?? undefined,
  }
}
