/**
 * platform/findSorted.ts: a sorted page read in two steps answers exactly what one `payload.find`
 * answers (the same documents in the same order, the same totals and pages), with the same access
 * (a reader never gets a draft or a trashed document), the same locale and the same selected fields.
 */
import type { Payload } from 'payload'

import { findSorted } from '../../platform/findSorted'
import { makeOrganisation, makeStatement, makeTopic } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'

let payload: Payload
let topic: { id: number | string }

beforeAll(async () => {
  payload = await testPayload()
  const org = await makeOrganisation(payload)
  topic = await makeTopic(payload)
  const day = (n: number) => new Date(Date.UTC(2020, 0, 1 + n, 12)).toISOString()
  for (let i = 0; i < 9; i++) {
    const s = await makeStatement(payload, { issuingOrganisation: org.id, title: `Sorted ${i}`, deliveredOn: day(i % 5), topics: i % 2 ? [topic.id] : [], _status: 'published' })
    await payload.update({ collection: 'statements', id: s.id, locale: 'ur', data: { title: `ترتیب ${i}` }, overrideAccess: true })
  }
  // Never in a reader's list: a draft with the newest date, and a trashed statement.
  await makeStatement(payload, { issuingOrganisation: org.id, title: 'Sorted draft', deliveredOn: day(30), _status: 'draft' })
  const trashed = await makeStatement(payload, { issuingOrganisation: org.id, title: 'Sorted trashed', deliveredOn: day(31), _status: 'published' })
  await payload.update({ collection: 'statements', id: trashed.id, data: { deletedAt: new Date().toISOString() }, overrideAccess: true })
}, 120_000)
afterAll(closePayload)

const reader = { overrideAccess: false as const, depth: 1, select: { title: true, slug: true, deliveredOn: true, topics: true } as const }

test.each([
  ['newest first, page 1', { sort: '-deliveredOn', limit: 4, page: 1 }],
  ['newest first, page 3 (the last, short)', { sort: '-deliveredOn', limit: 4, page: 3 }],
  ['oldest first', { sort: 'deliveredOn', limit: 5, page: 1 }],
  ['filed under a topic', { sort: '-deliveredOn', limit: 3, page: 2, where: { topics: { in: [0] } } }],
] as const)('%s: the same page as one find', async (_label, query) => {
  const where = 'where' in query ? { topics: { in: [topic.id] } } : undefined
  const args = { collection: 'statements' as const, ...reader, ...query, where } as Parameters<Payload['find']>[0] & { sort: string }
  const one = await payload.find(args)
  const two = await findSorted<Record<string, any>>(payload, args)
  expect(two.docs.map((d) => d.title)).toEqual(one.docs.map((d) => d.title))
  expect({ ...two, docs: [] }).toEqual({ ...one, docs: [] })
  expect(two.docs).toEqual(one.docs)
  expect(two.docs.length).toBeGreaterThan(0)
  expect(two.docs.map((d) => d.title)).not.toContain('Sorted draft')
  expect(two.docs.map((d) => d.title)).not.toContain('Sorted trashed')
})

test('the locale and the selected fields are the caller’s; related documents are populated to the asked depth', async () => {
  const page = await findSorted<Record<string, any>>(payload, { collection: 'statements', ...reader, locale: 'ur', sort: '-deliveredOn', limit: 9, where: { topics: { in: [topic.id] } } })
  expect(page.docs.length).toBe(4)
  for (const doc of page.docs) {
    expect(doc.title).toMatch(/^ترتیب /)
    expect(Object.keys(doc).sort()).toEqual(['deliveredOn', 'id', 'slug', 'title', 'topics'])
    expect(doc.topics[0]).toMatchObject({ id: topic.id })
  }
})

test('nothing matching: an empty page with the totals of one', async () => {
  const page = await findSorted(payload, { collection: 'statements', ...reader, sort: '-deliveredOn', limit: 5, where: { title: { equals: 'No such statement' } } })
  expect(page.docs).toEqual([])
  expect(page.totalDocs).toBe(0)
})
