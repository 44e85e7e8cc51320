/**
 * /api/health is what a load balancer asks before sending readers to this server: 200 when the
 * database and media store answer, 503 naming the failed check otherwise, and never a path or
 * secret in the body.
 */
import { rmSync, writeFileSync } from 'node:fs'

import { GET } from '../../app/(payload)/api/health/route'
import { mediaDir } from '../../platform/health'
import { closePayload, testPayload } from '../helpers/payload'

afterAll(closePayload)

async function health() {
  const res = await GET()
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) }
}

test('a healthy server answers 200 with every check ok, uncached, as UTF-8 JSON', async () => {
  await testPayload()
  const res = await health()
  expect(res.status).toBe(200)
  expect(res.body).toEqual({ status: 'ok', checks: { database: 'ok', storage: 'ok' }, changes: { pending: 0, failed: 0 } })
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(res.headers.get('cache-control')).toBe('no-store')
})

test('an unwritable media store answers 503 naming storage, without revealing the path', async () => {
  const payload = await testPayload()
  const dir = mediaDir(payload)
  // A file where the media folder should be: nothing can be written there.
  rmSync(dir, { recursive: true, force: true })
  writeFileSync(dir, 'not a folder')
  try {
    const res = await health()
    expect(res.status).toBe(503)
    expect(res.body).toEqual({ status: 'failed', checks: { database: 'ok', storage: 'failed' }, changes: { pending: 0, failed: 0 } })
    expect(res.text).not.toContain(dir)
    expect(res.text).not.toMatch(/ENOTDIR|EEXIST|\/tmp/)
  } finally {
    rmSync(dir, { force: true })
  }
  expect((await health()).status).toBe(200)
})

test('a lost database answers 503 naming the database', async () => {
  const payload = await testPayload()
  const secret = process.env.PAYLOAD_SECRET as string
  await payload.db.destroy?.()
  const res = await health()
  expect(res.status).toBe(503)
  expect(res.body.status).toBe('failed')
  expect(res.body.checks.database).toBe('failed')
  expect(res.text).not.toContain(secret)
  expect(res.text).not.toContain(String(process.env.DATABASE_URI))
})
