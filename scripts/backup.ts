/**
 * `npm run backup [-- --out <folder>]`: one timestamped archive (database + media + manifest) in
 * backups/ (or --out). Safe while the server runs. See platform/backup.ts and docs/deployment.md.
 */
import path from 'node:path'

import { BackupError, createBackup, instanceFromEnv } from '../platform/backup'

const args = process.argv.slice(2)
const outIndex = args.indexOf('--out')
const outDir = path.resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : 'backups')

try {
  const archive = await createBackup(instanceFromEnv(), outDir)
  console.log(`Backup written: ${archive}`)
} catch (err) {
  console.error(err instanceof BackupError ? `Backup failed: ${err.message}` : err)
  process.exit(1)
}
