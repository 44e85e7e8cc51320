/** Partner keys: issued once, read-only, revocable, expiring, limited, never leaked. */
import type { Payload } from 'payload'

import { flushPartnerKeyUsage } from '../../partner-api/partnerKeys'
import { createStaff, makeOrganisation, makeStatement, makeTopic, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api, gql } from '../helpers/rest'

let payload: Payload
let admin: StaffMember
let editor: StaffMember
let key: string
let keyId: number | string
let published: any
let draft: any

async function newKey(data: Record<string, unknown> = {}) {
  const res = await api('POST', '/partner-keys', {
    token: admin.token,
    body: { organisation: 'UNODC', contactEmail: 'partner@example.test', ...data },
  })
  expect(res.status).toBe(201)
  return res.body
}

beforeAll(async () => {
  payload = await testPayload()
  ;({ admin, editor } = await createStaff(payload))
  const org = await makeOrganisation(payload)
  await makeTopic(payload)
  published = await makeStatement(payload, { issuingOrganisation: org.id, _status: 'published', title: 'Published statement' })
  draft = await makeStatement(payload, { issuingOrganisation: org.id, title: 'Secret draft statement' })
  const created = await newKey()
  key = created.doc.key
  keyId = created.doc.id
}, 120_000)
afterAll(closePayload)

test('the key is returned once, at creation, and never again (not even to admins)', async () => {
  expect(key).toMatch(/^dlk_[A-Za-z0-9_-]{40,}$/)
  const read = await api('GET', `/partner-keys/${keyId}`, { token: admin.token })
  expect(read.status).toBe(200)
  expect(read.body.organisation).toBe('UNODC')
  const list = await api('GET', '/partner-keys?depth=2', { token: admin.token })
  const graph = await gql('{ PartnerKeys { docs { id organisation } } }', { token: admin.token })
  for (const text of [JSON.stringify(read.body), JSON.stringify(list.body), JSON.stringify(graph.body)]) {
    expect(text).not.toContain(key)
    expect(text).not.toMatch(/"apiKey"|"apiKeyIndex"/)
  }
  // Asking for the fields explicitly through GraphQL is refused by the schema, not answered.
  const sneaky = await gql('{ PartnerKeys { docs { apiKey apiKeyIndex } } }', { token: admin.token })
  expect(JSON.stringify(sneaky.body)).not.toContain(key)
})

test('only admins manage keys', async () => {
  expect((await api('GET', '/partner-keys', { token: editor.token })).status).toBe(403)
  expect((await api('POST', '/partner-keys', { token: editor.token, body: { organisation: 'x', contactEmail: 'x@example.test' } })).status).toBe(403)
  expect((await api('GET', '/partner-keys', { ip: '10.9.0.1' })).status).toBe(403)
})

test('a key reads published content, never drafts, and never another key', async () => {
  const list = await api('GET', '/statements?limit=50', { key })
  expect(list.status).toBe(200)
  const ids = list.body.docs.map((d: any) => d.id)
  expect(ids).toContain(published.id)
  expect(ids).not.toContain(draft.id)
  expect((await api('GET', `/statements/${draft.id}`, { key })).status).toBe(404)
  expect((await api('GET', `/statements/${draft.id}?draft=true`, { key })).status).toBe(400)
  expect((await api('GET', '/partner-keys', { key })).status).toBe(403)
  const g = await gql('{ Statements(limit: 50) { docs { id title } } }', {})
  expect(JSON.stringify(g.body)).not.toContain('Secret draft')
  // Version history holds drafts: never readable with a key (REST or GraphQL).
  const versions = await api('GET', '/statements/versions?limit=50', { key })
  expect(versions.status).toBe(403)
  expect(JSON.stringify(versions.body)).not.toContain('Secret draft')
  // …not even by the ID of the draft's own version.
  const draftVersion = await payload.findVersions({ collection: 'statements', where: { parent: { equals: draft.id } }, limit: 1, overrideAccess: true })
  expect(draftVersion.docs).toHaveLength(1)
  const one = await api('GET', `/statements/versions/${draftVersion.docs[0].id}`, { key })
  expect([403, 404]).toContain(one.status)
  expect(JSON.stringify(one.body)).not.toContain('Secret draft')
  const gv = await api('POST', '/graphql', { key, body: { query: '{ versionsStatements(limit: 50) { docs { id version { title } } } }' } })
  expect(JSON.stringify(gv.body)).not.toContain('Secret draft')
  expect((await api('GET', '/payload-preferences', { key })).status).toBe(403)
})

test('every write with a key is refused with 403', async () => {
  const attempts = [
    api('POST', '/statements', { key, body: { title: 'x' } }),
    api('PATCH', `/statements/${published.id}`, { key, body: { title: 'changed' } }),
    api('DELETE', `/statements/${published.id}`, { key }),
    api('POST', '/topics', { key, body: { name: 'x' } }),
    api('POST', `/partner-keys/${keyId}/rotate`, { key }),
    api('POST', '/graphql', { key, body: { query: 'mutation { createTopic(data: { name: "x" }) { id } }' } }),
  ]
  for (const res of await Promise.all(attempts)) {
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/read-only/)
  }
  const after = await payload.findByID({ collection: 'statements', id: published.id })
  expect(after.title).toBe('Published statement')
})

test('revoked, expired and unknown keys get 401 with a clear message', async () => {
  const revoked = await newKey()
  await api('PATCH', `/partner-keys/${revoked.doc.id}`, { token: admin.token, body: { revoked: true } })
  const r = await api('GET', '/statements', { key: revoked.doc.key })
  expect(r.status).toBe(401)
  expect(r.body.errors[0].message).toMatch(/revoked/)

  const expired = await newKey({ expiresAt: '2020-01-01T00:00:00.000Z' })
  const e = await api('GET', '/statements', { key: expired.doc.key })
  expect(e.status).toBe(401)
  expect(e.body.errors[0].message).toMatch(/expired on 2020-01-01/)

  const u = await api('GET', '/statements', { key: 'dlk_not-a-real-key' })
  expect(u.status).toBe(401)
  expect(u.body.errors[0].message).toMatch(/not valid/)
  expect(JSON.stringify(u.body)).not.toContain('dlk_not-a-real-key')
})

test('a key limited to some collections gets 403 elsewhere', async () => {
  const limited = await newKey({ allowedCollections: ['statements'] })
  expect((await api('GET', '/statements', { key: limited.doc.key })).status).toBe(200)
  const other = await api('GET', '/topics', { key: limited.doc.key })
  expect(other.status).toBe(403)
  expect(other.body.errors[0].message).toMatch(/statements/)
})

test('rotating issues a new key and the old one stops working', async () => {
  const k = await newKey()
  const rotated = await api('POST', `/partner-keys/${k.doc.id}/rotate`, { token: admin.token })
  expect(rotated.status).toBe(200)
  expect(rotated.body.key).toMatch(/^dlk_/)
  expect(rotated.body.key).not.toBe(k.doc.key)
  expect((await api('GET', '/topics', { key: k.doc.key })).status).toBe(401)
  expect((await api('GET', '/topics', { key: rotated.body.key })).status).toBe(200)
})

test('usage is counted and last-used time recorded', async () => {
  const k = await newKey()
  for (let i = 0; i < 3; i++) await api('GET', '/topics', { key: k.doc.key })
  await flushPartnerKeyUsage()
  const doc: any = await payload.findByID({ collection: 'partner-keys', id: k.doc.id, overrideAccess: true })
  expect(doc.requestCount).toBe(3)
  expect(new Date(doc.lastUsedAt).getTime()).toBeGreaterThan(Date.now() - 60_000)
})

test('no response at any allowed depth contains a key or its index', async () => {
  const paths = ['/statements', '/topics', '/organisations', '/people', '/media', '/partner-keys/me', `/statements/${published.id}`]
  for (const depth of [0, 1, 2]) {
    for (const p of paths) {
      const res = await api('GET', `${p}${p.includes('?') ? '&' : '?'}depth=${depth}`, { key })
      const text = JSON.stringify(res.body)
      expect(text).not.toContain(key)
      expect(text).not.toMatch(/apiKeyIndex|"apiKey"/)
    }
  }
})
