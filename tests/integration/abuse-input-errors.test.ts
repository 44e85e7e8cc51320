/**
 * Abuse suite, class 7 (the named cases): no client input produces a 500. A constraint the
 * database enforces, broken by what the client sent, is a 400 or 409 that names the field, through
 * REST and GraphQL, and nothing is written. (The property-based sweep over methods, bodies and
 * GraphQL documents for every role is abuse-property.test.ts.)
 */
import type { Payload } from 'payload'

import { createStaff, makeImage, makeOffice, makeOrganisation, makeStatement, statementData, type StaffMember } from '../helpers/fixtures'
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

test('a create with no body at all is refused plainly as each role, not a 500 (fast-check found an admin\'s empty POST /statements on text IDs)', async () => {
  for (const who of [{ token: staff.admin.token }, { token: staff.editor.token }, { token: staff.contributor.token }, {}]) {
    const res = await api('POST', '/statements', who)
    expect({ who: Object.keys(who), status: res.status < 500 }).toEqual({ who: Object.keys(who), status: true })
    expect(res.status).toBeGreaterThanOrEqual(400)
  }
  // Staff are told what a new statement still needs.
  expect(JSON.stringify((await api('POST', '/statements', { token: staff.admin.token })).body)).toMatch(/title/i)
  // An update with no body changes nothing.
  const s = await makeStatement(payload, { issuingOrganisation: org.id, _status: 'published' })
  const patched = await api('PATCH', `/statements/${s.id}`, { token: staff.admin.token })
  expect(patched.status).toBe(200)
  expect(patched.body.doc.title).toBe(s.title)
})

test('saving site settings or navigation with no body changes nothing and is no 500; a misshapen value is a 400 naming the field (fast-check found an editor\'s empty POST /globals/navigation)', async () => {
  // Navigation (editors and admins) has nothing required: an empty save is saved. Site settings
  // (admins only) has never been filled in here: an empty save is told what it still needs.
  for (const [slug, roles, status] of [['navigation', ['admin', 'editor'], 200], ['site-settings', ['admin'], 400]] as const) {
    const before = await api('GET', `/globals/${slug}`, { token: staff.admin.token })
    for (const role of roles) {
      const res = await api('POST', `/globals/${slug}`, { token: staff[role].token })
      expect({ slug, role, status: res.status }).toEqual({ slug, role, status })
      if (status === 400) expect(res.body.errors[0].data.errors.length).toBeGreaterThan(0)
    }
    const after = await api('GET', `/globals/${slug}`, { token: staff.admin.token })
    // The content is what it was (the first save of a global also gives it its id and dates).
    const content = ({ id: _i, createdAt: _c, updatedAt: _u, globalType: _g, ...rest }: Record<string, unknown>) => rest
    expect(content(after.body)).toEqual(content(before.body))
    // Anyone else: refused, as before.
    expect((await api('POST', `/globals/${slug}`, {})).status).toBe(403)
  }
  const misshapen = await api('POST', '/globals/navigation', { token: staff.admin.token, body: { items: 'not a list' } })
  expect(misshapen.status).toBe(400)
  expect(JSON.stringify(misshapen.body)).toMatch(/items/)
})

test('a GraphQL body that is not JSON is a 400 saying so, for staff as for everyone (fast-check found an admin\'s body " ")', async () => {
  for (const who of [{}, { token: staff.editor.token }, { token: staff.admin.token }]) {
    for (const [contentType, body] of [
      ['application/json', ' '],
      ['application/json', '{"query": '],
      ['application/json; charset=utf-8', 'not json'],
    ]) {
      const res = await api('POST', '/graphql', { ...who, rawBody: body, headers: { 'Content-Type': contentType } })
      expect({ who: Object.keys(who), body, status: res.status }).toEqual({ who: Object.keys(who), body, status: 400 })
      expect(JSON.stringify(res.body)).toMatch(/JSON/)
    }
  }
  // A real query still runs, for staff too.
  const ok = await api('POST', '/graphql', { token: staff.admin.token, body: { query: '{ Topics(limit: 1) { totalDocs } }' } })
  expect({ status: ok.status, total: typeof ok.body?.data?.Topics?.totalDocs }).toEqual({ status: 200, total: 'number' })
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

test('an endpoint word where Payload’s own collections take an ID, and a preference the caller does not have, are a 404: not a 500', async () => {
  for (const role of ['contributor', 'editor'] as const) {
    // Payload's internal collections are added after plugins run: the checks must reach them too.
    const locked = await api('DELETE', '/payload-locked-documents/count', { token: staff[role].token })
    expect({ role, status: locked.status }).toEqual({ role, status: 404 })
    const read = await api('GET', '/payload-locked-documents/not-an-id', { token: staff[role].token })
    expect({ role, status: read.status }).toEqual({ role, status: 404 })
    // DELETE /api/payload-preferences/<key> of a key the caller never saved.
    const preference = await api('DELETE', '/payload-preferences/count', { token: staff[role].token })
    expect({ role, status: preference.status }).toEqual({ role, status: 404 })
  }
  // A preference that exists is still deleted.
  const saved = await api('POST', '/payload-preferences/nav', { token: staff.editor.token, body: { value: { open: true } } })
  expect(saved.status).toBeLessThan(300)
  expect((await api('DELETE', '/payload-preferences/nav', { token: staff.editor.token })).status).toBe(200)
})

test('a negative limit or page is a 400 naming it, for staff too, through REST and GraphQL variables: not a 500', async () => {
  const names = (body: unknown, name: string) => JSON.stringify(body).includes(`\`${name}\``)
  for (const [query, name] of [['limit=-1&page=2', 'limit'], ['limit=5&page=-1', 'page'], ['limit=1.5', 'limit']] as const) {
    for (const path of ['/statements', '/topics', '/statements/versions', '/payload-locked-documents', '/payload-jobs']) {
      const res = await api('GET', `${path}?${query}`, { token: staff.admin.token })
      expect({ path, query, status: res.status, names: names(res.body, name) }).toEqual({ path, query, status: 400, names: true })
    }
  }
  // Through POST with the method-override header, the query in the form body.
  const override = await api('POST', '/statements', {
    token: staff.editor.token,
    rawBody: 'limit=-1&page=2',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' },
  })
  expect(override.status).toBe(400)
  const res = await gql('query Main($limit: Int = 0) { Statements(page: 2, limit: $limit) { docs { id } } }', { token: staff.editor.token, variables: { limit: -1 } })
  expect(res.body.errors?.[0]?.extensions?.statusCode).toBe(400)
  expect(names(res.body, 'limit')).toBe(true)
  // What staff may ask for still works: everything (limit 0), and a page past the end.
  expect((await api('GET', '/statements?limit=0', { token: staff.editor.token })).status).toBe(200)
  expect((await api('GET', '/statements?limit=5&page=9', { token: staff.editor.token })).status).toBe(200)
})

test('the version history of a collection that keeps none is a 404: not a 500', async () => {
  for (const path of ['/people/versions', '/topics/versions', '/people/versions/1', '/audit-log/versions', '/globals/site-settings/versions', '/globals/navigation/versions/1']) {
    const res = await api('GET', path, { token: staff.editor.token })
    // With text IDs (as on MongoDB) "versions" is a well-formed ID of the audit log, which editors may not read: 403 first.
    const expected = path === '/audit-log/versions' && payload.db.defaultIDType !== 'number' ? 403 : 404
    expect({ path, status: res.status }).toEqual({ path, status: expected })
  }
  expect((await api('GET', '/statements/versions', { token: staff.editor.token })).status).toBe(200)
})

test('a value its field cannot hold (a list for a date, an object for a title) is a 400 naming the field, drafts included: not a 500', async () => {
  const statement = await makeStatement(payload, { issuingOrganisation: org.id, title: 'Shape check' })
  for (const [body, field] of [
    [{ deletedAt: [] }, 'deletedAt'],
    [{ deliveredOn: { en: [] } }, 'deliveredOn'],
    [{ title: { root: 'x' } }, 'title'],
    [{ proposals: 'not rows' }, 'proposals'],
    [{ proposals: [{ text: ['a'] }] }, 'proposals.text'],
    [{ withdrawal: null }, 'withdrawal'],
    // Values keyed by locale are the whole field only with locale=all; in one locale it is an object.
    [{ summary: { en: null } }, 'summary'],
    // A date nothing can read back: stored in a draft, every later read of it was a 500.
    [{ deliveredOn: 'not a date' }, 'deliveredOn'],
    [{ deletedAt: 'soon' }, 'deletedAt'],
    // A choice that is not offered (kept in drafts).
    [{ statementType: -939253167 }, 'statementType'],
    [{ statementType: 'not-a-type' }, 'statementType'],
  ] as const) {
    for (const query of ['?draft=true', '']) {
      const res = await api('PATCH', `/statements/${statement.id}${query}`, { token: staff.editor.token, body })
      expect({ body, query, status: res.status, names: JSON.stringify(res.body).includes(field) }).toEqual({ body, query, status: 400, names: true })
    }
  }
  // A create too: Payload's own field hooks read inside a group, and failed on one sent as null.
  const created = await api('POST', '/statements', { token: staff.editor.token, body: { withdrawal: null } })
  expect({ status: created.status, names: JSON.stringify(created.body).includes('withdrawal') }).toEqual({ status: 400, names: true })
  const stored = await payload.findByID({ collection: 'statements', id: statement.id, overrideAccess: true, draft: true })
  expect(stored.title).toBe('Shape check')
  expect(stored.deletedAt ?? null).toBeNull()
  expect((await api('GET', `/statements/${statement.id}?draft=true`, { token: staff.editor.token })).status).toBe(200)
  // Rows sent as null mean none, as the admin's autosave sends them (Payload's update failed on them).
  for (const query of ['?draft=true', '']) {
    const cleared = await api('PATCH', `/statements/${statement.id}${query}`, { token: staff.editor.token, body: { proposals: null } })
    expect({ query, status: cleared.status, proposals: cleared.body?.doc?.proposals }).toEqual({ query, status: 200, proposals: [] })
  }
  // The same values in the shape they take are saved (the whole of a localised field: locale=all).
  const ok = await api('PATCH', `/statements/${statement.id}?draft=true&locale=all`, { token: staff.editor.token, body: { title: { en: 'Shape checked', ur: 'جانچ' } } })
  expect(ok.status).toBe(200)
})

test('a file no media item has is a 404 for staff too: not a 500', async () => {
  for (const role of ['contributor', 'editor'] as const) {
    const res = await api('GET', '/media/file/nothing-here.png', { token: staff[role].token })
    expect({ role, status: res.status }).toEqual({ role, status: 404 })
  }
})

test('a save that changes nothing is not an audit entry; a contributor’s real change to an upload it may change is, under its name', async () => {
  const image = await makeImage(payload)
  const entries = () => payload.count({ collection: 'audit-log', where: { targetCollection: { equals: 'media' }, targetId: { equals: String(image.id) } }, overrideAccess: true })
  const before = (await entries()).totalDocs
  for (const query of ['', '?draft=true']) {
    const res = await api('PATCH', `/media/${image.id}${query}`, { token: staff.contributor.token, body: {} })
    expect(res.status).toBe(200)
  }
  expect((await entries()).totalDocs).toBe(before)
  const changed = await api('PATCH', `/media/${image.id}`, { token: staff.contributor.token, body: { alt: 'A clearer description' } })
  expect(changed.status).toBe(200)
  const log = await payload.find({ collection: 'audit-log', where: { targetCollection: { equals: 'media' }, targetId: { equals: String(image.id) } }, sort: '-createdAt', overrideAccess: true, depth: 0 })
  expect(log.totalDocs).toBe(before + 1)
  expect(log.docs[0]).toMatchObject({ action: 'updated', user: staff.contributor.id })
})

test('a method-override request (POST as GET) whose JSON body is not JSON is a 400 for staff: not a 500', async () => {
  const send = (rawBody: string) =>
    api('POST', '/statements', { token: staff.editor.token, rawBody, headers: { 'Content-Type': 'application/json', 'X-Payload-HTTP-Method-Override': 'GET' } })
  for (const body of ['x', '', '{"where":']) {
    const res = await send(body)
    expect({ body, status: res.status }).toEqual({ body, status: 400 })
  }
  expect((await send('{}')).status).toBe(200)
})

test('an account’s sign-in sessions are never shown inside another document, whatever that document’s ID', async () => {
  // Payload's own field access on `sessions` compares the reader with the document being read at
  // the top, not the account populated inside it: a statement whose ID was the reader's own ID
  // showed its author's sessions.
  let id = staff.admin.id
  if (payload.db.defaultIDType === 'number') {
    // Numbers count up in every table: make statements until one has the admin's number.
    const exists = async () => (await payload.find({ collection: 'statements', where: { id: { equals: id } }, overrideAccess: true, trash: true, draft: true })).totalDocs > 0
    while (!(await exists())) await makeStatement(payload, { issuingOrganisation: org.id })
  } else {
    // Text IDs (as on MongoDB) never meet by chance, and Payload will not take one on create: the
    // same read of an author inside any statement.
    id = (await makeStatement(payload, { issuingOrganisation: org.id })).id
  }
  await payload.update({ collection: 'statements', id, data: { createdBy: staff.editor.id } as any, overrideAccess: true, draft: true })
  const res = await api('GET', `/statements/${id}?depth=1&draft=true&trash=true`, { token: staff.admin.token })
  expect(res.status).toBe(200)
  expect(res.body.createdBy?.id).toBe(staff.editor.id)
  expect(res.body.createdBy).not.toHaveProperty('sessions')
  // Each account still sees its own.
  const me = await api('GET', `/users/${staff.editor.id}`, { token: staff.editor.token })
  expect(me.body).toHaveProperty('sessions')
})

test('e-mail verification on accounts that do not verify e-mail is not an endpoint: no 500', async () => {
  for (const token of [undefined, staff.editor.token]) {
    const res = await api('POST', '/users/verify/some-token', { token, body: {} })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
  }
})

test('what describes a stored file (its name, type, size) changes only with a new file: sent without one it is ignored, never a 500', async () => {
  const image = await makeImage(payload)
  for (const body of [{ mimeType: 1 }, { filename: 'another-file.png', caption: 'Kept' }, { mimeType: 'text/html', filesize: 1, width: 2 }]) {
    const res = await api('PATCH', `/media/${image.id}`, { token: staff.editor.token, body })
    expect({ body, status: res.status }).toEqual({ body, status: 200 })
  }
  const stored: any = await payload.findByID({ collection: 'media', id: image.id, overrideAccess: true })
  expect({ filename: stored.filename, mimeType: stored.mimeType, filesize: stored.filesize, width: stored.width, caption: stored.caption }).toEqual({
    filename: image.filename,
    mimeType: image.mimeType,
    filesize: image.filesize,
    width: image.width,
    caption: 'Kept',
  })
  // The file is still served under its name.
  expect((await api('GET', `/media/file/${image.filename}`, { token: staff.editor.token })).status).toBe(200)
})

test('a relationship to a document that does not exist is a 400 naming the field, drafts included, and nothing is written: not a 500', async () => {
  const statement = await makeStatement(payload, { issuingOrganisation: org.id, title: 'Reference check', _status: 'published' })
  const nowhere = payload.db.defaultIDType === 'number' ? 999999 : '00000000-0000-4000-8000-000000000000'
  for (const [body, field] of [
    [{ issuingOrganisation: nowhere }, 'issuingOrganisation'],
    [{ topics: [nowhere] }, 'topics'],
  ] as const) {
    for (const query of ['?draft=true', '']) {
      const res = await api('PATCH', `/statements/${statement.id}${query}`, { token: staff.editor.token, body })
      expect({ body, query, status: res.status, names: JSON.stringify(res.body).includes(field) }).toEqual({ body, query, status: 400, names: true })
    }
  }
  const created = await api('POST', '/statements', { token: staff.editor.token, body: statementData(org.id, { issuingOrganisation: nowhere }) })
  expect({ status: created.status, names: JSON.stringify(created.body).includes('issuingOrganisation') }).toEqual({ status: 400, names: true })
  const stored: any = await payload.findByID({ collection: 'statements', id: statement.id, overrideAccess: true, depth: 0 })
  expect(String(stored.issuingOrganisation)).toBe(String(org.id))
  // Real references still save.
  expect((await api('PATCH', `/statements/${statement.id}`, { token: staff.editor.token, body: { issuingOrganisation: org.id } })).status).toBe(200)
})
