// Bad input is refused with an error that names the field and says what to do, through the Local
// API (ValidationError.data.errors[].path) and through REST (400 with the message).
import type { Payload } from 'payload'

import {
  createUser,
  makeCampaign,
  makeOrganisation,
  makeStatement,
  messageFor,
  pngBuffer,
  statementData,
  validationErrors,
  type StaffMember,
} from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { rest, upload } from '../helpers/rest'

let payload: Payload
let editor: StaffMember
let orgId: number | string

beforeAll(async () => {
  payload = await testPayload()
  await createUser(payload, 'admin')
  editor = await createUser(payload, 'editor')
  orgId = (await makeOrganisation(payload)).id
})
afterAll(closePayload)

/** Create through the Local API as the editor, with access control on. */
const create = (collection: string, data: Record<string, unknown>) => () =>
  payload.create({ collection: collection as any, data: data as any, user: editor.user, overrideAccess: false })

/** POST through REST and return the field errors of the 400 response. */
async function restErrors(path: string, body: Record<string, unknown>) {
  const res = await rest('POST', path, { token: editor.token, body })
  expect(res.status).toBe(400)
  const errors = res.body.errors?.[0]?.data?.errors
  expect(Array.isArray(errors)).toBe(true)
  return errors as { path: string; message: string }[]
}

describe('statements: required fields', () => {
  test.each([
    ['title', 'title'],
    ['statementType', 'statementType'],
    ['issuingOrganisation', 'issuingOrganisation'],
    ['deliveredOn', 'deliveredOn'],
  ])('without %s is refused, naming the field', async (field) => {
    const data = statementData(orgId)
    delete data[field]
    const errors = await validationErrors(create('statements', data))
    // Without a title there is nothing to make the slug from either, so slug may be named too.
    expect(errors.map((e) => e.path).filter((p) => p !== 'slug')).toEqual([field])
    expect(messageFor(errors, field)).toBeTruthy()
  })

  test('without a speaker (neither a person nor a typed name) is refused', async () => {
    const data = statementData(orgId)
    delete data.speakerName
    const errors = await validationErrors(create('statements', data))
    expect(messageFor(errors, 'speakerName')).toBe('Choose the speaker from People, or type their name.')
  })

  test('a speaker chosen from People is enough', async () => {
    const person = await payload.create({ collection: 'people', data: { name: 'Speaker Person' }, overrideAccess: true })
    const data = statementData(orgId, { speaker: person.id })
    delete data.speakerName
    const doc = await create('statements', data)()
    expect((doc as any).speaker).toMatchObject({ id: person.id })
  })

  test('an unknown statement type is refused', async () => {
    const errors = await validationErrors(create('statements', statementData(orgId, { statementType: 'tweet' })))
    expect(errors.map((e) => e.path)).toEqual(['statementType'])
  })

  test('through REST: 400 with the field and message', async () => {
    const data = statementData(orgId)
    delete data.speakerName
    delete data.deliveredOn
    const errors = await restErrors('/statements', data)
    expect(errors.map((e) => e.path).sort()).toEqual(['deliveredOn', 'speakerName'])
    expect(messageFor(errors, 'speakerName')).toBe('Choose the speaker from People, or type their name.')
  })

  test('an empty proposal row is refused with the row named', async () => {
    const errors = await validationErrors(create('statements', statementData(orgId, { proposals: [{ text: 'One.' }, { text: '  ' }] })))
    expect(errors.map((e) => e.path)).toEqual(['proposals.1.text'])
    expect(messageFor(errors, 'proposals.1.text')).toBe('Write the proposal, or remove the empty row.')
  })
})

describe('date ranges: the end is not before the start', () => {
  test.each(['programs', 'campaigns'])('%s with the end date before the start date is refused', async (collection) => {
    const data = { title: `Dates ${collection}`, startDate: '2022-07-02T00:00:00.000Z', endDate: '2022-07-01T00:00:00.000Z' }
    const errors = await validationErrors(create(collection, data))
    expect(errors.map((e) => e.path)).toEqual(['endDate'])
    expect(messageFor(errors, 'endDate')).toBe('The end date must be on or after the start date.')

    const viaRest = await restErrors(`/${collection}`, { ...data, title: `${data.title} REST` })
    expect(messageFor(viaRest, 'endDate')).toBe('The end date must be on or after the start date.')
  })

  test('a one-day campaign (end equals start) is accepted', async () => {
    const doc = await create('campaigns', { title: 'One day', startDate: '2022-07-01T00:00:00.000Z', endDate: '2022-07-01T00:00:00.000Z' })()
    expect((doc as any).endDate).toBe('2022-07-01T00:00:00.000Z')
  })

  test('moving only the end date before the stored start date is refused on update', async () => {
    const campaign = await makeCampaign(payload, { startDate: '2022-11-25T00:00:00.000Z', endDate: '2022-12-10T00:00:00.000Z' })
    const errors = await validationErrors(() =>
      payload.update({ collection: 'campaigns', id: campaign.id, data: { endDate: '2022-11-01T00:00:00.000Z' }, user: editor.user, overrideAccess: false }),
    )
    expect(messageFor(errors, 'endDate')).toBe('The end date must be on or after the start date.')
  })
})

describe('offices', () => {
  const office = (number: string) => ({ name: `Office ${number}`, city: 'Lahore', addressLines: [{ line: '22, Tipu Block' }], phones: [{ label: 'Phone', number }] })

  test.each(['call us', '12', '051-2870852 ext', '+92 (51) 2870852 0000 0000 00'])('a bad phone number %p is refused, naming the row', async (number) => {
    const errors = await validationErrors(create('offices', office(number)))
    expect(errors.map((e) => e.path)).toEqual(['phones.0.number'])
    expect(messageFor(errors, 'phones.0.number')).toMatch(/phone number/)
  })

  test('through REST: 400 naming phones.0.number', async () => {
    const errors = await restErrors('/offices', office('not a number'))
    expect(messageFor(errors, 'phones.0.number')).toMatch(/e\.g\. 051-2870852/)
  })

  test.each(['051-2870852', '042-35831352', '+92 51 2870852'])('a good phone number %p is accepted', async (number) => {
    const doc: any = await create('offices', office(number))()
    expect(doc.phones[0].number).toBe(number)
  })

  test('name and city are required; a bad calling code and bad e-mail are refused', async () => {
    const errors = await validationErrors(create('offices', { addressLines: [{ line: 'x' }], countryCallingCode: '+92', email: 'not-an-email' }))
    expect(errors.map((e) => e.path).sort()).toEqual(['city', 'countryCallingCode', 'email', 'name'])
    expect(messageFor(errors, 'countryCallingCode')).toBe('Use 1 to 4 digits, e.g. 92.')
  })

  test('an empty address line is refused', async () => {
    const errors = await validationErrors(create('offices', { name: 'X', city: 'Y', addressLines: [{ line: '' }] }))
    expect(messageFor(errors, 'addressLines.0.line')).toBe('Write the address line, or remove the empty row.')
  })
})

describe('media', () => {
  test('an image without alt text is refused, naming alt', async () => {
    const png = await pngBuffer()
    const errors = await validationErrors(() =>
      payload.create({
        collection: 'media',
        data: {},
        file: { data: png, mimetype: 'image/png', name: 'no-alt.png', size: png.length },
        user: editor.user,
        overrideAccess: false,
      }),
    )
    expect(errors.map((e) => e.path)).toEqual(['alt'])
    expect(messageFor(errors, 'alt')).toBe('Add alternative text: describe the image for people who cannot see it.')
  })

  test('through REST: an image upload without alt text gets 400 naming alt; with alt it is created', async () => {
    const png = await pngBuffer()
    const refused = await upload('POST', '/media', { token: editor.token, file: { data: png, name: 'rest-no-alt.png', type: 'image/png' }, data: { caption: 'No alt' } })
    expect(refused.status).toBe(400)
    const errors = refused.body.errors[0].data.errors
    expect(messageFor(errors, 'alt')).toBe('Add alternative text: describe the image for people who cannot see it.')

    const created = await upload('POST', '/media', { token: editor.token, file: { data: png, name: 'rest-alt.png', type: 'image/png' }, data: { alt: 'A blue square' } })
    expect(created.status).toBe(201)
    expect(created.body.doc.alt).toBe('A blue square')
  })

  test('whitespace-only alt text is refused too', async () => {
    const png = await pngBuffer()
    const errors = await validationErrors(() =>
      payload.create({
        collection: 'media',
        data: { alt: '   ' },
        file: { data: png, mimetype: 'image/png', name: 'blank-alt.png', size: png.length },
        overrideAccess: true,
      }),
    )
    expect(messageFor(errors, 'alt')).toMatch(/alternative text/)
  })

  test('clearing the alt text of an existing image is refused', async () => {
    const png = await pngBuffer()
    const image = await payload.create({
      collection: 'media',
      data: { alt: 'A square' },
      file: { data: png, mimetype: 'image/png', name: 'clear-alt.png', size: png.length },
      overrideAccess: true,
    })
    const errors = await validationErrors(() =>
      payload.update({ collection: 'media', id: image.id, data: { alt: '' }, user: editor.user, overrideAccess: false }),
    )
    expect(messageFor(errors, 'alt')).toMatch(/alternative text/)
  })
})

describe('slugs, links and hashtags', () => {
  test.each([
    ['Has Spaces', 'has-spaces'],
    ['under_score', 'under-score'],
    ['double--hyphen', 'double-hyphen'],
    ['-Leading/Trailing-', 'leading-trailing'],
    ['<script>x</script>', 'script-x-script'],
  ])('a typed slug with bad characters %p is tidied to %p, never stored as typed', async (slug, expected) => {
    const doc: any = await create('topics', { name: `Slug test ${expected}`, slug })()
    expect(doc.slug).toBe(expected)
  })

  test('a typed slug with no usable characters is refused, naming slug', async () => {
    const errors = await validationErrors(create('topics', { name: 'Typed Urdu slug', slug: 'اردو' }))
    expect(errors.map((e) => e.path)).toEqual(['slug'])
    const viaRest = await restErrors('/topics', { name: 'Typed Urdu slug REST', slug: '!!!' })
    expect(messageFor(viaRest, 'slug')).toMatch(/web address \(slug\)/)
  })

  test('a slug that cannot be made from the text is refused with a field error', async () => {
    // An Urdu-only title gives no ASCII slug: staff are told to enter one.
    const errors = await validationErrors(create('topics', { name: 'منظم جرائم' }))
    expect(errors.map((e) => e.path)).toEqual(['slug'])
    expect(messageFor(errors, 'slug')).toMatch(/web address \(slug\)/)
  })

  test('a duplicate slug is refused, naming slug', async () => {
    await create('topics', { name: 'Duplicate me' })()
    const errors = await validationErrors(create('topics', { name: 'Another name', slug: 'duplicate-me' }))
    expect(errors.map((e) => e.path)).toEqual(['slug'])
  })

  test.each([
    ['organisations', { name: 'Bad link org', website: 'javascript:alert(1)' }, 'website'],
    ['organisations', { name: 'No scheme org', website: 'example.org' }, 'website'],
    ['campaigns', { title: 'Bad link campaign', callToAction: { url: 'ftp://example.org' } }, 'callToAction.url'],
  ])('%s: bad URL is refused', async (collection, data, path) => {
    const errors = await validationErrors(create(collection, data))
    expect(errors.map((e) => e.path)).toEqual([path])
    expect(messageFor(errors, path)).toMatch(/web address starting with https:\/\//)
  })

  test.each(['#two words', '#no-hyphens', '##double', 'semi;colon'])('campaign hashtag %p is refused', async (hashtag) => {
    const errors = await validationErrors(create('campaigns', { title: `Hashtag ${hashtag}`, callToAction: { hashtag } }))
    expect(errors.map((e) => e.path)).toEqual(['callToAction.hashtag'])
    expect(messageFor(errors, 'callToAction.hashtag')).toBe('A hashtag is one word: letters, numbers and underscores.')
  })

  test('an Urdu hashtag is accepted', async () => {
    const doc: any = await create('campaigns', { title: 'Urdu hashtag', callToAction: { hashtag: '#انصاف' } })()
    expect(doc.callToAction.hashtag).toBe('#انصاف')
  })

  test('site settings: a bad social link is refused, naming the row', async () => {
    const admin = await createUser(payload, 'admin')
    const errors = await validationErrors(() =>
      payload.updateGlobal({
        slug: 'site-settings',
        data: { organisationName: 'X', socialLinks: [{ platform: 'X', url: 'not a url' }] },
        user: admin.user,
        overrideAccess: false,
      }),
    )
    expect(errors.map((e) => e.path)).toEqual(['socialLinks.0.url'])
  })

  test('navigation: an external or malformed path is refused', async () => {
    const errors = await validationErrors(() =>
      payload.updateGlobal({ slug: 'navigation', data: { items: [{ label: 'Out', path: 'https://evil.example' }] }, user: editor.user, overrideAccess: false }),
    )
    expect(errors.map((e) => e.path)).toEqual(['items.0.path'])
  })
})

describe('publishing rules', () => {
  test('withdrawing without an explanation is refused, naming the explanation', async () => {
    const statement = await makeStatement(payload, { issuingOrganisation: orgId, _status: 'published' })
    const errors = await validationErrors(() =>
      payload.update({
        collection: 'statements',
        id: statement.id,
        data: { withdrawal: { withdrawn: true }, _status: 'published' },
        user: editor.user,
        overrideAccess: false,
      }),
    )
    expect(errors.map((e) => e.path)).toEqual(['withdrawal.explanation'])
    expect(messageFor(errors, 'withdrawal.explanation')).toBe('Explain to readers why this is withdrawn.')
  })

  test('withdrawing with an explanation keeps the document public, with the date set', async () => {
    const statement = await makeStatement(payload, { issuingOrganisation: orgId, _status: 'published' })
    const updated: any = await payload.update({
      collection: 'statements',
      id: statement.id,
      data: { withdrawal: { withdrawn: true, explanation: 'Superseded by the 2023 statement.' }, _status: 'published' },
      user: editor.user,
      overrideAccess: false,
    })
    expect(updated.withdrawal.withdrawnAt).toBeTruthy()
    const res = await rest('GET', `/statements/${statement.id}`)
    expect(res.status).toBe(200)
    expect(res.body.withdrawal.explanation).toBe('Superseded by the 2023 statement.')
  })

  test('publishing a major change without a change note is refused, naming changeNote (Local API and REST)', async () => {
    const statement = await makeStatement(payload, { issuingOrganisation: orgId, _status: 'published' })
    const errors = await validationErrors(() =>
      payload.update({
        collection: 'statements',
        id: statement.id,
        data: { summary: 'Corrected.', updateType: 'major', _status: 'published' },
        user: editor.user,
        overrideAccess: false,
      }),
    )
    expect(errors.map((e) => e.path)).toEqual(['changeNote'])
    expect(messageFor(errors, 'changeNote')).toBe('A major change needs a short public note for readers.')

    const res = await rest('PATCH', `/statements/${statement.id}`, {
      token: editor.token,
      body: { summary: 'Corrected.', updateType: 'major', _status: 'published' },
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('A major change needs a short public note for readers.')
    // Nothing was lost or half-saved.
    const after = await payload.findByID({ collection: 'statements', id: statement.id, overrideAccess: true })
    expect(after.summary ?? null).toBe(statement.summary ?? null)
  })

  test('a major change with a note is published and recorded in the change history', async () => {
    const statement = await makeStatement(payload, { issuingOrganisation: orgId, _status: 'published' })
    const updated: any = await payload.update({
      collection: 'statements',
      id: statement.id,
      data: { summary: 'Corrected.', updateType: 'major', changeNote: 'Corrected the date.', _status: 'published' },
      user: editor.user,
      overrideAccess: false,
    })
    expect(updated.changeHistory.map((h: any) => h.note)).toEqual(['First published.', 'Corrected the date.'])
    expect(updated.updateType).toBe('minor')
    expect(updated.changeNote ?? null).toBeNull()
  })

  test('a summary over 400 characters is refused, naming summary', async () => {
    const errors = await validationErrors(create('programs', { title: 'Long summary', summary: 'x'.repeat(401) }))
    expect(errors.map((e) => e.path)).toEqual(['summary'])
  })
})
