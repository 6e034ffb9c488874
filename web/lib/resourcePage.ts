// A resource's page (inside the page frame): what it is, where, in which languages, address,
// opening hours, contact, description. Written as HTML text (web/lib/html.ts), like the event
// page: a full build writes the resource pages outside Astro's page pipeline
// (web/lib/pageWriter.ts), and the Astro route puts the same article in the frame for the
// pages Astro renders.
import type { LocaleCode } from '../../locales/config'
import { addressLine, type ResourceView } from './content'
import { shortDate } from './dates'
import { detailDocument, type FrameDocument } from './frame'
import { attribute, html, type Html } from './html'
import { languageName, t } from '../../locales/i18n'
import { demoBadge, fallbackNote, localized, richText, searchFilters } from './markup'
import { urls } from '../../cms/domain/urls'

function contact(lang: LocaleCode, resource: ResourceView): Html {
  const { url, email, phone } = resource.contact
  if (!url && !email && !phone) return html``
  return html`<dt>${t(lang, 'resource.contact')}</dt><dd>${
    url && html`<div><a${attribute('href', url)}>${t(lang, 'resource.website')}</a></div>`
  }${email && html`<div><a${attribute('href', `mailto:${email}`)}>${email}</a></div>`}${
    phone && html`<div>${phone}</div>`
  }</dd>`
}

/** The article of a resource's page. */
export function resourceArticle(lang: LocaleCode, resource: ResourceView): Html {
  const { address } = resource
  const communes = resource.communes.map((commune) => commune.name.value)
  return html`<article><h1>${localized(resource.title)}</h1>${demoBadge(lang, resource.demo, true)}${fallbackNote(
    lang,
    [resource.title, resource.summary, resource.description, resource.openingHours],
  )}${resource.summary && localized(resource.summary, 'p', 'z-lead')}<dl class="z-facts"><dt>${t(lang, 'resource.typeLabel')}</dt><dd>${t(lang, `resource.type.${resource.type}`)}</dd><dt>${t(lang, 'resource.where')}</dt><dd>${
    communes.length === 0 ? t(lang, 'resources.regionWide') : communes.join(', ')
  }</dd>${
    resource.languagesOffered.length > 0 &&
    html`<dt>${t(lang, 'resource.languages')}</dt><dd>${resource.languagesOffered.map((code) => languageName(code, lang)).join(', ')}</dd>`
  }${
    (address.street || address.locality) &&
    html`<dt>${t(lang, 'resource.address')}</dt><dd>${addressLine(address)}</dd>`
  }${
    resource.openingHours &&
    html`<dt>${t(lang, 'resource.openingHours')}</dt><dd>${localized(resource.openingHours)}</dd>`
  }${contact(lang, resource)}</dl>${resource.description && richText(resource.description)}${
    resource.lastReviewed &&
    html`<p class="z-meta">${t(lang, 'resource.lastReviewed', { date: shortDate(lang, resource.lastReviewed) })}</p>`
  }<p><a${attribute('href', urls.resources(lang))}>${t(lang, 'resources.back')}</a></p>${searchFilters(lang, 'resource', communes)}</article>`
}

/** A resource's page as the frame's document parts (see frameDocument). */
export function resourcePage(lang: LocaleCode, resource: ResourceView): FrameDocument {
  return detailDocument(
    lang,
    urls.resource(lang, resource.slug),
    'resources',
    { title: resource.title.value, summary: resource.summary?.value },
    () => resourceArticle(lang, resource),
  )
}
