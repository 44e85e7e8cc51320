// A campaign's status (upcoming / ongoing / past) is worked out from its dates on every read and
// never stored, so it cannot go stale and staff cannot set it by hand.
import type { Payload } from 'payload'

import { databaseKind } from '../../platform/database'
import { createUser, makeCampaign, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { gql, rest } from '../helpers/rest'

let payload: Payload
let editor: StaffMember

const DAY = 24 * 60 * 60 * 1000
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString()
/** Midnight UTC today, as the admin's day-only date picker stores it. */
const today = () => new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00.000Z').toISOString()

beforeAll(async () => {
  payload = await testPayload()
  await createUser(payload, 'admin')
  editor = await createUser(payload, 'editor')
})
afterAll(closePayload)

test.each([
  ['upcoming', iso(10), iso(20)],
  ['ongoing', iso(-5), iso(5)],
  ['past', iso(-20), iso(-10)],
  ['ongoing', iso(-5), today()], // the end date is inclusive: the last day still counts
  [null, undefined, undefined], // no dates: no status, never "ongoing"
])('REST shows %s for start %s, end %s', async (expected, startDate, endDate) => {
  const campaign = await makeCampaign(payload, { startDate, endDate, _status: 'published' })
  const res = await rest('GET', `/campaigns/${campaign.id}`)
  expect(res.status).toBe(200)
  expect(res.body.status).toBe(expected)
  const list = await rest('GET', `/campaigns?where[id][equals]=${campaign.id}`)
  expect(list.body.docs[0].status).toBe(expected)
})

test('GraphQL shows the derived status too', async () => {
  const campaign = await makeCampaign(payload, { startDate: iso(-20), endDate: iso(-10), _status: 'published' })
  const res = await gql(`{ Campaign(id: ${JSON.stringify(campaign.id)}) { status } }`)
  expect(res.body.data.Campaign.status).toBe('past')
})

test('a status sent by staff is ignored: the dates decide', async () => {
  const res = await rest('POST', '/campaigns', {
    token: editor.token,
    body: { title: 'Hand-set status', startDate: iso(10), endDate: iso(20), status: 'past', _status: 'published' },
  })
  expect(res.status).toBe(201)
  expect(res.body.doc.status).toBe('upcoming')
  const patched = await rest('PATCH', `/campaigns/${res.body.doc.id}`, { token: editor.token, body: { status: 'past' } })
  expect(patched.body.doc.status).toBe('upcoming')
})

test('changing the dates changes the status at once', async () => {
  const campaign = await makeCampaign(payload, { startDate: iso(10), endDate: iso(20), _status: 'published' })
  await payload.update({ collection: 'campaigns', id: campaign.id, data: { startDate: iso(-20), endDate: iso(-10) }, overrideAccess: true })
  expect((await rest('GET', `/campaigns/${campaign.id}`)).body.status).toBe('past')
})

;(databaseKind() === 'sqlite' ? test : test.skip)('the status is never stored: no status column in the campaigns tables', async () => {
  for (const table of ['campaigns', '_campaigns_v']) {
    const result = await (payload.db as any).client.execute(`PRAGMA table_info(${table})`)
    const columns = result.rows.map((r: any) => String(r.name))
    expect(columns).toEqual(expect.arrayContaining(table === 'campaigns' ? ['start_date', 'end_date'] : ['version_start_date', 'version_end_date']))
    expect(columns).not.toContain('status')
    expect(columns).not.toContain('version_status')
  }
})
