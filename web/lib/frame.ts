// The frame of every page (web/layouts/Base.astro): the head's links and metadata, the header with
// the language switcher and navigation, the footer. Written as HTML text (web/lib/html.ts), so the
// page writer of full builds (web/lib/pageWriter.ts) makes the same frame as the layout.
import { type LocaleCode, locales, localeDefinition } from '../../locales/config'
import { hasPage } from './content'
import { attribute, html, Html } from './html'
import { t } from '../../locales/i18n'
import { urls } from '../../cms/domain/urls'

/** The same page in every language: its path with the language swapped. */
export const everyLanguage = (path: string): Partial<Record<LocaleCode, string>> =>
  Object.fromEntries(
    locales.map((locale) => [locale.code, path.replace(/^\/[a-z]{2}\//, `/${locale.code}/`)]),
  )

/** The root element's language and direction (the language's tag without its region). */
export function documentLanguage(lang: LocaleCode): { lang: string; dir: 'ltr' | 'rtl' } {
  const definition = localeDefinition(lang)
  return { lang: definition.intl.split('-')[0]!, dir: definition.dir }
}

/** Navigation entries a page can mark as current. */
export type Section = 'home' | 'events' | 'actions' | 'resources' | 'communes' | 'about' | 'search'

export interface FrameHead {
  lang: LocaleCode
  title: string
  description?: string | undefined
  noindex: boolean
  /** The page's path. */
  path: string
  /** The same page in every language. */
  alternates: Partial<Record<LocaleCode, string>>
  jsonLd?: unknown
}

/**
 * The head's content (Astro adds the stylesheet after it). Root-relative paths are joined to the
 * site's origin as text (what new URL() gives for them, without parsing a URL per link).
 */
export function frameHead(head: FrameHead, site: URL): Html {
  const absolute = (href: string) =>
    href.startsWith('/') && !href.startsWith('//')
      ? `${site.origin}${href}`
      : new URL(href, site).toString()
  const { lang, title, description } = head
  const siteName = t(lang, 'site.name')
  const here = absolute(head.path)
  return html`<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${`${title} · ${siteName}`}</title>${
    description && html`<meta name="description"${attribute('content', description)}>`
  }${head.noindex && html`<meta name="robots" content="noindex">`}<link rel="canonical"${attribute('href', here)}>${Object.entries(
    head.alternates,
  ).map(
    ([code, href]) =>
      html`<link rel="alternate"${attribute('hreflang', code)}${attribute('href', absolute(href!))}>`,
  )}<link rel="alternate" hreflang="x-default"${attribute('href', absolute('/'))}><link rel="icon" href="/favicon.svg" type="image/svg+xml"><meta property="og:type" content="website"><meta property="og:site_name"${attribute('content', siteName)}><meta property="og:title"${attribute('content', title)}>${
    description && html`<meta property="og:description"${attribute('content', description)}>`
  }<meta property="og:url"${attribute('content', here)}><meta property="og:locale"${attribute(
    'content',
    localeDefinition(lang).intl.replace('-', '_'),
  )}>${
    Boolean(head.jsonLd) &&
    html`<script type="application/ld+json">${new Html(JSON.stringify(head.jsonLd).replace(/</g, '\\u003c'))}</script>`
  }`
}

/** The skip link and the header: brand, language switcher (to `alternates`), navigation. */
export function frameHeader(
  lang: LocaleCode,
  alternates: Partial<Record<LocaleCode, string>>,
  section: Section | undefined,
): Html {
  // Links to CMS pages only when they exist (an empty database has none): hasPage.
  const nav = [
    { key: 'home', href: urls.home(lang), label: t(lang, 'nav.home') },
    { key: 'events', href: urls.events(lang), label: t(lang, 'nav.events') },
    { key: 'actions', href: urls.actions(lang), label: t(lang, 'nav.actions') },
    { key: 'resources', href: urls.resources(lang), label: t(lang, 'nav.resources') },
    { key: 'communes', href: urls.communes(lang), label: t(lang, 'nav.communes') },
    ...(hasPage('about-plan')
      ? [{ key: 'about', href: urls.page(lang, 'about-plan'), label: t(lang, 'nav.about') }]
      : []),
    { key: 'search', href: urls.search(lang), label: t(lang, 'nav.search') },
  ]
  return html`<a class="z-skip" href="#main">${t(lang, 'nav.skip')}</a><header class="z-header"><div class="z-container z-header__bar"><a class="z-brand"${attribute('href', urls.home(lang))}><span>${t(lang, 'site.name')}</span><small>${t(lang, 'site.tagline')}</small></a><nav class="z-langs"${attribute('aria-label', t(lang, 'language.choose'))}><ul>${locales.map(
    (locale) =>
      html`<li><a${attribute('href', alternates[locale.code] ?? urls.home(locale.code))}${attribute('lang', locale.code)}${attribute('hreflang', locale.code)}${attribute('aria-current', locale.code === lang ? 'true' : undefined)}>${locale.name}</a></li>`,
  )}</ul></nav></div><nav class="z-nav"${attribute('aria-label', t(lang, 'nav.label'))}><ul class="z-container">${nav.map(
    (item) =>
      html`<li><a${attribute('href', item.href)}${attribute('aria-current', item.key === section ? 'page' : undefined)}>${item.label}</a></li>`,
  )}</ul></nav></header>`
}

/** The footer: what the portal is, and links to the pages about it (CMS pages when they exist). */
export function frameFooter(lang: LocaleCode): Html {
  const links = [
    { slug: 'about-plan', href: urls.page(lang, 'about-plan'), label: t(lang, 'nav.about') },
    { slug: null, href: urls.organisations(lang), label: t(lang, 'nav.organisations') },
    { slug: null, href: urls.subscribe(lang), label: t(lang, 'subscribe.nav') },
    { slug: null, href: urls.widgets(lang), label: t(lang, 'widgets.nav') },
    { slug: null, href: urls.takePart(lang), label: t(lang, 'submit.nav') },
    { slug: null, href: urls.initiatives(lang), label: t(lang, 'initiatives.nav') },
    { slug: null, href: urls.inventory(lang), label: t(lang, 'inventory.nav') },
    { slug: 'privacy', href: urls.page(lang, 'privacy'), label: t(lang, 'footer.privacy') },
    {
      slug: 'accessibility',
      href: urls.page(lang, 'accessibility'),
      label: t(lang, 'footer.accessibility'),
    },
    { slug: 'imprint', href: urls.page(lang, 'imprint'), label: t(lang, 'footer.imprint') },
  ].filter((link) => link.slug === null || hasPage(link.slug))
  return html`<footer class="z-footer"><div class="z-container"><p>${t(lang, 'footer.about')}</p><ul>${links.map(
    (link) => html`<li><a${attribute('href', link.href)}>${link.label}</a></li>`,
  )}</ul></div></footer>`
}

/** A whole page's parts, for frameDocument: its head, its navigation entry and its content. */
export interface FrameDocument {
  head: FrameHead
  section: Section
  /** The page's content, inside <main>. */
  main: () => Html
}

/**
 * The document parts of a document's own page (an event's, a resource's): indexed, its title and
 * summary in the head, its path in every language as the alternates.
 */
export function detailDocument(
  lang: LocaleCode,
  path: string,
  section: Section,
  item: { title: string; summary: string | undefined; jsonLd?: unknown },
  main: () => Html,
): FrameDocument {
  return {
    head: {
      lang,
      title: item.title,
      description: item.summary,
      noindex: false,
      path,
      alternates: everyLanguage(path),
      jsonLd: item.jsonLd,
    },
    section,
    main,
  }
}

/**
 * A whole page as web/layouts/Base.astro renders it (searchable, with the head's alternates as
 * the language switcher's links): a full build writes the event and resource pages with this
 * (web/lib/pageWriter.ts). `headAddition` is what Astro adds at the end of the head (the
 * stylesheet), taken from a page Astro rendered; the build compares this function's version of
 * such a page with Astro's, byte for byte, before it writes the others.
 */
export function frameDocument(page: FrameDocument, site: URL, headAddition: string): string {
  const { lang, alternates } = page.head
  const root = documentLanguage(lang)
  return `<!DOCTYPE html>${html`<html${attribute('lang', root.lang)}${attribute('dir', root.dir)}><head>${frameHead(page.head, site)}${new Html(headAddition)}</head><body>${frameHeader(lang, alternates, page.section)}<main id="main" class="z-container" data-pagefind-body>${page.main()}</main>${frameFooter(lang)}</body></html>`.value}`
}
