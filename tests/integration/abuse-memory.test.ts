/**
 * Abuse suite, class 8: nothing a stranger sends makes the server hold unbounded memory, do work
 * it should refuse first, or skip its own work.
 *
 * - the API response cache is bounded by bytes (a thousand different 1 MB answers held a gigabyte);
 * - the jobs runner's answer to a cron is never cached and replayed (the next cron call would
 *   then run nothing, and the public would be served the cron's answer);
 * - uploads and oversized bodies from callers who are not staff are refused before the body is read;
 * - /api/health writes nothing (it wrote a probe file on every anonymous call) and concurrent
 *   calls share one check;
 * - Payload's Open Graph image renderer (/api/og: a 1200x630 PNG drawn per request from query
 *   text) is off: the admin is not shared on social media.
 */
import { watch } from 'node:fs'
import { mkdirSync } from 'node:fs'
import type { Payload } from 'payload'

import { GET as health } from '../../app/(payload)/api/health/route'
import { apiCacheBytes } from '../../partner-api/cache'
import { mediaDir } from '../../platform/health'
import { createStaff, makeTopic, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api } from '../helpers/rest'

process.env.API_RATE_LIMIT_ANONYMOUS = '1000000'
process.env.API_CACHE_MAX_MB = '1'
process.env.CRON_SECRET = 'cron-secret-for-tests-0123456789abcdef'

let payload: Payload
let admin: StaffMember

beforeAll(async () => {
  payload = await testPayload()
  ;({ admin } = await createStaff(payload))
  // About 40 KB per topic: a page of 20 is ~800 KB of JSON, so the 1 MB cache holds one page.
  for (let i = 0; i < 20; i++) await makeTopic(payload, { description: `${'Justice sector reform. '.repeat(1600)}${i}` })
}, 180_000)
afterAll(closePayload)

test('the API response cache holds at most API_CACHE_MAX_MB, dropping the least recently used', async () => {
  const page = (n: number) => api('GET', `/topics?limit=20&sort=name&cachebuster=${n}`)
  const first = await page(1)
  expect(first.status).toBe(200)
  expect(JSON.stringify(first.body).length).toBeGreaterThan(600_000)
  expect(first.headers.get('X-Daleel-API-Cache')).toBe('MISS')
  expect((await page(1)).headers.get('X-Daleel-API-Cache')).toBe('HIT')
  for (let n = 2; n <= 8; n++) {
    expect((await page(n)).headers.get('X-Daleel-API-Cache')).toBe('MISS')
    expect(apiCacheBytes()).toBeLessThanOrEqual(1024 * 1024)
  }
  // The first answer had to make room.
  expect((await page(1)).headers.get('X-Daleel-API-Cache')).toBe('MISS')
  expect(apiCacheBytes()).toBeGreaterThan(0)
})

describe('the jobs runner (a cron with CRON_SECRET)', () => {
  const cron = { headers: { Authorization: `Bearer ${process.env.CRON_SECRET}` } }

  test('its answer is never cached: the public is not served it, and every cron call runs the queue', async () => {
    const ran = await api('GET', '/payload-jobs/run', cron)
    expect(ran.status).toBe(200)
    expect(ran.headers.get('Cache-Control') ?? '').not.toMatch(/public|max-age=[1-9]/)
    // Without the secret: refused, not the cron's cached answer.
    const stranger = await api('GET', '/payload-jobs/run')
    expect(stranger.status).toBeGreaterThanOrEqual(400)
    expect(stranger.status).toBeLessThan(500)
    // A job queued now is run by the very next cron call.
    const job = await payload.jobs.queue({ task: 'deliverWebhook', input: { deliveryId: 'no-such-delivery' } } as any)
    expect((await api('GET', '/payload-jobs/run', cron)).status).toBe(200)
    // Payload deletes a job once it has completed.
    const after = (await payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true, disableErrors: true })) as any
    expect(after === null || Boolean(after.completedAt)).toBe(true)
  })
})

/** A body that counts how much of it anyone has read: `size` bytes in 64 KB chunks, made on demand. */
function countingBody(size: number, first = '') {
  let sent = 0
  const chunk = new Uint8Array(64 * 1024).fill(0x61)
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0 && first) {
        const head = new TextEncoder().encode(first)
        sent += head.byteLength
        controller.enqueue(head)
        return
      }
      if (sent >= size) return controller.close()
      sent += chunk.byteLength
      controller.enqueue(chunk)
    },
  })
  return { stream, read: () => sent }
}

describe('bodies from callers who are not staff', () => {
  test('an anonymous upload (multipart) is refused before its body is read', async () => {
    const boundary = 'xxBOUNDARYxx'
    const body = countingBody(20 * 1024 * 1024, `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n`)
    const res = await api('POST', '/media', { rawBody: body.stream, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } })
    expect(res.status).toBe(403)
    expect(body.read()).toBeLessThan(1024 * 1024)
  })

  test('an anonymous body larger than 64 KB (sign-in, GraphQL, any write) is refused with 413 without reading it all', async () => {
    for (const path of ['/users/login', '/graphql', '/statements']) {
      const body = countingBody(8 * 1024 * 1024, '{"email":"')
      const res = await api('POST', path, { rawBody: body.stream, headers: { 'Content-Type': 'application/json' } })
      expect({ path, status: res.status }).toEqual({ path, status: 413 })
      expect(body.read()).toBeLessThan(1024 * 1024)
    }
    // Declared too large: refused without reading a byte.
    const declared = countingBody(1024, 'x')
    const res = await api('POST', '/users/login', { rawBody: declared.stream, headers: { 'Content-Type': 'application/json', 'Content-Length': String(10 * 1024 * 1024) } })
    expect(res.status).toBe(413)
  })

  test('staff uploads and ordinary sign-ins are unaffected', async () => {
    expect((await api('POST', '/users/login', { body: { email: admin.email, password: admin.password } })).status).toBe(200)
    // The admin's sign-in form, as Payload sends it: multipart with the fields as JSON in `_payload`.
    const boundary = 'xxSIGNINxx'
    const form = `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${JSON.stringify({ email: admin.email, password: admin.password })}\r\n--${boundary}--\r\n`
    const signIn = await api('POST', '/users/login', { rawBody: form, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } })
    expect(signIn.status).toBe(200)
    // …and a multipart body that is not a small form is bounded like any other.
    const big = countingBody(8 * 1024 * 1024, `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n`)
    const refused = await api('POST', '/users/login', { rawBody: big.stream, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } })
    expect(refused.status).toBe(413)
    expect(big.read()).toBeLessThan(1024 * 1024)
  })
})

test('/api/health writes nothing to the media folder, however often it is called', async () => {
  const dir = mediaDir(payload)
  mkdirSync(dir, { recursive: true })
  const events: string[] = []
  const watcher = watch(dir, (event, name) => events.push(`${event} ${name}`))
  try {
    const answers = await Promise.all(Array.from({ length: 25 }, () => health()))
    for (let i = 0; i < 25; i++) answers.push(await health())
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(200))
    await new Promise((r) => setTimeout(r, 300))
  } finally {
    watcher.close()
  }
  expect(events).toEqual([])
})

test('/api/og (Payload’s image renderer for the admin) draws nothing for strangers', async () => {
  const res = await api('GET', `/og?title=${'x'.repeat(90)}&description=${'y'.repeat(5000)}`)
  expect(res.status).toBeGreaterThanOrEqual(400)
  expect(res.status).toBeLessThan(500)
  expect(res.headers.get('content-type') ?? '').not.toContain('image/')
})
