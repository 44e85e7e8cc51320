/**
 * `npm run seed` — load the demo content. Safe to run twice: a database that already has content
 * is left alone unless you pass --reset (which replaces the seeded collections).
 */
import { getPayload } from 'payload'

import config from '../payload.config'
import { settleChanges } from '../content/changes/outbox'
import { migrateDatabase } from '../platform/migrate'
import { seed } from './index'

const reset = process.argv.includes('--reset')
const payload = await getPayload({ config })
await migrateDatabase(payload)
const result = await seed(payload, { reset })
if (result.adminCreated) {
  const { email, password } = result.adminCreated
  console.log(password ? `\nAdmin account created (shown once):\n  email:    ${email}\n  password: ${password}\n` : `\nAdmin account created for ${email}.\n`)
}
console.log(result.seeded ? `Demo content loaded: ${JSON.stringify(result.counts)}` : result.reason)
// A running server refreshes the pages the new content touches (content/changes).
await settleChanges()
process.exit(0)
