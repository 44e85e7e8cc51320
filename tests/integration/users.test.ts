// Staff accounts are never public, contributors see only themselves, secrets never leave the
// server, and the role rules hold: first account is an admin, only admins change roles, nobody
// changes their own role, and the last admin can be neither demoted nor deleted.
import type { Payload } from 'payload'

import { createUser, TEST_PASSWORD, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { gql, login, rest } from '../helpers/rest'

let payload: Payload
let admin: StaffMember
let editor: StaffMember
let contributor: StaffMember

const SECRET_KEYS = ['password', 'hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', 'loginAttempts', 'lockUntil']

/** Every key anywhere in a JSON value, so a secret nested in a response is found too. */
function allKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => allKeys(v, keys))
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      keys.add(k)
      allKeys(v, keys)
    }
  }
  return keys
}
const expectNoSecrets = (body: unknown) => {
  const keys = allKeys(body)
  for (const key of SECRET_KEYS) expect(keys.has(key)).toBe(false)
  expect(JSON.stringify(body)).not.toContain(TEST_PASSWORD)
}

beforeAll(async () => {
  payload = await testPayload()
})
afterAll(closePayload)

describe('roles', () => {
  test('the first account becomes an admin whatever role it asks for', async () => {
    admin = await createUser(payload, 'contributor')
    expect(admin.role).toBe('admin')
    editor = await createUser(payload, 'editor')
    contributor = await createUser(payload, 'contributor')
    expect(editor.role).toBe('editor')
    expect(contributor.role).toBe('contributor')
  })

  test('an admin changes another account’s role', async () => {
    const res = await rest('PATCH', `/users/${contributor.id}`, { token: admin.token, body: { role: 'editor' } })
    expect(res.status).toBe(200)
    expect(res.body.doc.role).toBe('editor')
    await rest('PATCH', `/users/${contributor.id}`, { token: admin.token, body: { role: 'contributor' } })
  })

  test('an editor cannot change anyone else’s account', async () => {
    const res = await rest('PATCH', `/users/${contributor.id}`, { token: editor.token, body: { role: 'admin' } })
    expect(res.status).toBe(403)
    const stored = await payload.findByID({ collection: 'users', id: contributor.id, overrideAccess: true })
    expect(stored.role).toBe('contributor')
  })

  test('non-admins cannot promote themselves; they may change their own name', async () => {
    for (const member of [editor, contributor]) {
      const res = await rest('PATCH', `/users/${member.id}`, { token: member.token, body: { role: 'admin', name: `Renamed ${member.role}` } })
      const stored = await payload.findByID({ collection: 'users', id: member.id, overrideAccess: true })
      expect(stored.role).toBe(member.role)
      expect(res.status).toBe(200)
      expect(stored.name).toBe(`Renamed ${member.role}`)
    }
  })

  test('nobody, not even an admin, changes their own role', async () => {
    const second = await createUser(payload, 'admin')
    const res = await rest('PATCH', `/users/${second.id}`, { token: second.token, body: { role: 'editor' } })
    expect(res.status).toBe(403)
    expect(JSON.stringify(res.body)).toContain('You cannot change your own role')
    const stored = await payload.findByID({ collection: 'users', id: second.id, overrideAccess: true })
    expect(stored.role).toBe('admin')
    await payload.delete({ collection: 'users', id: second.id, overrideAccess: true })
  })

  test('only admins create accounts', async () => {
    const denied = await rest('POST', '/users', { token: editor.token, body: { email: 'sneaky@example.test', password: TEST_PASSWORD, role: 'admin' } })
    expect(denied.status).toBe(403)
    const anonymous = await rest('POST', '/users', { body: { email: 'anon@example.test', password: TEST_PASSWORD } })
    expect(anonymous.status).toBe(403)
    expect(await payload.count({ collection: 'users', where: { email: { in: ['sneaky@example.test', 'anon@example.test'] } }, overrideAccess: true })).toMatchObject({ totalDocs: 0 })
  })

  test('the last admin cannot be demoted', async () => {
    expect((await payload.count({ collection: 'users', where: { role: { equals: 'admin' } }, overrideAccess: true })).totalDocs).toBe(1)
    // Not by themselves (own role) ...
    const own = await rest('PATCH', `/users/${admin.id}`, { token: admin.token, body: { role: 'editor' } })
    expect(own.status).toBe(403)
    // ... and not by a script or the seed either.
    await expect(payload.update({ collection: 'users', id: admin.id, data: { role: 'editor' }, overrideAccess: true })).rejects.toThrow(
      'This is the last admin account. Make someone else an admin first.',
    )
    const stored = await payload.findByID({ collection: 'users', id: admin.id, overrideAccess: true })
    expect(stored.role).toBe('admin')
  })

  test('the last admin cannot be deleted; with a second admin one may go', async () => {
    const res = await rest('DELETE', `/users/${admin.id}`, { token: admin.token })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('This is the last admin account and cannot be deleted.')
    await expect(payload.delete({ collection: 'users', id: admin.id, overrideAccess: true })).rejects.toThrow('last admin')
    expect((await payload.count({ collection: 'users', where: { role: { equals: 'admin' } }, overrideAccess: true })).totalDocs).toBe(1)

    const second = await createUser(payload, 'admin')
    const demoted = await rest('PATCH', `/users/${second.id}`, { token: admin.token, body: { role: 'editor' } })
    expect(demoted.status).toBe(200)
    expect(demoted.body.doc.role).toBe('editor')
    const deleted = await rest('DELETE', `/users/${second.id}`, { token: admin.token })
    expect(deleted.status).toBe(200)
  })

  test('editors and contributors cannot delete accounts', async () => {
    for (const member of [editor, contributor]) {
      const res = await rest('DELETE', `/users/${admin.id}`, { token: member.token })
      expect(res.status).toBe(403)
    }
  })
})

describe('privacy', () => {
  test('anonymous readers cannot list or read accounts through REST', async () => {
    const list = await rest('GET', '/users')
    expect(list.status).toBe(403)
    expect(JSON.stringify(list.body)).not.toContain('@example.test')
    const one = await rest('GET', `/users/${admin.id}`)
    expect(one.status).toBe(403)
    expect(JSON.stringify(one.body)).not.toContain('@example.test')
    const count = await rest('GET', '/users/count')
    expect(count.status).toBe(403)
  })

  test('anonymous readers cannot list or read accounts through GraphQL', async () => {
    const list = await gql('{ Users { docs { id email role } } }')
    expect(list.body.data?.Users ?? null).toBeNull()
    expect(JSON.stringify(list.body)).not.toContain('@example.test')
    const one = await gql(`{ User(id: ${JSON.stringify(admin.id)}) { id email } }`)
    expect(one.body.data?.User ?? null).toBeNull()
    expect(JSON.stringify(one.body)).not.toContain('@example.test')
  })

  test('anonymous readers cannot find accounts through content relations (createdBy)', async () => {
    const topic = await payload.create({ collection: 'topics', data: { name: 'Relations' }, overrideAccess: true })
    // Written by a contributor (so createdBy points at their account), published by an editor.
    const program = await payload.create({
      collection: 'programs',
      data: { title: 'Made by a contributor', topics: [topic.id] },
      user: contributor.user,
      overrideAccess: false,
    })
    await payload.update({ collection: 'programs', id: program.id, data: { _status: 'published' }, user: editor.user, overrideAccess: false })
    const res = await rest('GET', `/programs/${program.id}?depth=2`)
    expect(res.status).toBe(200)
    expect(JSON.stringify(res.body)).not.toContain('@example.test')
    const gqlRes = await gql(`{ Program(id: ${JSON.stringify(program.id)}) { title createdBy { email } } }`)
    expect(JSON.stringify(gqlRes.body)).not.toContain('@example.test')
  })

  test('a contributor reads only their own account (REST and GraphQL)', async () => {
    const list = await rest('GET', '/users?limit=100', { token: contributor.token })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((d: any) => d.id)).toEqual([contributor.id])
    const other = await rest('GET', `/users/${admin.id}`, { token: contributor.token })
    expect([403, 404]).toContain(other.status)
    const self = await rest('GET', `/users/${contributor.id}`, { token: contributor.token })
    expect(self.status).toBe(200)
    expect(self.body.email).toBe(contributor.email)

    const gqlList = await gql('{ Users(limit: 100) { docs { id email } } }', { token: contributor.token })
    expect(gqlList.body.data.Users.docs.map((d: any) => d.email)).toEqual([contributor.email])
  })

  test('an admin lists every account', async () => {
    const list = await rest('GET', '/users?limit=100', { token: admin.token })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((d: any) => d.email)).toEqual(expect.arrayContaining([admin.email, editor.email, contributor.email]))
  })

  test('passwords, hashes and salts never appear in any response', async () => {
    const responses = [
      (await rest('GET', '/users?limit=100', { token: admin.token })).body,
      (await rest('GET', `/users/${contributor.id}`, { token: contributor.token })).body,
      (await rest('GET', '/users/me', { token: editor.token })).body,
      (await rest('POST', '/users/login', { body: { email: editor.email, password: TEST_PASSWORD } })).body,
      (await rest('PATCH', `/users/${editor.id}`, { token: editor.token, body: { name: 'Editor again' } })).body,
      (await gql('{ Users(limit: 100) { docs { id email role } } }', { token: admin.token })).body,
      (await gql('{ meUser { user { id email } } }', { token: editor.token })).body,
    ]
    for (const body of responses) expectNoSecrets(body)
    // Local API reads as admin do not return them either.
    expectNoSecrets(await payload.find({ collection: 'users', overrideAccess: false, user: admin.user }))
  })

  test('a wrong password is refused without saying whether the account exists', async () => {
    const wrong = await rest('POST', '/users/login', { body: { email: editor.email, password: 'wrong-password' } })
    const unknown = await rest('POST', '/users/login', { body: { email: 'nobody@example.test', password: 'wrong-password' } })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body).toEqual(unknown.body)
    // The editor can still log in (one failure does not lock the account).
    await expect(login(editor.email, TEST_PASSWORD)).resolves.toEqual(expect.any(String))
  })
})
