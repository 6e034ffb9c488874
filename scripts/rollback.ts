// npm run rollback [-- <release-id>]: makes the release before the live one (or the one named)
// live again. The running server serves it from the next request on. `--list` shows releases.
import { releasesDir } from '../cms/settings'
import { activate, currentReleaseId, listReleases, rollbackTarget } from './lib/releases'

const releases = releasesDir()
const args = process.argv.slice(2)
try {
  if (args.includes('--list')) {
    const live = currentReleaseId(releases)
    for (const release of listReleases(releases)) {
      console.log(
        `${release.id === live ? '*' : ' '} ${release.id}  ${release.pages} pages, built in ${(release.durationMs / 1000).toFixed(1)} s`,
      )
    }
  } else {
    const from = currentReleaseId(releases)
    const target = rollbackTarget(
      releases,
      args.find((arg) => !arg.startsWith('-')),
    )
    activate(releases, target.id)
    console.log(`[rollback] Live release: ${target.id} (was ${from ?? 'none'}).`)
    console.log('[rollback] The next publish builds a new release from the database again.')
  }
} catch (error) {
  console.error(`[rollback] ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
