// iCalendar SEQUENCE: calendars only apply an update whose sequence is higher than what they
// have, so it must grow whenever residents' calendars need to change (RFC 5545 §3.8.7.4).

/** Event fields whose change makes calendar apps update the entry. */
export const schedulingFields = [
  'start',
  'end',
  'allDay',
  'recurrence',
  'overrides',
  'venue',
  'onlineUrl',
  'status',
] as const

type Snapshot = Partial<Record<(typeof schedulingFields)[number], unknown>>

function normalise(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return null
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const parsed = new Date(value)
    return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString()
  }
  if (Array.isArray(value)) return value.map(normalise)
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    // Relationship (populated or not): compare by id only.
    if ('id' in record && ('createdAt' in record || 'updatedAt' in record)) return String(record.id)
    const entries = Object.entries(record)
      .filter(([key]) => key !== 'id' && !key.endsWith('_tz'))
      .map(([key, inner]) => [key, normalise(inner)] as const)
      .filter(([, inner]) => inner !== null && !(Array.isArray(inner) && inner.length === 0))
      .sort(([a], [b]) => a.localeCompare(b))
    return entries.length ? Object.fromEntries(entries) : null
  }
  if (typeof value === 'number') return String(value)
  return value
}

/** True when `next` changes date, time, place or status compared with `previous`. */
export function schedulingChanged(previous: Snapshot, next: Snapshot): boolean {
  return schedulingFields.some((field) => {
    if (!(field in next)) return false
    return JSON.stringify(normalise(previous[field])) !== JSON.stringify(normalise(next[field]))
  })
}

export function nextSequence(previousSequence: number | null | undefined, changed: boolean) {
  const current = previousSequence ?? 0
  return changed ? current + 1 : current
}
