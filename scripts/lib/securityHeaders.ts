// Security headers. The public site gets a strict Content-Security-Policy: scripts only from the
// site itself (no inline scripts; WebAssembly for the search index), no framing by other sites.
// Payload's admin (a Next.js app with its own inline scripts) gets the headers that do not
// constrain its scripts. The embeddable widgets are the one exception to "no framing": any site
// may frame them, and their own policy allows nothing but their stylesheet.
import { createHash } from 'node:crypto'
import type { OutgoingHttpHeaders } from 'node:http'
import { WIDGET_API_PREFIX } from '../../web/lib/urls'

const siteCsp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  // Pagefind's UI sets style attributes; no script may run inline.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

const HSTS = 'max-age=31536000; includeSubDomains'

/** Headers for every response of the portal, site and CMS alike. */
export function commonSecurityHeaders(https: boolean): OutgoingHttpHeaders {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'SAMEORIGIN',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    ...(https ? { 'strict-transport-security': HSTS } : {}),
  }
}

/** Headers for the static site's responses. */
export function siteSecurityHeaders(https: boolean): OutgoingHttpHeaders {
  return {
    ...commonSecurityHeaders(https),
    'content-security-policy': siteCsp,
    'cross-origin-opener-policy': 'same-origin',
  }
}

/**
 * Whether a request goes to a widget route (framing allowed): a plain name under the prefix and
 * nothing else, so that no dot segment or escaped character can lead framing to another route.
 */
export function isWidgetPath(url: string): boolean {
  if (!url.startsWith(WIDGET_API_PREFIX)) return false
  return /^[a-z-]+(\?|$)/.test(url.slice(WIDGET_API_PREFIX.length))
}

/** Headers for widget routes: those of every response, except the ban on framing. */
export function widgetSecurityHeaders(https: boolean): OutgoingHttpHeaders {
  const headers = commonSecurityHeaders(https)
  delete headers['x-frame-options']
  return headers
}

/**
 * A widget's Content-Security-Policy: framed by any site, no scripts, no requests of its own;
 * only its one <style> element, allowed by hash.
 */
export function widgetContentSecurityPolicy(stylesheet: string): string {
  const hash = createHash('sha256').update(stylesheet).digest('base64')
  return [
    "default-src 'none'",
    `style-src 'sha256-${hash}'`,
    "base-uri 'none'",
    "form-action 'none'",
    'frame-ancestors *',
  ].join('; ')
}
