// Anonymous readers see published documents only, on every collection with drafts, through every
// door: REST list, REST by id, ?draft=true, GraphQL list and by id, and version history.
// Staff see drafts. A published document with a newer unpublished draft shows the published text.
import type { Payload } from 'payload'

import {
  createStaff,
  makeCampaign,
  makeOffice,
  makeProgram,
  makeStatement,
  type StaffMember,
} from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { gql, rest } from '../helpers/rest'

let payload: Payload
let editor: StaffMember
let contributor: StaffMember

/** Each collection with drafts: its REST slug, title field, maker and GraphQL query names. */
const collections = [
  { slug: 'programs', titleField: 'title', make: makeProgram, list: 'Programs', one: 'Program' },
  { slug: 'statements', titleField: 'title', make: makeStatement, list: 'Statements', one: 'Statement' },
  { slug: 'campaigns', titleField: 'title', make: makeCampaign, list: 'Campaigns', one: 'Campaign' },
  { slug: 'offices', titleField: 'name', make: makeOffice, list: 'Offices', one: 'Office' },
] as const

type Docs = { draft: any; published: any; publishedWithDraft: any }
const docs: Record<string, Docs> = {}

const DRAFT = 'SECRET DRAFT'
const PUBLISHED = 'Public version'
const NEWER_DRAFT = 'SECRET NEWER DRAFT'

beforeAll(async () => {
  payload = await testPayload()
  ;({ editor, contributor } = await createStaff(payload))
  for (const c of collections) {
    const f = c.titleField
    const draft = await c.make(payload, { [f]: `${DRAFT} ${c.slug}` })
    const published = await c.make(payload, { [f]: `${PUBLISHED} ${c.slug} A`, _status: 'published' })
    const publishedWithDraft = await c.make(payload, { [f]: `${PUBLISHED} ${c.slug} B`, _status: 'published' })
    // Staff start editing the published document: the change is saved as a draft only.
    await payload.update({
      collection: c.slug,
      id: publishedWithDraft.id,
      draft: true,
      data: { [f]: `${NEWER_DRAFT} ${c.slug}`, _status: 'draft' } as any,
      overrideAccess: true,
    })
    docs[c.slug] = { draft, published, publishedWithDraft }
  }
})
afterAll(closePayload)

describe.each(collections)('$slug', (c) => {
  const f = c.titleField

  test('anonymous REST list shows published documents only, with or without ?draft=true', async () => {
    for (const query of ['?limit=100', '?limit=100&draft=true']) {
      const res = await rest('GET', `/${c.slug}${query}`)
      expect(res.status).toBe(200)
      const ids = res.body.docs.map((d: any) => d.id)
      expect(ids).toContain(docs[c.slug].published.id)
      expect(ids).not.toContain(docs[c.slug].draft.id)
      expect(JSON.stringify(res.body)).not.toContain('SECRET')
      expect(res.body.totalDocs).toBe(2)
    }
  })

  test('anonymous REST by id: a draft is not found, with or without ?draft=true', async () => {
    for (const query of ['', '?draft=true']) {
      const res = await rest('GET', `/${c.slug}/${docs[c.slug].draft.id}${query}`)
      expect([403, 404]).toContain(res.status)
      expect(JSON.stringify(res.body)).not.toContain('SECRET')
    }
  })

  test('anonymous REST cannot find a draft by filtering on its status or title', async () => {
    const byStatus = await rest('GET', `/${c.slug}?where[_status][equals]=draft&draft=true`)
    expect(byStatus.body.docs ?? []).toHaveLength(0)
    const byTitle = await rest('GET', `/${c.slug}?where[${f}][like]=SECRET&draft=true`)
    expect(byTitle.body.docs ?? []).toHaveLength(0)
  })

  test('a published document with a newer draft shows anonymous readers the published version', async () => {
    const id = docs[c.slug].publishedWithDraft.id
    for (const query of ['', '?draft=true']) {
      const res = await rest('GET', `/${c.slug}/${id}${query}`)
      expect(res.status).toBe(200)
      expect(res.body[f]).toBe(`${PUBLISHED} ${c.slug} B`)
      expect(res.body._status).toBe('published')
    }
    const list = await rest('GET', `/${c.slug}?draft=true&where[id][equals]=${id}`)
    expect(list.body.docs.map((d: any) => d[f])).toEqual([`${PUBLISHED} ${c.slug} B`])
  })

  test('anonymous GraphQL list and by id show published documents only, draft or not', async () => {
    for (const draft of [false, true]) {
      const list = await gql(`{ ${c.list}(limit: 100${draft ? ', draft: true' : ''}) { totalDocs docs { id ${f} _status } } }`)
      expect(list.status).toBe(200)
      const listed = list.body.data[c.list]
      expect(listed.docs.map((d: any) => d.id)).not.toContain(docs[c.slug].draft.id)
      expect(listed.docs.map((d: any) => d.id)).toContain(docs[c.slug].published.id)
      expect(listed.totalDocs).toBe(2)
      expect(JSON.stringify(list.body)).not.toContain('SECRET')
    }

    const draftArg = (id: unknown, draft: boolean) => `(id: ${JSON.stringify(id)}${draft ? ', draft: true' : ''})`
    for (const draft of [false, true]) {
      const one = await gql(`{ ${c.one}${draftArg(docs[c.slug].draft.id, draft)} { id ${f} } }`)
      expect(one.body.data?.[c.one] ?? null).toBeNull()
      expect(JSON.stringify(one.body)).not.toContain('SECRET')

      const newer = await gql(`{ ${c.one}${draftArg(docs[c.slug].publishedWithDraft.id, draft)} { id ${f} } }`)
      expect(newer.body.data[c.one][f]).toBe(`${PUBLISHED} ${c.slug} B`)
    }
  })

  test('anonymous readers cannot read version history', async () => {
    const res = await rest('GET', `/${c.slug}/versions?limit=100`)
    expect(res.status).toBe(403)
    expect(JSON.stringify(res.body)).not.toContain('SECRET')
    const versionsQuery = `versions${c.list}`
    const gqlRes = await gql(`{ ${versionsQuery}(limit: 100) { docs { id } } }`)
    expect(gqlRes.body.data?.[versionsQuery] ?? null).toBeNull()
    expect(JSON.stringify(gqlRes.body)).not.toContain('SECRET')
  })

  test('staff read drafts through REST and GraphQL', async () => {
    for (const member of [editor, contributor]) {
      const byId = await rest('GET', `/${c.slug}/${docs[c.slug].draft.id}?draft=true`, { token: member.token })
      expect(byId.status).toBe(200)
      expect(byId.body[f]).toBe(`${DRAFT} ${c.slug}`)

      const newer = await rest('GET', `/${c.slug}/${docs[c.slug].publishedWithDraft.id}?draft=true`, { token: member.token })
      expect(newer.body[f]).toBe(`${NEWER_DRAFT} ${c.slug}`)

      const list = await rest('GET', `/${c.slug}?limit=100&draft=true`, { token: member.token })
      expect(list.body.docs.map((d: any) => d.id)).toContain(docs[c.slug].draft.id)

      const one = await gql(`{ ${c.one}(id: ${JSON.stringify(docs[c.slug].draft.id)}, draft: true) { ${f} } }`, { token: member.token })
      expect(one.body.data[c.one][f]).toBe(`${DRAFT} ${c.slug}`)
    }
  })

  test('the Local API with overrideAccess: false and no user hides drafts too (what pages use)', async () => {
    const found = await payload.find({ collection: c.slug, draft: true, overrideAccess: false, limit: 100 })
    expect(found.docs.map((d: any) => d.id)).not.toContain(docs[c.slug].draft.id)
    const newer: any = await payload.findByID({ collection: c.slug, id: docs[c.slug].publishedWithDraft.id, draft: true, overrideAccess: false })
    expect(newer[f]).toBe(`${PUBLISHED} ${c.slug} B`)
  })
})

test('anonymous readers cannot create, change or delete content', async () => {
  const { published } = docs.statements
  expect((await rest('POST', '/topics', { body: { name: 'Anonymous topic' } })).status).toBe(403)
  expect((await rest('PATCH', `/statements/${published.id}`, { body: { title: 'Defaced' } })).status).toBe(403)
  expect((await rest('DELETE', `/statements/${published.id}`)).status).toBe(403)
  const after = await payload.findByID({ collection: 'statements', id: published.id, overrideAccess: true })
  expect(after.title).toBe(published.title)
})
