/**
 * Site settings as the organisation's identity, through the Local API as the admin and REST use
 * it: the brand colour must leave the header's white text readable (WCAG AA), the logo must be
 * described in both languages, programs and campaigns start attributed to the site's organisation,
 * and none of these checks changes the language a document is saved in.
 */
import type { Payload } from 'payload'

import { brandColourProblem, contrastRatio } from '../../site/colour'
import { makeImage, makeOrganisation } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
  await payload.updateGlobal({ slug: 'site-settings', data: { organisationName: 'Test site' } })
}, 120_000)
afterAll(closePayload)

const save = (data: Record<string, unknown>, locale = 'en') =>
  payload.updateGlobal({ slug: 'site-settings', locale: locale as 'en', data, overrideAccess: true })

test('contrast is worked out as WCAG defines it', () => {
  expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5)
  expect(contrastRatio('#0b3d5c', '#ffffff')).toBeGreaterThan(4.5)
  expect(brandColourProblem('#767676')).toBeNull() // 4.54:1, the lightest grey that passes
  expect(brandColourProblem('#777777')).toMatch(/4\.48:1/)
  expect(brandColourProblem('blue')).toMatch(/six hexadecimal digits/)
})

test('a brand colour too light for the white header text is refused with the reason; a dark one is saved', async () => {
  await expect(save({ brandColour: '#ffcc00' })).rejects.toMatchObject({
    data: { errors: [expect.objectContaining({ path: 'brandColour', message: expect.stringMatching(/contrast is 1\.\d\d:1, and WCAG AA needs at least 4\.5:1/) })] },
  })
  expect((await payload.findGlobal({ slug: 'site-settings' })).brandColour).toBe('#0b3d5c')
  await save({ brandColour: '#5b2a86' })
  expect((await payload.findGlobal({ slug: 'site-settings' })).brandColour).toBe('#5b2a86')
})

test('the logo must be described in English and Urdu; checking it keeps an Urdu save in Urdu', async () => {
  const logo = await makeImage(payload, { alt: 'Our logo' })
  await expect(save({ logo: logo.id })).rejects.toMatchObject({
    data: { errors: [expect.objectContaining({ path: 'logo', message: expect.stringContaining('needs a text description in Urdu') })] },
  })
  await payload.update({ collection: 'media', id: logo.id, locale: 'ur', data: { alt: 'ہمارا لوگو' }, overrideAccess: true })
  await save({ logo: logo.id })
  await save({ organisationName: 'ٹیسٹ سائٹ', tagline: 'اردو' }, 'ur')
  const ur = await payload.findGlobal({ slug: 'site-settings', locale: 'ur', fallbackLocale: false as never, depth: 0 })
  expect(ur).toMatchObject({ organisationName: 'ٹیسٹ سائٹ', tagline: 'اردو', logo: logo.id })
  expect((await payload.findGlobal({ slug: 'site-settings', locale: 'en', depth: 0 })).organisationName).toBe('Test site')
})

test('programs and campaigns start attributed to the organisation in Site settings, in whichever language they are written', async () => {
  const org = await makeOrganisation(payload, { name: 'Centre for Peace and Development Initiatives' })
  await save({ organisation: org.id })
  const program = await payload.create({ collection: 'programs', locale: 'ur', data: { title: 'اردو پروگرام', slug: `p-${Date.now()}`, programStatus: 'active' }, overrideAccess: true })
  expect(program.organisation).toMatchObject({ id: org.id })
  const ur = await payload.findByID({ collection: 'programs', id: program.id, locale: 'ur', fallbackLocale: false as never, depth: 0 })
  expect(ur.title).toBe('اردو پروگرام')
  const campaign = await payload.create({ collection: 'campaigns', data: { title: 'A campaign', slug: `c-${Date.now()}` }, overrideAccess: true })
  expect(campaign.organisation).toMatchObject({ id: org.id })
  // Staff may name another organisation.
  const other = await makeOrganisation(payload, { name: 'Centre for Governance Research' })
  const named = await payload.create({ collection: 'campaigns', data: { title: 'Theirs', slug: `t-${Date.now()}`, organisation: other.id }, overrideAccess: true })
  expect(named.organisation).toMatchObject({ id: other.id })
})
