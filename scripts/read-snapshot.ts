// Reads the published content with the public's rights into a snapshot file (web/lib/snapshot.ts).
// The site build runs this in a process of its own: Payload and everything it loads go away with
// it, and the build's process stays small while Astro renders beside it on the other core.
//
//   node --import tsx/esm scripts/read-snapshot.ts <file>
import { renameSync, writeFileSync } from 'node:fs'
import { openPayload } from '../cms/openPayload'
import { readSnapshot } from '../cms/snapshot/read'

const file = process.argv[2]
if (!file) {
  console.error('Usage: read-snapshot.ts <file>')
  process.exit(2)
}
const payload = await openPayload()
try {
  const snapshot = await readSnapshot(payload)
  // Renamed into place: a reader never sees half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(snapshot))
  renameSync(`${file}.tmp`, file)
} finally {
  await payload.destroy()
}
// Payload may leave timers behind; the snapshot is written, so the process is done.
process.exit(0)
