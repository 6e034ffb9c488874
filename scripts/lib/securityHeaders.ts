// Security headers. The public site gets a strict Content-Security-Policy: scripts only from the
// site itself (no inline scripts; WebAssembly for the search index), no framing by other sites.
// Payload's admin (a Next.js app with its own inline scripts) gets the headers that do not
// constrain its scripts. The embeddable widgets are the one exception to "no framing": any site
// may frame them, and their own policy allows nothing but their stylesheet.
import { createHash } from 'node:crypto'
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'

/** The public site's policy; also that of every page of the site the CMS answers with. */
export const SITE_CONTENT_SECURITY_POLICY = [
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
    'content-security-policy': SITE_CONTENT_SECURITY_POLICY,
    'cross-origin-opener-policy': 'same-origin',
  }
}

/** Whether a Content-Security-Policy says who may frame the document. */
function statesFraming(policy: unknown): boolean {
  return /(^|;)\s*frame-ancestors\s/i.test(String(policy ?? ''))
}

/** The Content-Security-Policy among headers given to writeHead, in any of its forms. */
function policyIn(headers: unknown): unknown {
  if (Array.isArray(headers)) {
    const flat = headers.flat() as unknown[]
    const at = flat.findIndex(
      (item, index) => index % 2 === 0 && String(item).toLowerCase() === 'content-security-policy',
    )
    return at >= 0 ? flat[at + 1] : undefined
  }
  if (headers && typeof headers === 'object') {
    const entry = Object.entries(headers).find(
      ([name]) => name.toLowerCase() === 'content-security-policy',
    )
    return entry?.[1]
  }
  return undefined
}

/**
 * Gives a CMS response the headers of every response. X-Frame-Options is decided when the
 * response is sent, from the response itself: a document that states its own frame-ancestors
 * (the widgets: any site) gets none, so no document carries two framing policies, whatever
 * spelling of its path reached it; every other one is framed by the portal only. Node has no
 * event before the headers go out, hence the wrapped writeHead of this one response.
 */
export function setCmsSecurityHeaders(res: ServerResponse, https: boolean): void {
  const { 'x-frame-options': frameOptions, ...headers } = commonSecurityHeaders(https)
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value!)
  const writeHead = res.writeHead
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const given = args.find((arg, index) => index > 0 && typeof arg === 'object')
    const stated = statesFraming(res.getHeader('content-security-policy'))
    if (!stated && !statesFraming(policyIn(given)) && !res.hasHeader('x-frame-options'))
      res.setHeader('x-frame-options', frameOptions!)
    return (writeHead as (...all: unknown[]) => ServerResponse).apply(this, args)
  } as ServerResponse['writeHead']
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
