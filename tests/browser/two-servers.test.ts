/**
 * Several servers, proven on one machine: two `next start` processes (A and B) on one SQLite
 * database in WAL mode and one media folder, sharing the Next.js cache through Redis (REDIS_URL).
 * A page rendered by one is served from the cache by the other, and a publish through A is fresh
 * on B at its very next request.
 *
 * Runs in the browser phase because it needs the production build scripts/test-browser.mjs makes
 * (it reuses that build, and works on a copy of that run's database so other tests are unaffected).
 * Redis is Debian's redis-server, started here on a free loopback port.
 */
import { jest } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { Redis } from 'ioredis'

import { statement } from '../../seed/content'
import { adminApiToken } from '../helpers/browser'
import { eventually, queueSchedule } from '../helpers/schedule'
import { freePort, startRedis, type RedisServer } from '../helpers/redis'
import { copyDatabase, startServer, stopServer, type Server } from '../helpers/server'

// Starting servers and browsers takes a while on a shared 2-core machine.
jest.setTimeout(240_000)

const sourceDb = process.env.DATABASE_URI || `file:${path.join(process.cwd(), 'data', 'browser-test.db')}`
const work = mkdtempSync(path.join(os.tmpdir(), 'daleel-two-servers-'))
const dbFile = path.join(work, 'shared.db')
const mediaDir = path.join(work, 'media')

let redis: RedisServer
const servers: Server[] = []

let A: string
let B: string

beforeAll(async () => {
  // A consistent copy of this run's seeded database; both servers open it in WAL mode.
  await copyDatabase(sourceDb, dbFile)
  redis = await startRedis()
  const env = { DATABASE_URI: `file:${dbFile}`, MEDIA_DIR: mediaDir, REDIS_URL: redis.url, REDIS_CACHE_PREFIX: `two-servers:${process.pid}:` }
  // One after the other: both migrate on start, and two cold starts at once only cost time.
  // A runs the jobs (scheduled publishing); B only serves.
  servers.push(await startServer(await freePort(), { ...env, DALEEL_JOBS: 'on' }))
  servers.push(await startServer(await freePort(), env))
  ;[A, B] = servers.map((s) => s.url)
  // Each server connects to Redis on its first cached request (until then it renders without
  // the cache): one request each, then a moment for the connections to come up.
  await Promise.all(servers.map((s) => fetch(`${s.url}/topics`).then((r) => r.text())))
  await new Promise((r) => setTimeout(r, 1000))
})

afterAll(async () => {
  await Promise.all(servers.map(stopServer))
  await redis?.stop()
  rmSync(work, { recursive: true, force: true })
})

const pagePath = `/statements/${statement.slug}`

async function get(base: string, p: string) {
  const res = await fetch(`${base}${p}`)
  return {
    status: res.status,
    cache: res.headers.get('x-nextjs-cache'),
    pageCache: res.headers.get('x-daleel-page-cache'),
    html: await res.text(),
  }
}

test('the database is in WAL mode, shared by both servers', async () => {
  const client = createClient({ url: `file:${dbFile}` })
  const mode = await client.execute('PRAGMA journal_mode')
  client.close()
  expect(String(mode.rows[0].journal_mode)).toBe('wal')
})

test('a page rendered by server B is stored in Redis and served to readers of server A from there', async () => {
  const first = await get(B, pagePath)
  expect(first.status).toBe(200)
  expect(first.html).toContain(statement.title)
  // B's repeat comes from B's own page cache (server.mjs), in front of Next.
  const again = await get(B, pagePath)
  expect(again.pageCache).toBe('HIT')
  // The rendered page lives in Redis (not only in B's memory or .next folder)…
  const client = new Redis(redis.url)
  const keys = await client.keys(`two-servers:${process.pid}:*entry:*${statement.slug}*`)
  client.disconnect()
  expect(keys.length).toBeGreaterThan(0)
  // …and A, which has not seen the page, serves it from there (its page cache is empty, so this
  // request reaches A's Next, which finds it in Redis).
  const fromA = await get(A, pagePath)
  expect(fromA.status).toBe(200)
  expect(fromA.pageCache).toBeNull()
  expect(fromA.cache).toBe('HIT')
  expect(fromA.html).toContain(statement.title)
})

test('a publish through server A is fresh on server B at the next request', async () => {
  const token = await adminApiToken(A)
  const auth = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }

  const found = await fetch(`${A}/api/statements?where[slug][equals]=${statement.slug}&depth=0&locale=en`, { headers: auth })
  const { docs } = (await found.json()) as { docs: Array<{ id: number | string }> }
  expect(docs).toHaveLength(1)

  const newTitle = `${statement.title} (updated ${Date.now()})`
  const saved = await fetch(`${A}/api/statements/${docs[0].id}?locale=en`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ title: newTitle, _status: 'published' }),
  })
  expect(saved.status).toBe(200)

  const onB = await get(B, pagePath)
  expect(onB.status).toBe(200)
  expect(onB.html).toContain(newTitle)
  const onA = await get(A, pagePath)
  expect(onA.html).toContain(newTitle)
})

test("a scheduled unpublish run by server A's jobs runner (outside any request) takes the page down on server B too, in both languages and every list", async () => {
  const token = await adminApiToken(A)
  const auth = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
  const org = await (await fetch(`${A}/api/organisations?limit=1`, { headers: auth })).json()
  const title = `Embargoed statement ${Date.now()}`
  const created = await fetch(`${A}/api/statements`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ title, statementType: 'press-release', speakerName: 'Two servers', issuingOrganisation: org.docs[0].id, deliveredOn: '2026-11-02T12:00:00.000Z', _status: 'published' }),
  })
  expect(created.status).toBe(201)
  const { id, slug } = (await created.json()).doc
  const paths = [`/statements/${slug}`, `/ur/statements/${slug}`]
  // B has the page in its page cache, and so in Redis.
  for (const p of paths) {
    await get(B, p)
    expect((await get(B, p)).pageCache).toBe('HIT')
  }
  expect((await get(B, '/statements/feed.xml')).html).toContain(slug)

  queueSchedule(`file:${dbFile}`, 'statements', id, 'unpublish')
  await eventually(async () => (await get(B, paths[0])).status === 404, 75_000)
  expect((await get(B, paths[1])).status).toBe(404)
  expect((await get(A, paths[0])).status).toBe(404)
  for (const p of ['/statements', '/statements/feed.xml', '/sitemap.xml']) {
    expect({ p, gone: !(await get(B, p)).html.includes(slug) }).toEqual({ p, gone: true })
  }
}, 180_000)
