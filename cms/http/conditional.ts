// Conditional requests (RFC 9110 13.1.2): whether an If-None-Match header names this entity tag,
// compared weakly (a W/ prefix is ignored), `*` matching any. Shared by the static site server and
// the live calendar feed.
export function ifNoneMatchMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*')
}
