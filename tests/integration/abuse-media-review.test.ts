/**
 * Abuse suite, class 6: contributors change nothing that is live, media included.
 *
 * Content follows the review rule (contributors write drafts; editors publish). Media had no such
 * rule: a contributor could PATCH a private (say, embargoed) PDF with {"public": true} and publish
 * it at once, or replace the file or alternative text of a picture a published page shows. Through
 * REST (JSON and multipart), GraphQL and the Local API, a contributor now may change only items
 * that are not live, may never make one public, and editors may do all of it.
 */
import { jest } from '@jest/globals'
import type { Payload } from 'payload'

import { createStaff, makeImage, makePdf, makeProgram, pdfBuffer, pngBuffer, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { gql, rest, upload } from '../helpers/rest'

// Uploads make image sizes with sharp: slow on a busy shared machine.
jest.setTimeout(120_000)

let payload: Payload
let staff: Record<'admin' | 'editor' | 'contributor', StaffMember>

beforeAll(async () => {
  payload = await testPayload()
  staff = await createStaff(payload)
}, 120_000)
afterAll(closePayload)

const read = async (id: unknown) => (await payload.findByID({ collection: 'media', id: id as string, depth: 0, overrideAccess: true, locale: 'en' })) as any

async function livePicture() {
  const image = await makeImage(payload, { alt: 'The minister at the podium' })
  await makeProgram(payload, { _status: 'published', heroImage: image.id })
  const now = await read(image.id)
  expect(now.usedByPublished).toBe(true)
  return now
}

test('a contributor cannot make a private (embargoed) PDF public', async () => {
  const pdf = await makePdf(payload, { public: false })
  for (const attempt of [
    () => rest('PATCH', `/media/${pdf.id}`, { token: staff.contributor.token, body: { public: true } }),
    () => gql(`mutation { updateMedia(id: ${JSON.stringify(pdf.id)}, data: { public: true }) { id public } }`, { token: staff.contributor.token }),
    () => upload('PATCH', `/media/${pdf.id}`, { token: staff.contributor.token, data: { public: true } }),
  ]) {
    const res = await attempt()
    expect(res.status === 403 || JSON.stringify(res.body).includes('editors')).toBe(true)
    expect((await read(pdf.id)).public).toBe(false)
  }
  // Nor upload a new file as public straight away.
  const created = await upload('POST', '/media', { token: staff.contributor.token, file: { data: pdfBuffer(), name: 'embargoed.pdf', type: 'application/pdf' }, data: { public: true } })
  expect(created.status).toBe(403)
  expect(JSON.stringify(created.body)).toMatch(/Only editors can make a file public/)
})

test('a contributor cannot change the alternative text, caption or file of a picture a published page shows', async () => {
  const image = await livePicture()
  const alt = await rest('PATCH', `/media/${image.id}`, { token: staff.contributor.token, body: { alt: 'Vandalised description' } })
  expect(alt.status).toBe(403)
  expect(JSON.stringify(alt.body)).toMatch(/live/)
  const caption = await gql(`mutation { updateMedia(id: ${JSON.stringify(image.id)}, data: { caption: "Changed" }) { id } }`, { token: staff.contributor.token })
  expect(JSON.stringify(caption.body.errors ?? [])).toMatch(/live|not allowed/i)
  const replaced = await upload('PATCH', `/media/${image.id}`, {
    token: staff.contributor.token,
    file: { data: await pngBuffer(80, 60), name: 'replacement.png', type: 'image/png' },
  })
  expect(replaced.status).toBe(403)
  let local: any
  try {
    await payload.update({ collection: 'media', id: image.id, data: { alt: 'Local API change' }, user: staff.contributor.user, overrideAccess: false })
  } catch (err) {
    local = err
  }
  expect(local?.status).toBe(403)
  const after = await read(image.id)
  expect(after.alt).toBe('The minister at the podium')
  expect(after.filename).toBe(image.filename)
  expect(after.caption ?? null).toBe(image.caption ?? null)
})

test('a contributor cannot change or delete an item marked public (a press kit)', async () => {
  const kit = await makePdf(payload, { public: true })
  expect((await rest('PATCH', `/media/${kit.id}`, { token: staff.contributor.token, body: { public: false } })).status).toBe(403)
  expect((await rest('DELETE', `/media/${kit.id}`, { token: staff.contributor.token })).status).toBe(403)
  expect((await read(kit.id)).public).toBe(true)
})

test('bulk edits by a contributor leave live items alone', async () => {
  const image = await livePicture()
  const res = await rest('PATCH', `/media?where[id][equals]=${image.id}`, { token: staff.contributor.token, body: { alt: 'Bulk change' } })
  expect(res.status).toBeLessThan(500)
  expect((await read(image.id)).alt).toBe('The minister at the podium')
})

test('contributors still work freely on items that are not live; editors change live ones', async () => {
  const own = await upload('POST', '/media', { token: staff.contributor.token, file: { data: await pngBuffer(), name: 'mine.png', type: 'image/png' }, data: { alt: 'My picture' } })
  expect(own.status).toBe(201)
  const edited = await rest('PATCH', `/media/${own.body.doc.id}`, { token: staff.contributor.token, body: { alt: 'My better picture' } })
  expect(edited.status).toBe(200)
  const image = await livePicture()
  const byEditor = await rest('PATCH', `/media/${image.id}`, { token: staff.editor.token, body: { alt: 'Corrected by an editor', public: true } })
  expect(byEditor.status).toBe(200)
  expect((await read(image.id)).alt).toBe('Corrected by an editor')
  expect((await rest('DELETE', `/media/${own.body.doc.id}`, { token: staff.contributor.token })).status).toBe(200)
})
