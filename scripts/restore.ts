/**
 * `npm run restore -- <archive> [--force]`: bring a backup made by `npm run backup` back into the
 * instance DATABASE_URI and MEDIA_DIR point to. Stop the app servers first. Refuses to replace an
 * instance that already has content unless --force is given.
 */
import path from 'node:path'

import { BackupError, instanceFromEnv, restoreBackup } from '../platform/backup'

const args = process.argv.slice(2)
const archive = args.find((a) => !a.startsWith('--'))
if (!archive) {
  console.error('Usage: npm run restore -- <backup archive .tar.gz> [--force]')
  process.exit(2)
}

try {
  const manifest = await restoreBackup(path.resolve(archive), instanceFromEnv(), { force: args.includes('--force') })
  const media =
    manifest.media.stored === 's3' ? 'media live in the S3 bucket (not in the archive)' : `${manifest.media.files.length} media files`
  console.log(`Restored the ${manifest.engine} database and ${media} from the backup made ${manifest.createdAt}.`)
  // Every page, feed and cached API answer may now be wrong: the change pipeline refreshes them all
  // (now if a server is running, otherwise as soon as one starts).
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { everythingChanged } = await import('../content/changes/outbox')
  await everythingChanged(await getPayload({ config }), 'a backup was restored')
  process.exit(0)
} catch (err) {
  console.error(err instanceof BackupError ? `Restore failed: ${err.message}` : err)
  process.exit(1)
}
