/**
 * Queue a scheduled publish or unpublish exactly as the admin's Schedule drawer does
 * (@payloadcms/ui schedulePublishHandler: a `schedulePublish` job with the document and the
 * scheduling user), on the database of a running test server, then exit. The server's own jobs
 * runner (`jobs.autoRun`, every minute, outside any request) carries it out.
 * Usage: node --conditions=production --import tsx tests/helpers/queue-schedule.ts <collection> <id> <publish|unpublish> <user email> [seconds from now]
 */
import { getPayload } from 'payload'

import config from '../../payload.config'

const [collection, id, type, email, inSeconds = '0'] = process.argv.slice(2)
const payload = await getPayload({ config })
const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, overrideAccess: true })
if (!docs[0]) throw new Error(`No staff account ${email}`)
const job = await payload.jobs.queue({
  task: 'schedulePublish',
  input: { type, doc: { relationTo: collection, value: String(id) }, user: { relationTo: 'users', value: docs[0].id } },
  waitUntil: new Date(Date.now() + Number(inSeconds) * 1000),
} as never)
console.log(`QUEUED=${job.id}`)
process.exit(0)
