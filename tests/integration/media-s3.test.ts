/**
 * Media in an S3-compatible store (S3_BUCKET: the documented path to several servers), exercised
 * against a real S3 server on loopback (s3rver, started here): uploads with every image size land
 * in the bucket and nowhere on disk, readers get public items through /api/media/file/… and are
 * refused the rest, replacing and deleting clean the bucket up, media:check compares the library
 * with the bucket, and a backup restored into an empty instance finds its files in the bucket.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PutObjectCommand, DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { createClient } from '@libsql/client'
import type { Payload } from 'payload'

import { startS3, type S3Server } from '../helpers/s3'

let s3: S3Server
let payload: Payload
let h: {
  rest: typeof import('../helpers/rest')
  fixtures: typeof import('../helpers/fixtures')
  files: typeof import('../helpers/mediaFiles')
  close: () => Promise<void>
}
const bucket = `daleel-media-${process.pid}`
const localDir = () => process.env.MEDIA_DIR as string

beforeAll(async () => {
  s3 = await startS3()
  await s3.createBucket(bucket)
  // Before anything loads the Payload config: the storage adapter is chosen when it is built.
  Object.assign(process.env, s3.env(bucket))
  const { testPayload, closePayload } = await import('../helpers/payload')
  h = { rest: await import('../helpers/rest'), fixtures: await import('../helpers/fixtures'), files: await import('../helpers/mediaFiles'), close: closePayload }
  payload = await testPayload()
}, 300_000)

afterAll(async () => {
  await h?.close()
  await s3?.stop()
  for (const k of Object.keys(s3?.env(bucket) ?? {})) delete process.env[k]
})

const storedNames = (doc: any): string[] => [doc.filename, ...Object.values<any>(doc.sizes ?? {}).map((s) => s?.filename)].filter(Boolean)

async function newImage(data: Record<string, unknown> = {}, width = 1600, height = 1000) {
  const photo = await h.files.jpegBuffer(width, height)
  return (await payload.create({
    collection: 'media',
    data: { alt: 'A photograph for the S3 test', ...data },
    file: { data: photo, mimetype: 'image/jpeg', name: 'conference.jpg', size: photo.length },
    overrideAccess: true,
  })) as any
}

test('an uploaded image and every one of its sizes are stored in the bucket, and nothing on local disk', async () => {
  const image = await newImage({ public: true })
  const sizes = Object.entries<any>(image.sizes ?? {}).filter(([, s]) => s?.filename)
  expect(sizes.map(([name]) => name).sort()).toEqual(expect.arrayContaining(['card', 'hero', 'social', 'thumbnail']))
  const keys = await s3.keys(bucket)
  for (const name of storedNames(image)) expect(keys).toContain(name)
  expect(existsSync(localDir()) ? readdirSync(localDir()) : []).toEqual([])
  // The health check looks at the bucket, not a folder.
  const { healthReport } = await import('../../platform/health')
  expect(await healthReport(payload)).toMatchObject({ status: 'ok', checks: { storage: 'ok' } })
})

test('readers get a public item and its sizes from the bucket through /api/media/file/…, byte for byte', async () => {
  const image = await newImage({ public: true })
  const original = await h.rest.fetchFile(image.url)
  expect(original.status).toBe(200)
  expect(original.headers.get('content-type')).toBe('image/jpeg')
  expect(original.bytes.length).toBe(image.filesize)
  const card = await h.rest.fetchFile(image.sizes.card.url)
  expect(card.status).toBe(200)
  expect(card.bytes.length).toBe(image.sizes.card.filesize)
})

test('an item no published content uses and not marked public is refused to readers, though it is in the bucket', async () => {
  const image = await newImage()
  expect(await s3.keys(bucket)).toContain(image.filename)
  expect((await h.rest.fetchFile(image.url)).status).toBeGreaterThanOrEqual(400)
  expect((await h.rest.fetchFile(image.sizes.card.url)).status).toBeGreaterThanOrEqual(400)
  expect((await h.rest.rest('GET', `/media/${image.id}`)).status).toBeGreaterThanOrEqual(400)
  // Staff still get it.
  const staff = await h.fixtures.createStaff(payload)
  expect((await h.rest.fetchFile(image.url, { token: staff.editor.token })).status).toBe(200)
})

test('replacing the file stores the new one with all its sizes and removes the old objects', async () => {
  const staff = await h.fixtures.createStaff(payload)
  const image = await newImage({ public: true })
  const before = storedNames(image)
  const replacement = await h.files.jpegBuffer(1400, 900)
  const res = await h.rest.upload('PATCH', `/media/${image.id}`, {
    token: staff.editor.token,
    file: { data: replacement, name: 'replacement.jpg', type: 'image/jpeg' },
    data: { alt: 'A replacement photograph' },
  })
  expect(res.status).toBe(200)
  const after = storedNames(res.body.doc)
  expect(res.body.doc.filename).toMatch(/^replacement/)
  const keys = await s3.keys(bucket)
  for (const name of after) expect(keys).toContain(name)
  for (const name of before) expect(keys).not.toContain(name)
  const served = await h.rest.fetchFile(res.body.doc.url)
  expect(served.status).toBe(200)
  expect(served.bytes.length).toBe(res.body.doc.filesize)
})

test('deleting an item removes the file and every size from the bucket', async () => {
  const image = await newImage()
  const names = storedNames(image)
  await payload.delete({ collection: 'media', id: image.id, overrideAccess: true })
  const keys = await s3.keys(bucket)
  for (const name of names) expect(keys).not.toContain(name)
})

test('media:check compares the library with the bucket: unreferenced objects (removed with --fix) and missing ones', async () => {
  const { checkMediaFiles, formatMediaCheck } = await import('../../media/check')
  const client = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } })
  try {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'left-behind.jpg', Body: Buffer.from('not referenced'), ContentType: 'image/jpeg' }))
    const broken = await newImage()
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: broken.sizes.card.filename }))

    const report = await checkMediaFiles(payload)
    expect(report.storage).toBe('s3')
    expect(report.directory).toBe(`s3://${bucket}`)
    expect(report.orphans).toEqual([{ file: 'left-behind.jpg', bytes: 'not referenced'.length }])
    expect(report.missing).toEqual([{ id: broken.id, filename: broken.filename, file: broken.sizes.card.filename, size: 'card' }])
    expect(formatMediaCheck(report)).toContain(`in s3://${bucket}`)

    const fixed = await checkMediaFiles(payload, { fix: true })
    expect(fixed.removed).toEqual(['left-behind.jpg'])
    expect(await s3.keys(bucket)).not.toContain('left-behind.jpg')
    expect(await s3.keys(bucket)).toContain(broken.filename) // --fix never touches documents' files
    await payload.delete({ collection: 'media', id: broken.id, overrideAccess: true })
  } finally {
    client.destroy()
  }
})

test('a backup restored into an empty instance on the same bucket finds every file its library names', async () => {
  const { createBackup, restoreBackup } = await import('../../platform/backup')
  const image = await newImage({ public: true })
  const out = mkdtempSync(path.join(os.tmpdir(), 'daleel-s3-backup-'))
  const source = { databaseUri: process.env.DATABASE_URI as string, mediaDir: localDir(), s3Bucket: bucket }
  const archive = await createBackup(source, out)
  const fresh = mkdtempSync(path.join(os.tmpdir(), 'daleel-s3-restored-'))
  const target = { databaseUri: `file:${path.join(fresh, 'restored.db')}`, mediaDir: path.join(fresh, 'media'), s3Bucket: bucket }
  const manifest = await restoreBackup(archive, target)
  // The archive holds the database; the files stay in the bucket (the store's own versioning or
  // replication backs them up: docs/deployment.md).
  expect(manifest.media.stored).toBe('s3')
  const client = createClient({ url: target.databaseUri })
  try {
    const rows = await client.execute('SELECT filename FROM media')
    const filenames = rows.rows.map((r) => String(r.filename))
    expect(filenames).toContain(image.filename)
    const keys = await s3.keys(bucket)
    for (const f of filenames) expect(keys).toContain(f)
  } finally {
    client.close()
  }
})
