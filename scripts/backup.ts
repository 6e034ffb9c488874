// npm run backup: one archive with a consistent copy of the database and the uploaded files,
// taken while the portal runs. Writes BACKUP_DIR/zesummen-<time>.tar.gz.
import { backupDir, SettingsError, sqliteFile, uploadDirs } from '../cms/settings'
import { BackupError, createBackup } from './lib/backup'

try {
  const started = performance.now()
  const { archive, manifest } = await createBackup({
    databaseFile: sqliteFile(),
    uploads: uploadDirs(),
    backupDir: backupDir(),
    progress: (text) => console.log(`[backup] ${text}`),
  })
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0)
  console.log(
    `[backup] Done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${archive} (${rows} rows in ${Object.keys(manifest.tables).length} tables, ${manifest.media.files} files).`,
  )
} catch (error) {
  if (!(error instanceof BackupError || error instanceof SettingsError)) throw error
  console.error(`[backup] ${error.message}`)
  process.exit(1)
}
