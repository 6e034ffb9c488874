// The embeddable events widget: the document a commune's website frames (escaping, how many
// events, fallback language marked with its lang, demo and cancelled labels, empty state, valid
// HTML, a stylesheet its CSP allows), the colour palette's contrast, and the query's validation.
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HtmlValidate } from 'html-validate'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  setCmsSecurityHeaders,
  widgetContentSecurityPolicy,
} from '../../scripts/lib/securityHeaders'
import type * as FeedsModule from '../../web/lib/feeds'
import type * as WidgetModule from '../../web/lib/widget'
import { emptySnapshot, type SiteSnapshot } from '../../cms/domain/snapshot'
import { at, withSnapshot } from './snapshotFixture'
import type { SiteContent } from '../../web/lib/content'

let widget: typeof WidgetModule
let feeds: typeof FeedsModule

const site = new URL('https://zesummen.example.lu')

/** 25 weekly language lessons in Mertert from January 2027, to test the limit. */
const lessons = Array.from({ length: 25 }, (_, index) => {
  const day = new Date(Date.UTC(2027, 0, 4 + index * 7)).toISOString().slice(0, 10)
  return {
    id: 100 + index,
    slug: `lesson-${index + 1}`,
    uid: `lesson-${index + 1}@zesummen.test`,
    title: { fr: `Cours ${index + 1}`, pt: `Aula ${index + 1}` },
    start: at(`${day}T18:00:00`),
    end: at(`${day}T19:30:00`),
    communes: [2],
    categories: [21],
  }
})

const snapshot: SiteSnapshot = {
  generatedAt: '2026-12-01T12:00:00.000Z',
  collections: {
    ...emptySnapshot().collections,
    communes: [
      { id: 1, slug: 'remich', name: { fr: 'Remich', lb: 'Réimech' }, status: 'partner' },
      { id: 2, slug: 'mertert', name: { fr: 'Mertert' }, status: 'partner' },
      { id: 3, slug: 'dalheim', name: { fr: 'Dalheim' }, status: 'partner' },
    ],
    categories: [
      { id: 20, slug: 'language-cafe', label: { fr: 'Café des langues', pt: 'Café de línguas' } },
      { id: 21, slug: 'courses', label: { fr: 'Cours', pt: 'Cursos' } },
    ],
    venues: [{ id: 4, slug: 'hall', name: { fr: 'Salle des fêtes' }, commune: 1 }],
    events: [
      {
        id: 10,
        slug: 'cafe',
        uid: 'cafe@zesummen.test',
        demo: true,
        title: { fr: 'Café des langues' },
        summary: { fr: 'On parle toutes les langues.' },
        start: at('2026-12-09T19:00:00'),
        end: at('2026-12-09T20:30:00'),
        venue: 4,
        communes: [1],
        categories: [20],
      },
      {
        id: 11,
        slug: 'party',
        uid: 'party@zesummen.test',
        title: { fr: '<script>alert(1)</script> Fête & "amis"', pt: 'Festa <b>já</b>' },
        summary: { pt: 'Traga <img src=x onerror=alert(1)>' },
        start: at('2026-12-12T15:00:00'),
        end: at('2026-12-12T18:00:00'),
        communes: [1],
        categories: [20],
      },
      {
        id: 12,
        slug: 'concert',
        uid: 'concert@zesummen.test',
        status: 'cancelled',
        title: { fr: 'Concert', pt: 'Concerto' },
        start: at('2026-12-20T20:00:00'),
        end: at('2026-12-20T22:00:00'),
        communes: [1],
      },
      {
        id: 13,
        slug: 'old-walk',
        uid: 'old-walk@zesummen.test',
        title: { fr: 'Promenade' },
        start: at('2026-10-20T14:00:00'),
        end: at('2026-10-20T16:00:00'),
        communes: [1],
      },
      ...lessons,
    ],
  },
}

let content: SiteContent

beforeAll(async () => {
  ;({ content } = await withSnapshot(snapshot))
  feeds = await import('../../web/lib/feeds')
  widget = await import('../../web/lib/widget')
})

const options = (overrides: Partial<WidgetModule.WidgetOptions> = {}) => ({
  ...widget.defaultWidgetOptions,
  ...overrides,
})
const items = (html: string) => html.match(/<li class="w__item">/g)?.length ?? 0

describe('the widget document', () => {
  it('is a complete page in its language with a title, a heading and links to the portal', () => {
    const html = widget.widgetHtml(content, 'pt', { communes: ['remich'] }, options(), site)
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="pt" dir="ltr">/)
    expect(html).toContain('<title>Miselerland: eventos · Remich</title>')
    expect(html).toContain(
      '<h1 class="w__title">Miselerland: eventos · <span lang="fr">Remich</span></h1>',
    )
    expect(html).toContain(
      '<a href="https://zesummen.example.lu/pt/events/cafe/" target="_top"><span lang="fr">Café des langues</span></a>',
    )
    expect(html).toContain('<time datetime="2026-12-09T19:00:00.000+01:00">')
    expect(html).toContain(
      '<a href="https://zesummen.example.lu/pt/events/commune/remich/" target="_top">Todos os eventos no Zesummen</a>',
    )
    expect(html).not.toContain('<script')
    expect(html).not.toContain('old-walk')
  })

  it('escapes every text from the CMS', () => {
    const fr = widget.widgetHtml(content, 'fr', { communes: ['remich'] }, options(), site)
    expect(fr).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Fête &amp; &quot;amis&quot;')
    const pt = widget.widgetHtml(content, 'pt', { communes: ['remich'] }, options(), site)
    expect(pt).toContain('Festa &lt;b&gt;já&lt;/b&gt;')
    expect(pt).toContain('Traga &lt;img src=x onerror=alert(1)&gt;')
    expect(pt).not.toMatch(/<(b|img)[\s>]/)
  })

  it('marks text shown in another language with its lang and a visible note', () => {
    const html = widget.widgetHtml(content, 'pt', { communes: ['remich'] }, options(), site)
    expect(html).toContain(
      '<span lang="fr">Café des langues</span></a> <span class="w__note">(Em francês)</span>',
    )
    expect(html).toContain('<span lang="fr">Salle des fêtes</span>')
    expect(html).toContain('<span lang="fr">On parle toutes les langues.</span>')
  })

  it('marks a name in the heading shown in another language with its lang', () => {
    // German falls back to Luxembourgish, then French: the category has only fr and pt.
    const html = widget.widgetHtml(
      content,
      'de',
      { categories: ['language-cafe'] },
      options(),
      site,
    )
    expect(html).toContain('<title>Miselerland: Veranstaltungen · Café des langues</title>')
    expect(html).toContain(
      '<h1 class="w__title">Miselerland: Veranstaltungen · <span lang="fr">Café des langues</span></h1>',
    )
  })

  it('labels demo content and cancelled events', () => {
    const html = widget.widgetHtml(content, 'en', { communes: ['remich'] }, options(), site)
    expect(html).toContain('<span class="w__badge w__badge--demo">Example</span>')
    expect(html).toContain('<span class="w__badge w__badge--status">Cancelled</span>')
    expect(html).toMatch(/<time datetime="2026-12-20T20:00:00\.000\+01:00"><s>[^<]+<\/s><\/time>/)
  })

  it('lists the next events up to the limit, soonest first', () => {
    const filter = { communes: ['mertert'] }
    expect(items(widget.widgetHtml(content, 'fr', filter, options(), site))).toBe(5)
    expect(items(widget.widgetHtml(content, 'fr', filter, options({ limit: 1 }), site))).toBe(1)
    const twenty = widget.widgetHtml(content, 'fr', filter, options({ limit: 20 }), site)
    expect(items(twenty)).toBe(20)
    expect(twenty.indexOf('>Cours 1<')).toBeLessThan(twenty.indexOf('>Cours 2<'))
    expect(twenty).not.toContain('>Cours 21<')
  })

  it('combines filters like the calendar feed and links to the matching list', () => {
    const html = widget.widgetHtml(
      content,
      'fr',
      { categories: ['language-cafe'] },
      options(),
      site,
    )
    expect(items(html)).toBe(2)
    expect(html).toContain('href="https://zesummen.example.lu/fr/events/category/language-cafe/"')
    const both = widget.widgetHtml(
      content,
      'fr',
      { communes: ['remich'], categories: ['courses'] },
      options(),
      site,
    )
    expect(both).toContain(
      'href="https://zesummen.example.lu/fr/events/?commune=remich&amp;category=courses" target="_top"',
    )
    const all = widget.widgetHtml(content, 'fr', {}, options(), site)
    expect(all).toContain('href="https://zesummen.example.lu/fr/events/" target="_top"')
  })

  it('says so when there is nothing to show', () => {
    const html = widget.widgetHtml(content, 'de', { communes: ['dalheim'] }, options(), site)
    expect(html).toContain('<p>Hier sind noch keine Veranstaltungen geplant.</p>')
    expect(html).not.toContain('<ul')
  })

  it('themes by classes: accent and density; compact leaves out the summaries', () => {
    const compact = widget.widgetHtml(
      content,
      'fr',
      { communes: ['remich'] },
      options({ accent: 'purple', density: 'compact' }),
      site,
    )
    expect(compact).toContain('<body class="w w--purple w--compact">')
    expect(compact).not.toContain('On parle toutes les langues.')
    for (const [name, colour] of Object.entries(widget.widgetAccents))
      expect(widget.WIDGET_CSS).toContain(`.w--${name}{--w-accent:${colour}}`)
  })

  it('is valid HTML, with a stylesheet its Content-Security-Policy allows by hash', async () => {
    const html = widget.widgetHtml(content, 'lb', { communes: ['remich'] }, options(), site)
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })
    const report = await validator.validateString(html, 'widget.html')
    expect(report.results.flatMap((result) => result.messages.map((m) => m.message))).toEqual([])
    const style = html.match(/<style>([^<]*)<\/style>/)![1]!
    const hash = createHash('sha256').update(style).digest('base64')
    const policy = widgetContentSecurityPolicy(widget.WIDGET_CSS)
    expect(policy).toContain(`style-src 'sha256-${hash}'`)
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain('frame-ancestors *')
  })
})

describe('framing', () => {
  /**
   * The headers a CMS response gets from the server (scripts/start.ts), whatever its path, for
   * answers that state a Content-Security-Policy of their own (`csp`), or none.
   */
  async function served(csp: string | null, how: 'setHeader' | 'writeHead' = 'setHeader') {
    const server = createServer((req, res) => {
      setCmsSecurityHeaders(res, true)
      if (csp && how === 'setHeader') res.setHeader('content-security-policy', csp)
      if (csp && how === 'writeHead') res.writeHead(200, { 'content-security-policy': csp })
      res.end('<!doctype html><title>t</title>')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      return (await fetch(`http://127.0.0.1:${port}/api/anything`)).headers
    } finally {
      server.close()
    }
  }

  it('follows the policy of the document: a widget may be framed by any site, and only it', async () => {
    const widgetPolicy = widgetContentSecurityPolicy(widget.WIDGET_CSS)
    for (const how of ['setHeader', 'writeHead'] as const) {
      const framable = await served(widgetPolicy, how)
      expect(framable.get('content-security-policy'), how).toContain('frame-ancestors *')
      expect(framable.get('x-frame-options'), how).toBeNull()
      expect(framable.get('x-content-type-options')).toBe('nosniff')
      expect(framable.get('strict-transport-security')).toMatch(/^max-age=/)
    }
    // Any other answer, whatever its path, is framed by the portal only.
    expect((await served(null)).get('x-frame-options')).toBe('SAMEORIGIN')
    expect((await served("default-src 'none'; sandbox")).get('x-frame-options')).toBe('SAMEORIGIN')
  })
})

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

describe('the accent palette', () => {
  it.each(Object.entries({ white: '#ffffff' }))(
    'has at least 4.5:1 contrast as text on %s and under white text',
    (_, white) => {
      for (const [name, colour] of Object.entries(widget.widgetAccents)) {
        expect(contrast(colour, white), name).toBeGreaterThanOrEqual(4.5)
      }
    },
  )
})

describe('the widget query', () => {
  it('takes the feed filters and the widget options, defaults when empty', () => {
    expect(widget.parseWidgetQuery(content, '')).toEqual({
      ok: true,
      lang: 'fr',
      filter: {},
      options: { limit: 5, accent: 'teal', density: 'regular' },
    })
    expect(
      widget.parseWidgetQuery(
        content,
        'lang=pt&commune=remich,mertert&limit=12&accent=Blue&density=compact&free=1',
      ),
    ).toEqual({
      ok: true,
      lang: 'pt',
      filter: { communes: ['remich', 'mertert'], free: true },
      options: { limit: 12, accent: 'blue', density: 'compact' },
    })
    expect(widget.parseWidgetQuery(content, 'limit=&accent=&density=')).toMatchObject({
      ok: true,
      options: widget.defaultWidgetOptions,
    })
  })

  it.each(['0', '21', 'abc', '5.5', '-3', '1e1', '0x10'])(
    'refuses limit=%s with a message in the widget’s language',
    (limit) => {
      const result = widget.parseWidgetQuery(content, `lang=en&limit=${limit}`)
      expect(result).toEqual({
        ok: false,
        status: 400,
        lang: 'en',
        message: `“limit” must be a whole number from 1 to 20, not “${limit}”.`,
      })
    },
  )

  it('refuses an unknown accent or density, naming the accepted values', () => {
    expect(widget.parseWidgetQuery(content, 'lang=de&accent=pink')).toEqual({
      ok: false,
      status: 400,
      lang: 'de',
      message:
        'Unbekannter Wert „pink“ für „accent“. Erlaubt sind: teal, blue, green, orange, red, purple, grey.',
    })
    expect(widget.parseWidgetQuery(content, 'density=tiny')).toEqual({
      ok: false,
      status: 400,
      lang: 'fr',
      message: 'Valeur inconnue « tiny » pour « density ». Valeurs acceptées : regular, compact.',
    })
  })

  it('refuses unknown parameters and values, and bounds the query', () => {
    const unknown = widget.parseWidgetQuery(content, 'lang=en&colour=red')
    expect(unknown).toMatchObject({ ok: false, status: 400 })
    expect((unknown as { message: string }).message).toBe(
      'Unknown parameter “colour”. Accepted parameters: lang, when, from, to, commune, category, audience, spoken, access, free, accessible, limit, accent, density.',
    )
    expect(widget.parseWidgetQuery(content, 'commune=atlantis')).toMatchObject({
      ok: false,
      status: 400,
    })
    expect(widget.parseWidgetQuery(content, `spoken=${'fr,'.repeat(400)}`)).toMatchObject({
      ok: false,
      status: 414,
    })
    // The calendar feed does not take the widget's options.
    expect(feeds.parseFeedQuery(content, 'limit=5')).toMatchObject({ ok: false, status: 400 })
  })

  it('writes every parameter back in a fixed order (cache keys, snippets)', () => {
    const parsed = widget.parseWidgetQuery(
      content,
      'density=compact&commune=remich&lang=lb&limit=3',
    )
    if (!parsed.ok) throw new Error(parsed.message)
    expect(widget.widgetQuery(parsed.lang, parsed.filter, parsed.options)).toBe(
      'lang=lb&commune=remich&limit=3&accent=teal&density=compact',
    )
  })
})

describe('the snippet', () => {
  it('is an iframe with a title in the widget’s language, lazy loading and a height', () => {
    const snippet = widget.widgetSnippet(content, 'de', { communes: ['remich'] }, options(), site)
    expect(snippet).toBe(
      '<iframe src="https://zesummen.example.lu/api/widgets/events?lang=de&amp;commune=remich&amp;limit=5&amp;accent=teal&amp;density=regular" title="Miselerland: Veranstaltungen · Réimech (Zesummen)" width="100%" height="965" loading="lazy"></iframe>',
    )
    expect(widget.widgetHeight(options({ density: 'compact', limit: 3 }))).toBeLessThan(
      widget.widgetHeight(options({ limit: 3 })),
    )
  })
})
