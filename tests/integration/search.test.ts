/**
 * Site search over the seeded content: English and Urdu words find the seeded statement in their
 * own language, results are grouped by type, and drafts (new ones, and unpublished edits of
 * published ones) are never found.
 */
import type { Payload } from 'payload'

import { normaliseQuery, searchSite } from '../../search/search'
import { seed } from '../../seed/index'
import { closePayload, testPayload } from '../helpers/payload'

let payload: Payload
const quiet = { context: { disableRevalidate: true } }

beforeAll(async () => {
  payload = await testPayload()
  await seed(payload)
}, 120_000)
afterAll(closePayload)

const titles = (r: Awaited<ReturnType<typeof searchSite>>, collection: string) =>
  r.groups.find((g) => g.collection === collection)?.results.map((x) => x.title) ?? []

test('an English word finds the seeded statement, linked at its English address', async () => {
  const r = await searchSite(payload, { query: 'UNTOC', locale: 'en' })
  expect(titles(r, 'statements')).toEqual(['UNTOC Constructive Dialogue: Trafficking in Persons'])
  const hit = r.groups.find((g) => g.collection === 'statements')!.results[0]
  expect(hit.path).toBe('/statements/untoc-constructive-dialogue-trafficking-in-persons-2022')
  expect(hit.summary).toBeTruthy()
})

test('an Urdu word finds the seeded statement by its Urdu title, linked at its Urdu address', async () => {
  const r = await searchSite(payload, { query: 'اسمگلنگ', locale: 'ur' })
  expect(titles(r, 'statements')).toEqual(['یو این ٹی او سی تعمیری مکالمہ: انسانی اسمگلنگ'])
  expect(r.groups.find((g) => g.collection === 'statements')!.results[0].path).toBe(
    '/ur/statements/untoc-constructive-dialogue-trafficking-in-persons-2022',
  )
  // The same word also names a topic; results come grouped by type.
  expect(titles(r, 'topics')).toContain('انسانی اسمگلنگ')
})

test('an Arabic-keyboard spelling (ي, ك) finds the Urdu text', async () => {
  expect(normaliseQuery('  پاكستان  يو ')).toBe('پاکستان یو')
  const r = await searchSite(payload, { query: 'تعميری', locale: 'ur' })
  expect(titles(r, 'statements')).toHaveLength(1)
})

test('results come from every type and words in the body are found', async () => {
  const r = await searchSite(payload, { query: 'trafficking', locale: 'en' })
  const types = r.groups.map((g) => g.collection)
  expect(types).toEqual(expect.arrayContaining(['statements', 'programs', 'topics']))
  expect(r.total).toBe(r.groups.reduce((n, g) => n + g.results.length, 0))
})

test('a draft is never found, nor an unpublished edit of a published statement', async () => {
  const org = (await payload.find({ collection: 'organisations', limit: 1 })).docs[0]
  await payload.create({
    collection: 'statements',
    draft: true,
    data: {
      title: 'Zanzibarian draft statement',
      statementType: 'delivered-statement',
      speakerName: 'Someone',
      issuingOrganisation: org.id,
      deliveredOn: '2024-01-01T00:00:00.000Z',
    },
    ...quiet,
  })
  const seeded = (await payload.find({ collection: 'statements', where: { slug: { equals: 'untoc-constructive-dialogue-trafficking-in-persons-2022' } } })).docs[0]
  await payload.update({ collection: 'statements', id: seeded.id, draft: true, data: { summary: 'Quokkabridge pending edit.' }, ...quiet })

  expect((await searchSite(payload, { query: 'Zanzibarian', locale: 'en' })).total).toBe(0)
  expect((await searchSite(payload, { query: 'Quokkabridge', locale: 'en' })).total).toBe(0)
  // Staff searching with their account would see it: the query itself works.
  const staff = (await payload.find({ collection: 'users', limit: 1, overrideAccess: true })).docs[0]
  const asStaff = await payload.find({ collection: 'statements', where: { title: { like: 'Zanzibarian' } }, overrideAccess: false, user: staff, draft: true })
  expect(asStaff.totalDocs).toBe(1)
})

test('too-short and wildcard-only queries return nothing instead of everything', async () => {
  expect((await searchSite(payload, { query: 'a', locale: 'en' })).total).toBe(0)
  expect((await searchSite(payload, { query: '%%', locale: 'en' })).total).toBe(0)
  expect((await searchSite(payload, { query: undefined, locale: 'en' })).groups).toEqual([])
})
