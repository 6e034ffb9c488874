// Markup written as text (web/lib/html.ts and the parts, the event page and the frame made with
// it): Astro's own escaping and attribute rules, checked against Astro's runtime, and what the
// event page writes from content, including the cases the seeded and synthetic sites lack.
// (That both sites' pages are byte for byte what the Astro components gave was checked by
// building them before and after; see the README's Performance section.)
import { escapeHTML } from 'astro/runtime/server/escape.js'
import { addAttribute } from 'astro/runtime/server/render/util.js'
import { beforeAll, describe, expect, it } from 'vitest'
import type * as ContentModule from '../../web/lib/content'
import type * as EventPageModule from '../../web/lib/eventPage'
import type * as FrameModule from '../../web/lib/frame'
import { escapeHtml } from '../../web/lib/escape'
import { attribute, Html, html } from '../../web/lib/html'
import type * as MarkupModule from '../../web/lib/markup'
import type * as ResourcePageModule from '../../web/lib/resourcePage'
import { emptySnapshot, type SiteSnapshot } from '../../cms/domain/snapshot'
import { at, withSnapshot } from './snapshotFixture'

const tricky = [
  '',
  'plain',
  'Café & Bar',
  '<script>alert("x")</script>',
  "l'été",
  '"quoted" & <b>',
  '&amp; already',
  'a > b < c',
  '\u00a0–·’',
]

describe('HTML text', () => {
  it('escapes text as Astro escapes an expression', () => {
    for (const text of tricky) expect(escapeHtml(text)).toBe(String(escapeHTML(text)))
  })

  it('writes attributes as Astro writes name={value}', () => {
    for (const name of ['href', 'lang', 'aria-current', 'download', 'data-pagefind-filter']) {
      for (const value of [...tricky, null, undefined, 0, 42]) {
        expect(attribute(name, value).value).toBe(String(addAttribute(value, name)))
      }
    }
  })

  it('escapes values, keeps markup, drops nothing-values and writes zero', () => {
    const inner = html`<b>${'<i>'}</b>`
    expect(
      html`<p${attribute('title', 'a"b')}>${inner}${'x<y'}${null}${undefined}${false}${0}${[
        'a&',
        html`<br>`,
        ['c'],
      ]}</p>`.value,
    ).toBe('<p title="a&quot;b"><b>&lt;i&gt;</b>x&lt;y0a&amp;<br>c</p>')
    expect(String(new Html('<hr>'))).toBe('<hr>')
  })
})

let content: typeof ContentModule
let markup: typeof MarkupModule
let eventPage: typeof EventPageModule
let frame: typeof FrameModule
let resourcePage: typeof ResourcePageModule

const hostile = '<script>alert(1)</script> & "q"'

const snapshot: SiteSnapshot = {
  generatedAt: '2026-12-01T12:00:00.000Z',
  collections: {
    ...emptySnapshot().collections,
    communes: [{ id: 1, slug: 'remich', name: { fr: 'Remich' }, status: 'partner' }],
    organisations: [{ id: 5, slug: 'club', name: `Club ${hostile}` }],
    events: [
      {
        id: 10,
        slug: 'online-talk',
        uid: 'online-talk@zesummen.lu',
        sequence: 0,
        updatedAt: '2026-11-20T08:00:00.000Z',
        title: { fr: `Causerie ${hostile}` },
        summary: { de: 'Nur auf Deutsch' },
        description: {
          de: {
            root: {
              children: [
                {
                  type: 'paragraph',
                  children: [
                    { type: 'text', text: 'Fett', format: 1 },
                    { type: 'linebreak' },
                    {
                      type: 'link',
                      fields: { url: 'javascript:alert(1)' },
                      children: [{ type: 'text', text: 'kein Link' }],
                    },
                    {
                      type: 'link',
                      fields: { url: 'https://example.org/?a=1&b="2"' },
                      children: [{ type: 'text', text: 'Link' }],
                    },
                  ],
                },
              ],
            },
          },
        },
        start: at('2027-03-02T18:30:00'),
        end: at('2027-03-02T20:00:00'),
        communes: [1],
        organiser: 5,
        status: 'moved-online',
        statusReason: { fr: 'Salle fermée' },
        onlineUrl: 'https://meet.example.org/talk?x=1&y=2',
        price: { free: false, amountEuro: 5, note: { fr: 'boisson comprise' } },
        registration: {
          required: true,
          phone: '+352 26 00-00 00',
          email: 'club@example.org',
          capacity: 20,
        },
        accessibility: ['step-free'],
      },
    ],
    resources: [
      {
        id: 20,
        slug: 'help-desk',
        demo: true,
        title: { fr: `Guichet ${hostile}` },
        openingHours: { de: 'Montags 9–12 Uhr' },
        type: 'social-help',
        communes: [1],
        languagesOffered: ['pt', 'fr'],
        address: { street: '1, rue <du> Pont', postcode: 'L-5555', locality: 'Remich' },
        contact: {
          url: 'https://example.org/help?a=1&b=2',
          email: 'help@example.org',
          phone: '+352 26 00 00 00',
        },
        lastReviewed: '2026-10-05',
      },
    ],
  },
}

beforeAll(async () => {
  ;({ content } = await withSnapshot(snapshot))
  markup = await import('../../web/lib/markup')
  eventPage = await import('../../web/lib/eventPage')
  frame = await import('../../web/lib/frame')
  resourcePage = await import('../../web/lib/resourcePage')
})

describe('an event page written as text', () => {
  const article = () => {
    const event = content.event('online-talk', 'fr')!
    return eventPage.eventArticle('fr', event, event.start.minus({ days: 1 })).value
  }

  it('escapes every text from content', () => {
    const page = article()
    expect(page).not.toContain('<script>')
    expect(page).toContain('Causerie &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;')
    expect(page).toContain('Club &lt;script&gt;')
  })

  it('writes the moved-online banner with its link, the phone as digits, price and its note', () => {
    const page = article()
    expect(page).toContain(
      '<div class="z-banner" role="status"><strong>Désormais en ligne</strong> <span>Salle fermée</span><p><a href="https://meet.example.org/talk?x=1&amp;y=2">',
    )
    expect(page).toContain('<a href="tel:+35226000000">+352 26 00-00 00</a>')
    expect(page).toContain('<a href="mailto:club@example.org">club@example.org</a>')
    expect(page).toMatch(/<dd>5,00\s€ \(<span>boisson comprise<\/span>\)<\/dd>/)
    expect(page).toContain('download="online-talk.ics"')
  })

  it('marks text in another language and writes rich text safely', () => {
    const page = article()
    expect(page).toContain('<p class="z-lead" lang="de">Nur auf Deutsch</p>')
    expect(page).toContain('<p class="z-fallback">')
    expect(page).toContain('<div class="z-prose" lang="de"><p><strong>Fett</strong><br>kein Link')
    expect(page).not.toContain('javascript:')
    expect(page).toContain('<a href="https://example.org/?a=1&amp;b=&quot;2&quot;">Link</a>')
  })

  it('writes the frame with escaped metadata and the JSON-LD closed against </script>', () => {
    const head = frame.frameHead(
      {
        lang: 'fr',
        title: hostile,
        description: 'a "b"',
        noindex: true,
        path: '/fr/events/x/',
        alternates: { fr: '/fr/events/x/', de: '/de/events/x/' },
        jsonLd: { name: '</script><script>alert(1)</script>' },
      },
      new URL('https://zesummen.example.lu'),
    ).value
    expect(head).toContain(
      '<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; · Zesummen</title>',
    )
    expect(head).toContain('<meta name="description" content="a &quot;b&quot;">')
    expect(head).toContain('<meta name="robots" content="noindex">')
    expect(head).toContain(
      '<link rel="alternate" hreflang="de" href="https://zesummen.example.lu/de/events/x/">',
    )
    expect(head).not.toContain('</script><script>')
    expect(head).toContain('\\u003c/script>')
    const header = frame.frameHeader('fr', { de: '/de/events/x/' }, 'events').value
    expect(header).toContain('<a href="/de/events/x/" lang="de" hreflang="de">Deutsch</a>')
    expect(header).toContain('<a href="/fr/" lang="fr" hreflang="fr" aria-current="true">')
    expect(header).toContain('<a href="/fr/events/" aria-current="page">')
    expect(markup.localized(null).value).toBe('')
  })
})

describe('a resource page written as text', () => {
  const article = () =>
    resourcePage.resourceArticle('fr', content.resource('help-desk', 'fr')!).value

  it('escapes its texts and links, and labels the demo', () => {
    const page = article()
    expect(page).not.toContain('<script>')
    expect(page).toContain(
      '<h1><span>Guichet &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</span></h1>',
    )
    expect(page).toContain('<span class="z-badge z-badge--demo">')
    expect(page).toContain('<a href="https://example.org/help?a=1&amp;b=2">')
    expect(page).toContain('<a href="mailto:help@example.org">help@example.org</a>')
    expect(page).toContain('<div>+352 26 00 00 00</div>')
    expect(page).toContain('1, rue &lt;du&gt; Pont')
  })

  it('marks the opening hours shown in German and lists where and in which languages', () => {
    const page = article()
    expect(page).toContain('<dd><span lang="de">Montags 9–12 Uhr</span></dd>')
    expect(page).toContain('<p class="z-fallback">')
    expect(page).toContain('<dd>Remich</dd>')
    expect(page).toContain('<dd>portugais, français</dd>')
    expect(page).toContain('<span data-pagefind-filter="Commune:Remich"></span>')
  })

  it('is the main part of the document the page writer makes', () => {
    const view = content.resource('help-desk', 'fr')!
    const site = new URL('https://zesummen.example.lu')
    const document = frame.frameDocument(
      resourcePage.resourcePage('fr', view),
      site,
      '<link rel="stylesheet" href="/a.css">',
    )
    expect(
      document.startsWith('<!DOCTYPE html><html lang="fr" dir="ltr"><head><meta charset="utf-8">'),
    ).toBe(true)
    expect(document).toContain('<link rel="stylesheet" href="/a.css"></head><body>')
    expect(document).toContain(
      `<main id="main" class="z-container" data-pagefind-body>${article()}</main>`,
    )
    expect(document).toContain('<a href="/fr/resources/" aria-current="page">')
    expect(document).toContain(
      '<link rel="alternate" hreflang="de" href="https://zesummen.example.lu/de/resources/help-desk/">',
    )
  })
})
