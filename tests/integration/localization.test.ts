// Urdu values come back for locale=ur; where Urdu is missing the English text is used; with
// fallback-locale=none the missing translation shows as missing. Slugs, dates and relations are
// shared by both languages.
import type { Payload } from 'payload'

import { makeOrganisation, makeStatement } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { gql, rest } from '../helpers/rest'

let payload: Payload
let statement: any

const EN_TITLE = 'UNTOC Constructive Dialogue: Trafficking in Persons'
const UR_TITLE = 'یو این ٹی او سی تعمیری مکالمہ: انسانی اسمگلنگ'
const EN_SUMMARY = 'A statement with three proposals.'

beforeAll(async () => {
  payload = await testPayload()
  const org = await makeOrganisation(payload, { name: 'Centre for Governance Research' })
  await payload.update({ collection: 'organisations', id: org.id, locale: 'ur', data: { name: 'سینٹر فار گورننس ریسرچ' }, overrideAccess: true })
  statement = await makeStatement(payload, {
    title: EN_TITLE,
    summary: EN_SUMMARY,
    issuingOrganisation: org.id,
    proposals: [{ text: 'First proposal.' }, { text: 'Second proposal.' }],
    _status: 'published',
  })
  // Only the title and the first proposal are translated; the summary and second proposal are not.
  const en = await payload.findByID({ collection: 'statements', id: statement.id, overrideAccess: true })
  await payload.update({
    collection: 'statements',
    id: statement.id,
    locale: 'ur',
    data: {
      title: UR_TITLE,
      proposals: [{ id: en.proposals?.[0]?.id, text: 'پہلی تجویز۔' }, { id: en.proposals?.[1]?.id }],
      _status: 'published',
    },
    overrideAccess: true,
  })
})
afterAll(closePayload)

test('REST returns the Urdu value for locale=ur', async () => {
  const res = await rest('GET', `/statements/${statement.id}?locale=ur`)
  expect(res.status).toBe(200)
  expect(res.body.title).toBe(UR_TITLE)
  expect(res.body.proposals[0].text).toBe('پہلی تجویز۔')
  expect(res.body.issuingOrganisation.name).toBe('سینٹر فار گورننس ریسرچ')
})

test('the English value is unchanged for locale=en and by default', async () => {
  for (const query of ['?locale=en', '']) {
    const res = await rest('GET', `/statements/${statement.id}${query}`)
    expect(res.body.title).toBe(EN_TITLE)
    expect(res.body.proposals[0].text).toBe('First proposal.')
  }
})

test('where Urdu is missing, the English text is returned (fallback)', async () => {
  const res = await rest('GET', `/statements/${statement.id}?locale=ur`)
  expect(res.body.summary).toBe(EN_SUMMARY)
  expect(res.body.proposals[1].text).toBe('Second proposal.')
})

test('with fallback-locale=none the missing translation shows as missing', async () => {
  const res = await rest('GET', `/statements/${statement.id}?locale=ur&fallback-locale=none`)
  expect(res.status).toBe(200)
  expect(res.body.title).toBe(UR_TITLE)
  expect(res.body.summary ?? null).toBeNull()
  expect(res.body.proposals[1].text ?? null).toBeNull()
})

test('slugs and dates are shared by both languages', async () => {
  const ur = await rest('GET', `/statements?locale=ur&where[slug][equals]=${statement.slug}`)
  expect(ur.body.docs).toHaveLength(1)
  expect(ur.body.docs[0].id).toBe(statement.id)
  expect(ur.body.docs[0].deliveredOn).toBe('2022-07-01T12:00:00.000Z')
})

test('locale=all returns both languages for staff tools', async () => {
  const res = await rest('GET', `/statements/${statement.id}?locale=all`)
  expect(res.body.title).toEqual({ en: EN_TITLE, ur: UR_TITLE })
})

test('GraphQL honours locale and fallbackLocale', async () => {
  const ur = await gql(`{ Statement(id: ${JSON.stringify(statement.id)}, locale: ur) { title summary } }`)
  expect(ur.body.data.Statement).toEqual({ title: UR_TITLE, summary: EN_SUMMARY })
  const none = await gql(`{ Statement(id: ${JSON.stringify(statement.id)}, locale: ur, fallbackLocale: none) { title summary } }`)
  expect(none.body.data.Statement).toEqual({ title: UR_TITLE, summary: null })
})

test('the Local API returns Urdu, with English fallback, as pages use it', async () => {
  const doc = await payload.findByID({ collection: 'statements', id: statement.id, locale: 'ur', overrideAccess: false })
  expect(doc.title).toBe(UR_TITLE)
  expect(doc.summary).toBe(EN_SUMMARY)
})

test('an Urdu draft of a published document is not shown to anonymous readers in either language', async () => {
  await payload.update({
    collection: 'statements',
    id: statement.id,
    locale: 'ur',
    draft: true,
    data: { title: 'غیر شائع شدہ مسودہ', _status: 'draft' },
    overrideAccess: true,
  })
  const res = await rest('GET', `/statements/${statement.id}?locale=ur&draft=true`)
  expect(res.body.title).toBe(UR_TITLE)
})

test('globals are localized too, with fallback', async () => {
  await payload.updateGlobal({ slug: 'site-settings', data: { organisationName: 'Daleel demo', tagline: 'English tagline' }, overrideAccess: true })
  await payload.updateGlobal({ slug: 'site-settings', locale: 'ur', data: { organisationName: 'دلیل ڈیمو' }, overrideAccess: true })
  const ur = await rest('GET', '/globals/site-settings?locale=ur')
  expect(ur.body.organisationName).toBe('دلیل ڈیمو')
  expect(ur.body.tagline).toBe('English tagline')
  const none = await rest('GET', '/globals/site-settings?locale=ur&fallback-locale=none')
  expect(none.body.tagline ?? null).toBeNull()
})
