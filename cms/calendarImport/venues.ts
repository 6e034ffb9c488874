// The venue of each imported event, for one import of one source: a venue of the source's
// communes that matches the LOCATION or GEO (cms/calendarImport/places.ts), or else a new venue
// made from the source's text and marked for an editor to check, so that an event whose source
// names its place never shows "place unknown". Venues have no drafts: an unpublished venue would
// hide the place the source gave, so the new one is public at once and flagged instead.
import type { Payload } from 'payload'
import type { ImportedEvent } from '../domain/calendarImport'
import { idsOf } from '../hooks/enforceScope'
import type { CalendarSource, Venue } from '../payload-types'
import {
  communeOfPlace,
  matchVenue,
  normalisedWords,
  placeParts,
  type VenueCandidate,
} from './places'

type Localized = string | Record<string, string | null | undefined> | null | undefined

const textsOf = (value: Localized): string[] =>
  (typeof value === 'string' ? [value] : Object.values(value ?? {})).filter(
    (text): text is string => typeof text === 'string' && text.trim() !== '',
  )

function candidateOf(venue: Venue): VenueCandidate {
  return {
    id: venue.id,
    names: textsOf(venue.name as Localized),
    commune: idsOf(venue.commune)[0] ?? '',
    street: venue.address?.street,
    postcode: venue.address?.postcode,
    locality: venue.address?.locality,
    latitude: venue.coordinates?.latitude,
    longitude: venue.coordinates?.longitude,
  }
}

const VENUE_NAME_LENGTH = 160

export class SourceVenues {
  /** Names of the venues this import made, in order. */
  readonly created: string[] = []
  private readonly byPlace = new Map<string, string | number>()

  private constructor(
    private readonly payload: Payload,
    private readonly source: CalendarSource,
    private readonly communes: { id: string | number; name: string }[],
    private readonly candidates: VenueCandidate[],
  ) {}

  /** The venues and communes of the source's communes, read once for the whole import. */
  static async load(payload: Payload, source: CalendarSource): Promise<SourceVenues> {
    const communeIds = idsOf(source.communes)
    const [venues, communes] = await Promise.all([
      payload.find({
        collection: 'venues',
        where: { commune: { in: communeIds } },
        locale: 'all',
        depth: 0,
        pagination: false,
        limit: 0,
      }),
      payload.find({
        collection: 'communes',
        where: { id: { in: communeIds } },
        locale: 'all',
        depth: 0,
        pagination: false,
        limit: 0,
      }),
    ])
    const named = communes.docs.map((commune) => ({
      id: commune.id,
      name: textsOf(commune.name as Localized)[0] ?? '',
    }))
    // In the order the source lists its communes: the first is where an unnamed place goes.
    const order = (id: string | number) => communeIds.indexOf(String(id))
    named.sort((a, b) => order(a.id) - order(b.id))
    return new SourceVenues(payload, source, named, venues.docs.map(candidateOf))
  }

  /** The venue for the event's place, made when none matches; null when the source names none. */
  async venueFor(event: ImportedEvent): Promise<string | number | null> {
    if (!event.location && !event.geo) return null
    const key = `${normalisedWords(event.location ?? '')}|${event.geo?.latitude},${event.geo?.longitude}`
    const known = this.byPlace.get(key)
    if (known !== undefined) return known
    const match = matchVenue(this.candidates, event.location, event.geo)
    const id = match ? match.id : event.location ? await this.create(event, event.location) : null
    if (id !== null) this.byPlace.set(key, id)
    return id
  }

  private async create(event: ImportedEvent, location: string): Promise<string | number | null> {
    const parts = placeParts(location)
    const commune = communeOfPlace(this.communes, location)
    if (!commune) return null
    const name = parts.name.slice(0, VENUE_NAME_LENGTH).trim()
    const venue = await this.payload.create({
      collection: 'venues',
      locale: event.sourceLanguage,
      data: {
        name,
        commune: commune.id,
        address: { street: parts.street, postcode: parts.postcode, locality: parts.locality },
        coordinates: event.geo ?? {},
        sourceLanguage: event.sourceLanguage,
        needsReview: true,
        importSource: this.source.id,
      } as never,
    })
    this.created.push(name)
    this.candidates.push(candidateOf(venue))
    return venue.id
  }
}
