/**
 * Run before `next dev` and `next build`: migrate the database, and load the demo content into
 * an empty one (pages that list content at build time need a migrated database).
 * Pass --no-seed to only migrate.
 */
import { getPayload } from 'payload'

import config from '../payload.config'
import { migrateDatabase } from '../platform/migrate'
import { seed } from '../seed/index'

const payload = await getPayload({ config })
await migrateDatabase(payload)
if (!process.argv.includes('--no-seed')) {
  const result = await seed(payload)
  if (result.adminCreated?.password) {
    console.log(
      `\nAdmin account created (shown once, keep it):\n  email:    ${result.adminCreated.email}\n  password: ${result.adminCreated.password}\n`,
    )
  }
  if (result.seeded) console.log(`Loaded the demo content: ${JSON.stringify(result.counts)}`)
}
process.exit(0)
