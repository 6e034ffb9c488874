// npm run rollback [-- <version>]: makes the snapshot version before the live one (or the one
// named) live again; every running server follows within a second. `--list` shows the versions.
// The next publish makes a new version from the database again.
import { SnapshotStore } from '../cms/domain/snapshotStore'
import { snapshotsDir } from '../cms/settings'

const store = new SnapshotStore(snapshotsDir())
const args = process.argv.slice(2)
const named = args.find((arg) => !arg.startsWith('-'))
const live = store.live()
if (args.includes('--list')) {
  for (const version of store.versions())
    console.log(`${version === live?.version ? '*' : ' '} ${version}`)
  process.exit(0)
}
try {
  const pointer = named ? store.activate(named) : store.rollback()
  if (!pointer) throw new Error('There is no earlier version to go back to.')
  console.log(`[rollback] Live snapshot: ${pointer.version} (was ${live?.version ?? 'none'}).`)
  console.log('[rollback] The next publish makes a new version from the database again.')
} catch (error) {
  console.error(`[rollback] ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
