/**
 * Abuse suite, class 1: errors do not speak before access is checked.
 *
 * Payload runs `beforeOperation` hooks before it checks access. The optimistic-concurrency check
 * ran there, read the document with overrideAccess and answered an anonymous
 * `PATCH /api/statements/<id>` carrying `If-Unmodified-Since` with 409 "Site admin (admin@…)
 * changed this on …": staff names and e-mail addresses for anyone, and an oracle for which IDs
 * exist (drafts and trashed ones included). The upload check did the same for files (what a file
 * is, before "you may not upload"). A caller who may not act must get the same answer for every
 * document, existing or not, and nothing more.
 */
import type { Payload } from 'payload'

import { createStaff, createUser, makeStatement, pngBuffer, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api, gql } from '../helpers/rest'

process.env.API_RATE_LIMIT_ANONYMOUS = '1000000'

let payload: Payload
let admin: StaffMember
let contributor: StaffMember
let namedEditor: StaffMember
const ids: Record<string, string | number> = {}

beforeAll(async () => {
  payload = await testPayload()
  ;({ admin, contributor } = await createStaff(payload))
  namedEditor = await createUser(payload, 'editor', { name: 'Zainab Named-Editor' })
  const as = { user: namedEditor.user, overrideAccess: true }
  const published = await makeStatement(payload, { _status: 'published' })
  await payload.update({ collection: 'statements', id: published.id, data: { summary: 'edited by Zainab' } as any, ...as })
  const draft = await makeStatement(payload, { title: 'Unpublished draft' })
  await payload.update({ collection: 'statements', id: draft.id, data: { summary: 'edited by Zainab' } as any, draft: true, ...as })
  const trashed = await makeStatement(payload, { title: 'In the bin' })
  await payload.update({ collection: 'statements', id: trashed.id, data: { deletedAt: new Date().toISOString() } as any, ...as })
  ids.published = published.id
  ids.draft = draft.id
  ids.trashed = trashed.id
  ids.missing = typeof published.id === 'number' ? 987654 : '00000000-0000-4000-8000-000000000000'
}, 120_000)
afterAll(closePayload)

const LONG_AGO = 'Sat, 01 Jan 2000 00:00:00 GMT'
const leaks = (text: string) => /Zainab|@example\.test|changed this on|after you started/i.test(text)

test('an anonymous stale PATCH gets the same 403 for a published, draft, trashed or missing document', async () => {
  const answers = new Set<string>()
  for (const [kind, id] of Object.entries(ids)) {
    for (const variant of [
      { headers: { 'If-Unmodified-Since': LONG_AGO }, body: {} },
      { body: { lastKnownUpdatedAt: '2000-01-01T00:00:00.000Z' } },
      { body: { lastKnownUpdatedAt: 'not a date' } },
    ]) {
      const res = await api('PATCH', `/statements/${id}`, variant)
      const text = JSON.stringify(res.body)
      expect({ kind, status: res.status, leaks: leaks(text) }).toEqual({ kind, status: 403, leaks: false })
      answers.add(text)
    }
  }
  // One answer for all: nothing tells an existing document from a missing one.
  expect(answers.size).toBe(1)
})

test('the same through GraphQL and for a partner key', async () => {
  const key = (await api('POST', '/partner-keys', { token: admin.token, body: { organisation: 'Probe', contactEmail: 'probe@example.test' } })).body.doc.key
  for (const id of Object.values(ids)) {
    const res = await gql(`mutation { updateStatement(id: ${JSON.stringify(id)}, data: { lastKnownUpdatedAt: "2000-01-01T00:00:00.000Z" }) { id } }`)
    expect(leaks(JSON.stringify(res.body))).toBe(false)
    const viaGateway = await api('POST', '/graphql', { body: { query: `mutation { updateStatement(id: ${JSON.stringify(id)}, data: { lastKnownUpdatedAt: "2000-01-01T00:00:00.000Z" }) { id } }` } })
    expect(viaGateway.status).toBe(403)
    expect(leaks(JSON.stringify(viaGateway.body))).toBe(false)
    const partner = await api('PATCH', `/statements/${id}`, { key, headers: { 'If-Unmodified-Since': LONG_AGO }, body: {} })
    expect(partner.status).toBe(403)
    expect(leaks(JSON.stringify(partner.body))).toBe(false)
  }
})

test('a contributor who may not edit the document gets 403, not the name of whoever did', async () => {
  // Contributors may edit only what they created; these belong to others.
  for (const id of [ids.published, ids.draft]) {
    const res = await api('PATCH', `/statements/${id}?draft=true`, { token: contributor.token, headers: { 'If-Unmodified-Since': LONG_AGO }, body: { summary: 'x' } })
    expect(res.status).toBe(403)
    expect(leaks(JSON.stringify(res.body))).toBe(false)
  }
})

test('the Local API with overrideAccess: false (pages, jobs acting as someone) behaves the same', async () => {
  let caught: any
  try {
    await payload.update({
      collection: 'statements',
      id: ids.published,
      data: { lastKnownUpdatedAt: '2000-01-01T00:00:00.000Z' } as any,
      overrideAccess: false,
      user: null,
    })
  } catch (err) {
    caught = err
  }
  expect(caught?.status).toBe(403)
  expect(leaks(String(caught?.message))).toBe(false)
})

test('staff who may edit still get the 409 naming who saved first', async () => {
  const res = await api('PATCH', `/statements/${ids.published}`, { token: admin.token, headers: { 'If-Unmodified-Since': LONG_AGO }, body: {} })
  expect(res.status).toBe(409)
  expect(JSON.stringify(res.body)).toMatch(/Zainab Named-Editor/)
})

test('an upload by someone who may not upload is refused as such, before the file is judged', async () => {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
  let caught: any
  try {
    await payload.create({ collection: 'media', data: { alt: 'x' }, file: { data: svg, mimetype: 'image/svg+xml', name: 'x.svg', size: svg.length }, overrideAccess: false, user: null })
  } catch (err) {
    caught = err
  }
  expect(caught?.status).toBe(403)
  expect(String(caught?.message)).not.toMatch(/SVG|script|type/i)
  const png = await pngBuffer()
  try {
    caught = null
    await payload.create({ collection: 'media', data: { alt: 'x' }, file: { data: png, mimetype: 'image/png', name: 'x.png', size: png.length }, overrideAccess: false, user: null })
  } catch (err) {
    caught = err
  }
  expect(caught?.status).toBe(403)
})
