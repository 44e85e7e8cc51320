/**
 * Abuse suite: drafts never leak through the real /api door (the route modules, with the partner
 * gateway and its response cache in front of Payload). Complements drafts-access.test.ts (which
 * checks Payload's handlers) with the doors that only exist in front of them: a staff member's
 * draft view cached and replayed to the public, counts and filters used as an oracle, version
 * history by id, and the internal collections.
 */
import type { Payload } from 'payload'

import { createStaff, makeStatement, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api, graphqlApi } from '../helpers/route'

// Rate limits are not what is tested here.
process.env.API_RATE_LIMIT_ANONYMOUS = '100000'

const SECRET = 'ZZSECRETDRAFT'
let payload: Payload
let editor: StaffMember
let draftOnly: any
let published: any
let versionId: string | number

beforeAll(async () => {
  payload = await testPayload()
  ;({ editor } = await createStaff(payload))
  draftOnly = await makeStatement(payload, { title: `${SECRET} never published` })
  published = await makeStatement(payload, { title: 'A published statement', _status: 'published' })
  await payload.update({
    collection: 'statements',
    id: published.id,
    draft: true,
    data: { title: `${SECRET} newer draft`, _status: 'draft' } as any,
    overrideAccess: true,
  })
  const versions = await payload.findVersions({ collection: 'statements', overrideAccess: true, limit: 1, sort: '-updatedAt' })
  versionId = versions.docs[0].id
}, 120_000)
afterAll(closePayload)

const leaks = (text: string) => text.includes(SECRET)

test('a staff member’s draft view is never replayed to anonymous readers from the response cache', async () => {
  for (const url of ['/statements?draft=true&depth=0', `/statements/${published.id}?draft=true&depth=0`, '/statements?depth=0']) {
    const staff = await api('GET', url, { token: editor.token })
    expect(staff.status).toBe(200)
    const anonymous = await api('GET', url)
    expect({ url, leaked: leaks(anonymous.text) }).toEqual({ url, leaked: false })
    // And again, now that an anonymous response may itself be cached.
    expect(leaks((await api('GET', url)).text)).toBe(false)
  }
  // Staff still see the draft (the test above is not vacuous).
  expect(leaks((await api('GET', '/statements?draft=true&depth=0', { token: editor.token })).text)).toBe(true)
})

test('filters and counts cannot be used to learn what a draft says', async () => {
  for (const url of [
    `/statements?where[title][like]=${SECRET}`,
    `/statements?where[title][like]=${SECRET}&draft=true`,
    '/statements?where[_status][equals]=draft',
    `/statements/count?where[title][like]=${SECRET}`,
    `/statements/count?where[title][like]=${SECRET}&draft=true`,
  ]) {
    const res = await api('GET', url)
    expect(res.status).toBeLessThan(500)
    if (res.status === 200) expect({ url, found: res.body.totalDocs }).toEqual({ url, found: 0 })
  }
})

test('drafts cannot be read by id, and version history is closed, through REST and GraphQL', async () => {
  for (const url of [
    `/statements/${draftOnly.id}`,
    `/statements/${draftOnly.id}?draft=true`,
    '/statements/versions',
    '/statements/versions?draft=true',
    `/statements/versions/${versionId}`,
  ]) {
    const res = await api('GET', url)
    expect({ url, status: res.status, leaked: leaks(res.text) }).toEqual({ url, status: expect.any(Number), leaked: false })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
  }
  for (const query of [
    `{ Statements(draft: true) { docs { title } } }`,
    `{ Statement(id: ${JSON.stringify(draftOnly.id)}, draft: true) { title } }`,
    `{ versionsStatements { docs { version { title } } } }`,
    `{ versionStatement(id: ${JSON.stringify(versionId)}) { version { title } } }`,
  ]) {
    const res = await graphqlApi(query)
    expect(res.status).toBeLessThan(500)
    expect({ query, leaked: leaks(res.text) }).toEqual({ query, leaked: false })
  }
})

test.each(['payload-preferences', 'payload-locked-documents', 'payload-jobs', 'payload-migrations', 'users', 'audit-log', 'partner-keys', 'webhook-endpoints', 'webhook-deliveries'])(
  'the internal collection %s is closed to the public',
  async (slug) => {
    const res = await api('GET', `/${slug}?limit=5`)
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.body?.docs).toBeUndefined()
  },
)
