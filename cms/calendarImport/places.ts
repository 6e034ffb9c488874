// Where an imported event happens: the source's LOCATION text (and GEO) matched to one of the
// portal's venues, or read into the parts a new venue needs. Pure, so that the rules are tested
// without a database.
import { foldedText } from '../domain/validation'

/** What matching needs of a venue: its names in every language, address and coordinates. */
export interface VenueCandidate {
  id: string | number
  names: string[]
  commune: string | number
  street?: string | null
  postcode?: string | null
  locality?: string | null
  latitude?: number | null
  longitude?: number | null
}

export interface Coordinates {
  latitude: number
  longitude: number
}

/** A GEO this close to a venue's coordinates is that venue. */
export const SAME_PLACE_METRES = 100

const COUNTRIES = new Set([
  'luxembourg',
  'luxemburg',
  'letzebuerg',
  'grand duche de luxembourg',
  'deutschland',
  'germany',
  'allemagne',
  'france',
  'belgique',
  'belgium',
])

/** Lower case, no accents, punctuation as spaces: "Centre Culturel, L-5555" → "centre culturel l 5555". */
export function normalisedWords(text: string): string {
  return foldedText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

export interface PlaceParts {
  /** The first part: the place's own name ("Centre culturel"). */
  name: string
  street: string | null
  postcode: string | null
  locality: string | null
}

const POSTCODE_PART = /^(?:[A-Z]{1,2}[- ]?)?(\d{4,5})\s+(.+)$/i

/** A LOCATION as people write it: "name, street, postcode locality, country" (any part missing). */
export function placeParts(location: string): PlaceParts {
  const parts = location
    .split(/[,\n;]/)
    .map((part) => part.trim())
    .filter((part) => part && !COUNTRIES.has(normalisedWords(part)))
  const [name = location.trim(), ...rest] = parts
  let postcode: string | null = null
  let locality: string | null = null
  let street: string | null = null
  for (const part of rest) {
    const postal = POSTCODE_PART.exec(part)
    if (postal && !postcode) {
      postcode = postal[1]!
      locality = postal[2]!.trim()
    } else if (!street && /\d/.test(part) && /\p{L}{2}/u.test(part)) {
      street = part
    } else if (!locality) {
      locality = part
    }
  }
  return { name, street, postcode, locality }
}

/** Great-circle distance in metres (haversine; plenty within a region). */
export function distanceMetres(a: Coordinates, b: Coordinates): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180
  const dLat = radians(b.latitude - a.latitude)
  const dLon = radians(b.longitude - a.longitude)
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h))
}

function coordinatesOf(venue: VenueCandidate): Coordinates | null {
  return typeof venue.latitude === 'number' && typeof venue.longitude === 'number'
    ? { latitude: venue.latitude, longitude: venue.longitude }
    : null
}

const sameStreet = (venue: VenueCandidate, parts: PlaceParts) =>
  Boolean(venue.street && parts.street) &&
  normalisedWords(venue.street!) === normalisedWords(parts.street!) &&
  ((venue.postcode && venue.postcode === parts.postcode) ||
    (venue.locality &&
      parts.locality &&
      normalisedWords(venue.locality) === normalisedWords(parts.locality)))

/**
 * The venue the source means: the nearest within SAME_PLACE_METRES of GEO; else one whose name
 * is the LOCATION's first part or the whole LOCATION; else one at the same street address.
 * Null when none fits: guessing would put residents at the wrong door.
 */
export function matchVenue(
  candidates: readonly VenueCandidate[],
  location: string | null,
  geo: Coordinates | null,
): VenueCandidate | null {
  if (geo) {
    const near = candidates
      .map((venue) => ({ venue, at: coordinatesOf(venue) }))
      .filter((entry): entry is { venue: VenueCandidate; at: Coordinates } => entry.at !== null)
      .map(({ venue, at }) => ({ venue, distance: distanceMetres(geo, at) }))
      .filter(({ distance }) => distance <= SAME_PLACE_METRES)
      .sort((a, b) => a.distance - b.distance)
    if (near[0]) return near[0].venue
  }
  if (!location) return null
  const parts = placeParts(location)
  const wanted = new Set([normalisedWords(parts.name), normalisedWords(location)])
  const named = candidates.find((venue) =>
    venue.names.some((name) => wanted.has(normalisedWords(name))),
  )
  return named ?? candidates.find((venue) => sameStreet(venue, parts)) ?? null
}

/** The commune a new venue goes in: the one the LOCATION names, else the source's first. */
export function communeOfPlace<T extends { id: string | number; name: string }>(
  communes: readonly T[],
  location: string,
): T | null {
  const words = ` ${normalisedWords(location)} `
  return (
    communes.find((commune) => words.includes(` ${normalisedWords(commune.name)} `)) ??
    communes[0] ??
    null
  )
}
