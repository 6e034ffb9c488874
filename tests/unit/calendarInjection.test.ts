// Every value that reaches a calendar file, fed with what breaks naive writers (CR, LF, ; , \ and
// characters outside the BMP, a UID carrying extra lines, bidi overrides), read back by two
// independent parsers: Mozilla's ical.js and Python's icalendar.
import { spawnSync } from 'node:child_process'
import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { hostileText } from '../fixtures/hostileText'
import { calendarUid, escapeCalendarText } from '../../cms/domain/calendarText'
import { plainText } from '../../cms/domain/plainText'
import type * as ContentModule from '../../web/lib/content'
import type * as IcalModule from '../../web/lib/ical'
import { emptySnapshot, type SiteSnapshot } from '../../cms/domain/snapshot'
import { at, withSnapshot } from './snapshotFixture'

const hostile = (label: string) =>
  `${label}\r\nX-INJECTED:1\r\nURL:https://evil.example; a, b \\ c\n𝄞 😀 𠜎 \u202Egnp.exe\u202C \u200Bend`
const injectedUid = 'x\r\nURL:https://evil.example\r\nX-INJECTED:1'

const snapshot: SiteSnapshot = {
  generatedAt: '2026-12-01T12:00:00.000Z',
  collections: {
    ...emptySnapshot().collections,
    communes: [{ id: 1, slug: 'remich', name: { fr: hostile('Commune') }, status: 'partner' }],
    organisations: [
      { id: 5, slug: 'club', name: hostile('Club'), contact: { email: 'club@example.org' } },
    ],
    venues: [
      {
        id: 3,
        slug: 'hall',
        name: { fr: hostile('Hall') },
        commune: 1,
        address: { street: hostile('Street'), postcode: 'L-5550', locality: hostile('Town') },
      },
    ],
    events: [
      {
        id: 10,
        slug: 'hostile',
        uid: injectedUid,
        sequence: 2,
        updatedAt: '2026-11-20T08:00:00.000Z',
        title: { fr: hostile('Title') },
        summary: { fr: hostile('Summary') },
        start: at('2027-01-06T19:00:00'),
        end: at('2027-01-06T21:00:00'),
        recurrence: { frequency: 'weekly', interval: 1, count: 3 },
        overrides: [
          {
            occurrenceDate: at('2027-01-13T12:00:00'),
            status: 'cancelled',
            reason: { fr: hostile('Reason') },
          },
        ],
        venue: 3,
        organiser: 5,
        communes: [1],
        status: 'postponed',
        statusReason: { fr: hostile('Status reason') },
      },
    ],
  },
}

interface ReadBack {
  properties: string[]
  events: { uid: string; summary: string; description: string; location: string }[]
  name: string
}

const python = `
import sys, json
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read())
props = [k for k in cal.keys()]
events = []
for e in cal.walk("VEVENT"):
    props += list(e.keys())
    events.append({"uid": str(e.get("UID")), "summary": str(e.get("SUMMARY")),
                   "description": str(e.get("DESCRIPTION")), "location": str(e.get("LOCATION"))})
print(json.dumps({"properties": props, "events": events, "name": str(cal.get("X-WR-CALNAME"))}))
`

function withPython(text: string): ReadBack {
  const result = spawnSync('/usr/bin/python3', ['-c', python], { input: text, encoding: 'utf8' })
  if (result.error || result.status !== 0) {
    throw new Error(`Python's icalendar could not read the file: ${result.stderr || result.error}`)
  }
  return JSON.parse(result.stdout) as ReadBack
}

function withIcalJs(text: string): ReadBack {
  const root = new ICAL.Component(ICAL.parse(text))
  const vevents = root.getAllSubcomponents('vevent')
  const names = (component: ICAL.Component) =>
    component.getAllProperties().map((property) => property.name.toUpperCase())
  return {
    properties: [...names(root), ...vevents.flatMap(names)],
    events: vevents.map((vevent) => ({
      uid: String(vevent.getFirstPropertyValue('uid')),
      summary: String(vevent.getFirstPropertyValue('summary')),
      description: String(vevent.getFirstPropertyValue('description')),
      location: String(vevent.getFirstPropertyValue('location')),
    })),
    name: String(root.getFirstPropertyValue('x-wr-calname')),
  }
}

let content: ContentModule.SiteContent
let ical: typeof IcalModule
const site = new URL('https://zesummen.example.lu')

beforeAll(async () => {
  ;({ content, ical } = await withSnapshot(snapshot))
})

describe('calendar files with hostile values', () => {
  it('keep every value inside its property, as both parsers read them', () => {
    const view = content.event('hostile', 'fr')!
    const name = hostile('Calendar')
    const text = ical.calendarFile({ lang: 'fr', name, site }, [view])
    expect(text).toBe(
      (() => {
        const whole = ical.calendar({ lang: 'fr', name, site })
        ical.addEvent(whole, view, 'fr', site)
        return ical.calendarText(whole)
      })(),
    )
    for (const [parser, read] of [
      ['ical.js', withIcalJs(text)],
      ['icalendar', withPython(text)],
    ] as const) {
      expect(read.properties, parser).not.toContain('X-INJECTED')
      // One URL per event (the event page), nothing from the values.
      expect(read.properties.filter((name) => name === 'URL').length, parser).toBe(3)
      // ical.js does not know X-WR-CALNAME and gives its text as written, still escaped.
      expect(read.name, parser).toBe(
        parser === 'ical.js' ? escapeCalendarText(name) : plainText(name),
      )
      expect(read.events, parser).toHaveLength(2)
      for (const event of read.events) {
        expect(event.uid, parser).toBe(calendarUid(injectedUid))
        expect(event.summary, parser).toBe(plainText(hostile('Title')))
        expect(event.summary, parser).toContain('𝄞 😀 𠜎')
        expect(event.summary, parser).not.toMatch(/[\u202A-\u202E\u200B\r]/)
        expect(event.location, parser).toContain(plainText(hostile('Hall')))
        expect(event.description, parser).toContain(plainText(hostile('Summary')))
      }
      expect(read.events[0]!.description, parser).toContain(plainText(hostile('Status reason')))
      expect(read.events[1]!.description, parser).toContain(plainText(hostile('Reason')))
    }
  })

  it('give a stored UID that is not a plain identifier a stable replacement', () => {
    expect(calendarUid('seed-cafe@zesummen.lu')).toBe('seed-cafe@zesummen.lu')
    expect(calendarUid(injectedUid)).toMatch(/^[0-9a-f]{32}@zesummen\.invalid$/)
    expect(calendarUid(injectedUid)).toBe(calendarUid(injectedUid))
    expect(calendarUid('a;b')).not.toBe('a;b')
  })

  it('hold for hundreds of random hostile titles, summaries and UIDs (one file, two parsers)', () => {
    const base = content.event('hostile', 'fr')!
    const pieces = [
      '\r',
      '\n',
      '\r\n',
      ';',
      ',',
      '\\',
      ':',
      '"',
      '𝄞',
      '😀',
      '\u202E',
      '\u2066',
      '\u200B',
    ]
    pieces.push(
      '\u0000',
      '\u0007',
      '\u0085',
      '\uD800',
      'BEGIN:VEVENT',
      'END:VCALENDAR',
      'é',
      'a',
      ' ',
    )
    const { next, text: random } = hostileText(pieces, 42)
    const views = Array.from({ length: 300 }, (_, index) => ({
      ...base,
      slug: `fuzz-${index}`,
      uid: next() % 2 === 0 ? random(8) : `fuzz-${index}@zesummen.lu`,
      recurrence: null,
      occurrences: [],
      title: { ...base.title, value: `T${index}${random(12)}` },
      summary: { ...base.title, value: random(20) },
      statusReason: null,
    }))
    const text = ical.calendarFile({ lang: 'fr', name: random(10), site }, views)
    for (const [parser, read] of [
      ['ical.js', withIcalJs(text)],
      ['icalendar', withPython(text)],
    ] as const) {
      expect(read.events, parser).toHaveLength(views.length)
      expect(
        read.properties.filter((name) => name === 'UID'),
        parser,
      ).toHaveLength(views.length)
      // Debian 12's icalendar 4.0.3 reads an escaped backslash followed by an escaped comma or
      // semicolon as a bare comma, where RFC 5545 and ical.js keep the backslash: its texts are
      // compared without backslashes.
      const same = (value: string) => (parser === 'icalendar' ? value.replace(/\\/g, '') : value)
      read.events.forEach((event, index) => {
        const view = views[index]!
        expect(event.uid, parser).toBe(calendarUid(view.uid))
        expect(same(event.summary), parser).toBe(same(plainText(view.title.value)))
        expect(same(event.description), parser).toContain(
          same(plainText(view.summary.value).trim()),
        )
      })
    }
  })
})
