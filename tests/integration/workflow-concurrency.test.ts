/**
 * Issue 4, no lost work: two people who start from the same version cannot overwrite each other.
 * The second save is refused with 409 and a message naming who changed it and when; a save
 * from the current version (or one's own autosave) goes through. Document locking is on.
 */
import type { Payload } from 'payload'

import type { Role } from '../../access/roles'
import { createStaff, createUser, makeProgram, makeStatement, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { gql, graphQLIdType, rest } from '../helpers/rest'

let payload: Payload
let staff: Record<Role, StaffMember>
let secondEditor: StaffMember

beforeAll(async () => {
  payload = await testPayload()
  staff = await createStaff(payload)
  secondEditor = await createUser(payload, 'editor', { name: 'Sana Editor' })
}, 180_000)
afterAll(closePayload)

test('the second of two saves from the same starting version gets 409 naming who saved first', async () => {
  const program = await makeProgram(payload, { title: 'Starting title' })
  const opened = await rest('GET', `/programs/${program.id}?draft=true`, { token: staff.editor.token })
  const startedFrom = opened.body.lastKnownUpdatedAt
  expect(startedFrom).toBe(opened.body.updatedAt)

  // Sana saves first, from the same version.
  const first = await rest('PATCH', `/programs/${program.id}?draft=true`, {
    token: secondEditor.token,
    body: { title: "Sana's title", lastKnownUpdatedAt: startedFrom },
  })
  expect(first.status).toBe(200)

  const second = await rest('PATCH', `/programs/${program.id}?draft=true`, {
    token: staff.editor.token,
    body: { title: "Editor's title", lastKnownUpdatedAt: startedFrom },
  })
  expect(second.status).toBe(409)
  const message = JSON.stringify(second.body)
  expect(message).toMatch(/Sana Editor/)
  expect(message).toMatch(/after you started editing/)

  const latest = (await payload.findByID({ collection: 'programs', id: program.id, draft: true, depth: 0 })) as any
  expect(latest.title).toBe("Sana's title")

  // Starting again from the current version works.
  const retry = await rest('PATCH', `/programs/${program.id}?draft=true`, {
    token: staff.editor.token,
    body: { title: "Editor's title", lastKnownUpdatedAt: latest.updatedAt },
  })
  expect(retry.status).toBe(200)
})

test('If-Unmodified-Since works the same way, also when publishing', async () => {
  const live = await makeStatement(payload, { _status: 'published', title: 'Published title' })
  const startedFrom = new Date(Date.parse(live.updatedAt) - 5000).toUTCString()
  await rest('PATCH', `/statements/${live.id}`, { token: secondEditor.token, body: { title: 'Sana published this' } })
  const res = await rest('PATCH', `/statements/${live.id}`, {
    token: staff.editor.token,
    headers: { 'If-Unmodified-Since': startedFrom },
    body: { title: 'Would overwrite' },
  })
  expect(res.status).toBe(409)
  const after = (await payload.findByID({ collection: 'statements', id: live.id, depth: 0 })) as any
  expect(after.title).toBe('Sana published this')
})

test('GraphQL carries the same check', async () => {
  const program = await makeProgram(payload)
  const startedFrom = program.updatedAt
  await payload.update({ collection: 'programs', id: program.id, data: { title: 'Changed meanwhile' }, draft: true, user: secondEditor.user })
  const res = await gql(
    `mutation($id: ${graphQLIdType(payload)}!, $at: String) { updateProgram(id: $id, draft: true, data: { title: "Mine", lastKnownUpdatedAt: $at }) { id title } }`,
    { token: staff.editor.token, variables: { id: program.id, at: startedFrom } },
  )
  expect(JSON.stringify(res.body.errors)).toMatch(/Sana Editor/)
})

test('my own earlier save (e.g. autosave) is not a conflict with myself', async () => {
  const program = await makeProgram(payload)
  const startedFrom = program.updatedAt
  await rest('PATCH', `/programs/${program.id}?draft=true&autosave=true`, { token: staff.editor.token, body: { title: 'Autosaved' } })
  const save = await rest('PATCH', `/programs/${program.id}?draft=true`, {
    token: staff.editor.token,
    body: { title: 'Saved', lastKnownUpdatedAt: startedFrom },
  })
  expect(save.status).toBe(200)
})

test('a save that sends no starting version is not checked (plain API clients keep working)', async () => {
  const program = await makeProgram(payload)
  await rest('PATCH', `/programs/${program.id}?draft=true`, { token: secondEditor.token, body: { title: 'One' } })
  expect((await rest('PATCH', `/programs/${program.id}?draft=true`, { token: staff.editor.token, body: { title: 'Two' } })).status).toBe(200)
})

test('document locking is on: a document being edited is locked for others', async () => {
  const program = await makeProgram(payload)
  expect(payload.collections.programs.config.lockDocuments).not.toBe(false)
  await payload.create({
    collection: 'payload-locked-documents',
    data: { document: { relationTo: 'programs', value: program.id }, globalSlug: null, user: { relationTo: 'users', value: secondEditor.id } },
  })
  const res = await rest('PATCH', `/programs/${program.id}?draft=true`, { token: staff.editor.token, body: { title: 'While locked' } })
  expect(res.status).toBe(423)
})
