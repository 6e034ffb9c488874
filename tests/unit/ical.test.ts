// "Add to calendar" files, checked by an independent parser (Python's icalendar, from Debian's
// python3-icalendar) and against the RFC 5545 rules calendar apps trip over.
import { spawnSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import type * as ContentModule from '../../web/lib/content'
import type * as IcalModule from '../../web/lib/ical'
import type { SiteSnapshot } from '../../cms/domain/snapshot'
import { at, withSnapshot } from './snapshotFixture'

let content: ContentModule.SiteContent
let ical: typeof IcalModule

const site = new URL('https://zesummen.example.lu')

const snapshot: SiteSnapshot = {
  generatedAt: '2026-12-01T12:00:00.000Z',
  collections: {
    communes: [{ id: 1, slug: 'remich', name: { fr: 'Remich', lb: 'Réimech' }, status: 'partner' }],
    categories: [],
    'target-groups': [],
    goals: [],
    organisations: [{ id: 5, slug: 'club', name: 'Club', contact: { email: 'club@example.org' } }],
    venues: [
      {
        id: 3,
        slug: 'hall',
        name: { fr: 'Salle des fêtes, Remich' },
        commune: 1,
        coordinates: { latitude: 49.545, longitude: 6.367 },
        address: { street: null, postcode: null, locality: null },
      },
    ],
    events: [
      {
        id: 10,
        slug: 'cafe',
        uid: 'seed-cafe@zesummen.lu',
        sequence: 3,
        demo: true,
        updatedAt: '2026-11-20T08:00:00.000Z',
        title: {
          fr: 'Café des langues; avec des virgules, et une très longue suite de mots accentués éàü',
        },
        start: at('2026-10-07T19:00:00'),
        end: at('2026-10-07T20:30:00'),
        recurrence: {
          frequency: 'weekly',
          interval: 1,
          byWeekday: ['WE'],
          until: '2027-06-30T10:00:00.000Z',
          exdates: [{ date: at('2026-12-23T12:00:00') }],
          rdates: [{ start: at('2027-01-09T10:00:00') }],
        },
        overrides: [
          {
            occurrenceDate: at('2027-01-13T12:00:00'),
            status: 'cancelled',
            reason: { fr: 'Salle occupée' },
          },
          {
            occurrenceDate: at('2027-01-20T12:00:00'),
            status: 'rescheduled',
            newStart: at('2027-01-21T19:00:00'),
            newEnd: at('2027-01-21T20:30:00'),
          },
        ],
        venue: 3,
        organiser: 5,
        communes: [1],
        status: 'scheduled',
      },
      {
        id: 11,
        slug: 'festival',
        uid: 'seed-festival@zesummen.lu',
        sequence: 1,
        updatedAt: '2026-11-21T08:00:00.000Z',
        title: { de: 'Fest' },
        importCredit: 'Agenda vun der Gemeng',
        importUrl: 'https://www.remich.lu/fete',
        start: at('2027-05-15T00:00:00'),
        end: at('2027-05-16T00:00:00'),
        allDay: true,
        communes: [1],
        venue: 3,
        status: 'cancelled',
        statusReason: { de: 'Unwetter' },
      },
    ],
    actions: [],
    resources: [],
    pages: [],
    media: [],
    submissions: [],
    'population-figures': [],
  },
}

interface Parsed {
  uid: string
  sequence: number
  summary: string
  status: string | null
  dtstart: string
  dtstartTzid: string | null
  dtend: string
  dtstamp: string
  recurrenceId: string | null
  rrule: Record<string, unknown> | null
  exdates: string[]
  rdates: string[]
  geo: number[] | null
}

const parser = `
import sys, json
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read())
out = {"name": str(cal.get("X-WR-CALNAME")), "tz": str(cal.get("X-WR-TIMEZONE")),
       "vtimezones": [str(c.get("TZID")) for c in cal.walk("VTIMEZONE")], "events": []}
def dates(prop):
    if prop is None: return []
    props = prop if isinstance(prop, list) else [prop]
    return [d.dt.isoformat() for p in props for d in p.dts]
for e in cal.walk("VEVENT"):
    start = e.get("DTSTART")
    rrule = e.get("RRULE")
    geo = e.get("GEO")
    out["events"].append({
        "uid": str(e.get("UID")), "sequence": int(e.get("SEQUENCE", 0)), "summary": str(e.get("SUMMARY")),
        "status": str(e.get("STATUS")) if e.get("STATUS") else None,
        "dtstart": start.dt.isoformat(), "dtstartTzid": start.params.get("TZID"),
        "dtend": e.get("DTEND").dt.isoformat(), "dtstamp": e.get("DTSTAMP").dt.isoformat(),
        "recurrenceId": e.get("RECURRENCE-ID").dt.isoformat() if e.get("RECURRENCE-ID") else None,
        "rrule": {k: [str(x) for x in v] for k, v in rrule.items()} if rrule else None,
        "exdates": dates(e.get("EXDATE")), "rdates": dates(e.get("RDATE")),
        "geo": [geo.latitude, geo.longitude] if geo else None,
    })
print(json.dumps(out))
`

function parse(text: string): { name: string; tz: string; vtimezones: string[]; events: Parsed[] } {
  const result = spawnSync('/usr/bin/python3', ['-c', parser], { input: text, encoding: 'utf8' })
  if (result.error || result.status !== 0) {
    throw new Error(
      `Python's icalendar could not read the file (install Debian's python3-icalendar): ${result.stderr || result.error}`,
    )
  }
  return JSON.parse(result.stdout)
}

/** The event's file as the site build writes it (from its lines made once, see calendarFile). */
function file(slug: string, lang: 'fr' | 'pt' | 'de' = 'fr'): string {
  const view = content.event(slug, lang)!
  return ical.calendarFile({ lang, name: view.title.value, site }, [view])
}

/** The same file made in one piece by ical-generator, as before the lines were reused. */
function wholeFile(views: ContentModule.EventView[], lang: 'fr' | 'pt' | 'de', name: string) {
  const cal = ical.calendar({ lang, name, site })
  for (const view of views) ical.addEvent(cal, view, lang, site)
  return ical.calendarText(cal)
}

beforeAll(async () => {
  ;({ content, ical } = await withSnapshot(snapshot))
})

describe('an imported event', () => {
  it('credits the calendar it comes from in its file and its JSON-LD, with a link', async () => {
    const unfolded = file('festival', 'fr').replace(/\r\n[ \t]/g, '')
    expect(unfolded).toContain(
      'Calendrier d’origine : Agenda vun der Gemeng https://www.remich.lu/fete',
    )
    const { eventJsonLd } = await import('../../web/lib/structuredData')
    expect(eventJsonLd(content.event('festival', 'fr')!, 'fr', site)).toMatchObject({
      sameAs: 'https://www.remich.lu/fete',
    })
    expect(file('cafe', 'fr')).not.toContain('Calendrier d’origine')
  })

  it('links only to web addresses: anything else from outside is shown unlinked', async () => {
    const { creditOf } = await import('../../web/lib/views')
    expect(creditOf({ id: 1, importCredit: 'X', importUrl: 'javascript:alert(1)' })).toEqual({
      name: 'X',
      url: null,
    })
    expect(creditOf({ id: 1, importUrl: 'https://example.org/' })).toBeNull()
  })
})

describe('event calendar files', () => {
  it('are the same text whether made in one piece or from each event’s lines made once', () => {
    for (const lang of ['fr', 'pt', 'de'] as const) {
      const views = content.events(lang)
      for (const view of views) {
        expect(file(view.slug, lang)).toBe(wholeFile([view], lang, view.title.value))
      }
      const allDay = views.filter((view) => view.allDay)
      expect(allDay.length).toBeGreaterThan(0)
      expect(ical.calendarFile({ lang, name: 'All', site }, views)).toBe(
        wholeFile(views, lang, 'All'),
      )
      expect(ical.calendarFile({ lang, name: 'All-day', site }, allDay)).toBe(
        wholeFile(allDay, lang, 'All-day'),
      )
      expect(ical.calendarFile({ lang, name: 'None', site }, [])).toBe(wholeFile([], lang, 'None'))
      // The frame is made once and the name put in its place: long names fold the same, and a
      // calendar without a name has no name lines.
      for (const name of [
        'Miselerland : événements · Remich, Stadtbredimus; Wormeldange \\ Café des langues',
        'Fête du vin — Grevenmacher ★ '.repeat(6),
        '',
      ]) {
        expect(ical.calendarFile({ lang, name, site }, views)).toBe(wholeFile(views, lang, name))
        expect(ical.calendarFile({ lang, name, site }, allDay)).toBe(wholeFile(allDay, lang, name))
      }
      expect(wholeFile([], lang, '')).not.toContain('NAME')
    }
  })

  it('use CRLF and fold lines at 75 octets without splitting a character', () => {
    const text = file('cafe')
    expect(text.endsWith('\r\n')).toBe(true)
    const lines = text.split('\r\n').slice(0, -1)
    expect(lines.every((line) => !line.includes('\n'))).toBe(true)
    expect(lines.every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true)
    expect(text).not.toContain('\uFFFD')
  })

  it('carry the time zone, UTC stamps and the recurrence as calendar apps expect', () => {
    const parsed = parse(file('cafe'))
    expect(parsed.tz).toBe('Europe/Luxembourg')
    expect(parsed.vtimezones).toEqual(['Europe/Luxembourg'])
    const [main, ...overrides] = parsed.events
    expect(main).toMatchObject({
      uid: 'seed-cafe@zesummen.lu',
      sequence: 3,
      status: 'CONFIRMED',
      dtstart: '2026-10-07T19:00:00+02:00',
      dtstartTzid: 'Europe/Luxembourg',
      dtstamp: '2026-11-20T08:00:00+00:00',
      exdates: ['2026-12-23T19:00:00+01:00'],
      rdates: ['2027-01-09T10:00:00+01:00'],
      geo: [49.545, 6.367],
    })
    expect(main!.summary).toBe(
      'Exemple: Café des langues; avec des virgules, et une très longue suite de mots accentués éàü',
    )
    // UNTIL in UTC: the end of 30 June in Luxembourg.
    expect(main!.rrule).toEqual({
      FREQ: ['WEEKLY'],
      UNTIL: ['2027-06-30 21:59:59+00:00'],
      BYDAY: ['WE'],
    })
    expect(overrides.map((o) => [o.recurrenceId, o.status, o.dtstart])).toEqual([
      ['2027-01-13T19:00:00+01:00', 'CANCELLED', '2027-01-13T19:00:00+01:00'],
      ['2027-01-20T19:00:00+01:00', 'CONFIRMED', '2027-01-21T19:00:00+01:00'],
    ])
    expect(overrides.every((o) => o.uid === main!.uid)).toBe(true)
  })

  it('write all-day events as dates with an exclusive end, and cancellations as CANCELLED', () => {
    const [festival] = parse(file('festival', 'de')).events
    expect(festival).toMatchObject({
      dtstart: '2027-05-15',
      dtend: '2027-05-17',
      status: 'CANCELLED',
    })
  })
})
