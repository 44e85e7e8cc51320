/**
 * An upload cut off half-way (the reader closed the tab, the network dropped) leaves nothing
 * behind: no media document, no file in the media folder, no temporary file anywhere.
 * The multipart request goes through the real REST handler, its body stream failing mid-file.
 */
import { existsSync, readdirSync } from 'node:fs'
import os from 'node:os'
import config from '../../payload.config'
import { REST_POST } from '@payloadcms/next/routes'

import { mediaDir } from '../../platform/health'
import { createStaff } from '../helpers/fixtures'
import { jpegBuffer } from '../helpers/mediaFiles'
import { closePayload, testPayload } from '../helpers/payload'

afterAll(closePayload)

const post = REST_POST(config)
const list = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : [])

function multipart(boundary: string, file: Buffer) {
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${JSON.stringify({ alt: 'A picture that never arrives' })}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return Buffer.concat([head, file, tail])
}

/** A request whose body delivers the first half, then fails like a dropped connection. */
function interruptedRequest(token: string, body: Buffer, boundary: string) {
  const half = body.subarray(0, Math.floor(body.length / 2))
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(half))
      setTimeout(() => controller.error(new Error('socket hang up')), 20)
    },
  })
  return new Request('http://localhost:3000/api/media', {
    method: 'POST',
    headers: {
      Authorization: `JWT ${token}`,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': String(body.length),
    },
    body: stream,
    // @ts-expect-error Node's fetch needs this for a streamed request body.
    duplex: 'half',
  })
}

test('an upload interrupted half-way creates no document, no media file and no temporary file', async () => {
  const payload = await testPayload()
  const { editor } = await createStaff(payload)
  const dir = mediaDir(payload)
  const mediaBefore = list(dir)
  const tmpBefore = list(os.tmpdir())
  const cwdTmpBefore = list('tmp')
  const boundary = 'daleel-interrupted-upload'
  const body = multipart(boundary, await jpegBuffer(1600, 1200))

  const res = await Promise.race([
    post(interruptedRequest(editor.token, body, boundary), { params: Promise.resolve({ slug: ['media'] }) }).catch(
      (err: Error) => ({ status: 'threw', err }) as const,
    ),
    new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000)),
  ])
  // The server neither hangs nor reports success.
  expect(res).not.toBe('hung')
  if (res !== 'hung' && 'status' in res && typeof res.status === 'number') expect(res.status).toBeGreaterThanOrEqual(400)

  expect((await payload.count({ collection: 'media', overrideAccess: true })).totalDocs).toBe(0)
  expect(list(dir)).toEqual(mediaBefore)
  expect(list('tmp')).toEqual(cwdTmpBefore)
  // Other test files (and other checkouts' test runs on this machine) make their own daleel-… and
  // jest folders in the shared temp folder meanwhile; an upload's leftovers would be named otherwise.
  const newTmp = list(os.tmpdir()).filter((f) => !tmpBefore.includes(f) && !f.startsWith('daleel-') && !f.startsWith('jest'))
  expect(newTmp).toEqual([])
}, 30_000)

test('the same upload, sent whole, succeeds (so the failure above was the interruption)', async () => {
  const payload = await testPayload()
  const { editor } = await createStaff(payload)
  const boundary = 'daleel-whole-upload'
  const body = multipart(boundary, await jpegBuffer(1600, 1200))
  const res = await post(
    new Request('http://localhost:3000/api/media', {
      method: 'POST',
      headers: { Authorization: `JWT ${editor.token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body,
    }),
    { params: Promise.resolve({ slug: ['media'] }) },
  )
  expect(res.status).toBe(201)
  expect((await payload.count({ collection: 'media', overrideAccess: true })).totalDocs).toBe(1)
}, 30_000)
