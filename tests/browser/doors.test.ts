/**
 * The doors only the production server has (server.mjs in front of Next, on a real socket),
 * tried the way an outsider would, with plain HTTP requests:
 *
 * - class 3: who the caller is comes from the socket; X-Forwarded-For / X-Real-IP are believed
 *   only from the proxies named in TRUSTED_PROXIES (and a bad setting stops the server starting);
 * - class 4: the preview routes redirect only to this site, after the URL is normalised;
 * - class 2: Payload's method override is refused to the public through the real server too.
 *
 * The rate-limit checks run on servers of their own (a copy of this run's database), so the
 * shared test server's limits are left alone for the other browser tests.
 */
import { jest } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { BASE_URL } from '../helpers/browser'
import { freePort } from '../helpers/redis'
import { copyDatabase, startServer, stopServer, type Server } from '../helpers/server'

jest.setTimeout(240_000)

const sourceDb = process.env.DATABASE_URI || `file:${path.join(process.cwd(), 'data', 'browser-test.db')}`
const work = mkdtempSync(path.join(os.tmpdir(), 'daleel-doors-'))
const servers: Server[] = []

afterAll(async () => {
  await Promise.all(servers.map(stopServer))
  rmSync(work, { recursive: true, force: true })
})

async function serverWith(name: string, env: Record<string, string>): Promise<Server> {
  const db = path.join(work, `${name}.db`)
  await copyDatabase(sourceDb, db)
  const server = await startServer(await freePort(), {
    DATABASE_URI: `file:${db}`,
    MEDIA_DIR: path.join(work, `${name}-media`),
    API_RATE_LIMIT_ANONYMOUS: '20',
    API_RATE_LIMIT_LOGIN: '5',
    ...env,
  })
  servers.push(server)
  return server
}

const get = (base: string, p: string, headers: Record<string, string> = {}) => fetch(`${base}${p}`, { headers, redirect: 'manual' })
const badLogin = (base: string, headers: Record<string, string>) =>
  fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong' }),
  })

describe('proxy headers are believed only from TRUSTED_PROXIES', () => {
  test('without TRUSTED_PROXIES, every request from one socket shares one bucket, whatever it claims', async () => {
    const server = await serverWith('no-proxy', { TRUSTED_PROXIES: '' })
    const statuses: number[] = []
    for (let i = 0; i < 21; i++) {
      const claimed = `198.51.100.${i + 1}`
      const res = await get(server.url, '/api/topics?limit=1', { 'X-Forwarded-For': claimed, 'X-Real-IP': claimed, 'X-Daleel-Client-Address': claimed })
      statuses.push(res.status)
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200))
    expect(statuses[20]).toBe(429)
    // The login limit holds the same way.
    const logins: number[] = []
    for (let i = 0; i < 6; i++) logins.push((await badLogin(server.url, { 'X-Forwarded-For': `198.51.100.${100 + i}` })).status)
    expect(logins).toEqual([401, 401, 401, 401, 401, 429])
  })

  test('behind a trusted proxy, the address it forwards is the caller (the rightmost untrusted hop)', async () => {
    const server = await serverWith('proxy', { TRUSTED_PROXIES: '127.0.0.1, ::1' })
    // Different callers behind the proxy have their own buckets…
    for (let i = 0; i < 25; i++) {
      expect((await get(server.url, '/api/topics?limit=1', { 'X-Forwarded-For': `198.51.100.${i + 1}` })).status).toBe(200)
    }
    // …and a caller cannot escape its own by prepending addresses: the proxy appended the real one last.
    const statuses: number[] = []
    for (let i = 0; i < 21; i++) {
      statuses.push((await get(server.url, '/api/topics?limit=1', { 'X-Forwarded-For': `10.${i}.0.1, 203.0.113.7` })).status)
    }
    expect(statuses[20]).toBe(429)
    expect((await get(server.url, '/api/topics?limit=1', { 'X-Forwarded-For': '203.0.113.8' })).status).toBe(200)
  })

  test('IPv6 callers share one bucket per /64, also for answers the front server gives from its cache', async () => {
    const server = await serverWith('proxy-v6', { TRUSTED_PROXIES: '127.0.0.1, ::1' })
    // Twenty-one addresses of one /64 (what one home or phone network hands a single customer).
    const statuses: number[] = []
    const caches: (string | null)[] = []
    for (let i = 0; i < 21; i++) {
      const res = await get(server.url, '/api/topics?limit=1', { 'X-Forwarded-For': `2001:db8:1:2::${(i + 1).toString(16)}` })
      statuses.push(res.status)
      caches.push(res.headers.get('x-daleel-api-cache'))
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200))
    // The same address asked again: answered from the front server's cache, limits and all.
    expect(caches.slice(1, 20)).toContain('HIT')
    expect(statuses[20]).toBe(429)
    // The next /64 is someone else.
    expect((await get(server.url, '/api/topics?limit=1', { 'X-Forwarded-For': '2001:db8:1:3::1' })).status).toBe(200)
  })

  test('a TRUSTED_PROXIES entry that is not an address stops the server from starting, saying why', async () => {
    const port = await freePort()
    const child = spawn('node', ['server.mjs'], {
      env: { ...process.env, NODE_ENV: 'production', PORT: String(port), TRUSTED_PROXIES: '10.0.0.1, the-load-balancer', DALEEL_JOBS: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout?.on('data', (d) => (output += d))
    child.stderr?.on('data', (d) => (output += d))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).not.toBe(0)
    expect(output).toContain('TRUSTED_PROXIES')
    expect(output).toContain('the-load-balancer')
  })
})

describe('redirects stay on this site after normalisation', () => {
  const escapes = ['/.//evil.example', '/..//evil.example', '/././/evil.example/x', '/%2e//evil.example', '//evil.example', '/\\evil.example', '/\t/evil.example', 'https://evil.example/']

  test.each(escapes)('/next/exit-preview?path=%s stays on this site', async (target) => {
    const res = await get(BASE_URL, `/next/exit-preview?path=${encodeURIComponent(target)}`)
    expect([302, 303, 307, 308]).toContain(res.status)
    const location = new URL(res.headers.get('location') ?? '', BASE_URL)
    expect(location.origin).toBe(new URL(BASE_URL).origin)
    expect(res.headers.get('location')).not.toMatch(/^\s*(\/\/|\\|https?:)/i)
  })

  test('an ordinary path is kept', async () => {
    const res = await get(BASE_URL, `/next/exit-preview?path=${encodeURIComponent('/statements?page=2')}`)
    expect(res.headers.get('location')).toBe('/statements?page=2')
  })
})

test('method override is refused to the public through the production server', async () => {
  const res = await fetch(`${BASE_URL}/api/topics`, {
    method: 'POST',
    headers: { 'X-HTTP-Method-Override': 'GET', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'limit=0&pagination=false&trash=true',
  })
  expect(res.status).toBe(400)
})

test('Payload’s Open Graph image renderer (/api/og) draws nothing for strangers', async () => {
  const res = await fetch(`${BASE_URL}/api/og?title=${'x'.repeat(90)}&description=${'y'.repeat(3000)}`)
  expect(res.headers.get('content-type') ?? '').not.toContain('image/')
  expect(res.status).toBeGreaterThanOrEqual(400)
  expect(res.status).toBeLessThan(500)
})

test('/api/health answers through the production server and never says more than ok/failed (and how many refreshes are owed)', async () => {
  const res = await fetch(`${BASE_URL}/api/health`)
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ status: 'ok', checks: { database: 'ok', storage: 'ok' }, changes: { pending: expect.any(Number), failed: expect.any(Number) } })
})
