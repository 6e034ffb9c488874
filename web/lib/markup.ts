// The small parts of pages, as HTML text (web/lib/html.ts): an event's page is made of them, and
// the Astro components of the same names write them (<Fragment set:html>), so each part's markup
// is in one place.
import { type LocaleCode, localeDefinition } from '../../locales/config'
import type { ImageView, RichText, Text } from './content'
import { attribute, html, type Html } from './html'
import { joinList, languageName, t } from '../../locales/i18n'

/**
 * A text from the CMS; when it is shown in another language than the page's, it carries that
 * language's `lang` so screen readers pronounce it right.
 */
export function localized(
  text: Text | null | undefined,
  tag: 'span' | 'p' | 'h2' = 'span',
  className?: string,
): Html {
  if (!text) return html``
  return html`<${tag}${attribute('class', className)}${attribute('lang', text.fallback ? text.lang : undefined)}>${text.value}</${tag}>`
}

/** The visible note when an item is shown (partly) in another language than the reader's. */
export function fallbackNote(
  lang: LocaleCode,
  texts: readonly ({ lang: LocaleCode; fallback: boolean } | null | undefined)[],
): Html {
  const used = [...new Set(texts.filter((text) => text?.fallback).map((text) => text!.lang))]
  if (used.length === 0) return html``
  const names = used.map((code) => languageName(localeDefinition(code).code, lang))
  return html`<p class="z-fallback">${t(lang, 'fallback.shownIn', { language: joinList(lang, names) })}</p>`
}

/** Shipped example content is always labelled, wherever it is shown. */
export function demoBadge(lang: LocaleCode, demo: boolean, explain = false): Html {
  if (!demo) return html``
  return html`<span class="z-badge z-badge--demo">${t(lang, 'demo.badge')}</span>${explain && html`<p class="z-banner">${t(lang, 'demo.explanation')}</p>`}`
}

const iconPaths: Record<string, string> = {
  'step-free': 'M12 4a2 2 0 1 0 0-.01M10 8h4l-1 6h4l2 6M9 10a6 6 0 1 0 6 8',
  'accessible-toilet': 'M6 3v18M18 3v18M9 8h6M9 16h6',
  'hearing-loop': 'M8 18a6 6 0 1 1 8-8c0 4-4 4-4 8a2 2 0 0 1-4 0M4 20l16-16',
  'easy-read': 'M4 5h7v14H4zM13 5h7v14h-7M6 9h3M15 9h3M6 13h3M15 13h3',
  childcare: 'M12 6a3 3 0 1 0 0-.01M7 21l2-8h6l2 8M8 13l-3-3M16 13l3-3',
  'quiet-room': 'M11 5 6 9H3v6h3l5 4zM16 9l5 6M21 9l-5 6',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v4M16 3v4',
  place: 'M12 21s7-6 7-12a7 7 0 0 0-14 0c0 6 7 12 7 12zM12 11a2 2 0 1 0 0-.01',
  language: 'M4 5h10M9 3v2M6 5c1 5 4 8 8 9M13 5c-1 4-4 8-9 10M14 21l4-10 4 10M15.5 17h5',
}

/** A simple line icon, always next to a text (decorative: aria-hidden). */
export function icon(name: string): Html {
  return html`<svg class="z-icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path${attribute('d', iconPaths[name] ?? iconPaths.calendar)}></path></svg>`
}

/**
 * A content image at full width, with its WebP sizes and its alternative text in the language it
 * was written in.
 */
export function imageFigure(image: ImageView): Html {
  return html`<figure class="z-figure"><img${attribute('src', image.src)}${attribute('srcset', image.srcset || undefined)} sizes="(min-width: 64rem) 60rem, 100vw"${attribute('width', image.width)}${attribute('height', image.height)}${attribute('alt', image.alt?.value ?? '')}${attribute('lang', image.alt?.fallback ? image.alt.lang : undefined)} decoding="async"></figure>`
}

/**
 * Pagefind filter values of a page (type, communes, topics, target groups), named in the reader's
 * language. Invisible; Pagefind reads them when indexing.
 */
export function searchFilters(
  lang: LocaleCode,
  type: 'event' | 'action' | 'resource',
  communes: readonly string[] = [],
  categories: readonly string[] = [],
  targetGroups: readonly string[] = [],
): Html {
  const filters: [string, string][] = [
    [t(lang, 'search.filter.type'), t(lang, `search.type.${type}`)],
    ...communes.map((value): [string, string] => [t(lang, 'search.filter.commune'), value]),
    ...categories.map((value): [string, string] => [t(lang, 'search.filter.category'), value]),
    ...targetGroups.map((value): [string, string] => [t(lang, 'search.filter.targetGroup'), value]),
  ]
  return html`<div hidden>${filters.map(([name, value]) => html`<span${attribute('data-pagefind-filter', `${name}:${value}`)}></span>`)}</div>`
}

// ---------------------------------------------------------------------------------------------
// Rich text: the CMS's Lexical JSON as HTML. Text is always escaped; only known node types are
// rendered, links only with http(s) or mailto targets.

interface RichNode {
  type?: string
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  url?: string
  fields?: { url?: string; newTab?: boolean }
  children?: RichNode[]
}

const safeHref = (href: string | undefined) =>
  href && /^(https?:|mailto:)/i.test(href) ? href : undefined
const bold = (node: RichNode) => typeof node.format === 'number' && (node.format & 1) === 1
const italic = (node: RichNode) => typeof node.format === 'number' && (node.format & 2) === 2

function richNodes(nodes: readonly RichNode[]): Html {
  return html`${nodes.map(richNode)}`
}

function richNode(node: RichNode): Html | string | undefined {
  const inner = () => richNodes(node.children ?? [])
  switch (node.type) {
    case 'text':
      return bold(node)
        ? html`<strong>${node.text}</strong>`
        : italic(node)
          ? html`<em>${node.text}</em>`
          : node.text
    case 'linebreak':
      return html`<br>`
    case 'paragraph':
      return html`<p>${inner()}</p>`
    // A heading stays h4 when it is one, any other level becomes h3 (pages have their h1, h2).
    case 'heading':
      return node.tag === 'h4' ? html`<h4>${inner()}</h4>` : html`<h3>${inner()}</h3>`
    case 'list':
      return node.listType === 'number' ? html`<ol>${inner()}</ol>` : html`<ul>${inner()}</ul>`
    case 'listitem':
      return html`<li>${inner()}</li>`
    case 'quote':
      return html`<blockquote>${inner()}</blockquote>`
    case 'link':
    case 'autolink': {
      const href = safeHref(node.fields?.url ?? node.url)
      return href ? html`<a${attribute('href', href)}>${inner()}</a>` : inner()
    }
    default:
      return node.children ? richNodes(node.children) : undefined
  }
}

/** Rich text in its box, with the language it was written in when that is not the page's. */
export function richText(value: RichText | null | undefined): Html {
  if (!value) return html``
  const children = (value.value.root.children ?? []) as RichNode[]
  return html`<div class="z-prose"${attribute('lang', value.fallback ? value.lang : undefined)}>${richNodes(children)}</div>`
}
