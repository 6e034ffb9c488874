// Loads the site's content modules over a hand-written snapshot (the module reads the snapshot
// named by ZESUMMEN_SNAPSHOT once, so this runs before the first import).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { zonedFromWallTime } from '../../cms/domain/dates'
import type { SiteSnapshot } from '../../cms/domain/snapshot'

/** A Luxembourg wall time ("2027-01-06T19:00:00") as the UTC instant Payload stores. */
export const at = (wall: string) => zonedFromWallTime(wall).toUTC().toISO()!

export async function withSnapshot(snapshot: SiteSnapshot) {
  const dir = mkdtempSync(path.join(tmpdir(), 'zesummen-snapshot-'))
  const file = path.join(dir, 'snapshot.json')
  writeFileSync(file, JSON.stringify(snapshot))
  process.env.ZESUMMEN_SNAPSHOT = file
  return {
    content: await import('../../web/lib/content'),
    ical: await import('../../web/lib/ical'),
  }
}
