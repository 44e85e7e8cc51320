/**
 * The change pipeline (content/changes): every door (REST as the admin uses it, GraphQL, the
 * Local API, the jobs runner) produces the same classified change, and the subscribers turn it
 * into exactly the right stale pages, API-cache tags, audit entries and webhooks. Draft saves
 * touch nothing. A refresh that fails is kept as a retry job that the dashboard shows, and that
 * succeeds once the cause is gone.
 *
 * No web server runs here, so what the pipeline would refresh is observed through onStaleness.
 */
import type { Payload } from 'payload'

import { GET as healthGET } from '../../app/(payload)/api/health/route'
import { onStaleness } from '../../content/changes/freshness'
import { RETRY_TASK } from '../../content/changes/retry'
import { findRedirect } from '../../content/changes/subscribers/redirects'
import type { Staleness } from '../../content/changes/subscriber'
import { workflowDashboard } from '../../workflow/dashboard'
import { createStaff, makeOrganisation, makePerson, makeProgram, makeStatement, makeTopic, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api, gql, rest } from '../helpers/rest'

let payload: Payload
let editor: StaffMember
let admin: StaffMember
let applied: Staleness[] = []
let stop: () => void
let failRefresh = false

const pages = () => [...new Set(applied.flatMap((s) => s.pages ?? []))].sort()
const laterPages = () => [...new Set(applied.flatMap((s) => s.laterPages ?? []))].sort()
const apiTags = () => [...new Set(applied.flatMap((s) => s.apiTags ?? []))].sort()
const audit = async (id: number | string, collection = 'statements') =>
  (
    await payload.find({ collection: 'audit-log', where: { targetCollection: { equals: collection }, targetId: { equals: String(id) } }, sort: 'createdAt', limit: 50 })
  ).docs.map((d: any) => d.action)

let org: any
let topic: any
let otherTopic: any
let person: any
let program: any

beforeAll(async () => {
  // Webhook endpoints on this machine's loopback (nothing listens: deliveries are only queued here).
  process.env.WEBHOOKS_ALLOW_PRIVATE = 'true'
  payload = await testPayload()
  ;({ editor, admin } = await createStaff(payload))
  org = await makeOrganisation(payload)
  topic = await makeTopic(payload, { slug: 'crime' })
  otherTopic = await makeTopic(payload, { slug: 'gender' })
  person = await makePerson(payload, { slug: 'tariq' })
  program = await makeProgram(payload, { slug: 'trafficking', _status: 'published' })
  stop = onStaleness((s) => {
    if (failRefresh) throw new Error('the web server did not answer')
    applied.push(s)
  })
}, 180_000)
afterAll(async () => {
  stop?.()
  await closePayload()
})
beforeEach(() => {
  applied = []
})

async function draftStatement(slug: string) {
  return makeStatement(payload, { slug, issuingOrganisation: org.id, topics: [topic.id], speaker: person.id, relatedPrograms: [program.id], _status: 'draft' })
}

test('publishing through REST (as the admin does) refreshes the page in both languages, its lists, topic, speaker and program pages, feeds and sitemap; nothing unrelated', async () => {
  const s = await draftStatement('court-backlogs')
  applied = []
  const res = await rest('PATCH', `/statements/${s.id}`, { token: editor.token, body: { _status: 'published' } })
  expect(res.status).toBe(200)
  expect(pages()).toEqual(
    expect.arrayContaining([
      '/statements/court-backlogs',
      '/ur/statements/court-backlogs',
      '/statements',
      '/ur/statements',
      '/',
      '/ur',
      '/topics/crime',
      '/ur/topics/crime',
      '/people/tariq',
      '/ur/people/tariq',
      '/programs/trafficking',
      '/feed.xml',
      '/ur/feed.atom',
      '/statements/feed.json',
      '/topics/crime/feed.xml',
      '/ur/topics/crime/feed.xml',
      '/sitemap.xml',
    ]),
  )
  // Unrelated pages stay cached.
  expect(pages().some((p) => /contact|campaigns|\/topics\/gender|\/media/.test(p))).toBe(false)
  // The API cache: this statement and statement lists, nothing else.
  expect(apiTags()).toEqual([`doc:statements:${s.id}`, 'list:statements'])
  // Its words are searchable: every search results page is dropped (the page cache keeps them).
  expect(pages()).toEqual(expect.arrayContaining(['/search', '/ur/search']))
  expect(await audit(s.id)).toEqual(['created', 'published'])
})

test('an autosave and a draft save over the live page change nothing a reader or partner sees, and audit nothing', async () => {
  const s = await draftStatement('autosaved')
  await rest('PATCH', `/statements/${s.id}`, { token: editor.token, body: { _status: 'published' } })
  applied = []
  const auditBefore = await audit(s.id)
  const autosave = await rest('PATCH', `/statements/${s.id}?draft=true&autosave=true`, { token: editor.token, body: { title: 'Typing…', slug: 'typing' } })
  expect(autosave.status).toBe(200)
  const draft = await rest('PATCH', `/statements/${s.id}?draft=true`, { token: editor.token, body: { title: 'Saved draft' } })
  expect(draft.status).toBe(200)
  expect(applied).toEqual([])
  expect(await audit(s.id)).toEqual(auditBefore)
})

test('unpublishing and a slug change refresh the old page as well as the new one', async () => {
  const s = await draftStatement('old-address')
  await rest('PATCH', `/statements/${s.id}`, { token: editor.token, body: { _status: 'published' } })
  applied = []
  // The new slug is typed into a draft first (nothing public moves), then published.
  await rest('PATCH', `/statements/${s.id}?draft=true`, { token: editor.token, body: { slug: 'new-address' } })
  expect(applied).toEqual([])
  await rest('PATCH', `/statements/${s.id}`, { token: editor.token, body: { _status: 'published' } })
  expect(pages()).toEqual(expect.arrayContaining(['/statements/old-address', '/ur/statements/old-address', '/statements/new-address', '/ur/statements/new-address']))
  const entry = (await payload.find({ collection: 'audit-log', where: { targetId: { equals: String(s.id) }, action: { equals: 'published' } }, sort: '-createdAt', limit: 1 })).docs[0] as any
  expect(entry.details).toMatchObject({ slugFrom: 'old-address', slugTo: 'new-address' })

  applied = []
  await rest('PATCH', `/statements/${s.id}`, { token: editor.token, body: { _status: 'draft' } })
  expect(pages()).toEqual(expect.arrayContaining(['/statements/new-address', '/ur/statements/new-address', '/statements', '/sitemap.xml']))
  expect((await audit(s.id)).at(-1)).toBe('unpublished')
})

test('trashing a published document takes it down (audit, webhook "unpublished"); restoring brings it back', async () => {
  const endpoint = await payload.create({
    collection: 'webhook-endpoints',
    data: { name: 'partner', url: 'http://127.0.0.1:9/hook', events: ['published', 'unpublished', 'updated'] },
    overrideAccess: true,
  })
  const s = await draftStatement('to-trash')
  await rest('PATCH', `/statements/${s.id}`, { token: editor.token, body: { _status: 'published' } })
  applied = []
  const trashed = await rest('PATCH', `/statements/${s.id}`, { token: editor.token, body: { deletedAt: new Date().toISOString() } })
  expect(trashed.status).toBe(200)
  expect(pages()).toEqual(expect.arrayContaining(['/statements/to-trash', '/ur/statements/to-trash', '/statements', '/sitemap.xml']))
  const events = async () =>
    (await payload.find({ collection: 'webhook-deliveries', where: { documentId: { equals: String(s.id) } }, sort: 'createdAt', limit: 20 })).docs.map((d: any) => d.event)
  expect(await events()).toEqual(['published', 'unpublished'])
  expect((await audit(s.id)).at(-1)).toBe('trashed')

  applied = []
  const restored = await rest('PATCH', `/statements/${s.id}?trash=true`, { token: editor.token, body: { deletedAt: null, _status: 'published' } })
  expect(restored.status).toBe(200)
  expect(pages()).toEqual(expect.arrayContaining(['/statements/to-trash', '/ur/statements/to-trash']))
  expect(await events()).toEqual(['published', 'unpublished', 'published'])
  expect((await audit(s.id)).slice(-1)).toEqual(['restored'])
  await payload.update({ collection: 'webhook-endpoints', id: endpoint.id, data: { active: false }, overrideAccess: true })
})

test('GraphQL, the Local API and the jobs runner (a scheduled unpublish) go through the same pipeline', async () => {
  const viaGraphql = await draftStatement('via-graphql')
  const res = await gql(`mutation { updateStatement(id: ${JSON.stringify(viaGraphql.id)}, data: { _status: published }) { id } }`, { token: editor.token })
  expect(res.body.errors).toBeUndefined()
  expect(pages()).toContain('/statements/via-graphql')

  applied = []
  const viaLocal = await draftStatement('via-local')
  await payload.update({ collection: 'statements', id: viaLocal.id, data: { _status: 'published' }, overrideAccess: true })
  expect(pages()).toContain('/ur/statements/via-local')

  applied = []
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'unpublish', doc: { relationTo: 'statements', value: String(viaLocal.id) }, user: { relationTo: 'users', value: editor.id } } as any,
    waitUntil: new Date(Date.now() - 1000),
  })
  await payload.jobs.run()
  expect(pages()).toEqual(expect.arrayContaining(['/statements/via-local', '/ur/statements/via-local', '/statements', '/sitemap.xml', '/feed.xml']))
  expect((await audit(viaLocal.id)).at(-1)).toBe('unpublished')
})

test('renaming a topic refreshes its page and feeds now, and the pages that show it just after; its API responses are dropped', async () => {
  const s = await draftStatement('filed-under-crime')
  await payload.update({ collection: 'statements', id: s.id, data: { _status: 'published' }, overrideAccess: true })
  applied = []
  await rest('PATCH', `/topics/${topic.id}`, { token: editor.token, body: { name: 'Organised crime' } })
  expect(pages()).toEqual(expect.arrayContaining(['/topics/crime', '/ur/topics/crime', '/topics', '/topics/crime/feed.xml']))
  expect([...pages(), ...laterPages()]).toEqual(expect.arrayContaining(['/statements/filed-under-crime', '/ur/statements/filed-under-crime']))
  // The statements filed under it are indexed again with its new name, just after the commit: cached
  // search answers and result pages go too (every server).
  expect(apiTags()).toEqual([`doc:topics:${topic.id}`, 'list:topics', 'search'])
  expect(pages()).toEqual(expect.arrayContaining(['/search', '/ur/search']))
  expect(await audit(topic.id, 'topics')).toContain('updated')
  // Not the other topic.
  expect([...pages(), ...laterPages()].some((p) => p.includes('/topics/gender'))).toBe(false)
  void otherTopic
})

test('a new topic, filed under nothing yet, is in the filter menu of every list of a type filed under topics: those lists are refreshed', async () => {
  await rest('POST', '/topics', { token: editor.token, body: { name: 'Border management', slug: 'border-management' } })
  expect(pages()).toEqual(expect.arrayContaining(['/topics/border-management', '/topics', '/statements', '/ur/statements', '/programs', '/campaigns', '/media']))
  // Not the lists of types that are not filed under topics (offices, people).
  expect(pages().filter((p) => /\/(?:contact|people)$/.test(p))).toEqual([])
})

test('site settings and navigation are on every page: the whole site, and an audit entry', async () => {
  await rest('POST', '/globals/navigation', { token: admin.token, body: { items: [{ label: 'Statements', path: '/statements' }] } })
  expect(applied.some((s) => s.everything)).toBe(true)
  expect(apiTags()).toContain('global:navigation')
  expect(await audit('navigation', 'navigation')).toContain('updated')
})

test('a bulk load (the search corpus, an import) makes the whole site stale once, not page by page; its draft saves still touch nothing', async () => {
  const { generateStatements, loadCorpus } = await import('../../search/corpus')
  const ids = await loadCorpus(payload, generateStatements(3, { seed: 11 }), { organisation: org.id, topics: [topic.id, otherTopic.id] })
  expect(applied.some((s) => s.everything)).toBe(true)
  expect(pages()).toEqual([])
  expect(laterPages()).toEqual([])
  expect(await audit(ids[0])).toContain('published')
  // Everything it loaded is published: a reader can open it.
  expect((await rest('GET', `/statements/${ids[2]}`)).status).toBe(200)

  applied = []
  await payload.update({ collection: 'statements', id: ids[0], draft: true, data: { title: 'Bulk draft' }, overrideAccess: true, context: { bulk: true } })
  expect(applied).toEqual([])
})

test('partner keys, webhook endpoints and media are in the audit log; a partner-key change drops remembered keys', async () => {
  const created = await api('POST', '/partner-keys', { token: admin.token, body: { organisation: 'UNODC', contactEmail: 'p@unodc.example' } })
  expect(created.status).toBe(201)
  const id = created.body.doc.id
  await api('PATCH', `/partner-keys/${id}`, { token: admin.token, body: { revoked: true } })
  expect(apiTags()).toContain('partner-keys')
  expect(await audit(id, 'partner-keys')).toEqual(['created', 'updated'])
  const entry = (await payload.find({ collection: 'audit-log', where: { targetCollection: { equals: 'partner-keys' }, action: { equals: 'updated' } }, limit: 1 })).docs[0] as any
  expect(entry.details).toEqual({ fields: ['revoked'] })
  expect(JSON.stringify(entry)).not.toMatch(/dlk_/)

  const hook = await payload.create({ collection: 'webhook-endpoints', data: { name: 'x', url: 'http://127.0.0.1:9/h', events: ['published'] }, overrideAccess: true, user: admin.user })
  await payload.delete({ collection: 'webhook-endpoints', id: hook.id, overrideAccess: true, user: admin.user })
  expect(await audit(hook.id, 'webhook-endpoints')).toEqual(['created', 'deleted'])
})

test('a refresh that fails is kept as a retry job, shown on the editors’ dashboard, and done once the server answers', async () => {
  const s = await draftStatement('refresh-fails')
  failRefresh = true
  const res = await rest('PATCH', `/statements/${s.id}`, { token: editor.token, body: { _status: 'published' } })
  failRefresh = false
  // The change itself stands.
  expect(res.status).toBe(200)
  expect(res.body.doc._status).toBe('published')
  const board = await workflowDashboard(payload, editor.user)
  expect(board.refreshProblems).toHaveLength(1)
  expect(board.refreshProblems[0].reason).toMatch(/did not answer/)
  // …and /api/health counts it for monitoring (the server stays ready: it still serves every page).
  const health = async () => (await (await healthGET()).json()) as { status: string; changes: { pending: number; failed: number } }
  expect(await health()).toMatchObject({ status: 'ok', changes: { pending: 1, failed: 0 } })

  applied = []
  await payload.jobs.run({ queue: 'default' })
  expect(pages()).toContain('/statements/refresh-fails')
  const left = await payload.count({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: RETRY_TASK } }, { completedAt: { exists: false } }] } })
  expect(left.totalDocs).toBe(0)
  expect((await workflowDashboard(payload, editor.user)).refreshProblems).toEqual([])
  expect((await health()).changes).toEqual({ pending: 0, failed: 0 })
})

test('changing a published slug records a redirect from the old address (both languages, and the JSON twin); staff manage them, the public cannot read them', async () => {
  const s = await draftStatement('first-address')
  await rest('PATCH', `/statements/${s.id}`, { token: editor.token, body: { _status: 'published' } })
  expect(await findRedirect('/statements/first-address')).toBeNull()
  await rest('PATCH', `/statements/${s.id}`, { token: editor.token, body: { slug: 'second-address', _status: 'published' } })
  expect(await findRedirect('/statements/first-address')).toBe('/statements/second-address')
  expect(await findRedirect('/ur/statements/first-address?utm_source=x')).toBe('/ur/statements/second-address?utm_source=x')
  expect(await findRedirect('/api/statements?where[slug][equals]=first-address&locale=ur')).toBe('/api/statements?where%5Bslug%5D%5Bequals%5D=second-address&locale=ur')
  expect(await findRedirect('/statements/never-was')).toBeNull()

  // A second move: both old addresses lead to the current one (no chains).
  await rest('PATCH', `/statements/${s.id}`, { token: editor.token, body: { slug: 'third-address', _status: 'published' } })
  expect(await findRedirect('/statements/first-address')).toBe('/statements/third-address')
  expect(await findRedirect('/statements/second-address')).toBe('/statements/third-address')
  // Moving back to an old address makes it a page again, not a redirect.
  await rest('PATCH', `/statements/${s.id}`, { token: editor.token, body: { slug: 'first-address', _status: 'published' } })
  expect(await findRedirect('/statements/first-address')).toBeNull()
  expect(await findRedirect('/statements/third-address')).toBe('/statements/first-address')

  // Unpublished: its old addresses answer "not found" like the page itself; republished: back.
  await rest('PATCH', `/statements/${s.id}`, { token: editor.token, body: { _status: 'draft' } })
  expect(await findRedirect('/statements/third-address')).toBeNull()
  await rest('PATCH', `/statements/${s.id}`, { token: editor.token, body: { _status: 'published' } })
  expect(await findRedirect('/statements/third-address')).toBe('/statements/first-address')

  // Staff see them in the admin (REST as the admin reads it); the public and partners do not.
  const list = await rest('GET', '/redirects?limit=50', { token: editor.token })
  expect(list.status).toBe(200)
  expect(list.body.docs.map((r: any) => r.from)).toEqual(expect.arrayContaining(['/statements/second-address', '/statements/third-address']))
  expect((await rest('GET', '/redirects')).status).toBe(403)
  // Removing one: its old address is "not found" again.
  const second = list.body.docs.find((r: any) => r.from === '/statements/second-address')
  expect((await rest('DELETE', `/redirects/${second.id}`, { token: editor.token })).status).toBe(200)
  expect(await findRedirect('/statements/second-address')).toBeNull()
  expect(await audit(second.id, 'redirects')).toEqual(['created', 'deleted'])
})

test('a custom redirect a staff member types leads to a path on this site as the browser will read it, or to the address they chose', async () => {
  const custom = async (from: string, url: string) => {
    await payload.create({ collection: 'redirects' as 'users', data: { from, to: { type: 'custom', url } } as never, overrideAccess: true })
    return findRedirect(from)
  }
  // Paths that a browser reads as another site (backslash, empty segments after normalisation).
  expect(await custom('/old-1', '/\\evil.example')).toBeNull()
  expect(await custom('/old-2', '/.//evil.example/x')).toBeNull()
  expect(await custom('/old-3', '/%5C%5Cevil.example')).toBeNull()
  expect(await custom('/old-4', '//evil.example')).toBeNull()
  expect(await custom('/old-5', 'javascript:alert(1)')).toBeNull()
  expect(await custom('/old-6', 'https:/\\evil.example')).toBeNull()
  // Ordinary targets keep working: a normalised path here, an address elsewhere the staff chose.
  expect(await custom('/old-7', '/statements/./kept?x=1')).toBe('/statements/kept?x=1')
  expect(await custom('/old-8', 'https://example.org/elsewhere')).toBe('https://example.org/elsewhere')
})
