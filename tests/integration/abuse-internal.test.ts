/**
 * Abuse suite, class 9: internal collections are closed through every door, and who wrote what
 * (createdBy / updatedBy: staff account IDs) is neither readable nor a filter for the public.
 *
 * Payload's default access for a collection without rules is "any logged-in account", and a
 * partner key is a logged-in account: through GraphQL a key could list Payload's locked-document
 * and preference records (which staff member has which document open, drafts included). The list
 * of internal collections and of GraphQL queries is taken from the running config and schema, so
 * a collection added later is covered without editing this file.
 */
import type { Payload } from 'payload'

import { isPublicCollection } from '../../partner-api/publicSchema'
import { createStaff, makeStatement, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api } from '../helpers/rest'

process.env.API_RATE_LIMIT_ANONYMOUS = '1000000'
process.env.API_RATE_LIMIT_PARTNER = '1000000'

let payload: Payload
let admin: StaffMember
let key: string
let published: any
let queryFields: string[] = []

beforeAll(async () => {
  payload = await testPayload()
  ;({ admin } = await createStaff(payload))
  published = await makeStatement(payload, { _status: 'published', createdBy: admin.id })
  await payload.update({ collection: 'statements', id: published.id, data: { summary: 'edited' } as any, user: admin.user, overrideAccess: true })
  // Internal records that exist in any working instance: a document open in the admin, a preference.
  await payload.create({
    collection: 'payload-locked-documents',
    data: { document: { relationTo: 'statements', value: published.id }, globalSlug: null, user: { relationTo: 'users', value: admin.id } } as any,
    overrideAccess: true,
  })
  // A preference, saved the way the admin saves one.
  expect((await api('POST', '/payload-preferences/statements-list', { token: admin.token, body: { value: { columns: ['title'] } } })).status).toBeLessThan(300)
  key = (await api('POST', '/partner-keys', { token: admin.token, body: { organisation: 'Probe', contactEmail: 'probe@example.test' } })).body.doc.key
  const schema = await api('POST', '/graphql', { token: admin.token, body: { query: '{ __schema { queryType { fields { name args { name type { kind } } } } } }' } })
  queryFields = schema.body.data.__schema.queryType.fields.map((f: { name: string }) => f.name)
}, 120_000)
afterAll(closePayload)

const internalSlugs = () => payload.config.collections.filter((c) => !isPublicCollection(c)).map((c) => c.slug)
const who = () => [
  ['anonymous', {}],
  ['a partner key', { key }],
] as const

test('the list of internal collections is what we think it is (not vacuous)', () => {
  expect(internalSlugs()).toEqual(
    expect.arrayContaining(['users', 'audit-log', 'partner-keys', 'webhook-endpoints', 'webhook-deliveries', 'media-usage', 'payload-locked-documents', 'payload-preferences', 'payload-jobs']),
  )
})

test('REST: every internal collection refuses anonymous callers and partner keys (list, count, by id)', async () => {
  const failures: string[] = []
  for (const slug of internalSlugs()) {
    for (const path of [`/${slug}?limit=5`, `/${slug}/count`, `/${slug}/1`, `/${slug}/${'0'.repeat(24)}`]) {
      for (const [name, auth] of who()) {
        const res = await api('GET', path, auth)
        // Refused, or (Payload's preferences endpoint) "not found" with nothing in it.
        const content = res.body?.docs || res.body?.totalDocs !== undefined || res.body?.id !== undefined || (res.body?.value ?? null) !== null
        if (res.status >= 500 || content || (res.status < 400 && res.body?.message !== 'Not Found')) failures.push(`${name} ${path} → ${res.status}`)
      }
    }
  }
  expect(failures).toEqual([])
})

test('GraphQL: no query outside the public collections and globals answers anything to anonymous callers or partner keys', async () => {
  const publicNames = new Set<string>()
  for (const c of payload.config.collections.filter(isPublicCollection)) {
    const list = queryFields.find((f) => f.toLowerCase() === c.slug.replace(/-/g, '').toLowerCase())
    if (list) publicNames.add(list)
  }
  const internal = queryFields.filter((f) => /^(Payload|AuditLog|PartnerKey|WebhookEndpoint|WebhookDeliver|User|MediaUsage|version|docAccess|me|initialized|Access)/.test(f))
  // Not vacuous: Payload's own collections and version history are in the schema.
  expect(internal).toEqual(expect.arrayContaining(['PayloadLockedDocuments', 'PayloadPreferences', 'Users', 'versionsStatements', 'Access']))
  const failures: string[] = []
  for (const field of internal) {
    for (const [name, auth] of who()) {
      const res = await api('POST', '/graphql', { ...auth, body: { query: `{ ${field} { __typename } }` } })
      const data = res.body?.data?.[field]
      if (res.status >= 500 || (data !== undefined && data !== null)) failures.push(`${name} ${field} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`)
    }
  }
  expect(failures).toEqual([])
  // The locked-document list in particular: it names who has which document open.
  const locked = await api('POST', '/graphql', { key, body: { query: '{ PayloadLockedDocuments { totalDocs docs { id } } PayloadPreferences { totalDocs } }' } })
  expect(locked.status).toBe(403)
  expect(locked.body.data).toBeUndefined()
})

test('GraphQL: the public queries still answer anonymous callers and partner keys', async () => {
  for (const [, auth] of who()) {
    const res = await api('POST', '/graphql', {
      ...auth,
      body: { query: '{ Statements(limit: 1) { totalDocs } Statement(id: ' + JSON.stringify(published.id) + ') { id } countTopics { totalDocs } allMedia(limit: 1) { totalDocs } SiteSetting { organisationName } Navigation { __typename } __typename }' },
    })
    expect(res.status).toBe(200)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Statements.totalDocs).toBe(1)
  }
})

describe('createdBy and updatedBy (staff account IDs)', () => {
  const adminId = () => JSON.stringify(admin.id)

  test('are not in public documents at any depth, through REST or GraphQL', async () => {
    for (const path of [`/statements/${published.id}?depth=0`, `/statements/${published.id}?depth=2`, '/statements?depth=1', '/statements?depth=0&locale=all']) {
      for (const [name, auth] of who()) {
        const res = await api('GET', path, auth)
        expect({ name, path, status: res.status }).toEqual({ name, path, status: 200 })
        expect({ name, path, keys: JSON.stringify(res.body).match(/"(createdBy|updatedBy)"/g) }).toEqual({ name, path, keys: null })
      }
    }
    const gql = await api('POST', '/graphql', { body: { query: '{ Statements(limit: 5) { docs { createdBy { id } updatedBy { id } } } }' } })
    expect(gql.status).toBeLessThan(500)
    expect(JSON.stringify(gql.body.data ?? null)).not.toContain(adminId())
  })

  test('are not a filter or a sort: REST refuses with 400 naming `where`/`sort`, GraphQL does not filter', async () => {
    for (const q of [
      `where[createdBy][equals]=${admin.id}`,
      `where[createdBy][not_equals]=${admin.id}`,
      'where[createdBy][exists]=true',
      `where[updatedBy][equals]=${admin.id}`,
      `where[or][0][createdBy][in]=${admin.id}`,
    ]) {
      for (const [name, auth] of who()) {
        const res = await api('GET', `/statements?${q}`, auth)
        expect({ name, q, status: res.status, parameter: res.body?.errors?.[0]?.parameter }).toEqual({ name, q, status: 400, parameter: 'where' })
      }
    }
    for (const sort of ['createdBy', '-updatedBy']) expect((await api('GET', `/statements?sort=${sort}`)).status).toBe(400)
    // GraphQL: the same filter must not narrow the answer (an oracle on who wrote what).
    const hit = await api('POST', '/graphql', { body: { query: `{ Statements(where: { createdBy: { equals: ${adminId()} } }) { totalDocs } }` } })
    const miss = await api('POST', '/graphql', { body: { query: '{ Statements(where: { createdBy: { equals: 999999 } }) { totalDocs } }' } })
    expect(hit.status).toBeLessThan(500)
    expect(JSON.stringify(hit.body?.data ?? null)).toEqual(JSON.stringify(miss.body?.data ?? null))
  })

  test('staff still see and filter by them (the admin lists "who wrote this")', async () => {
    const res = await api('GET', `/statements?where[createdBy][equals]=${admin.id}&depth=0`, { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBe(1)
    expect(String(res.body.docs[0].createdBy)).toBe(String(admin.id))
  })
})
