/**
 * Abuse suite, class 7 (the named cases): no client input produces a 500. A constraint the
 * database enforces, broken by what the client sent, is a 400 or 409 that names the field, through
 * REST and GraphQL, and nothing is written. (The property-based sweep over methods, bodies and
 * GraphQL documents for every role is abuse-property.test.ts.)
 */
import type { Payload } from 'payload'

import { createStaff, makeOffice, makeOrganisation, makeStatement, statementData, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api, gql } from '../helpers/rest'

process.env.API_RATE_LIMIT_ANONYMOUS = '1000000'

let payload: Payload
let staff: Record<'admin' | 'editor' | 'contributor', StaffMember>
let org: any

beforeAll(async () => {
  payload = await testPayload()
  staff = await createStaff(payload)
  org = await makeOrganisation(payload)
}, 120_000)
afterAll(closePayload)

const fieldNamed = (body: unknown, field: string) => JSON.stringify(body).includes(field)

test('creating a copy of a document whose array rows keep their IDs is a 409 naming the field, not a 500', async () => {
  const original = await makeStatement(payload, { issuingOrganisation: org.id, proposals: [{ text: 'First proposal' }, { text: 'Second proposal' }] })
  const copy = (await api('GET', `/statements/${original.id}?depth=0&draft=true`, { token: staff.editor.token })).body
  // What a script that copies a document's JSON sends: everything but the document's own id.
  const { id: _id, createdAt: _c, updatedAt: _u, slug: _s, ...data } = copy
  const before = await payload.count({ collection: 'statements', overrideAccess: true })
  for (const role of ['editor', 'contributor'] as const) {
    const res = await api('POST', '/statements', { token: staff[role].token, body: { ...data, title: `Copy by ${role}` } })
    expect({ role, status: res.status }).toEqual({ role, status: 409 })
    expect(fieldNamed(res.body, 'proposals')).toBe(true)
    expect(JSON.stringify(res.body)).not.toMatch(/SQLITE|constraint|INSERT|select /i)
  }
  expect(await payload.count({ collection: 'statements', overrideAccess: true })).toEqual(before)
  // Leaving the row ids out (as the message says) works.
  const rows = data.proposals.map(({ id: _rowId, ...row }: any) => row)
  const ok = await api('POST', '/statements', { token: staff.editor.token, body: { ...data, title: 'A proper copy', proposals: rows } })
  expect(ok.status).toBe(201)
})

test('the same rows through GraphQL, and a row id used twice in one document, are refused plainly too', async () => {
  const office = await makeOffice(payload)
  const rowId = (await payload.findByID({ collection: 'offices', id: office.id, overrideAccess: true, depth: 0 }) as any).addressLines[0].id
  const res = await gql(
    `mutation { createOffice(data: { name: "Copied office", city: "Lahore", addressLines: [{ id: ${JSON.stringify(rowId)}, line: "22, Tipu Block" }] }) { id } }`,
    { token: staff.editor.token },
  )
  expect(JSON.stringify(res.body)).not.toMatch(/Something went wrong|SQLITE|constraint/i)
  expect(res.body.errors?.[0]?.extensions?.statusCode).toBe(409)
  expect(fieldNamed(res.body, 'addressLines')).toBe(true)
  const twice = await api('POST', '/statements', {
    token: staff.editor.token,
    body: statementData(org.id, { proposals: [{ id: 'row-one', text: 'a' }, { id: 'row-one', text: 'b' }] }),
  })
  expect(twice.status).toBeGreaterThanOrEqual(400)
  expect(twice.status).toBeLessThan(500)
  expect(fieldNamed(twice.body, 'proposals')).toBe(true)
})

test('deleting a webhook endpoint that has deliveries works (its log goes with it), instead of a 500', async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = 'true'
  try {
    const endpoint = await api('POST', '/webhook-endpoints', { token: staff.admin.token, body: { name: 'Old partner', url: 'http://127.0.0.1:9/hook' } })
    expect(endpoint.status).toBe(201)
    await payload.create({
      collection: 'webhook-deliveries',
      data: { endpoint: endpoint.body.doc.id, event: 'published', collection: 'statements', documentId: '1', payload: {}, status: 'failed', attempts: 6 } as any,
      overrideAccess: true,
    })
    const res = await api('DELETE', `/webhook-endpoints/${endpoint.body.doc.id}`, { token: staff.admin.token })
    expect(res.status).toBe(200)
    expect(await payload.count({ collection: 'webhook-deliveries', where: { endpoint: { equals: endpoint.body.doc.id } }, overrideAccess: true })).toEqual({ totalDocs: 0 })
  } finally {
    delete process.env.WEBHOOKS_ALLOW_PRIVATE
  }
})

test('an address whose ID cannot be an ID is a 404 like any missing document, through REST and GraphQL, for every role: not a 500', async () => {
  const callers = [{ role: 'anonymous' }, ...(['contributor', 'editor', 'admin'] as const).map((role) => ({ role, token: staff[role].token }))]
  for (const collection of ['statements', 'media', 'people', 'topics', 'users']) {
    for (const caller of callers) {
      const res = await api('GET', `/${collection}/not-an-id`, { token: (caller as { token?: string }).token })
      // Accounts are closed to strangers: with text IDs (as on MongoDB) the ID is well formed and access says 403 first.
      const expected = collection === 'users' && caller.role === 'anonymous' && payload.db.defaultIDType !== 'number' ? 403 : 404
      expect({ collection, role: caller.role, status: res.status }).toEqual({ collection, role: caller.role, status: expected })
      for (const method of ['PATCH', 'DELETE'] as const) {
        const write = await api(method, `/${collection}/not-an-id`, { token: (caller as { token?: string }).token, body: method === 'PATCH' ? {} : undefined })
        expect({ collection, role: caller.role, method, server: write.status >= 500 }).toEqual({ collection, role: caller.role, method, server: false })
      }
    }
  }
  const res = await gql('query { Statement(id: "not-an-id") { id title } }', { token: staff.editor.token })
  expect(JSON.stringify(res.body)).not.toMatch(/"statusCode":5\d\d|Something went wrong/)
  expect(res.body.data?.Statement ?? null).toBeNull()
})

test('a path Payload would look up and fail on is a 404 for anyone, not a 500 (fast-check found /api/toString)', async () => {
  // Property names every object has: Payload looks collections up in a plain object.
  const paths = ['/toString', '/constructor', '/__proto__', '/hasOwnProperty/1', '/valueOf/count']
  // Where IDs are numbers, a document path whose ID is not one reached the database as a malformed query.
  if (payload.db.defaultIDType === 'number') paths.push('/statements/abc', '/topics/' + 'x'.repeat(40), '/programs/toString')
  for (const who of [{}, { token: staff.editor.token }]) {
    for (const p of paths) {
      for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
        const res = await api(method, p, { ...who, ...(method === 'PATCH' ? { body: { title: 'x' } } : {}) })
        expect({ p, method, status: res.status }).toEqual({ p, method, status: 404 })
      }
    }
    // An endpoint word of another method is a document ID for this one (GET /users/login).
    if (payload.db.defaultIDType === 'number') {
      expect((await api('GET', '/users/login', who)).status).toBe(404)
      // …and a POST that Payload runs as a GET (method override, which staff may use) likewise.
      const overridden = await api('POST', '/statements/me', { ...who, body: {}, headers: { 'X-HTTP-Method-Override': 'GET' } })
      expect(overridden.status).toBeLessThan(500)
      const garbage = await api('POST', '/access', { ...who, rawBody: '', headers: { 'Content-Type': 'application/json', 'X-HTTP-Method-Override': 'GET' } })
      expect(garbage.status).toBe(400)
    }
  }
  // A file no item names: 404 for staff too (Payload looked on the disk and answered 500).
  expect((await api('GET', '/media/file/nothing-here.png', { token: staff.editor.token })).status).toBe(404)
  // Endpoint words and real IDs still answer as before; so do the admin's remembered choices
  // (content locale, columns, admin language), kept by key: /payload-preferences/locale.
  const saved = await api('POST', '/payload-preferences/locale', { token: staff.editor.token, body: { value: 'ur' } })
  expect(saved.status).toBe(200)
  const remembered = await api('GET', '/payload-preferences/locale', { token: staff.editor.token })
  expect({ status: remembered.status, value: remembered.body?.value }).toEqual({ status: 200, value: 'ur' })
  expect((await api('GET', '/statements/count')).status).toBe(200)
  expect((await api('GET', '/users/me', { token: staff.editor.token })).status).toBe(200)
  const s = await makeStatement(payload, { issuingOrganisation: org.id, _status: 'published' })
  expect((await api('GET', `/statements/${s.id}`)).status).toBe(200)
})
