/**
 * Nothing staff upload can attack a reader or fill the disk: types are judged by their bytes,
 * markup and scripts are refused, sizes and pixel counts are limited, names are made safe, and
 * files are served so browsers never run them.
 */
import '../helpers/smallMediaLimits'

import { readdirSync } from 'node:fs'
import type { Payload } from 'payload'

import { createStaff, type StaffMember } from '../helpers/fixtures'
import {
  htmlPage,
  jpegBuffer,
  jsScript,
  mp4Buffer,
  pdfWith,
  plainSvg,
  pngBomb,
  shellScript,
  svgImage,
  webvtt,
  xmlDoc,
} from '../helpers/mediaFiles'
import { closePayload, testPayload } from '../helpers/payload'
import { fetchFile, rest, upload } from '../helpers/rest'

let payload: Payload
let editor: StaffMember
const MB = 1024 * 1024
const storedFiles = () => {
  try {
    return readdirSync(process.env.MEDIA_DIR as string).sort()
  } catch {
    return []
  }
}
const mediaCount = async () => (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs

beforeAll(async () => {
  payload = await testPayload()
  ;({ editor } = await createStaff(payload))
})
afterAll(closePayload)

describe('types are judged by the bytes, not the name or declared type', () => {
  test('an HTML file renamed .pdf is refused with 400 and a message saying it is HTML', async () => {
    const before = storedFiles()
    const res = await upload('POST', '/media', {
      token: editor.token,
      file: { data: htmlPage, name: 'annual-report.pdf', type: 'application/pdf' },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/This file is HTML, whatever its name says/)
    expect(res.body.errors[0].message).toMatch(/SVG, XML, HTML and script files are not accepted/)
    expect(storedFiles()).toEqual(before)
  })

  test.each([
    ['SVG with a script', svgImage, 'logo.svg', 'image/svg+xml', /SVG|XML/],
    ['plain SVG named .png', plainSvg, 'logo.png', 'image/png', /SVG/],
    ['XML', xmlDoc, 'data.xml', 'application/xml', /XML/],
    ['HTML named .jpg', htmlPage, 'photo.jpg', 'image/jpeg', /HTML/],
    ['a shell script named .mp3', shellScript, 'talk.mp3', 'audio/mpeg', /script/],
    ['JavaScript named .vtt', jsScript, 'captions.vtt', 'text/vtt', /script/],
  ])('%s is refused, saying markup and scripts are not accepted', async (_label, data, name, type, says) => {
    const res = await upload('POST', '/media', { token: editor.token, file: { data, name, type }, data: { alt: 'x' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(says)
    expect(res.body.errors[0].message).toMatch(/SVG, XML, HTML and script files are not accepted/)
  })

  test('an allowed type the bytes do not support is refused (a ZIP named .jpg), and unknown bytes too', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)])
    const res = await upload('POST', '/media', { token: editor.token, file: { data: zip, name: 'photo.jpg', type: 'image/jpeg' }, data: { alt: 'x' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/not accepted/)
    const junk = await upload('POST', '/media', {
      token: editor.token,
      file: { data: Buffer.from('just some words, not a document'), name: 'notes.pdf', type: 'application/pdf' },
    })
    expect(junk.status).toBe(400)
    expect(junk.body.errors[0].message).toMatch(/could not recognise/)
  })

  test('a real JPEG with a misleading name and type is stored as what it is, with the right extension', async () => {
    const res = await upload('POST', '/media', {
      token: editor.token,
      file: { data: await jpegBuffer(300, 200), name: 'report.pdf', type: 'application/pdf' },
      data: { alt: 'A picture' },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.mimeType).toBe('image/jpeg')
    expect(res.body.doc.filename).toMatch(/^report-[0-9a-f]{8}\.jpg$/)
  })

  test('the Local API applies the same checks', async () => {
    await expect(
      payload.create({
        collection: 'media',
        data: {},
        file: { data: htmlPage, mimetype: 'application/pdf', name: 'x.pdf', size: htmlPage.length },
        overrideAccess: true,
      }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('size limits per type, from configuration', () => {
  test('a file over the largest limit is cut off while streaming with 413, and nothing is stored', async () => {
    const before = { files: storedFiles(), docs: await mediaCount() }
    // 3 MB of "video": over MEDIA_MAX_VIDEO_MB=2, the largest limit in this file.
    const big = mp4Buffer(10, 'isom', 3 * MB)
    const res = await upload('POST', '/media', { token: editor.token, file: { data: big, name: 'long.mp4', type: 'video/mp4' } })
    expect(res.status).toBe(413)
    expect(storedFiles()).toEqual(before.files)
    expect(await mediaCount()).toBe(before.docs)
  })

  test('a file over its own type limit is refused with 413 naming the limit, and nothing is stored', async () => {
    const before = { files: storedFiles(), docs: await mediaCount() }
    // A valid 1.5 MB PDF: under the streaming limit (2 MB), over MEDIA_MAX_DOCUMENT_MB=1.
    const pdf = await pdfWith({ pages: 1 })
    const padded = Buffer.concat([pdf, Buffer.from('\n%' + 'x'.repeat(1.5 * MB) + '\n')])
    const res = await upload('POST', '/media', { token: editor.token, file: { data: padded, name: 'big.pdf', type: 'application/pdf' } })
    expect(res.status).toBe(413)
    expect(res.body.errors[0].message).toMatch(/limit for document files is 1 MB/)
    expect(storedFiles()).toEqual(before.files)
    expect(await mediaCount()).toBe(before.docs)

    // The same size is fine for a video (limit 2 MB).
    const video = mp4Buffer(10, 'isom', 1.5 * MB)
    const ok = await upload('POST', '/media', { token: editor.token, file: { data: video, name: 'clip.mp4', type: 'video/mp4' } })
    expect(ok.status).toBe(201)
  })

  test('a decompression bomb (a small PNG declaring 20000x20000) is refused without decoding it', async () => {
    const bomb = pngBomb(20000, 20000)
    expect(bomb.length).toBeLessThan(2048)
    const rssBefore = process.memoryUsage().rss
    const started = Date.now()
    const res = await upload('POST', '/media', { token: editor.token, file: { data: bomb, name: 'bomb.png', type: 'image/png' }, data: { alt: 'x' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/20000 x 20000 pixels \(400 megapixels\); the limit is 100 megapixels/)
    expect(Date.now() - started).toBeLessThan(2000)
    // Decoding would need 1.2 GB; refusing from the header costs next to nothing.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * MB)
  })

  test('the sharp Payload uses refuses to decode a bomb too (second line of defence)', async () => {
    const configured = payload.config.sharp as unknown as (input: Buffer) => { toBuffer(): Promise<Buffer> }
    await expect(configured(pngBomb(20000, 20000)).toBuffer()).rejects.toThrow(/pixel limit/i)
  })
})

test('upload from a URL is off: nothing is fetched for a pasted address', async () => {
  const paste = await rest('GET', `/media/paste-url?src=${encodeURIComponent('http://169.254.169.254/latest/meta-data')}`, {
    token: editor.token,
  })
  expect(paste.status).toBeGreaterThanOrEqual(400)
  const viaData = await rest('POST', '/media', {
    token: editor.token,
    body: { filename: 'x.jpg', url: 'http://127.0.0.1:1/x.jpg', alt: 'x' },
  })
  expect(viaData.status).toBe(400)
  expect(viaData.body.errors[0].message).toMatch(/does not fetch files from web addresses/)
  const upload_ = payload.config.collections.find((c) => c.slug === 'media')!.upload
  expect(upload_.pasteURL).toBe(false)
  // Every server-side fetch Payload could make for an upload asks this filter first; it refuses
  // any address but our own stored files.
  const filter = upload_.externalFileHeaderFilter!
  expect(() => filter({}, { isSameOrigin: false, url: 'https://example.org/picture.jpg' })).toThrow(/does not fetch/)
  expect(() => filter({}, { isSameOrigin: true, url: 'http://localhost:3000/api/users/me' })).toThrow(/does not fetch/)
  expect(filter({}, { isSameOrigin: true, url: 'http://localhost:3000/api/media/file/a.jpg' })).toEqual({})
})

describe('filenames', () => {
  test('are sanitised: no folders, control characters or over-long names', async () => {
    const photo = await jpegBuffer(200, 150)
    const names = ['../../../etc/passwd.jpg', '..\\..\\windows\\evil.jpg', 'bad\u202ename\u200f.jpg', `${'a'.repeat(300)}.jpg`, 'تقریر کی تصویر.jpg']
    for (const name of names) {
      const res = await upload('POST', '/media', { token: editor.token, file: { data: photo, name, type: 'image/jpeg' }, data: { alt: 'x' } })
      expect(res.status).toBe(201)
      const stored: string = res.body.doc.filename
      expect(stored).not.toMatch(/[\\/]|\.\.|[\u0000-\u001f\u007f\u202e]/)
      expect(stored.length).toBeLessThanOrEqual(80)
      expect(stored).toMatch(/-[0-9a-f]{8}\.jpg$/)
      expect(storedFiles()).toContain(stored)
    }
  })

  test('control characters in the name (NUL, BEL, ESC, newline: possible through the Local API) are removed too', async () => {
    const photo = await jpegBuffer(200, 150)
    const doc = await payload.create({
      collection: 'media',
      data: { alt: 'x' },
      file: { data: photo, mimetype: 'image/jpeg', name: 'evil\u0000\u0007\u001b\n../name.jpg', size: photo.length },
      overrideAccess: true,
    })
    expect(doc.filename).toMatch(/^name-[0-9a-f]{8}\.jpg$/)
  })

  test('never collide: the same name twice gives two files', async () => {
    const photo = await jpegBuffer(200, 150)
    const a = await upload('POST', '/media', { token: editor.token, file: { data: photo, name: 'same.jpg', type: 'image/jpeg' }, data: { alt: 'x' } })
    const b = await upload('POST', '/media', { token: editor.token, file: { data: photo, name: 'same.jpg', type: 'image/jpeg' }, data: { alt: 'x' } })
    expect(a.body.doc.filename).not.toBe(b.body.doc.filename)
    expect(storedFiles()).toEqual(expect.arrayContaining([a.body.doc.filename, b.body.doc.filename]))
  })
})

describe('serving', () => {
  test('images are served inline with their stored type and nosniff; PDFs and captions as attachments', async () => {
    const image = await upload('POST', '/media', {
      token: editor.token,
      file: { data: await jpegBuffer(500, 400), name: 'served.jpg', type: 'image/jpeg' },
      data: { alt: 'x', public: true },
    })
    const pdf = await upload('POST', '/media', {
      token: editor.token,
      file: { data: await pdfWith({ pages: 1 }), name: 'served.pdf', type: 'application/pdf' },
      data: { public: true },
    })
    const vtt = await upload('POST', '/media', {
      token: editor.token,
      file: { data: webvtt, name: 'served.vtt', type: 'text/plain' },
      data: { public: true },
    })
    for (const r of [image, pdf, vtt]) expect(r.status).toBe(201)

    const original = await fetchFile(image.body.doc.url)
    expect(original.status).toBe(200)
    expect(original.headers.get('content-type')).toBe('image/jpeg')
    expect(original.headers.get('x-content-type-options')).toBe('nosniff')
    expect(original.headers.get('content-disposition')).toBeNull()

    const card = await fetchFile(image.body.doc.sizes.card.url)
    expect(card.headers.get('content-type')).toBe('image/webp')
    expect(card.headers.get('x-content-type-options')).toBe('nosniff')

    const doc = await fetchFile(pdf.body.doc.url)
    expect(doc.status).toBe(200)
    expect(doc.headers.get('content-type')).toBe('application/pdf')
    expect(doc.headers.get('content-disposition')).toBe('attachment')
    expect(doc.headers.get('x-content-type-options')).toBe('nosniff')
    expect(doc.bytes.subarray(0, 5).toString()).toBe('%PDF-')

    const captions = await fetchFile(vtt.body.doc.url)
    expect(captions.headers.get('content-type')).toBe('text/vtt; charset=utf-8')
    expect(captions.headers.get('content-disposition')).toBe('attachment')
    expect(captions.bytes.toString()).toBe(webvtt.toString())

    // Seeking in a recording or document: byte ranges work.
    const part = await fetchFile(pdf.body.doc.url, { headers: { range: 'bytes=0-3' } })
    expect(part.status).toBe(206)
    expect(part.bytes.toString()).toBe('%PDF')
    expect(part.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
