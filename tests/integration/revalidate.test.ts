/**
 * Revalidation: which cached pages each kind of change rebuilds (the pure decision), and that the
 * Payload hooks really call the revalidator with those paths on publish, unpublish, withdraw,
 * delete and slug change, and stay quiet for draft saves and seeding.
 */
import type { Payload } from 'payload'

import { pathsToRevalidate, setRevalidator, type Revalidator } from '../../content/revalidate'
import { closePayload, testPayload } from '../helpers/payload'

let payload: Payload
const calls: Array<{ path: string; type?: string }> = []
const recorder: Revalidator = (path, type) => {
  calls.push({ path, type })
}
let original: Revalidator
let orgId: number | string
let personId: number | string
let topicId: number | string

const paths = () => [...new Set(calls.map((c) => c.path))].sort()
const reset = () => {
  calls.length = 0
}

beforeAll(async () => {
  payload = await testPayload()
  const quiet = { context: { disableRevalidate: true } }
  orgId = (await payload.create({ collection: 'organisations', data: { name: 'Centre for Governance Research', slug: 'cgr' }, ...quiet })).id
  personId = (await payload.create({ collection: 'people', data: { name: 'Tariq Khosa', slug: 'tariq-khosa' }, ...quiet })).id
  topicId = (await payload.create({ collection: 'topics', data: { name: 'Trafficking in persons', slug: 'trafficking-in-persons' }, ...quiet })).id
})
afterAll(async () => {
  setRevalidator(original ?? recorder)
  await closePayload()
})

const statementData = (slug: string, extra: Record<string, unknown> = {}) => ({
  title: `Statement ${slug}`,
  slug,
  statementType: 'delivered-statement' as const,
  speaker: personId as number,
  issuingOrganisation: orgId as number,
  deliveredOn: '2022-05-10T00:00:00.000Z',
  topics: [topicId as number],
  ...extra,
})

describe('pathsToRevalidate (the decision)', () => {
  const published = { _status: 'published' as const, slug: 'a', topics: [{ slug: 'crime' }], speaker: { slug: 'tariq' } }

  test('publishing names the detail page in both languages (route paths), the index, home, topic and person pages, sitemap and feeds', () => {
    const p = pathsToRevalidate('statements', published, { _status: 'draft', slug: 'a' })
    expect(p).toEqual(
      expect.arrayContaining([
        '/en/statements/a',
        '/ur/statements/a',
        '/en/statements',
        '/ur/statements',
        '/en',
        '/ur',
        '/en/topics/crime',
        '/ur/topics/crime',
        '/en/people/tariq',
        '/ur/people/tariq',
        '/sitemap.xml',
        '/en/feed.xml',
        '/ur/feed.xml',
        '/en/statements/feed.xml',
        '/ur/statements/feed.xml',
        '/en/topics/crime/feed.xml',
      ]),
    )
    // The addresses readers type are rewritten; Next caches under the rewrite's destination.
    expect(p).not.toContain('/statements/a')
    // Nothing unrelated.
    expect(p.some((x) => x.includes('/campaigns') || x.includes('/contact'))).toBe(false)
  })

  test('a draft that was never published touches nothing', () => {
    expect(pathsToRevalidate('statements', { _status: 'draft', slug: 'a' }, { _status: 'draft', slug: 'a' })).toEqual([])
    expect(pathsToRevalidate('statements', { _status: 'draft', slug: 'a' }, null)).toEqual([])
    expect(pathsToRevalidate('statements', null, { _status: 'draft', slug: 'a' })).toEqual([])
  })

  test('unpublishing and deleting drop the old page', () => {
    expect(pathsToRevalidate('statements', { _status: 'draft', slug: 'a' }, published)).toContain('/en/statements/a')
    expect(pathsToRevalidate('statements', null, published)).toEqual(expect.arrayContaining(['/ur/statements/a', '/sitemap.xml']))
  })

  test('a slug change touches the old and the new address', () => {
    const p = pathsToRevalidate('statements', { ...published, slug: 'b' }, published)
    expect(p).toEqual(expect.arrayContaining(['/en/statements/a', '/en/statements/b', '/ur/statements/a', '/ur/statements/b']))
  })

  test('offices touch the contact and home pages, not the sitemap', () => {
    const p = pathsToRevalidate('offices', { _status: 'published' }, { _status: 'published' })
    expect(p).toEqual(['/en', '/en/contact', '/ur', '/ur/contact'])
  })

  test('collections without drafts are public once saved; shared things touch the pages that use them', () => {
    const p = pathsToRevalidate('people', { slug: 'tariq', usedBy: [{ collection: 'statements', slug: 'a' }] }, { slug: 'tariq' })
    expect(p).toEqual(expect.arrayContaining(['/en/people/tariq', '/en/people', '/en/statements/a', '/ur/statements/a', '/sitemap.xml']))
  })
})

describe('hooks', () => {
  test('outside a Next request the real revalidatePath throws, and the save still succeeds', async () => {
    const doc = await payload.create({ collection: 'statements', data: { ...statementData('outside-request'), _status: 'published' } })
    expect(doc._status).toBe('published')
    original = setRevalidator(recorder)
  })

  test('creating a draft and autosaving it revalidate nothing; publishing revalidates its pages', async () => {
    reset()
    const draft = await payload.create({ collection: 'statements', data: statementData('first'), draft: true })
    await payload.update({ collection: 'statements', id: draft.id, data: { summary: 'Autosaved.' }, draft: true, autosave: true })
    expect(calls).toEqual([])

    await payload.update({ collection: 'statements', id: draft.id, data: { _status: 'published' } })
    expect(paths()).toEqual(
      expect.arrayContaining(['/en/statements/first', '/ur/statements/first', '/en/statements', '/en', '/en/topics/trafficking-in-persons', '/en/people/tariq-khosa', '/sitemap.xml', '/en/statements/feed.xml']),
    )
  })

  test('saving a draft of a published statement leaves the public pages alone', async () => {
    const doc = await payload.find({ collection: 'statements', where: { slug: { equals: 'first' } } })
    reset()
    await payload.update({ collection: 'statements', id: doc.docs[0].id, data: { summary: 'Work in progress.' }, draft: true, autosave: true })
    await payload.update({ collection: 'statements', id: doc.docs[0].id, data: { summary: 'Saved draft.' }, draft: true })
    expect(calls).toEqual([])
  })

  test('changing the slug of a published statement revalidates the old and the new address', async () => {
    const doc = (await payload.find({ collection: 'statements', where: { slug: { equals: 'first' } } })).docs[0]
    reset()
    await payload.update({ collection: 'statements', id: doc.id, data: { slug: 'renamed', _status: 'published' } })
    expect(paths()).toEqual(expect.arrayContaining(['/en/statements/first', '/ur/statements/first', '/en/statements/renamed', '/ur/statements/renamed']))
  })

  test('withdrawing revalidates the detail page (it stays up with the notice)', async () => {
    const doc = (await payload.find({ collection: 'statements', where: { slug: { equals: 'renamed' } } })).docs[0]
    reset()
    await payload.update({
      collection: 'statements',
      id: doc.id,
      data: { withdrawal: { withdrawn: true, explanation: 'Superseded.' }, _status: 'published' },
    })
    expect(paths()).toEqual(expect.arrayContaining(['/en/statements/renamed', '/ur/statements/renamed', '/en/statements']))
  })

  test('unpublishing revalidates the pages that showed it', async () => {
    const doc = (await payload.find({ collection: 'statements', where: { slug: { equals: 'renamed' } } })).docs[0]
    reset()
    await payload.update({ collection: 'statements', id: doc.id, data: { _status: 'draft' } })
    expect(paths()).toEqual(expect.arrayContaining(['/en/statements/renamed', '/ur/statements', '/sitemap.xml']))
  })

  test('deleting a published statement revalidates its pages; deleting a draft does not', async () => {
    const pub = await payload.create({ collection: 'statements', data: { ...statementData('to-delete'), _status: 'published' } })
    const draft = await payload.create({ collection: 'statements', data: statementData('draft-delete'), draft: true })
    reset()
    await payload.delete({ collection: 'statements', id: draft.id })
    expect(calls).toEqual([])
    await payload.delete({ collection: 'statements', id: pub.id })
    expect(paths()).toEqual(expect.arrayContaining(['/en/statements/to-delete', '/ur/statements/to-delete', '/en/statements', '/en']))
  })

  test('seeding and bulk jobs (context.disableRevalidate) revalidate nothing', async () => {
    reset()
    await payload.create({
      collection: 'statements',
      data: { ...statementData('seeded'), _status: 'published' },
      context: { disableRevalidate: true },
    })
    expect(calls).toEqual([])
  })

  test('renaming a person revalidates their page and the published statements they made', async () => {
    reset()
    await payload.update({ collection: 'people', id: personId, data: { role: 'Director/CEO' } })
    expect(paths()).toEqual(expect.arrayContaining(['/en/people/tariq-khosa', '/ur/people/tariq-khosa', '/en/statements/outside-request', '/en/people']))
    // A draft statement by the same person has no public page.
    expect(paths()).not.toContain('/en/statements/draft-delete')
  })

  test('offices revalidate the contact page', async () => {
    reset()
    await payload.create({
      collection: 'offices',
      data: { name: 'Islamabad', city: 'Islamabad', country: 'Pakistan', _status: 'published' },
    })
    expect(paths()).toEqual(['/en', '/en/contact', '/ur', '/ur/contact'])
  })

  test('site settings and navigation rebuild the whole site', async () => {
    reset()
    await payload.updateGlobal({ slug: 'navigation', data: { items: [{ label: 'Statements', path: '/statements' }] } })
    expect(calls).toEqual([{ path: '/', type: 'layout' }])
  })
})
