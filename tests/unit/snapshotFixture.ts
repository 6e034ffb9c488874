// The site's content over a hand-written snapshot.
import { zonedFromWallTime } from '../../cms/domain/dates'
import type { SiteSnapshot } from '../../cms/domain/snapshot'
import { SiteContent } from '../../web/lib/content'
import * as ical from '../../web/lib/ical'

/** A Luxembourg wall time ("2027-01-06T19:00:00") as the UTC instant Payload stores. */
export const at = (wall: string) => zonedFromWallTime(wall).toUTC().toISO()!

export async function withSnapshot(snapshot: SiteSnapshot) {
  return { content: new SiteContent(snapshot), ical }
}
