/**
 * Who may do what with the library: only staff upload; readers see an item only when published
 * content uses it or staff marked it public (the file URL obeys the same rule); contributors
 * cannot delete what published content uses.
 */
import type { Payload } from 'payload'

import { createStaff, makePerson, makeProgram, makeStatement, type StaffMember } from '../helpers/fixtures'
import { jpegBuffer, pdfWith } from '../helpers/mediaFiles'
import { closePayload, testPayload } from '../helpers/payload'
import { fetchFile, rest, upload } from '../helpers/rest'
import { richText } from '../../content/richText'

let payload: Payload
let staff: Record<'admin' | 'editor' | 'contributor', StaffMember>

beforeAll(async () => {
  payload = await testPayload()
  staff = await createStaff(payload)
})
afterAll(closePayload)

async function newImage(data: Record<string, unknown> = {}) {
  const photo = await jpegBuffer(320, 240)
  return payload.create({
    collection: 'media',
    data: { alt: 'A test picture', ...data },
    file: { data: photo, mimetype: 'image/jpeg', name: 'picture.jpg', size: photo.length },
    overrideAccess: true,
  })
}

/** What an anonymous reader gets for the document and for its file and one size. */
async function anonymousSees(media: { id: number | string; url?: string | null; sizes?: any }) {
  const doc = await rest('GET', `/media/${media.id}`)
  const file = await fetchFile(media.url as string)
  const size = media.sizes?.card?.url ? await fetchFile(media.sizes.card.url) : file
  const list = await rest('GET', `/media?limit=100&where[id][equals]=${media.id}`)
  const visible = doc.status === 200 && file.status === 200 && size.status === 200 && list.body.docs.length === 1
  const hidden = doc.status !== 200 && file.status !== 200 && size.status !== 200 && list.body.docs.length === 0
  if (!visible && !hidden) throw new Error(`mixed answers: doc ${doc.status}, file ${file.status}, size ${size.status}, list ${list.body.docs.length}`)
  return visible
}

test('only staff upload: an anonymous upload is refused with 403, a contributor may upload', async () => {
  const photo = await jpegBuffer(200, 150)
  const anonymous = await upload('POST', '/media', { file: { data: photo, name: 'x.jpg', type: 'image/jpeg' }, data: { alt: 'x' } })
  expect(anonymous.status).toBe(403)
  const contributor = await upload('POST', '/media', {
    token: staff.contributor.token,
    file: { data: photo, name: 'x.jpg', type: 'image/jpeg' },
    data: { alt: 'x' },
  })
  expect(contributor.status).toBe(201)
})

test('readers do not see library items nothing published uses; staff see everything', async () => {
  const image = await newImage()
  expect(await anonymousSees(image)).toBe(false)
  const asStaff = await rest('GET', `/media/${image.id}`, { token: staff.contributor.token })
  expect(asStaff.status).toBe(200)
  expect((await fetchFile(image.url as string, { token: staff.contributor.token })).status).toBe(200)
})

test('an item marked public is visible to readers', async () => {
  const image = await newImage({ public: true })
  expect(await anonymousSees(image)).toBe(true)
})

test('a picture becomes visible when content using it is published, and hidden again when unpublished or deleted', async () => {
  const image = await newImage()
  const program = await makeProgram(payload, { heroImage: image.id })
  expect(await anonymousSees(image)).toBe(false) // used by a draft only

  await payload.update({ collection: 'programs', id: program.id, data: { _status: 'published' }, overrideAccess: true })
  expect(await anonymousSees(image)).toBe(true)

  // A draft that drops the picture changes nothing: the published version still shows it.
  await payload.update({ collection: 'programs', id: program.id, data: { heroImage: null }, draft: true, overrideAccess: true })
  expect(await anonymousSees(image)).toBe(true)

  // Unpublishing hides it again.
  await payload.update({ collection: 'programs', id: program.id, data: { _status: 'draft' }, overrideAccess: true })
  expect(await anonymousSees(image)).toBe(false)

  // Published again, then deleted: hidden.
  await payload.update({ collection: 'programs', id: program.id, data: { _status: 'published', heroImage: image.id }, overrideAccess: true })
  expect(await anonymousSees(image)).toBe(true)
  await payload.delete({ collection: 'programs', id: program.id, overrideAccess: true })
  expect(await anonymousSees(image)).toBe(false)
})

test('an item stays visible while any published document still uses it', async () => {
  const image = await newImage()
  const a = await makeProgram(payload, { _status: 'published', heroImage: image.id })
  const b = await makeProgram(payload, { _status: 'published', relatedMedia: [image.id] })
  expect(await anonymousSees(image)).toBe(true)
  await payload.update({ collection: 'programs', id: a.id, data: { heroImage: null }, overrideAccess: true })
  expect(await anonymousSees(image)).toBe(true)
  await payload.update({ collection: 'programs', id: b.id, data: { relatedMedia: [] }, overrideAccess: true })
  expect(await anonymousSees(image)).toBe(false)
})

test('uses inside rich text (in either language), on people and in site settings count too', async () => {
  const inBody = await newImage()
  const body = richText(['Intro.']) as any
  body.root.children.push({ type: 'upload', relationTo: 'media', value: inBody.id, fields: null, format: '', version: 3 })
  const program = await makeProgram(payload, { _status: 'published' })
  await payload.update({ collection: 'programs', id: program.id, locale: 'ur', data: { title: 'پروگرام', body }, overrideAccess: true })
  expect(await anonymousSees(inBody)).toBe(true)

  const portrait = await newImage()
  await makePerson(payload, { photo: portrait.id })
  expect(await anonymousSees(portrait)).toBe(true)

  const logo = await newImage()
  // A logo must be described in both languages (Site settings refuses it otherwise).
  await payload.update({ collection: 'media', id: logo.id, locale: 'ur', data: { alt: 'ایک آزمائشی تصویر' }, overrideAccess: true })
  await payload.updateGlobal({ slug: 'site-settings' as any, data: { organisationName: 'Daleel', logo: logo.id } as any, overrideAccess: true })
  expect(await anonymousSees(logo)).toBe(true)
})

test('a statement PDF is downloadable by readers once the statement is published', async () => {
  const pdf = await pdfWith({ pages: 2, title: 'Statement' })
  const doc = await payload.create({
    collection: 'media',
    data: {},
    file: { data: pdf, mimetype: 'application/pdf', name: 'statement.pdf', size: pdf.length },
    overrideAccess: true,
  })
  const statement = await makeStatement(payload, { attachments: [doc.id] })
  expect(await anonymousSees(doc)).toBe(false)
  await payload.update({ collection: 'statements', id: statement.id, data: { _status: 'published' }, overrideAccess: true })
  expect(await anonymousSees(doc)).toBe(true)
})

test('staff cannot set the published-use flag by hand', async () => {
  const image = await newImage()
  const res = await rest('PATCH', `/media/${image.id}`, { token: staff.admin.token, body: { usedByPublished: true } })
  expect(res.status).toBe(200)
  expect(res.body.doc.usedByPublished).toBe(false)
  expect(await anonymousSees(image)).toBe(false)
})

test('contributors cannot delete media published content uses; they may delete unused items; editors may delete either', async () => {
  const used = await newImage()
  await makeProgram(payload, { _status: 'published', heroImage: used.id })
  const unused = await newImage()

  const refused = await rest('DELETE', `/media/${used.id}`, { token: staff.contributor.token })
  expect(refused.status).toBe(403)
  expect((await rest('GET', `/media/${used.id}`, { token: staff.editor.token })).status).toBe(200)

  const allowed = await rest('DELETE', `/media/${unused.id}`, { token: staff.contributor.token })
  expect(allowed.status).toBe(200)

  const byEditor = await rest('DELETE', `/media/${used.id}`, { token: staff.editor.token })
  expect(byEditor.status).toBe(200)

  const anonymous = await rest('DELETE', `/media/${(await newImage({ public: true })).id}`)
  expect(anonymous.status).toBe(403)
})
