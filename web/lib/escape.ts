// Text inside HTML or XML markup built as strings (the submission forms, the SVG charts).
const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** The five characters that markup gives a meaning to, as entities: safe in text and attributes. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => entities[c]!)
