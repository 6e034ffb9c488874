// Format checks shared by CMS fields, importers and the public forms.

export function isHttpUrl(value: string): boolean {
  if (value.length > 2048) return false
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

/** An address with a scheme other than http(s): `javascript:`, `data:`, `file:`… */
export function hasForeignScheme(value: string): boolean {
  // Browsers ignore leading spaces and control characters, and tabs or newlines inside a scheme.
  // eslint-disable-next-line no-control-regex -- those characters are what is removed
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ''))
  return scheme !== null && !['http', 'https'].includes(scheme[1]!.toLowerCase())
}

// Deliberately simple: one @, no spaces, a dot in the domain. Delivery is the real test.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/

export function isEmail(value: string): boolean {
  return value.length <= 254 && emailPattern.test(value)
}

// Digits with optional leading + and separators; 6–15 digits as in E.164.
export function isPhoneNumber(value: string): boolean {
  if (!/^\+?[\d\s().\-/]+$/.test(value)) return false
  const digits = value.replace(/\D/g, '')
  return digits.length >= 6 && digits.length <= 15
}

/** Lower case without accents ("Fête" → "fete", "Straße" → "strasse"), for comparing words. */
export function foldedText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
}

/** URL-safe identifier from a title: lowercase ASCII, words joined by hyphens. */
export function slugify(text: string): string {
  return foldedText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '')
}
