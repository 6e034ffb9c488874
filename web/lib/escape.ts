// Text inside HTML or XML markup built as strings (the submission forms, the SVG charts, the
// pages' parts of web/lib/html.ts). Astro's escaping of an expression, character for character.
const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

const ESCAPABLE = /[&<>"']/

/**
 * The five characters that markup gives a meaning to, as entities: safe in text and attributes.
 * Text without them (most of a page's) is returned as it is, without a replace.
 */
export const escapeHtml = (value: string) =>
  ESCAPABLE.test(value) ? value.replace(/[&<>"']/g, (c) => entities[c]!) : value
