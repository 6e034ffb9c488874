// The page components render what content gives them safely: every text escaped, links only
// where allowed, other-language text marked, the frame's metadata escaped and the JSON-LD closed
// against </script>. Rendered by Astro's container API, as the site renders them.
import { experimental_AstroContainer as AstroContainer } from 'astro/container'
import { beforeAll, describe, expect, it } from 'vitest'
import { emptySnapshot, type SiteSnapshot } from '../../cms/domain/snapshot'
import EventArticle from '../../web/components/event/EventArticle.astro'
import PageHead from '../../web/components/frame/PageHead.astro'
import SiteHeader from '../../web/components/frame/SiteHeader.astro'
import Localized from '../../web/components/Localized.astro'
import ResourceArticle from '../../web/components/resource/ResourceArticle.astro'
import ResourcePage from '../../web/views/ResourcePage.astro'
import { SiteContent } from '../../web/lib/content'
import { at } from '../unit/snapshotFixture'

let container: AstroContainer

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
        languagesSpoken: ['fr'],
        interpretation: ['pt', 'fr'],
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

const content = new SiteContent(snapshot)
const site = new URL('https://zesummen.example.lu')

beforeAll(async () => {
  container = await AstroContainer.create()
})

const render = (
  component: Parameters<AstroContainer['renderToString']>[0],
  props: Record<string, unknown>,
) => container.renderToString(component, { props, locals: { content, site } })

describe('an event page', () => {
  const article = () =>
    render(EventArticle, { lang: 'fr', event: content.event('online-talk', 'fr')! })

  it('escapes every text from content', async () => {
    const page = await article()
    expect(page).not.toContain('<script>')
    expect(page).toContain('Causerie &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;')
    expect(page).toContain('Club &lt;script&gt;')
  })

  it('writes the moved-online banner with its link, the phone as digits, price and its note', async () => {
    const page = await article()
    expect(page).toContain(
      '<div class="z-banner" role="status"><strong>Désormais en ligne</strong> <span>Salle fermée</span><p><a href="https://meet.example.org/talk?x=1&amp;y=2">',
    )
    expect(page).toContain('<a href="tel:+35226000000">+352 26 00-00 00</a>')
    expect(page).toContain('<a href="mailto:club@example.org">club@example.org</a>')
    expect(page).toMatch(/<dd>5,00\s€ \(<span>boisson comprise<\/span>\)<\/dd>/)
    expect(page).toContain('download="online-talk.ics"')
  })

  it('gives search the finder’s facets: languages spoken or interpreted, access, free', async () => {
    const page = await article()
    const filters = [...page.matchAll(/data-pagefind-filter="([^"]*)"/g)].map((match) => match[1])
    expect(filters).toEqual([
      'Type:Événement',
      'Commune:Remich',
      'Langue:français',
      'Langue:portugais',
      'Accessibilité:Accès sans marches',
    ])
  })

  it('marks text in another language and writes rich text safely', async () => {
    const page = await article()
    expect(page).toContain('<p class="z-lead" lang="de">Nur auf Deutsch</p>')
    expect(page).toContain('<p class="z-fallback">')
    expect(page).toContain('<div class="z-prose" lang="de"><p><strong>Fett</strong><br>kein Link')
    expect(page).not.toContain('javascript:')
    expect(page).toContain('<a href="https://example.org/?a=1&amp;b=&quot;2&quot;">Link</a>')
  })

  it('writes the frame with escaped metadata and the JSON-LD closed against </script>', async () => {
    const head = await render(PageHead, {
      lang: 'fr',
      title: hostile,
      description: 'a "b"',
      noindex: true,
      path: '/fr/events/x/',
      alternates: { fr: '/fr/events/x/', de: '/de/events/x/' },
      jsonLd: { name: '</script><script>alert(1)</script>' },
      site: new URL('https://zesummen.example.lu'),
    })
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
    const header = await render(SiteHeader, {
      lang: 'fr',
      alternates: { de: '/de/events/x/' },
      section: 'events',
    })
    expect(header).toContain('<a href="/de/events/x/" lang="de" hreflang="de">Deutsch</a>')
    expect(header).toContain('<a href="/fr/" lang="fr" hreflang="fr" aria-current="true">')
    expect(header).toContain('<a href="/fr/events/" aria-current="page">')
    expect(await render(Localized, { text: null })).toBe('')
  })
})

describe('a resource page', () => {
  const article = () =>
    render(ResourceArticle, { lang: 'fr', resource: content.resource('help-desk', 'fr')! })

  it('escapes its texts and links, and labels the demo', async () => {
    const page = await article()
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

  it('marks the opening hours shown in German and lists where and in which languages', async () => {
    const page = await article()
    expect(page).toContain('<dd><span lang="de">Montags 9–12 Uhr</span></dd>')
    expect(page).toContain('<p class="z-fallback">')
    expect(page).toContain('<dd>Remich</dd>')
    expect(page).toContain('<dd>portugais, français</dd>')
    expect(page).toContain('<span data-pagefind-filter="Commune:Remich"></span>')
  })

  it('is the main part of its page, in the frame', async () => {
    const document = await container.renderToString(ResourcePage, {
      props: { lang: 'fr', slug: 'help-desk' },
      locals: { content, site },
      request: new Request('https://zesummen.example.lu/fr/resources/help-desk/'),
      partial: false,
    })
    expect(
      document.startsWith('<!DOCTYPE html><html lang="fr" dir="ltr"><head><meta charset="utf-8">'),
    ).toBe(true)
    expect(document).toContain(
      `<main id="main" class="z-container" data-pagefind-body>${await article()}</main>`,
    )
    expect(document).toContain('<a href="/fr/resources/" aria-current="page">')
    expect(document).toMatch(
      /<link rel="alternate" hreflang="de" href="https?:\/\/[^/"]+\/de\/resources\/help-desk\/">/,
    )
  })
})
