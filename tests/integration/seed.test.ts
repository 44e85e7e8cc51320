// The seed loads the demo content from the source documents with the exact facts, publishes it in
// both languages, is idempotent, never touches a database that has content, and --reset replaces.
import type { Payload } from 'payload'

import { plainText } from '../../content/richText'
import { SEEDED_COLLECTIONS, seed } from '../../seed'
import { closePayload, testPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

let payload: Payload
let firstCounts: Record<string, number>

beforeAll(async () => {
  payload = await testPayload()
})
afterAll(closePayload)

/** id → updatedAt of every document the seed writes, plus both globals. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const collection of [...SEEDED_COLLECTIONS, 'users'] as const) {
    const { docs } = await payload.find({ collection, limit: 0, pagination: false, overrideAccess: true, depth: 0, draft: true })
    for (const doc of docs as any[]) out[`${collection}:${doc.id}`] = doc.updatedAt
  }
  for (const slug of ['site-settings', 'navigation'] as const) {
    out[`global:${slug}`] = ((await payload.findGlobal({ slug, overrideAccess: true })) as any).updatedAt
  }
  return out
}

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const collection of SEEDED_COLLECTIONS) out[collection] = (await payload.count({ collection, overrideAccess: true })).totalDocs
  return out
}

const bySlug = async (collection: string, slug: string, query = '') => {
  const res = await rest('GET', `/${collection}?where[slug][equals]=${slug}&depth=1${query}`)
  expect(res.status).toBe(200)
  expect(res.body.docs).toHaveLength(1)
  return res.body.docs[0]
}

test('on an empty database the seed loads the demo content and creates an admin', async () => {
  const result = await seed(payload)
  expect(result.seeded).toBe(true)
  expect(result.adminCreated?.email).toBeTruthy()
  expect(result.counts).toMatchObject({ statements: 1, campaigns: 2, programs: 1, offices: 2, people: 1, topics: 4, organisations: 3 })
  firstCounts = await counts()
  const admins = await payload.find({ collection: 'users', overrideAccess: true })
  expect(admins.docs.map((u) => u.role)).toEqual(['admin'])
})

test('offices: exact addresses and phone numbers, published, attributed to CGR', async () => {
  const res = await rest('GET', '/offices?sort=displayOrder&depth=1')
  expect(res.body.docs.map((o: any) => o.name)).toEqual(['Islamabad', 'Lahore'])
  const [islamabad, lahore] = res.body.docs
  expect(islamabad.phones.map((p: any) => p.number)).toEqual(['051-2870852', '051-2870853'])
  expect(islamabad.addressLines.map((l: any) => l.line)).toEqual(['#38-W, Khalid Plaza, 1st Floor', 'Jinnah Avenue, Blue Area, Islamabad'])
  expect(lahore.phones.map((p: any) => p.number)).toEqual(['042-35831352'])
  expect(lahore.addressLines.map((l: any) => l.line)).toEqual(['22, Tipu Block', 'New Garden Town, Lahore'])
  for (const office of res.body.docs) {
    expect(office._status).toBe('published')
    expect(office.organisation.name).toBe('Centre for Governance Research')
    // Nothing invented: the documents give no e-mail or opening hours.
    expect(office.email ?? null).toBeNull()
    expect(office.openingHours ?? null).toBeNull()
  }
})

test('statement: 1 July 2022, Tariq Khosa, Director/CEO, CGR, 4th segment, three proposals', async () => {
  const s = await bySlug('statements', 'untoc-constructive-dialogue-trafficking-in-persons-2022')
  expect(s.title).toBe('UNTOC Constructive Dialogue: Trafficking in Persons')
  expect(s.deliveredOn.slice(0, 10)).toBe('2022-07-01')
  expect(s.statementType).toBe('delivered-statement')
  expect(s.speaker.name).toBe('Tariq Khosa')
  expect(s.speaker.role).toBe('Director/CEO')
  expect(s.speakerRole).toBe('Director/CEO')
  expect(s.issuingOrganisation.name).toBe('Centre for Governance Research')
  expect(s.event).toBe('UNTOC Constructive Dialogue: Trafficking in Persons')
  expect(s.eventSegment).toBe('4th segment')
  expect(s.proposals).toHaveLength(3)
  expect(s.proposals[0].text).toMatch(/^National strategies against serious and organized crimes/)
  expect(s.proposals[2].text).toMatch(/corruption-free state machinery, and the rule of law\.$/)
  expect(plainText(s.body)).toContain('Distinguished Delegates')
  expect(s.location ?? null).toBeNull()
  expect(s._status).toBe('published')
})

test('program: CPDI, four key activities, The Asia Foundation funds the Justice Sector Support Program', async () => {
  const p = await bySlug('programs', 'combating-organized-crime-and-human-trafficking')
  expect(p.title).toBe("Combating Organized Crime and Human Trafficking: CPDI's Advocacy and Initiatives")
  expect(p.keyActivities.map((a: any) => a.title)).toEqual([
    'Awareness Campaigns on Transnational Organized Crime',
    'Workshops and Capacity Building',
    'Addressing Organized Crime Against Women',
    'Justice Sector Support Program',
  ])
  const funded = p.keyActivities.filter((a: any) => a.funder)
  expect(funded).toHaveLength(1)
  expect(funded[0].title).toBe('Justice Sector Support Program')
  expect(funded[0].funder.name).toBe('The Asia Foundation')
  expect(p.topics.map((t: any) => t.slug).sort()).toEqual(['gender-based-violence', 'justice-sector', 'organised-crime', 'trafficking-in-persons'])
  // Not stated in the document, so not set.
  expect(p.startDate ?? null).toBeNull()
  expect(p.heroImage.alt).toBeTruthy()
  expect(p.heroImage.sizes.social).toMatchObject({ width: 1200, height: 630 })
})

test('campaigns: 16 Days of Activism and the organised-crime awareness campaign, without invented dates', async () => {
  const res = await rest('GET', '/campaigns?limit=10')
  expect(res.body.docs.map((c: any) => c.title).sort()).toEqual([
    '16 Days of Activism against Gender-Based Violence',
    'Awareness Campaigns on Transnational Organized Crime',
  ])
  for (const c of res.body.docs) {
    expect(c.startDate ?? null).toBeNull()
    expect(c.endDate ?? null).toBeNull()
  }
})

test('Urdu demo translations are served for locale=ur', async () => {
  const s = await bySlug('statements', 'untoc-constructive-dialogue-trafficking-in-persons-2022', '&locale=ur')
  expect(s.title).toBe('یو این ٹی او سی تعمیری مکالمہ: انسانی اسمگلنگ')
  const settings = await rest('GET', '/globals/site-settings?locale=ur')
  expect(settings.body.organisationName).toBe('دلیل ڈیمو')
  const nav = await rest('GET', '/globals/navigation?locale=ur')
  expect(nav.body.items.map((i: any) => i.path)).toEqual(['/programs', '/statements', '/campaigns', '/media', '/contact'])
  expect(nav.body.items[0].label).toBe('پروگرام')
})

test('running the seed again changes nothing (counts and updatedAt unchanged)', async () => {
  const before = await snapshot()
  const result = await seed(payload)
  expect(result.seeded).toBe(false)
  expect(result.adminCreated).toBeUndefined()
  expect(await counts()).toEqual(firstCounts)
  expect(await snapshot()).toEqual(before)
})

test('a database with existing content is not touched without --reset', async () => {
  const statement = await bySlug('statements', 'untoc-constructive-dialogue-trafficking-in-persons-2022')
  await payload.update({ collection: 'statements', id: statement.id, data: { location: 'Vienna (staff edit)' }, overrideAccess: true })
  const own = await payload.create({ collection: 'topics', data: { name: 'Our own topic' }, overrideAccess: true })
  const before = await snapshot()

  const result = await seed(payload)
  expect(result.seeded).toBe(false)
  expect(result.reason).toMatch(/--reset/)
  expect(await snapshot()).toEqual(before)
  const kept = await payload.findByID({ collection: 'statements', id: statement.id, overrideAccess: true })
  expect(kept.location).toBe('Vienna (staff edit)')
  expect((await payload.findByID({ collection: 'topics', id: own.id, overrideAccess: true })).name).toBe('Our own topic')
})

test('a database holding only non-demo content is not touched either', async () => {
  // Remove the demo content, keep one topic of "our own".
  const own = await payload.find({ collection: 'topics', where: { slug: { equals: 'our-own-topic' } }, overrideAccess: true })
  for (const collection of SEEDED_COLLECTIONS) {
    const where = collection === 'topics' ? { id: { not_equals: own.docs[0].id } } : { id: { exists: true } }
    await payload.delete({ collection, where, overrideAccess: true, context: { seeding: true } })
  }
  expect(await counts()).toEqual({ statements: 0, campaigns: 0, programs: 0, offices: 0, people: 0, topics: 1, organisations: 0, media: 0 })
  const result = await seed(payload)
  expect(result.seeded).toBe(false)
  expect(await counts()).toEqual({ statements: 0, campaigns: 0, programs: 0, offices: 0, people: 0, topics: 1, organisations: 0, media: 0 })
})

test('--reset replaces existing content with the demo content', async () => {
  const result = await seed(payload, { reset: true })
  expect(result.seeded).toBe(true)
  expect(await counts()).toEqual(firstCounts)
  const topics = await payload.find({ collection: 'topics', overrideAccess: true, limit: 10 })
  expect(topics.docs.map((t) => t.slug)).not.toContain('our-own-topic')
  const s = await bySlug('statements', 'untoc-constructive-dialogue-trafficking-in-persons-2022')
  expect(s.location ?? null).toBeNull()
  // Staff accounts are kept: the reset replaces content, not people's logins.
  expect((await payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(1)
})
