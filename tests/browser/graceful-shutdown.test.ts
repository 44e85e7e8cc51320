/**
 * Graceful shutdown of the production server: on SIGTERM, server.mjs stops accepting new
 * connections but finishes the requests already in flight, then exits. Here an upload is still
 * being sent when the signal arrives; it completes (201, the file is stored), and only then does
 * the server exit, with 143 (terminated by SIGTERM, handled).
 */
import { jest } from '@jest/globals'
import http from 'node:http'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'

import { adminApiToken } from '../helpers/browser'
import { freePort } from '../helpers/redis'
import { copyDatabase, startServer, stopServer, type Server } from '../helpers/server'

// Starting servers and browsers takes a while on a shared 2-core machine.
jest.setTimeout(180_000)

const sourceDb = process.env.DATABASE_URI || `file:${path.join(process.cwd(), 'data', 'browser-test.db')}`
const work = mkdtempSync(path.join(os.tmpdir(), 'daleel-shutdown-'))
const mediaDir = path.join(work, 'media')
let server: Server

beforeAll(async () => {
  await copyDatabase(sourceDb, path.join(work, 'db.sqlite'))
  server = await startServer(await freePort(), { DATABASE_URI: `file:${path.join(work, 'db.sqlite')}`, MEDIA_DIR: mediaDir })
})
afterAll(async () => {
  if (server) await stopServer(server)
  rmSync(work, { recursive: true, force: true })
})

test('an upload in flight when SIGTERM arrives completes, then the server exits cleanly', async () => {
  const token = await adminApiToken(server.url)
  const image = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 20, g: 120, b: 80 } } }).jpeg().toBuffer()
  const boundary = 'daleel-shutdown'
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"alt":"Sent during shutdown"}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="during-shutdown.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    image,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])

  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      `${server.url}/api/media`,
      {
        method: 'POST',
        headers: {
          Authorization: `JWT ${token}`,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(body.length),
        },
      },
      (res) => {
        let text = ''
        res.on('data', (d) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      },
    )
    req.on('error', reject)
    // First half now; SIGTERM; the rest two seconds later.
    req.write(body.subarray(0, body.length / 2))
    setTimeout(() => req.end(body.subarray(body.length / 2)), 2000)
  })
  await new Promise((r) => setTimeout(r, 500))
  const exited = stopServer(server)

  // While it drains, the server takes no new connections.
  await new Promise((r) => setTimeout(r, 500))
  await expect(fetch(`${server.url}/api/health`)).rejects.toThrow()

  const res = await response
  expect(res.status).toBe(201)
  expect(JSON.parse(res.text).doc.filename).toMatch(/^during-shutdown/)
  expect(existsSync(mediaDir) && readdirSync(mediaDir).some((f) => f.startsWith('during-shutdown'))).toBe(true)
  expect(await exited).toEqual({ code: 143, signal: null })
})
