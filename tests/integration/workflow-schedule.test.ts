/**
 * Issue 4, scheduled publishing: a scheduled publish fires when the jobs runner runs; the runner's
 * endpoint needs an editor/admin or the CRON_SECRET; a contributor's scheduled publish does not
 * publish; overdue jobs are shown to editors on the dashboard instead of being silently lost.
 */
import type { Payload } from 'payload'

import type { Role } from '../../access/roles'
import { workflowDashboard } from '../../workflow/dashboard'
import { createStaff, makeProgram, makeStatement, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

let payload: Payload
let staff: Record<Role, StaffMember>
const CRON_SECRET = 'cron-secret-for-tests-0123456789'

beforeAll(async () => {
  process.env.CRON_SECRET = CRON_SECRET
  payload = await testPayload()
  staff = await createStaff(payload)
}, 180_000)
afterAll(async () => {
  delete process.env.CRON_SECRET
  await closePayload()
})

/** What the admin's "Schedule" drawer queues (see @payloadcms/ui schedulePublishHandler). */
function schedule(collection: string, id: number | string, user: StaffMember, type: 'publish' | 'unpublish', at: Date) {
  return payload.jobs.queue({
    task: 'schedulePublish',
    input: { type, doc: { relationTo: collection, value: String(id) }, user: { relationTo: 'users', value: user.id } } as any,
    waitUntil: at,
  })
}

const status = async (collection: 'programs' | 'statements', id: number | string) =>
  ((await payload.findByID({ collection, id, depth: 0 })) as any)._status

test('a scheduled publish fires when the jobs run, and is attributed to who scheduled it', async () => {
  const draft = await makeStatement(payload)
  await schedule('statements', draft.id, staff.editor, 'publish', new Date(Date.now() + 60_000))
  await payload.jobs.run()
  expect(await status('statements', draft.id)).toBe('draft') // not yet due

  await schedule('statements', draft.id, staff.editor, 'publish', new Date(Date.now() - 1000))
  await payload.jobs.run()
  expect(await status('statements', draft.id)).toBe('published')
  const anonymous = await rest('GET', `/statements/${draft.id}`)
  expect(anonymous.status).toBe(200)

  const { docs } = await payload.find({
    collection: 'audit-log',
    where: { targetCollection: { equals: 'statements' }, targetId: { equals: String(draft.id) }, action: { equals: 'published' } },
  })
  expect((docs[0] as any).userEmail).toBe(staff.editor.email)
})

test('a scheduled unpublish takes the page down', async () => {
  const live = await makeProgram(payload, { _status: 'published' })
  await schedule('programs', live.id, staff.editor, 'unpublish', new Date(Date.now() - 1000))
  await payload.jobs.run()
  expect(await status('programs', live.id)).toBe('draft')
})

test("a contributor's scheduled publish does not publish (the job runs with their rights)", async () => {
  const mine = await makeProgram(payload, { createdBy: staff.contributor.id })
  await schedule('programs', mine.id, staff.contributor, 'publish', new Date(Date.now() - 1000))
  await payload.jobs.run()
  expect(await status('programs', mine.id)).toBe('draft')
  // …and the failure is visible to editors, not lost.
  const board = await workflowDashboard(payload, staff.editor.user)
  const job = board.scheduled.find((j) => String(j.docId) === String(mine.id))
  expect(job?.failed).toBe(true)
})

test('overdue jobs are flagged on the editors’ dashboard; contributors do not see the queue', async () => {
  const draft = await makeProgram(payload, { title: 'Waiting for the runner' })
  await schedule('programs', draft.id, staff.editor, 'publish', new Date(Date.now() - 60 * 60 * 1000))
  const board = await workflowDashboard(payload, staff.editor.user)
  const job = board.scheduled.find((j) => String(j.docId) === String(draft.id))
  expect(job).toMatchObject({ overdue: true, type: 'publish', title: 'Waiting for the runner' })
  expect((await workflowDashboard(payload, staff.contributor.user)).scheduled).toEqual([])
})

describe('/api/payload-jobs/run', () => {
  test('refuses anonymous callers, contributors and a wrong secret', async () => {
    expect((await rest('GET', '/payload-jobs/run')).status).toBe(401)
    expect((await rest('GET', '/payload-jobs/run', { token: staff.contributor.token })).status).toBe(401)
    expect((await rest('GET', '/payload-jobs/run', { headers: { Authorization: 'Bearer not-the-secret' } })).status).toBe(401)
  })

  test('runs for an editor and for a cron with the CRON_SECRET', async () => {
    const draft = await makeStatement(payload)
    await schedule('statements', draft.id, staff.editor, 'publish', new Date(Date.now() - 1000))
    const byCron = await rest('GET', '/payload-jobs/run', { headers: { Authorization: `Bearer ${CRON_SECRET}` } })
    expect(byCron.status).toBe(200)
    expect(await status('statements', draft.id)).toBe('published')
    expect((await rest('GET', '/payload-jobs/run', { token: staff.editor.token })).status).toBe(200)
  })

  test('the jobs queue itself is not readable or writable through the API', async () => {
    expect((await rest('GET', '/payload-jobs', { token: staff.admin.token })).status).toBe(403)
    expect((await rest('POST', '/payload-jobs', { token: staff.contributor.token, body: { taskSlug: 'schedulePublish' } })).status).toBe(403)
  })
})
