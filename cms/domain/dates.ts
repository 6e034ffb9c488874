// Zoned dates for the whole portal: every wall time is Europe/Luxembourg, every stored instant UTC.
import { DateTime, IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon'

export const PORTAL_TIME_ZONE = 'Europe/Luxembourg'

const DAY_MS = 24 * 60 * 60 * 1000
const QUARTER_HOUR_MS = 15 * 60 * 1000
const MAX_CACHED_SPANS = 100_000

/**
 * An IANA zone that remembers its UTC offsets. Luxon asks Intl for the offset of every date it
 * creates, which made building event views 1.4 ms per event (most of a 10,000-event build).
 * Offsets are remembered per UTC day when the day has one offset (all but two days a year), and
 * per quarter hour on the days of a change (a quarter hour holds at most one change; one that
 * holds a change is asked every time).
 */
class CachedZone extends Zone<true> {
  private readonly inner: IANAZone
  private readonly offsets = new Map<number, number>()

  constructor(name: string) {
    super()
    this.inner = IANAZone.create(name) as IANAZone
    if (!this.inner.isValid) throw new Error(`Unknown time zone ${name}`)
  }

  override get type() {
    return 'iana'
  }
  override get name() {
    return this.inner.name
  }
  override get isUniversal() {
    return false as const
  }
  override get isValid() {
    return true as const
  }
  override offsetName(ts: number, options: ZoneOffsetOptions) {
    return this.inner.offsetName(ts, options) as string
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat) {
    return this.inner.formatOffset(ts, format) as string
  }
  override offset(ts: number): number {
    return (
      this.constantOffset(ts, DAY_MS) ?? this.constantOffset(ts, QUARTER_HOUR_MS) ?? this.ask(ts)
    )
  }

  /** The offset of the span of `size` holding ts when the whole span has one, else undefined. */
  private constantOffset(ts: number, size: number): number | undefined {
    const key = size * Math.floor(ts / size)
    const cached = this.offsets.get(key * 2 + (size === DAY_MS ? 0 : 1))
    if (cached !== undefined) return Number.isNaN(cached) ? undefined : cached
    const start = this.ask(key)
    const value = start === this.ask(key + size - 1) ? start : Number.NaN
    if (this.offsets.size >= MAX_CACHED_SPANS) this.offsets.clear()
    this.offsets.set(key * 2 + (size === DAY_MS ? 0 : 1), value)
    return Number.isNaN(value) ? undefined : value
  }

  private ask(ts: number): number {
    return this.inner.offset(ts) as number
  }
  override equals(other: Zone): boolean {
    return other.type === 'iana' && other.name === this.name
  }
}

/** Europe/Luxembourg for Luxon: use it instead of the name wherever dates are computed. */
export const portalZone: Zone = new CachedZone(PORTAL_TIME_ZONE)

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/** Parses an ISO instant (as Payload stores dates) into Luxembourg time. */
export function zonedFromISO(iso: string | Date): DateTime {
  // An instant with its offset (as Payload stores dates) is read by Date.parse, which is many
  // times quicker than Luxon's ISO parser; a site build reads hundreds of thousands of them.
  if (typeof iso === 'string' && INSTANT.test(iso)) {
    const millis = Date.parse(iso)
    if (Number.isFinite(millis)) return DateTime.fromMillis(millis, { zone: portalZone })
  }
  const parsed =
    iso instanceof Date ? DateTime.fromJSDate(iso) : DateTime.fromISO(iso, { setZone: true })
  if (!parsed.isValid)
    throw new Error(`Invalid date "${String(iso)}": ${parsed.invalidExplanation}`)
  return parsed.setZone(portalZone)
}

/**
 * Reads a local wall time such as "2026-12-03T18:30" or a date "2027-05-15" as Luxembourg time.
 * Used by the seed and importers, whose files hold wall times without offsets.
 */
export function zonedFromWallTime(wallTime: string): DateTime {
  const parsed = DateTime.fromISO(wallTime, { zone: portalZone })
  if (!parsed.isValid) {
    throw new Error(
      `Invalid local date/time "${wallTime}": use YYYY-MM-DD or YYYY-MM-DDTHH:mm (Luxembourg time).`,
    )
  }
  return parsed
}

/** The calendar day (YYYY-MM-DD) of an instant, in Luxembourg. */
export function localDay(value: string | Date | DateTime): string {
  const zoned = DateTime.isDateTime(value) ? value.setZone(portalZone) : zonedFromISO(value)
  return zoned.toISODate()!
}

const MINUTE_MS = 60 * 1000

/**
 * The instant of a Luxembourg wall time, given as the milliseconds `Date.UTC` returns for its
 * fields (so calendar arithmetic is plain `Date.UTC` with overflowing days or months). Follows
 * RFC 5545 3.3.5: a time that happens twice (the autumn change) is the first of the two, and a
 * time that does not happen (the spring change) is read with the offset before the gap, which
 * moves it forward by the gap.
 */
export function instantOfWallTime(wall: number): number {
  const before = portalZone.offset(wall - DAY_MS)
  const after = portalZone.offset(wall + DAY_MS)
  const early = wall - before * MINUTE_MS
  if (before === after) return early
  const late = wall - after * MINUTE_MS
  const earlyHolds = portalZone.offset(early) === before
  const lateHolds = portalZone.offset(late) === after
  if (earlyHolds && lateHolds) return Math.min(early, late)
  if (lateHolds) return late
  return early
}

/** Day texts by day number (days since 1970-01-01): an event's occurrences share few days. */
const dayTexts = new Map<number, string>()

/** The Luxembourg calendar day (YYYY-MM-DD) of an instant, without building a DateTime. */
export function localDayOfInstant(instant: number): string {
  // The wall time as `Date.UTC` milliseconds of its fields, read back as a UTC date.
  const day = Math.floor((instant + portalZone.offset(instant) * MINUTE_MS) / DAY_MS)
  let text = dayTexts.get(day)
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10)
    if (dayTexts.size >= MAX_CACHED_SPANS) dayTexts.clear()
    dayTexts.set(day, text)
  }
  return text
}
