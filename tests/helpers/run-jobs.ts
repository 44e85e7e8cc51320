/**
 * A fresh process on an existing database: run the job queue once (what `jobs.autoRun` does each
 * minute after a server starts) and print one statement's publish status.
 * Used by tests/integration/jobs-restart.test.ts: `node --conditions=production --import tsx tests/helpers/run-jobs.ts <statement id>`.
 */
import { getPayload } from 'payload'

import config from '../../payload.config'

const payload = await getPayload({ config })
await payload.jobs.run({ queue: 'default' })
const id = process.argv[2]
const doc = await payload.findByID({ collection: 'statements', id, overrideAccess: true, depth: 0 })
console.log(`STATUS=${doc._status}`)
process.exit(0)
