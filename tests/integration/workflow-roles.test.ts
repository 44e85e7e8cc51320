/**
 * Issue 4, roles: contributors write drafts (their own only) and submit them; only editors and
 * admins publish, unpublish, withdraw or delete published content; libraries, offices, users and
 * settings are out of a contributor's reach. Checked through REST, GraphQL and the Local API
 * with overrideAccess: false, and the document must be unchanged after every refusal.
 */
import type { Payload } from 'payload'

import type { Role } from '../../access/roles'
import { createStaff, makeOrganisation, makeStatement, statementData, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { gql, rest } from '../helpers/rest'

let payload: Payload
let staff: Record<Role, StaffMember>
let orgId: number | string

beforeAll(async () => {
  payload = await testPayload()
  staff = await createStaff(payload)
  orgId = (await makeOrganisation(payload)).id
}, 180_000)
afterAll(closePayload)

async function liveStatus(collection: 'statements' | 'programs', id: number | string) {
  const doc = (await payload.findByID({ collection, id, depth: 0 })) as any
  return doc._status
}

describe('contributor: drafts only', () => {
  test('creates a draft through REST and owns it', async () => {
    const res = await rest('POST', '/statements?draft=true', { token: staff.contributor.token, body: statementData(orgId) })
    expect(res.status).toBe(201)
    expect(res.body.doc._status).toBe('draft')
    const createdBy = res.body.doc.createdBy
    expect(typeof createdBy === 'object' ? createdBy.id : createdBy).toBe(staff.contributor.id)
  })

  test('REST publish of their own draft: 403 with a clear message, and it stays a draft', async () => {
    const draft = await makeStatement(payload, { createdBy: staff.contributor.id })
    const res = await rest('PATCH', `/statements/${draft.id}`, {
      token: staff.contributor.token,
      body: { _status: 'published', title: 'Changed by contributor' },
    })
    expect(res.status).toBe(403)
    expect(JSON.stringify(res.body)).toMatch(/Contributors cannot publish/)
    const after = (await payload.findByID({ collection: 'statements', id: draft.id, draft: true, depth: 0 })) as any
    expect(after._status).toBe('draft')
    expect(after.title).toBe(draft.title)
  })

  test('REST create straight to published is refused and nothing is created', async () => {
    const before = await payload.count({ collection: 'statements' })
    const res = await rest('POST', '/statements', {
      token: staff.contributor.token,
      body: statementData(orgId, { _status: 'published' }),
    })
    expect(res.status).toBe(403)
    expect((await payload.count({ collection: 'statements' })).totalDocs).toBe(before.totalDocs)
  })

  test('GraphQL publish is refused with the same message', async () => {
    const draft = await makeStatement(payload, { createdBy: staff.contributor.id })
    const res = await gql(
      `mutation { updateStatement(id: ${JSON.stringify(draft.id)}, data: { _status: published }) { id _status } }`,
      { token: staff.contributor.token },
    )
    expect(JSON.stringify(res.body.errors)).toMatch(/Contributors cannot publish/)
    expect(res.body.data?.updateStatement ?? null).toBeNull()
    expect(await liveStatus('statements', draft.id)).toBe('draft')
  })

  test('Local API with overrideAccess:false refuses to publish', async () => {
    const draft = await makeStatement(payload, { createdBy: staff.contributor.id })
    await expect(
      payload.update({
        collection: 'statements',
        id: draft.id,
        data: { _status: 'published' },
        overrideAccess: false,
        user: staff.contributor.user,
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await liveStatus('statements', draft.id)).toBe('draft')
  })

  test('cannot unpublish, change the live page, or withdraw their own published statement', async () => {
    const live = await makeStatement(payload, { createdBy: staff.contributor.id, _status: 'published' })
    const unpublish = await rest('PATCH', `/statements/${live.id}`, { token: staff.contributor.token, body: { _status: 'draft' } })
    expect(unpublish.status).toBe(403)
    expect(JSON.stringify(unpublish.body)).toMatch(/Only editors can unpublish/)

    const direct = await rest('PATCH', `/statements/${live.id}`, { token: staff.contributor.token, body: { title: 'Live edit' } })
    expect(direct.status).toBe(403)

    const withdraw = await rest('PATCH', `/statements/${live.id}?draft=true`, {
      token: staff.contributor.token,
      body: { withdrawal: { withdrawn: true, explanation: 'Out of date.' } },
    })
    expect(withdraw.status).toBe(403)
    expect(JSON.stringify(withdraw.body)).toMatch(/Only editors can withdraw/)

    const after = (await payload.findByID({ collection: 'statements', id: live.id, depth: 0 })) as any
    expect(after._status).toBe('published')
    expect(after.title).toBe(live.title)
    expect(after.withdrawal?.withdrawn).toBeFalsy()
  })

  test('may save a new draft on top of their published statement (the live page is untouched)', async () => {
    const live = await makeStatement(payload, { createdBy: staff.contributor.id, _status: 'published' })
    const res = await rest('PATCH', `/statements/${live.id}?draft=true`, {
      token: staff.contributor.token,
      body: { title: 'Proposed new title' },
    })
    expect(res.status).toBe(200)
    const published = (await payload.findByID({ collection: 'statements', id: live.id, depth: 0 })) as any
    expect(published.title).toBe(live.title)
    const latest = (await payload.findByID({ collection: 'statements', id: live.id, draft: true, depth: 0 })) as any
    expect(latest.title).toBe('Proposed new title')
  })

  test("cannot edit someone else's draft", async () => {
    const others = await makeStatement(payload, { createdBy: staff.editor.id })
    const res = await rest('PATCH', `/statements/${others.id}?draft=true`, { token: staff.contributor.token, body: { title: 'Mine now' } })
    expect([403, 404]).toContain(res.status)
    const after = (await payload.findByID({ collection: 'statements', id: others.id, draft: true, depth: 0 })) as any
    expect(after.title).toBe(others.title)
  })

  test('deletes their own never-published draft, but not published content', async () => {
    const draft = await makeStatement(payload, { createdBy: staff.contributor.id })
    expect((await rest('DELETE', `/statements/${draft.id}`, { token: staff.contributor.token })).status).toBe(200)

    const live = await makeStatement(payload, { createdBy: staff.contributor.id, _status: 'published' })
    const res = await rest('DELETE', `/statements/${live.id}`, { token: staff.contributor.token })
    expect(res.status).toBe(403)
    expect(JSON.stringify(res.body)).toMatch(/Only editors can delete/)
    const trash = await rest('PATCH', `/statements/${live.id}`, {
      token: staff.contributor.token,
      body: { deletedAt: new Date().toISOString() },
    })
    expect(trash.status).toBe(403)
    expect(await liveStatus('statements', live.id)).toBe('published')
  })

  test.each([
    ['people', { name: 'A person' }],
    ['topics', { name: 'A topic' }],
    ['organisations', { name: 'An organisation' }],
    ['offices', { name: 'An office', city: 'Lahore', addressLines: [{ line: 'Street 1' }] }],
  ])('cannot create %s', async (collection, body) => {
    const res = await rest('POST', `/${collection}`, { token: staff.contributor.token, body })
    expect(res.status).toBe(403)
  })

  test('cannot change site settings, navigation or accounts', async () => {
    expect((await rest('POST', '/globals/site-settings', { token: staff.contributor.token, body: {} })).status).toBe(403)
    expect((await rest('POST', '/globals/navigation', { token: staff.contributor.token, body: { items: [] } })).status).toBe(403)
    expect(
      (await rest('POST', '/users', { token: staff.contributor.token, body: { email: 'x@example.test', password: 'pw-123456789', role: 'admin' } }))
        .status,
    ).toBe(403)
    const editorRead = await rest('GET', `/users/${staff.editor.id}`, { token: staff.contributor.token })
    expect([403, 404]).toContain(editorRead.status)
  })

  test('cannot make themselves an editor', async () => {
    const res = await rest('PATCH', `/users/${staff.contributor.id}`, { token: staff.contributor.token, body: { role: 'editor' } })
    const me = (await payload.findByID({ collection: 'users', id: staff.contributor.id })) as any
    expect(me.role).toBe('contributor')
    expect(res.status === 200 || res.status === 403).toBe(true)
  })
})

describe('editor and admin', () => {
  test("an editor publishes a contributor's draft through REST", async () => {
    const draft = await makeStatement(payload, { createdBy: staff.contributor.id })
    const res = await rest('PATCH', `/statements/${draft.id}`, { token: staff.editor.token, body: { _status: 'published' } })
    expect(res.status).toBe(200)
    expect(await liveStatus('statements', draft.id)).toBe('published')
  })

  test('an editor unpublishes and withdraws', async () => {
    const live = await makeStatement(payload, { _status: 'published' })
    const withdraw = await rest('PATCH', `/statements/${live.id}`, {
      token: staff.editor.token,
      body: { withdrawal: { withdrawn: true, explanation: 'Superseded by the 2023 statement.' } },
    })
    expect(withdraw.status).toBe(200)
    expect(withdraw.body.doc.reviewState).toBe('withdrawn')
    const unpublish = await rest('PATCH', `/statements/${live.id}`, { token: staff.editor.token, body: { _status: 'draft' } })
    expect(unpublish.status).toBe(200)
    expect(await liveStatus('statements', live.id)).toBe('draft')
  })

  test.each(['people', 'topics', 'organisations'])('an editor manages %s', async (collection) => {
    const created = await rest('POST', `/${collection}`, { token: staff.editor.token, body: { name: `Made by editor ${collection}` } })
    expect(created.status).toBe(201)
    const removed = await rest('DELETE', `/${collection}/${created.body.doc.id}`, { token: staff.editor.token })
    expect(removed.status).toBe(200)
  })

  test('an editor cannot manage accounts or site settings; an admin can', async () => {
    expect((await rest('POST', '/globals/site-settings', { token: staff.editor.token, body: {} })).status).toBe(403)
    const body = { email: 'new-colleague@example.test', password: 'a-long-temporary-password', role: 'contributor' }
    expect((await rest('POST', '/users', { token: staff.editor.token, body })).status).toBe(403)
    expect((await rest('POST', '/users', { token: staff.admin.token, body })).status).toBe(201)
  })

  test('only an admin changes a role, never their own, and the last admin stays an admin', async () => {
    const byEditor = await rest('PATCH', `/users/${staff.contributor.id}`, { token: staff.editor.token, body: { role: 'admin' } })
    expect([403, 404]).toContain(byEditor.status)
    const own = await rest('PATCH', `/users/${staff.admin.id}`, { token: staff.admin.token, body: { role: 'editor' } })
    expect(own.status).toBe(403)
    expect(JSON.stringify(own.body)).toMatch(/cannot change your own role/)
    const deleteLast = await rest('DELETE', `/users/${staff.admin.id}`, { token: staff.admin.token })
    expect(deleteLast.status).toBe(400)
    expect(((await payload.findByID({ collection: 'users', id: staff.admin.id })) as any).role).toBe('admin')
  })
})
