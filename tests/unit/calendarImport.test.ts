// The pure parts of the calendar import: text cleaning, zone names, backoff, refused addresses.
import { describe, expect, it } from 'vitest'
import { isPrivateAddress } from '../../cms/calendarImport/addresses'
import {
  communeOfPlace,
  distanceMetres,
  matchVenue,
  placeParts,
} from '../../cms/calendarImport/places'
import { expandOccurrences, recurrenceProblems } from '../../cms/domain/recurrence'
import {
  CalendarFormatError,
  IMPORT_LIMITS,
  htmlToText,
  ianaZoneOf,
  parseCalendar,
  retryDelayMs,
} from '../../cms/domain/calendarImport'

const now = new Date('2030-02-15T12:00:00Z')
const calendar = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR'].join('\r\n')

describe('htmlToText', () => {
  it('keeps the words and line ends, drops tags, scripts and entity-hidden markup', () => {
    expect(htmlToText('<b>Hello</b><br>world &amp; friends')).toBe('Hello\nworld & friends')
    expect(htmlToText('a<script>alert(1)</script>b<style>p{}</style>')).toBe('ab')
    expect(htmlToText('&lt;img src=x onerror=alert(1)&gt;ok')).toBe('ok')
    expect(htmlToText('1 < 2 and 3 > 2')).toBe('1 < 2 and 3 > 2')
  })
})

describe('time zone names', () => {
  it('reads IANA, Windows and Mozilla names and refuses unknown ones', () => {
    expect(ianaZoneOf('Europe/Luxembourg')).toBe('Europe/Luxembourg')
    expect(ianaZoneOf('W. Europe Standard Time')).toBe('Europe/Berlin')
    expect(ianaZoneOf('Romance Standard Time')).toBe('Europe/Paris')
    expect(ianaZoneOf('/mozilla.org/20050126_1/Europe/Berlin')).toBe('Europe/Berlin')
    expect(ianaZoneOf('Moselle Standard Time')).toBeNull()
  })
})

describe('parseCalendar', () => {
  it('refuses what is not a calendar with a message saying what to do', () => {
    expect(() => parseCalendar('<!DOCTYPE html><p>Sign in', { language: 'fr', now })).toThrow(
      /web page, not a calendar/,
    )
    expect(() => parseCalendar('hello', { language: 'fr', now })).toThrow(CalendarFormatError)
  })

  it('reads floating times as Luxembourg time and X-WR-TIMEZONE when the file names one', () => {
    const event = [
      'BEGIN:VEVENT',
      'UID:a',
      'SUMMARY:A',
      'DTSTART:20300701T100000',
      'DTEND:20300701T110000',
      'END:VEVENT',
    ]
    expect(parseCalendar(calendar(...event), { language: 'fr', now }).events[0]!.start).toBe(
      '2030-07-01T08:00:00.000Z',
    )
    const lisbon = parseCalendar(calendar('X-WR-TIMEZONE:Europe/Lisbon', ...event), {
      language: 'pt',
      now,
    })
    expect(lisbon.events[0]!.start).toBe('2030-07-01T09:00:00.000Z')
  })

  it('skips, with a reason, an event it cannot place in time', () => {
    const parsed = parseCalendar(
      calendar(
        'BEGIN:VEVENT',
        'UID:b',
        'SUMMARY:B',
        'DTSTART;TZID=Nowhere:20300701T100000',
        'DTEND;TZID=Nowhere:20300701T110000',
        'END:VEVENT',
      ),
      { language: 'fr', now },
    )
    expect(parsed.events).toEqual([])
    expect(parsed.skipped[0]).toMatch(/“B” \(UID b\) was skipped: its time zone "Nowhere"/)
  })

  it('expands a rule the portal cannot say (BYMONTHDAY list) into extra dates', () => {
    const parsed = parseCalendar(
      calendar(
        'BEGIN:VEVENT',
        'UID:c',
        'SUMMARY:C',
        'DTSTART:20300301T100000Z',
        'DTEND:20300301T110000Z',
        'RRULE:FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=4',
        'END:VEVENT',
      ),
      { language: 'fr', now },
    )
    const event = parsed.events[0]!
    expect(event.recurrence.frequency).toBeUndefined()
    expect([event.start, ...event.recurrence.rdates!.map((d) => d.start)]).toEqual([
      '2030-03-01T10:00:00.000Z',
      '2030-03-15T10:00:00.000Z',
      '2030-04-01T10:00:00.000Z',
      '2030-04-15T10:00:00.000Z',
    ])
  })
})

describe('retryDelayMs', () => {
  it('waits 1 h, 2 h, 4 h … and at most 24 h', () => {
    expect([1, 2, 3, 5, 6, 20].map((n) => retryDelayMs(n) / 3_600_000)).toEqual([
      1, 2, 4, 16, 24, 24,
    ])
  })
})

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd12:3456::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['158.64.1.1', false],
    ['2001:db8:85a3::8a2e:370:7334', false],
  ])('%s → %s', (address, refused) => {
    expect(isPrivateAddress(address)).toBe(refused)
  })
})

describe('places of imported events', () => {
  const hall = {
    id: 1,
    names: ['Centre Culturel', 'Kulturzentrum'],
    commune: 'remich',
    street: '5 Place du Marché',
    postcode: '5555',
    locality: 'Remich',
    latitude: 49.5447,
    longitude: 6.3669,
  }
  const kiosk = {
    id: 2,
    names: ['Kiosque'],
    commune: 'remich',
    latitude: 49.5481,
    longitude: 6.3675,
  }

  it('reads a LOCATION into name, street, postcode and locality, without the country', () => {
    expect(placeParts('Salle des fêtes, 12 Rue de la Gare, L-5555 Remich, Luxembourg')).toEqual({
      name: 'Salle des fêtes',
      street: '12 Rue de la Gare',
      postcode: '5555',
      locality: 'Remich',
    })
    expect(placeParts('Esplanade, Remich')).toMatchObject({ name: 'Esplanade', locality: 'Remich' })
  })

  it('matches by normalised name in any language, by street address, or by GEO within 100 m', () => {
    const venues = [hall, kiosk]
    expect(matchVenue(venues, 'CENTRE CULTUREL', null)?.id).toBe(1)
    expect(matchVenue(venues, 'Kulturzentrum, Remich', null)?.id).toBe(1)
    expect(matchVenue(venues, 'Salle 2, 5 place du marche, 5555 Remich', null)?.id).toBe(1)
    // About 60 m north of the kiosk, with a name the portal does not know.
    expect(matchVenue(venues, 'Park', { latitude: 49.54865, longitude: 6.3675 })?.id).toBe(2)
    // About 170 m away: too far to be the same place, and no name matches.
    expect(matchVenue(venues, 'Park', { latitude: 49.5496, longitude: 6.3675 })).toBeNull()
    expect(matchVenue(venues, 'Centre sportif', null)).toBeNull()
    expect(distanceMetres(hall, kiosk)).toBeGreaterThan(370)
    expect(distanceMetres(hall, kiosk)).toBeLessThan(385)
  })

  it('puts a new venue in the commune its LOCATION names, else the source’s first', () => {
    const communes = [
      { id: 'a', name: 'Remich' },
      { id: 'b', name: 'Stadtbredimus' },
    ]
    expect(communeOfPlace(communes, 'Salle, 5450 Stadtbredimus')?.id).toBe('b')
    expect(communeOfPlace(communes, 'Somewhere')?.id).toBe('a')
  })
})

describe('bad input in one event skips that event with its reason, never a wrong date', () => {
  const vevent = (uid: string, ...lines: string[]) => [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `SUMMARY:Event ${uid}`,
    ...lines,
    'END:VEVENT',
  ]
  const good = vevent('good', 'DTSTART:20300601T100000Z', 'DTEND:20300601T110000Z')

  it.each([
    [
      'a 13th month, 45th day and 25th hour',
      'DTSTART:20301345T250000Z',
      /DTSTART “2030-13-45T25:00:00Z” is not a real date/,
    ],
    ['31 February', 'DTSTART;VALUE=DATE:20300231', /DTSTART “2030-02-31” is not a real date/],
    ['letters for a date', 'DTSTART:garbage', /DTSTART “garb-ag-eT::” is not a real date/],
    ['the year 0000', 'DTSTART:00000101T100000Z', /DTSTART 0 is outside the years 1900–2199/],
    ['the year 9999', 'DTSTART:99991231T230000Z', /DTSTART 9999 is outside the years 1900–2199/],
  ])('%s', (_case, start, reason) => {
    const parsed = parseCalendar(calendar(...good, ...vevent('bad', start, 'DURATION:PT1H')), {
      language: 'fr',
      now,
    })
    expect(parsed.events.map((event) => event.uid)).toEqual(['good'])
    expect(parsed.skipped).toHaveLength(1)
    expect(parsed.skipped[0]).toMatch(/“Event bad” \(UID bad\) was skipped: /)
    expect(parsed.skipped[0]).toMatch(reason)
  })

  it('an impossible EXDATE skips the event rather than dropping another date', () => {
    const parsed = parseCalendar(
      calendar(
        ...vevent(
          'series',
          'DTSTART:20300301T100000Z',
          'DTEND:20300301T110000Z',
          'RRULE:FREQ=WEEKLY;COUNT=4',
          'EXDATE:20300332T100000Z',
        ),
      ),
      { language: 'fr', now },
    )
    expect(parsed.events).toEqual([])
    expect(parsed.skipped[0]).toMatch(/EXDATE “2030-03-32T10:00:00Z” is not a real date/)
  })

  it('10,000 occurrences, or none ending, become at most the portal’s bounded dates', () => {
    const parsed = parseCalendar(
      calendar(
        ...vevent(
          'daily',
          'DTSTART:20300301T100000Z',
          'DTEND:20300301T110000Z',
          'RRULE:FREQ=DAILY;COUNT=10000',
        ),
        ...vevent(
          'hourly',
          'DTSTART:20300301T100000Z',
          'DTEND:20300301T103000Z',
          'RRULE:FREQ=HOURLY',
        ),
        ...vevent(
          'weekly',
          'DTSTART:20300301T100000Z',
          'DTEND:20300301T110000Z',
          'RRULE:FREQ=WEEKLY',
        ),
      ),
      { language: 'fr', now },
    )
    expect(parsed.skipped).toEqual([])
    const horizonEnd = Date.parse('2031-02-15T12:00:00Z')
    for (const event of parsed.events) {
      const dates = expandOccurrences(event.recurrence, event.start)
      expect(dates.length, event.uid).toBeGreaterThan(1)
      expect(dates.length, event.uid).toBeLessThanOrEqual(IMPORT_LIMITS.maxDates + 1)
      expect(recurrenceProblems(event.recurrence, event.start), event.uid).toEqual([])
      // Every date is one the source gives: whole hours after the first, at 10:00 UTC but hourly.
      for (const date of dates) {
        const after = date.start.toMillis() - Date.parse('2030-03-01T10:00:00Z')
        expect(after % 3_600_000).toBe(0)
        expect(after).toBeGreaterThanOrEqual(0)
        if (event.uid !== 'hourly') expect(date.start.toUTC().toFormat('HH:mm')).toBe('10:00')
      }
      // The open weekly rule ends within the import's horizon of 12 months.
      if (event.uid === 'weekly') {
        expect(dates.at(-1)!.start.toMillis()).toBeLessThanOrEqual(horizonEnd)
      }
    }
  })

  it('keeps no markup or script from any text field, and no javascript: address', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>&lt;b&gt;Fête&lt;/b&gt;'
    const parsed = parseCalendar(
      calendar(
        ...vevent(
          'hostile',
          'DTSTART:20300601T100000Z',
          'DTEND:20300601T110000Z',
          `DESCRIPTION:${hostile} description`,
          `LOCATION:${hostile} salle`,
          `CATEGORIES:${hostile} culture,<b>sport</b>`,
          'URL:javascript:alert(3)',
          `SUMMARY;LANGUAGE=de:${hostile} Fest`,
        ).map((line) => (line === 'SUMMARY:Event hostile' ? `SUMMARY:${hostile} fête` : line)),
      ),
      { language: 'fr', now },
    )
    const [event] = parsed.events
    const texts = [
      ...Object.values(event!.texts).flatMap((text) => [text.title, text.description]),
      event!.location!,
      ...event!.categories,
    ]
    expect(texts).toEqual(
      expect.arrayContaining(['Fête fête', 'Fête Fest', 'Fête description', 'Fête salle', 'sport']),
    )
    for (const text of texts) expect(text).not.toMatch(/[<>]|alert|onerror/)
    expect(event!.url).toBeNull()
  })
})
