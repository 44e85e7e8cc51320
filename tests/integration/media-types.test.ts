/**
 * What the library records for each kind of file: image sizes, focal point, alt text in both
 * languages, audio/video durations, captions, and PDF facts read from the file.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'

import { createStaff, type StaffMember } from '../helpers/fixtures'
import { jpegBuffer, mp3Buffer, mp4Buffer, pdfWith, webmBuffer, webvtt } from '../helpers/mediaFiles'
import { closePayload, testPayload } from '../helpers/payload'
import { rest, upload } from '../helpers/rest'

let payload: Payload
let editor: StaffMember
const mediaDir = () => process.env.MEDIA_DIR as string

beforeAll(async () => {
  payload = await testPayload()
  ;({ editor } = await createStaff(payload))
})
afterAll(closePayload)

test('an uploaded photo gets thumbnail, card, hero and 1200x630 social sizes, in WebP (card also AVIF), with its dimensions stored', async () => {
  const photo = await jpegBuffer(2400, 1600)
  const res = await upload('POST', '/media', {
    token: editor.token,
    file: { data: photo, name: 'Delegates at the UN.JPG', type: 'image/jpeg' },
    data: { alt: 'Delegates seated in the conference room', caption: 'The dialogue', credit: 'Photo: CPDI' },
  })
  expect(res.status).toBe(201)
  const doc = res.body.doc
  expect(doc).toMatchObject({ mimeType: 'image/jpeg', width: 2400, height: 1600, kind: 'image', credit: 'Photo: CPDI' })
  expect(doc.sizes.thumbnail).toMatchObject({ width: 320, height: 240, mimeType: 'image/webp' })
  expect(doc.sizes.card).toMatchObject({ width: 640, height: 360, mimeType: 'image/webp' })
  expect(doc.sizes.cardAvif).toMatchObject({ width: 640, height: 360, mimeType: 'image/avif' })
  expect(doc.sizes.hero).toMatchObject({ width: 1600, height: 1067, mimeType: 'image/webp' })
  expect(doc.sizes.social).toMatchObject({ width: 1200, height: 630, mimeType: 'image/webp' })
  for (const size of Object.values(doc.sizes) as Array<{ filename: string; width: number; height: number }>) {
    const meta = await sharp(path.join(mediaDir(), size.filename)).metadata()
    expect([meta.width, meta.height]).toEqual([size.width, size.height])
  }
})

test('a small image is never enlarged for the hero size', async () => {
  const res = await upload('POST', '/media', {
    token: editor.token,
    file: { data: await jpegBuffer(800, 500), name: 'small.jpg', type: 'image/jpeg' },
    data: { alt: 'A small picture' },
  })
  expect(res.status).toBe(201)
  // withoutEnlargement: no hero file bigger than the original is made.
  expect(res.body.doc.sizes.hero.width ?? 0).toBeLessThanOrEqual(800)
})

test('the focal point decides what a cropped size keeps', async () => {
  // Left half red, right half blue: a focal point on the right must give a blue thumbnail.
  const left = await sharp({ create: { width: 1000, height: 1000, channels: 3, background: '#d00000' } }).png().toBuffer()
  const photo = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#0000d0' } })
    .composite([{ input: left, left: 0, top: 0 }])
    .png()
    .toBuffer()
  const centreOf = async (focalX: number) => {
    const res = await upload('POST', '/media', {
      token: editor.token,
      file: { data: photo, name: 'two-halves.png', type: 'image/png' },
      data: { alt: 'Red and blue halves', focalX, focalY: 50 },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.focalX).toBe(focalX)
    const { dominant } = await sharp(path.join(mediaDir(), res.body.doc.sizes.thumbnail.filename)).stats()
    return dominant
  }
  const right = await centreOf(95)
  expect(right.b).toBeGreaterThan(right.r)
  const leftSide = await centreOf(5)
  expect(leftSide.r).toBeGreaterThan(leftSide.b)
})

test('alt text is required for images in English, and stored per language', async () => {
  const missing = await upload('POST', '/media', {
    token: editor.token,
    file: { data: await jpegBuffer(400, 300), name: 'no-alt.jpg', type: 'image/jpeg' },
    data: { caption: 'No description' },
  })
  expect(missing.status).toBe(400)
  expect(JSON.stringify(missing.body)).toMatch(/alternative text/i)
  expect(missing.body.errors[0].data.errors[0].path).toBe('alt')

  const created = await upload('POST', '/media', {
    token: editor.token,
    file: { data: await jpegBuffer(400, 300), name: 'with-alt.jpg', type: 'image/jpeg' },
    data: { alt: 'Speaker at the podium' },
  })
  expect(created.status).toBe(201)
  const id = created.body.doc.id
  const ur = await rest('PATCH', `/media/${id}?locale=ur`, { token: editor.token, body: { alt: 'پوڈیم پر مقرر' } })
  expect(ur.status).toBe(200)
  expect((await rest('GET', `/media/${id}?locale=ur`, { token: editor.token })).body.alt).toBe('پوڈیم پر مقرر')
  expect((await rest('GET', `/media/${id}?locale=en`, { token: editor.token })).body.alt).toBe('Speaker at the podium')
  // Clearing the English text is refused; the Urdu may be left empty (English is shown instead).
  const cleared = await rest('PATCH', `/media/${id}?locale=en`, { token: editor.token, body: { alt: '' } })
  expect(cleared.status).toBe(400)
})

test('a picture uploaded with the admin on Urdu is refused until it has an English description', async () => {
  const res = await upload('POST', '/media?locale=ur', {
    token: editor.token,
    file: { data: await jpegBuffer(400, 300), name: 'urdu-first.jpg', type: 'image/jpeg' },
    data: { alt: 'پوڈیم پر مقرر' },
  })
  expect(res.status).toBe(400)
  expect(JSON.stringify(res.body)).toContain('English alternative text first')
  // Nothing was stored.
  const found = await rest('GET', `/media?where[filename][like]=urdu-first&depth=0`, { token: editor.token })
  expect(found.body.totalDocs).toBe(0)
})

test.each([
  ['MP3 audio', () => mp3Buffer(12), 'talk.mp3', 'audio/mpeg', 'audio', 12],
  ['M4A audio', () => mp4Buffer(95.5, 'M4A '), 'talk.m4a', 'audio/', 'audio', 95.5],
  ['MP4 video', () => mp4Buffer(61), 'clip.mp4', 'video/mp4', 'video', 61],
  ['WebM video', () => webmBuffer(42.25), 'clip.webm', 'video/webm', 'video', 42.25],
])('%s: its duration is read from the file and stored', async (_label, make, name, mime, kind, seconds) => {
  const res = await upload('POST', '/media', { token: editor.token, file: { data: make(), name, type: 'application/octet-stream' } })
  expect(res.status).toBe(201)
  expect(res.body.doc.mimeType).toContain(mime)
  expect(res.body.doc.kind).toBe(kind)
  expect(res.body.doc.duration).toBeCloseTo(seconds, 0)
})

test('a recording carries a localized transcript and a WebVTT captions file; anything else as captions is refused', async () => {
  const vtt = await upload('POST', '/media', { token: editor.token, file: { data: webvtt, name: 'captions.vtt', type: 'text/vtt' } })
  expect(vtt.status).toBe(201)
  expect(vtt.body.doc).toMatchObject({ mimeType: 'text/vtt', kind: 'captions' })

  const notVtt = await upload('POST', '/media', {
    token: editor.token,
    file: { data: Buffer.from('1\n00:00:00,000 --> 00:00:02,000\nSRT, not WebVTT\n'), name: 'captions.vtt', type: 'text/vtt' },
  })
  expect(notVtt.status).toBe(400)

  const picture = await upload('POST', '/media', {
    token: editor.token,
    file: { data: await jpegBuffer(300, 200), name: 'p.jpg', type: 'image/jpeg' },
    data: { alt: 'A picture' },
  })
  const transcript = { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: 'Distinguished delegates.', format: 0, detail: 0, mode: 'normal', style: '' }] }] } }
  const audio = await upload('POST', '/media', {
    token: editor.token,
    file: { data: mp3Buffer(3), name: 'talk.mp3', type: 'audio/mpeg' },
    data: { transcript, captions: vtt.body.doc.id },
  })
  expect(audio.status).toBe(201)
  expect(audio.body.doc.captions.id ?? audio.body.doc.captions).toBe(vtt.body.doc.id)
  expect(JSON.stringify(audio.body.doc.transcript)).toContain('Distinguished delegates.')

  const wrongCaptions = await rest('PATCH', `/media/${audio.body.doc.id}`, { token: editor.token, body: { captions: picture.body.doc.id } })
  expect(wrongCaptions.status).toBe(400)
  expect(JSON.stringify(wrongCaptions.body)).toMatch(/WebVTT/)
})

test('a PDF records its title, language, page count and size from the file, plus an accessible-format contact', async () => {
  const pdf = await pdfWith({ pages: 4, title: 'Statement at the UNTOC Constructive Dialogue', lang: 'en-GB' })
  const res = await upload('POST', '/media', {
    token: editor.token,
    file: { data: pdf, name: 'statement.pdf', type: 'application/pdf' },
    data: { pdf: { alternativeFormatContactEmail: 'publications@example.test' } },
  })
  expect(res.status).toBe(201)
  expect(res.body.doc).toMatchObject({
    kind: 'document',
    mimeType: 'application/pdf',
    filesize: pdf.length,
    pdf: {
      title: 'Statement at the UNTOC Constructive Dialogue',
      language: 'en-GB',
      pageCount: 4,
      accessible: false,
      alternativeFormatContactEmail: 'publications@example.test',
    },
  })
  const untitled = await upload('POST', '/media', {
    token: editor.token,
    file: { data: await pdfWith({ pages: 1 }), name: 'untitled.pdf', type: 'application/pdf' },
  })
  expect(untitled.status).toBe(201)
  expect(untitled.body.doc.pdf).toMatchObject({ pageCount: 1, title: null })
  const badEmail = await rest('PATCH', `/media/${untitled.body.doc.id}`, {
    token: editor.token,
    body: { pdf: { alternativeFormatContactEmail: 'not an address' } },
  })
  expect(badEmail.status).toBe(400)
})

test('page count cannot be set by hand: it always comes from the file', async () => {
  const res = await upload('POST', '/media', {
    token: editor.token,
    file: { data: await pdfWith({ pages: 2 }), name: 'two.pdf', type: 'application/pdf' },
    data: { pdf: { pageCount: 99 } },
  })
  expect(res.status).toBe(201)
  expect(res.body.doc.pdf.pageCount).toBe(2)
  const patched = await rest('PATCH', `/media/${res.body.doc.id}`, { token: editor.token, body: { pdf: { pageCount: 50 } } })
  expect(patched.status).toBe(200)
  expect(patched.body.doc.pdf.pageCount).toBe(2)
  expect(existsSync(path.join(mediaDir(), res.body.doc.filename))).toBe(true)
})
