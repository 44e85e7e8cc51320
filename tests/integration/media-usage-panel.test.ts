/**
 * "Where is this used?": staff reading one media item see every document and global that uses it
 * (type, title, published or not, admin link), which the admin shows in a sidebar panel. Readers
 * never see that list, through REST or GraphQL: it would name drafts.
 */
import type { Payload } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'

import { MediaUsagePanel } from '../../media/MediaUsagePanel'
import { createStaff, makeProgram, makeStatement, type StaffMember } from '../helpers/fixtures'
import { jpegBuffer } from '../helpers/mediaFiles'
import { closePayload, testPayload } from '../helpers/payload'
import { gql, rest, upload } from '../helpers/rest'

let payload: Payload
let staff: Record<'admin' | 'editor' | 'contributor', StaffMember>

beforeAll(async () => {
  payload = await testPayload()
  staff = await createStaff(payload)
})
afterAll(closePayload)

async function uploadImage(): Promise<any> {
  const res = await upload('POST', '/media', {
    token: staff.editor.token,
    file: { data: await jpegBuffer(400, 300), name: 'usage.jpg', type: 'image/jpeg' },
    data: { alt: 'A picture used twice' },
  })
  expect(res.status).toBe(201)
  return res.body.doc
}

async function panelHtml(id: number | string): Promise<string> {
  const req = { payload, user: { ...staff.editor.user, collection: 'users' }, locale: 'en' } as any
  const element = await MediaUsagePanel({ id, req, user: req.user })
  return renderToStaticMarkup(element as React.ReactElement)
}

test('a new item is "Not used anywhere yet."', async () => {
  const image = await uploadImage()
  const asStaff = await rest('GET', `/media/${image.id}`, { token: staff.contributor.token })
  expect(asStaff.status).toBe(200)
  expect(asStaff.body.usedIn).toEqual([])
  expect(await panelHtml(image.id)).toContain('Not used anywhere yet.')
})

test('staff see a draft statement and a published program using the item; readers see neither', async () => {
  const image = await uploadImage()
  const draftTitle = `Secret draft statement ${Date.now()}`
  const statement = await makeStatement(payload, { title: draftTitle, seo: { image: image.id } })
  const program = await makeProgram(payload, { _status: 'published', heroImage: image.id })
  // A logo must be described in both languages (Site settings refuses it otherwise).
  await payload.update({ collection: 'media', id: image.id, locale: 'ur', data: { alt: 'ایک آزمائشی تصویر' }, overrideAccess: true })
  await payload.updateGlobal({ slug: 'site-settings', data: { organisationName: 'Daleel', logo: image.id } as any, overrideAccess: true })

  const asStaff = await rest('GET', `/media/${image.id}`, { token: staff.contributor.token })
  expect(asStaff.status).toBe(200)
  const uses = asStaff.body.usedIn as any[]
  expect(uses).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        label: 'Statement',
        title: draftTitle,
        published: false,
        adminPath: `/admin/collections/statements/${statement.id}`,
      }),
      expect.objectContaining({
        label: 'Program',
        title: program.title,
        published: true,
        adminPath: `/admin/collections/programs/${program.id}`,
      }),
      expect.objectContaining({ label: 'Site settings', kind: 'global', adminPath: '/admin/globals/site-settings' }),
    ]),
  )
  expect(uses).toHaveLength(3)

  // The admin panel says the same in words, with links.
  const html = await panelHtml(image.id)
  expect(html).toContain(draftTitle)
  expect(html).toContain(`href="/admin/collections/programs/${program.id}"`)
  expect(html).toContain('draft, not published')
  expect(html).not.toContain('Not used anywhere yet.')

  // The published program makes the picture public, but not the list of where it is used.
  const anonymous = await rest('GET', `/media/${image.id}`)
  expect(anonymous.status).toBe(200)
  expect(anonymous.body.alt).toBe('A picture used twice')
  expect(anonymous.body).not.toHaveProperty('usedIn')
  expect(JSON.stringify(anonymous.body)).not.toContain(draftTitle)
  const list = await rest('GET', `/media?where[id][equals]=${image.id}`)
  expect(list.body.docs).toHaveLength(1)
  expect(JSON.stringify(list.body)).not.toContain(draftTitle)

  const query = `{ Media(id: ${JSON.stringify(image.id)}) { id alt usedIn } }`
  const anonymousGql = await gql(query)
  expect(anonymousGql.body.data?.Media?.id).toBe(image.id)
  expect(anonymousGql.body.data.Media.usedIn ?? null).toBeNull()
  expect(JSON.stringify(anonymousGql.body)).not.toContain(draftTitle)
  // Staff asking the same question through GraphQL do get it.
  const staffGql = await gql(query, { token: staff.contributor.token })
  expect(JSON.stringify(staffGql.body.data.Media.usedIn)).toContain(draftTitle)

  // Taking the picture off the program and settings leaves only the draft.
  await payload.update({ collection: 'programs', id: program.id, data: { heroImage: null }, overrideAccess: true })
  await payload.updateGlobal({ slug: 'site-settings', data: { organisationName: 'Daleel', logo: null } as any, overrideAccess: true })
  const after = await rest('GET', `/media/${image.id}`, { token: staff.contributor.token })
  expect(after.body.usedIn.map((u: any) => u.title)).toEqual([draftTitle])
})

test('staff can still save a description in Urdu (working out the usage list keeps the request in Urdu)', async () => {
  const image = await uploadImage()
  const ur = await upload('PATCH', `/media/${image.id}?locale=ur&depth=0`, { token: staff.editor.token, data: { alt: 'دو بار استعمال ہونے والی تصویر' } })
  expect(ur.status).toBe(200)
  expect(ur.body.doc.alt).toBe('دو بار استعمال ہونے والی تصویر')
  const all = await rest('GET', `/media/${image.id}?locale=all&depth=0`, { token: staff.editor.token })
  expect(all.body.alt).toEqual({ en: 'A picture used twice', ur: 'دو بار استعمال ہونے والی تصویر' })
  expect(all.body.usedIn).toEqual([])
})
