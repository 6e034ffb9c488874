// npm run restore -- <archive> [--force]: puts a backup back. Stop the portal first. Existing
// data is moved aside (…before-restore-<time>), never deleted; --force is needed when there is any.
import { parseArgs } from 'node:util'
import { SettingsError, sqliteFile, uploadDirs } from '../cms/settings'
import { BackupError, restoreBackup } from './lib/backup'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean', default: false } },
})

try {
  const archive = positionals[0]
  if (!archive)
    throw new BackupError('Name the archive: npm run restore -- backups/zesummen-….tar.gz')
  await restoreBackup({
    archive,
    databaseFile: sqliteFile(),
    uploads: uploadDirs(),
    force: values.force,
    progress: (text) => console.log(`[restore] ${text}`),
  })
  console.log(
    '[restore] Done. Start the portal; run `npm run build` if the site should show the restored content now.',
  )
} catch (error) {
  if (!(error instanceof BackupError || error instanceof SettingsError)) throw error
  console.error(`[restore] ${error.message}`)
  process.exit(1)
}
