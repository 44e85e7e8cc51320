import { isWebVTT, safeFilename } from '../../media/checkUpload'
import { mp4MovieDuration } from '../../media/extractMetadata'
import { isInlineType, kindOf, largestUpload, sizeLimit } from '../../media/policy'
import { mediaStoragePlugins } from '../../media/storage'
import { mp4Buffer } from '../helpers/mediaFiles'

test('safe filenames keep readable words, drop paths and odd characters, cap the length and add a unique suffix', () => {
  expect(safeFilename('../../Annual Report (2024).PDF', 'pdf')).toMatch(/^annual-report-2024-[0-9a-f]{8}\.pdf$/)
  expect(safeFilename('C:\\Users\\me\\photo.jpeg', 'jpg')).toMatch(/^photo-[0-9a-f]{8}\.jpg$/)
  expect(safeFilename('تقریر.jpg', 'jpg')).toMatch(/^تقریر-[0-9a-f]{8}\.jpg$/)
  expect(safeFilename('\u0000\u202e', 'png')).toMatch(/^file-[0-9a-f]{8}\.png$/)
  expect(safeFilename(`${'x'.repeat(500)}.jpg`, 'jpg').length).toBe(60 + 1 + 8 + 4)
  expect(safeFilename('a.jpg', 'jpg')).not.toBe(safeFilename('a.jpg', 'jpg'))
})

test('WebVTT is recognised by its first line only', () => {
  expect(isWebVTT(Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n'))).toBe(true)
  expect(isWebVTT(Buffer.from('\uFEFFWEBVTT - Statement\r\n'))).toBe(true)
  expect(isWebVTT(Buffer.from('WEBVTTX\n'))).toBe(false)
  expect(isWebVTT(Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nSRT\n'))).toBe(false)
  expect(isWebVTT(Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe]))).toBe(false) // not UTF-8
})

test('size limits come from the environment, with defaults', () => {
  const saved = process.env.MEDIA_MAX_VIDEO_MB
  delete process.env.MEDIA_MAX_VIDEO_MB
  expect(sizeLimit('video')).toBe(200 * 1024 * 1024)
  process.env.MEDIA_MAX_VIDEO_MB = '500'
  expect(sizeLimit('video')).toBe(500 * 1024 * 1024)
  expect(largestUpload()).toBe(500 * 1024 * 1024)
  process.env.MEDIA_MAX_VIDEO_MB = 'lots'
  expect(sizeLimit('video')).toBe(200 * 1024 * 1024)
  if (saved === undefined) delete process.env.MEDIA_MAX_VIDEO_MB
  else process.env.MEDIA_MAX_VIDEO_MB = saved
})

test('only images, audio and video are shown inline', () => {
  expect(isInlineType('image/webp')).toBe(true)
  expect(isInlineType('video/mp4')).toBe(true)
  expect(isInlineType('image/svg+xml')).toBe(false)
  expect(isInlineType('application/pdf')).toBe(false)
  expect(isInlineType('text/vtt')).toBe(false)
  expect(kindOf('audio/mpeg')).toBe('audio')
  expect(kindOf('text/html')).toBeUndefined()
})

test('an MP4 movie header gives the duration even without an audio track', () => {
  expect(mp4MovieDuration(mp4Buffer(61.5))).toBeCloseTo(61.5)
  expect(mp4MovieDuration(Buffer.from('not an mp4 at all'))).toBeUndefined()
})

test('S3 storage is used only when S3_BUCKET is set, and the schema is the same either way', async () => {
  const media = { slug: 'media', upload: { staticDir: '/tmp/x' }, fields: [{ name: 'alt', type: 'text' }] }
  const apply = async (env: Record<string, string>) => {
    let config: any = { collections: [structuredClone(media)] }
    for (const plugin of mediaStoragePlugins(env)) config = await plugin(config)
    return config.collections[0]
  }
  const local = await apply({})
  const s3 = await apply({ S3_BUCKET: 'media', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true' })
  const names = (c: any) => c.fields.map((f: any) => f.name).filter(Boolean).sort()
  // The same columns (the migration is generated without S3_BUCKET)…
  expect(names(s3)).toEqual(names(local))
  expect(names(local)).toContain('_objectKey')
  // …but only with a bucket do files leave the local folder.
  expect(local.upload.disableLocalStorage).toBeFalsy()
  expect(s3.upload.disableLocalStorage).toBe(true)
  expect(s3.upload.handlers?.length).toBeGreaterThan(0)
})
