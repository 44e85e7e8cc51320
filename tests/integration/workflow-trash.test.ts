/**
 * Issue 4, soft delete: deleting moves a document to the trash, where editors find and restore it;
 * a document that published content still links to cannot be deleted or trashed, and the refusal
 * lists where it is used. Trash and restore are in the audit log.
 */
import type { Payload } from 'payload'

import type { Role } from '../../access/roles'
import { createStaff, makePerson, makeProgram, makeStatement, makeTopic, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

let payload: Payload
let staff: Record<Role, StaffMember>

beforeAll(async () => {
  payload = await testPayload()
  staff = await createStaff(payload)
}, 180_000)
afterAll(closePayload)

const actions = async (collection: string, id: number | string) =>
  (
    await payload.find({
      collection: 'audit-log',
      where: { targetCollection: { equals: collection }, targetId: { equals: String(id) } },
      sort: 'createdAt',
    })
  ).docs.map((d: any) => d.action)

test('an editor moves a program to the trash, finds it there and restores it', async () => {
  const program = await makeProgram(payload, { _status: 'published', title: 'Trash me' })
  const trashed = await rest('PATCH', `/programs/${program.id}`, { token: staff.editor.token, body: { deletedAt: new Date().toISOString() } })
  expect(trashed.body).toMatchObject({ doc: { id: program.id } })
  expect(trashed.status).toBe(200)

  // Gone from the site and normal lists…
  expect((await rest('GET', `/programs/${program.id}`)).status).toBe(404)
  const list = await rest('GET', '/programs', { token: staff.editor.token })
  expect(list.body.docs.map((d: any) => d.id)).not.toContain(program.id)
  // …but in the trash.
  const trash = await rest('GET', '/programs?trash=true&where[deletedAt][exists]=true', { token: staff.editor.token })
  expect(trash.body.docs.map((d: any) => d.id)).toContain(program.id)

  const restored = await rest('PATCH', `/programs/${program.id}?trash=true`, { token: staff.editor.token, body: { deletedAt: null } })
  expect(restored.status).toBe(200)
  const back = (await payload.findByID({ collection: 'programs', id: program.id, depth: 0 })) as any
  expect(back.title).toBe('Trash me')
  expect(back.deletedAt ?? null).toBeNull()
  expect(await actions('programs', program.id)).toEqual(expect.arrayContaining(['trashed', 'restored']))
})

test('a person still named as speaker of a published statement cannot be deleted; the error says where', async () => {
  const person = await makePerson(payload, { name: 'Dr. Linked Speaker' })
  const statement = await makeStatement(payload, { speaker: person.id, _status: 'published', title: 'Statement on trafficking' })

  const del = await rest('DELETE', `/people/${person.id}`, { token: staff.editor.token })
  expect(del.status).toBe(409)
  expect(del.body.errors[0].message).toMatch(/Statement "Statement on trafficking"/)
  const trash = await rest('PATCH', `/people/${person.id}`, { token: staff.editor.token, body: { deletedAt: new Date().toISOString() } })
  expect(trash.status).toBe(409)
  expect((await payload.findByID({ collection: 'people', id: person.id, depth: 0 })) as any).toMatchObject({ name: 'Dr. Linked Speaker' })

  // Once the statement no longer links to them, deleting works.
  await payload.update({ collection: 'statements', id: statement.id, data: { speaker: null, speakerName: 'Someone else' } })
  expect((await rest('DELETE', `/people/${person.id}`, { token: staff.editor.token })).status).toBe(200)
  expect(await actions('people', person.id)).toContain('deleted')
})

test('a topic used only by drafts can be deleted', async () => {
  const topic = await makeTopic(payload)
  await makeProgram(payload, { topics: [topic.id] })
  expect((await rest('DELETE', `/topics/${topic.id}`, { token: staff.editor.token })).status).toBe(200)
})

test('a topic used by a published program cannot be deleted', async () => {
  const topic = await makeTopic(payload)
  await makeProgram(payload, { topics: [topic.id], _status: 'published', title: 'Program with topic' })
  const res = await rest('DELETE', `/topics/${topic.id}`, { token: staff.admin.token })
  expect(res.status).toBe(409)
  expect(res.body.errors?.[0]?.data?.usedIn?.[0]).toMatchObject({ title: 'Program with topic' })
})
