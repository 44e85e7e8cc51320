/**
 * A picture kept in an S3-compatible store (S3_BUCKET) shows on a public page in a reader's
 * browser. The page's Content-Security-Policy allows images from our own origin only (img-src
 * 'self'): that holds because the server streams bucket files through /api/media/file/… (read
 * access and our headers apply); a page pointing the browser at the bucket would be blocked.
 *
 * A production server (server.mjs on this run's build) with a copy of this run's database, its
 * media in a real S3 server on loopback (s3rver, started here), and Debian's Chromium as the reader.
 */
import { jest } from '@jest/globals'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import type { Browser } from 'playwright-core'

import { adminApiToken, launchBrowser } from '../helpers/browser'
import { freePort } from '../helpers/redis'
import { startS3, type S3Server } from '../helpers/s3'
import { copyDatabase, startServer, stopServer, type Server } from '../helpers/server'

jest.setTimeout(240_000)

const sourceDb = process.env.DATABASE_URI || `file:${path.join(process.cwd(), 'data', 'browser-test.db')}`
const work = mkdtempSync(path.join(os.tmpdir(), 'daleel-s3-images-'))
const mediaDir = path.join(work, 'media')
const bucket = 'daleel-browser-media'
const stamp = Date.now().toString(36)
const alt = `Delegates at the consultation (${stamp})`
const program = { title: `Community paralegals ${stamp}`, slug: `community-paralegals-${stamp}` }

let s3: S3Server
let server: Server
let browser: Browser
let token: string
let upload: any

beforeAll(async () => {
  await copyDatabase(sourceDb, path.join(work, 'site.db'))
  s3 = await startS3()
  await s3.createBucket(bucket)
  server = await startServer(await freePort(), { DATABASE_URI: `file:${path.join(work, 'site.db')}`, MEDIA_DIR: mediaDir, ...s3.env(bucket) })
  token = await adminApiToken(server.url)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  if (server) await stopServer(server)
  await s3?.stop()
  rmSync(work, { recursive: true, force: true })
})

test('an image uploaded through the API is stored in the bucket, every size, and nothing on the server\'s disk', async () => {
  const photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 20, g: 110, b: 90 } } }).jpeg().toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'consultation.jpg')
  form.append('_payload', JSON.stringify({ alt }))
  const res = await fetch(`${server.url}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form })
  expect(res.status).toBe(201)
  upload = (await res.json()).doc
  const keys = await s3.keys(bucket)
  expect(keys).toContain(upload.filename)
  for (const size of Object.values<any>(upload.sizes)) if (size?.filename) expect(keys).toContain(size.filename)
  expect(existsSync(mediaDir) ? readdirSync(mediaDir) : []).toEqual([])
  // Served from our origin, not a bucket address.
  expect(upload.url).toMatch(/^(\/|http:\/\/localhost:\d+\/)api\/media\/file\//)
})

test('a reader\'s browser shows it on a public page: loaded from our origin, allowed by the CSP, decoded', async () => {
  const res = await fetch(`${server.url}/api/programs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({ ...program, heroImage: upload.id, _status: 'published' }),
  })
  expect(res.status).toBe(201)

  const context = await browser.newContext({ baseURL: server.url })
  const page = await context.newPage()
  const refused: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to load/i.test(m.text())) refused.push(m.text())
  })
  const images: { url: string; status: number }[] = []
  page.on('response', (r) => {
    if (r.request().resourceType() === 'image') images.push({ url: r.url(), status: r.status() })
  })
  const response = await page.goto(`/programs/${program.slug}`, { waitUntil: 'load' })
  expect(response?.status()).toBe(200)
  expect(response?.headers()['content-security-policy']).toMatch(/img-src 'self'/)
  const img = page.locator(`img[alt="${alt}"]`).first()
  await img.waitFor()
  await page.waitForFunction((a) => {
    const el = document.querySelector(`img[alt="${a}"]`) as HTMLImageElement | null
    return Boolean(el && el.complete)
  }, alt)
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0)
  const ours = images.filter((i) => i.url.includes(upload.filename.replace(/\.jpe?g$/, '')))
  expect(ours.length).toBeGreaterThan(0)
  for (const i of ours) {
    expect(new URL(i.url).origin).toBe(new URL(server.url).origin)
    expect(i.status).toBe(200)
  }
  expect(refused).toEqual([])
  await context.close()
})
