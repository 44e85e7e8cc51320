// Create, read and update every collection and both globals with valid data, through the Local
// API (as staff, with access control on) and the REST API.
import type { Payload } from 'payload'

import { plainText, richText } from '../../content/richText'
import {
  createStaff,
  makeImage,
  makeOrganisation,
  makePdf,
  makePerson,
  makeTopic,
  pngBuffer,
  type StaffMember,
} from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

let payload: Payload
let admin: StaffMember
let editor: StaffMember
let contributor: StaffMember

beforeAll(async () => {
  payload = await testPayload()
  ;({ admin, editor, contributor } = await createStaff(payload))
})
afterAll(closePayload)

const asUser = (member: StaffMember) => ({ user: member.user, overrideAccess: false })

test('programs: create, read and update with funders, key activities and dates', async () => {
  const funder = await makeOrganisation(payload, { name: 'The Asia Foundation' })
  const topic = await makeTopic(payload, { name: 'Justice sector' })
  const created = await payload.create({
    collection: 'programs',
    ...asUser(editor),
    data: {
      title: 'Combating Organized Crime',
      summary: 'Awareness and advocacy.',
      body: richText(['Introduction paragraph.']),
      programStatus: 'active',
      startDate: '2021-01-01T00:00:00.000Z',
      endDate: '2023-12-31T00:00:00.000Z',
      topics: [topic.id],
      funders: [funder.id],
      keyActivities: [{ title: 'Justice Sector Support Program', description: 'Training.', funder: funder.id }],
      _status: 'published',
    },
  })
  expect(created.slug).toBe('combating-organized-crime')
  expect(created.createdBy).toMatchObject({ id: editor.id })
  expect(created.firstPublishedAt).toBeTruthy()

  const read = await payload.findByID({ collection: 'programs', id: created.id, depth: 1, overrideAccess: false })
  expect(read.title).toBe('Combating Organized Crime')
  expect((read.keyActivities![0].funder as any).name).toBe('The Asia Foundation')
  expect(plainText(read.body)).toBe('Introduction paragraph.')

  const updated = await payload.update({
    collection: 'programs',
    id: created.id,
    ...asUser(editor),
    data: { programStatus: 'completed' },
  })
  expect(updated.programStatus).toBe('completed')
  expect(updated.title).toBe('Combating Organized Crime')
})

test('programs: saving a program with a hero image keeps its key activities (what readers get)', async () => {
  const image = await makeImage(payload)
  const program = await payload.create({
    collection: 'programs',
    ...asUser(editor),
    data: {
      title: 'Program with a picture',
      heroImage: image.id,
      relatedMedia: [image.id],
      keyActivities: [{ title: 'Workshops' }, { title: 'Awareness campaigns' }],
      _status: 'published',
    },
  })
  const res = await rest('GET', `/programs/${program.id}`)
  expect(res.status).toBe(200)
  expect(res.body.keyActivities.map((a: any) => a.title)).toEqual(['Workshops', 'Awareness campaigns'])
  expect(res.body.heroImage.id).toBe(image.id)
})

test('statements: a published statement with a PDF attachment keeps its proposals (what readers get)', async () => {
  const org = await makeOrganisation(payload)
  const pdf = await makePdf(payload)
  const statement = await payload.create({
    collection: 'statements',
    ...asUser(editor),
    data: {
      title: 'Statement with a PDF',
      statementType: 'written-submission',
      speakerName: 'A. Speaker',
      issuingOrganisation: org.id,
      deliveredOn: '2022-07-01T12:00:00.000Z',
      proposals: [{ text: 'One.' }, { text: 'Two.' }, { text: 'Three.' }],
      attachments: [pdf.id],
      _status: 'published',
    },
  })
  const res = await rest('GET', `/statements/${statement.id}`)
  expect(res.body.proposals.map((p: any) => p.text)).toEqual(['One.', 'Two.', 'Three.'])
  expect(res.body.attachments.map((a: any) => a.id)).toEqual([pdf.id])
})

test('statements: create, read and update with speaker, proposals and a PDF attachment', async () => {
  const org = await makeOrganisation(payload, { name: 'Centre for Governance Research', slug: 'cgr' })
  const speaker = await makePerson(payload, { name: 'Tariq Khosa', role: 'Director/CEO', organisation: org.id })
  const pdf = await makePdf(payload, { caption: 'Statement as delivered' })
  const created = await payload.create({
    collection: 'statements',
    ...asUser(contributor),
    data: {
      title: 'UNTOC Constructive Dialogue: Trafficking in Persons',
      statementType: 'delivered-statement',
      speaker: speaker.id,
      speakerRole: 'Director/CEO',
      issuingOrganisation: org.id,
      deliveredOn: '2022-07-01T12:00:00.000Z',
      event: 'UNTOC Constructive Dialogue: Trafficking in Persons',
      eventSegment: '4th segment',
      proposals: [{ text: 'First proposal.' }, { text: 'Second proposal.' }, { text: 'Third proposal.' }],
      attachments: [pdf.id],
    },
  })
  expect(created._status).toBe('draft')
  expect(created.createdBy).toMatchObject({ id: contributor.id })

  const read = await payload.findByID({ collection: 'statements', id: created.id, draft: true, ...asUser(contributor) })
  expect((read.speaker as any).name).toBe('Tariq Khosa')
  expect((read.issuingOrganisation as any).slug).toBe('cgr')
  expect(read.deliveredOn).toBe('2022-07-01T12:00:00.000Z')
  expect(read.proposals!.map((p: any) => p.text)).toEqual(['First proposal.', 'Second proposal.', 'Third proposal.'])
  expect((read.attachments![0] as any).mimeType).toBe('application/pdf')

  // A contributor may update what they created.
  const updated = await payload.update({
    collection: 'statements',
    id: created.id,
    draft: true,
    ...asUser(contributor),
    data: { location: 'Vienna' },
  })
  expect(updated.location).toBe('Vienna')
})

test('campaigns: create, read and update with a call to action', async () => {
  const created = await payload.create({
    collection: 'campaigns',
    ...asUser(editor),
    data: {
      title: '16 Days of Activism against Gender-Based Violence',
      startDate: '2030-11-25T00:00:00.000Z',
      endDate: '2030-12-10T00:00:00.000Z',
      callToAction: { text: 'Join the campaign', url: 'https://example.org/join', hashtag: '#16Days' },
      _status: 'published',
    },
  })
  expect(created.slug).toBe('16-days-of-activism-against-gender-based-violence')
  const read = await payload.findByID({ collection: 'campaigns', id: created.id, overrideAccess: false })
  expect(read.callToAction?.hashtag).toBe('#16Days')
  const updated = await payload.update({
    collection: 'campaigns',
    id: created.id,
    ...asUser(editor),
    data: { callToAction: { text: 'Take part', url: 'https://example.org/take-part', hashtag: 'OrangeTheWorld' } },
  })
  expect(updated.callToAction?.text).toBe('Take part')
})

test('media: an uploaded PNG gets WebP sizes (thumbnail, card, hero, social 1200x630)', async () => {
  const png = await pngBuffer(1600, 900)
  const image: any = await payload.create({
    collection: 'media',
    ...asUser(editor),
    data: { alt: 'Blue rectangle', credit: 'Test' },
    file: { data: png, mimetype: 'image/png', name: 'banner.png', size: png.length },
  })
  expect(image.mimeType).toBe('image/png')
  expect(image.width).toBe(1600)
  expect(image.sizes.hero).toMatchObject({ width: 1600, mimeType: 'image/webp' })
  expect(image.sizes.social).toMatchObject({ width: 1200, height: 630, mimeType: 'image/webp' })
  expect(image.sizes.thumbnail).toMatchObject({ width: 320, height: 240, mimeType: 'image/webp' })
  expect(image.sizes.card).toMatchObject({ width: 640, height: 360 })
  expect(image.filename).toMatch(/^banner.*\.png$/)
  expect(image.url).toMatch(new RegExp(`/api/media/file/${image.filename}$`))

  const updated = await payload.update({ collection: 'media', id: image.id, ...asUser(editor), data: { caption: 'A caption' } })
  expect(updated.caption).toBe('A caption')
  expect(updated.alt).toBe('Blue rectangle')
})

test('media: a PDF uploads without alt text and staff read it back through REST', async () => {
  const pdf = await makePdf(payload, { caption: 'Report' })
  expect(pdf.mimeType).toBe('application/pdf')
  expect(pdf.filesize).toBeGreaterThan(100)
  // (Who else may read media is the media rules' business: tests/integration/media-*.test.ts.)
  const res = await rest('GET', `/media/${pdf.id}`, { token: editor.token })
  expect(res.status).toBe(200)
  expect(res.body.filename).toBe(pdf.filename)
})

test('media: staff can upload through the Local API with access control on', async () => {
  const png = await pngBuffer(20, 20)
  const doc = await payload.create({
    collection: 'media',
    ...asUser(contributor),
    data: { alt: 'Tiny square' },
    file: { data: png, mimetype: 'image/png', name: 'tiny.png', size: png.length },
  })
  expect(doc.alt).toBe('Tiny square')
})

test('offices: create, read and update with phone numbers', async () => {
  const created = await payload.create({
    collection: 'offices',
    ...asUser(editor),
    data: {
      name: 'Islamabad',
      city: 'Islamabad',
      addressLines: [{ line: '#38-W, Khalid Plaza, 1st Floor' }, { line: 'Jinnah Avenue, Blue Area, Islamabad' }],
      phones: [
        { label: 'Phone', number: '051-2870852' },
        { label: 'Phone', number: '051-2870853' },
      ],
      email: 'info@example.org',
      coordinates: { latitude: 33.7, longitude: 73.05 },
      _status: 'published',
    },
  })
  expect(created.country).toBe('Pakistan')
  expect(created.countryCallingCode).toBe('92')
  const read = await payload.findByID({ collection: 'offices', id: created.id, overrideAccess: false })
  expect(read.phones!.map((p: any) => p.number)).toEqual(['051-2870852', '051-2870853'])
  const updated = await payload.update({
    collection: 'offices',
    id: created.id,
    ...asUser(editor),
    data: { openingHours: 'Monday to Friday, 9am to 5pm' },
  })
  expect(updated.openingHours).toBe('Monday to Friday, 9am to 5pm')
})

test('people, topics and organisations: create, read and update; slugs come from the name', async () => {
  const org = await payload.create({ collection: 'organisations', ...asUser(editor), data: { name: 'Centre for Peace and Development Initiatives', acronym: 'CPDI', website: 'https://cpdi-pakistan.org' } })
  expect(org.slug).toBe('centre-for-peace-and-development-initiatives')
  const topic = await payload.create({ collection: 'topics', ...asUser(editor), data: { name: 'Trafficking in persons' } })
  expect(topic.slug).toBe('trafficking-in-persons')
  const image = await makeImage(payload)
  const person = await payload.create({
    collection: 'people',
    ...asUser(editor),
    data: { name: 'Ayesha Khan', role: 'Director/CEO', organisation: org.id, photo: image.id, bio: 'Short bio.' },
  })
  expect(person.slug).toBe('ayesha-khan')

  for (const [collection, id] of [['organisations', org.id], ['topics', topic.id], ['people', person.id]] as const) {
    const res = await rest('GET', `/${collection}/${id}`)
    expect(res.status).toBe(200)
    expect(res.body.id).toBe(id)
  }

  const renamed = await payload.update({ collection: 'topics', id: topic.id, ...asUser(editor), data: { name: 'Human trafficking' } })
  expect(renamed.name).toBe('Human trafficking')
  // The slug is the address: renaming does not move the page.
  expect(renamed.slug).toBe('trafficking-in-persons')
  const personUpdated = await payload.update({ collection: 'people', id: person.id, ...asUser(editor), data: { role: 'Former Director/CEO' } })
  expect(personUpdated.role).toBe('Former Director/CEO')
  const orgUpdated = await payload.update({ collection: 'organisations', id: org.id, ...asUser(editor), data: { acronym: 'C.P.D.I.' } })
  expect(orgUpdated.acronym).toBe('C.P.D.I.')
})

test('users: an admin creates, reads and updates a staff account through REST', async () => {
  const created = await rest('POST', '/users', {
    token: admin.token,
    body: { email: 'new.editor@example.test', password: 'a-long-enough-password-1', name: 'New Editor', role: 'editor' },
  })
  expect(created.status).toBe(201)
  expect(created.body.doc).toMatchObject({ email: 'new.editor@example.test', role: 'editor' })
  const read = await rest('GET', `/users/${created.body.doc.id}`, { token: admin.token })
  expect(read.status).toBe(200)
  expect(read.body.name).toBe('New Editor')
  const updated = await rest('PATCH', `/users/${created.body.doc.id}`, { token: admin.token, body: { name: 'Renamed Editor' } })
  expect(updated.status).toBe(200)
  expect(updated.body.doc.name).toBe('Renamed Editor')
})

test('REST: staff create a topic with POST and read it back', async () => {
  const res = await rest('POST', '/topics', { token: editor.token, body: { name: 'Organised crime' } })
  expect(res.status).toBe(201)
  expect(res.body.doc.slug).toBe('organised-crime')
  const list = await rest('GET', '/topics?where[slug][equals]=organised-crime')
  expect(list.body.docs).toHaveLength(1)
})

test('globals: site settings and navigation can be updated and read back', async () => {
  const settings = await payload.updateGlobal({
    slug: 'site-settings',
    ...asUser(admin),
    data: {
      organisationName: 'Daleel demo',
      tagline: 'Programmes, statements and campaigns',
      contactEmail: 'info@example.org',
      socialLinks: [{ platform: 'X', url: 'https://x.com/example' }],
    },
  })
  expect(settings.organisationName).toBe('Daleel demo')
  const nav = await payload.updateGlobal({
    slug: 'navigation',
    ...asUser(editor),
    data: { items: [{ label: 'Statements', path: '/statements' }, { label: 'Contact', path: '/contact' }] },
  })
  expect(nav.items!.map((i: any) => i.path)).toEqual(['/statements', '/contact'])

  // Anyone reads both through REST.
  const publicSettings = await rest('GET', '/globals/site-settings')
  expect(publicSettings.status).toBe(200)
  expect(publicSettings.body.organisationName).toBe('Daleel demo')
  const publicNav = await rest('GET', '/globals/navigation')
  expect(publicNav.body.items.map((i: any) => i.label)).toEqual(['Statements', 'Contact'])
})

test('globals: only admins change site settings; editors may change navigation', async () => {
  const denied = await rest('POST', '/globals/site-settings', { token: editor.token, body: { organisationName: 'Hijacked' } })
  expect(denied.status).toBe(403)
  const anonymous = await rest('POST', '/globals/navigation', { body: { items: [] } })
  expect(anonymous.status).toBe(403)
  const allowed = await rest('POST', '/globals/navigation', { token: editor.token, body: { items: [{ label: 'Programs', path: '/programs' }] } })
  expect(allowed.status).toBe(200)
  const settings = await payload.findGlobal({ slug: 'site-settings' })
  expect(settings.organisationName).not.toBe('Hijacked')
})

test('a contributor cannot edit content someone else created', async () => {
  const org = await makeOrganisation(payload)
  const other = await payload.create({
    collection: 'statements',
    ...asUser(editor),
    data: { title: 'Editor statement', statementType: 'press-release', speakerName: 'X', issuingOrganisation: org.id, deliveredOn: '2022-07-01T00:00:00.000Z' },
  })
  const res = await rest('PATCH', `/statements/${other.id}?draft=true`, { token: contributor.token, body: { title: 'Changed' } })
  expect(res.status).toBe(403)
})
