/**
 * The Redis cache handler (platform/redis-cache-handler.mjs) as two app servers see it: each server
 * builds its own handler; a page one server stored is served by the other, and a revalidation
 * (publish) recorded by either makes both render afresh. Runs against a real redis-server.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startRedis, type RedisServer } from '../helpers/redis'

let redis: RedisServer
let Handler: any
let codec: { encode: (v: unknown) => unknown; decode: (v: unknown) => unknown; invalidatedSince: (s: any[], t: number, now?: number) => boolean }

// Two "servers" built from the same build (same BUILD_ID), as Next constructs them.
const dist = mkdtempSync(path.join(os.tmpdir(), 'daleel-next-'))
mkdirSync(path.join(dist, 'server'))
writeFileSync(path.join(dist, 'BUILD_ID'), 'build-1')
const ctx = { serverDistDir: path.join(dist, 'server'), revalidatedTags: [], _requestHeaders: {} }

const page = (title: string) => ({
  kind: 'APP_PAGE',
  html: `<h1>${title}</h1>`,
  rscData: Buffer.from(`rsc:${title}`),
  status: 200,
  postponed: undefined,
  headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/en/layout,_N_T_/en/statements/x/page,_N_T_/en/statements/x' },
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
})
const pageCtx = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false }
const setCtx = { cacheControl: { revalidate: false, expire: undefined } }

beforeAll(async () => {
  redis = await startRedis()
  process.env.REDIS_URL = redis.url
  process.env.REDIS_CACHE_PREFIX = `test:${process.pid}:`
  const mod = await import('../../platform/redis-cache-handler.mjs')
  Handler = mod.default
  codec = mod
  await mod.whenReady()
}, 20_000)

afterAll(async () => {
  await redis?.stop()
})

test('pages survive the trip through Redis byte for byte (HTML, RSC buffers, segment maps)', () => {
  const value = page('Title')
  const back = codec.decode(JSON.parse(JSON.stringify(codec.encode(value)))) as ReturnType<typeof page>
  expect(back.html).toBe(value.html)
  expect(Buffer.isBuffer(back.rscData)).toBe(true)
  expect(back.rscData.equals(value.rscData)).toBe(true)
  expect(back.segmentData).toBeInstanceOf(Map)
  expect(back.segmentData.get('/_tree')?.toString()).toBe('tree')
})

test('a page stored by server A is served by server B', async () => {
  const a = new Handler(ctx)
  const b = new Handler(ctx)
  await a.set('/en/statements/x', page('First'), setCtx)
  const got = await b.get('/en/statements/x', pageCtx)
  expect(got.value.html).toBe('<h1>First</h1>')
  expect(got.value.rscData.toString()).toBe('rsc:First')
})

test('revalidatePath on server B (its path tag) makes server A render afresh, then the new page is shared', async () => {
  const a = new Handler(ctx)
  const b = new Handler(ctx)
  await a.set('/en/statements/x', page('Before'), setCtx)
  await new Promise((r) => setTimeout(r, 5))
  await b.revalidateTag(['_N_T_/en/statements/x'])
  expect(await a.get('/en/statements/x', pageCtx)).toBeNull()
  expect(await b.get('/en/statements/x', pageCtx)).toBeNull()
  // A re-renders and stores the fresh page; B serves it.
  await new Promise((r) => setTimeout(r, 5))
  await a.set('/en/statements/x', page('After'), setCtx)
  expect((await b.get('/en/statements/x', pageCtx)).value.html).toBe('<h1>After</h1>')
})

test("revalidateTag(tag, 'max') (stale now, expire later) also stops every server serving the old page", async () => {
  const a = new Handler(ctx)
  await a.set('/en/statements/x', page('Old'), setCtx)
  await new Promise((r) => setTimeout(r, 5))
  await new Handler(ctx).revalidateTag('_N_T_/en/layout', { expire: 31_536_000 })
  expect(await a.get('/en/statements/x', pageCtx)).toBeNull()
})

test('a new build never reads pages the previous build stored', async () => {
  await new Handler(ctx).set('/en/about', page('Old build'), setCtx)
  const dist2 = mkdtempSync(path.join(os.tmpdir(), 'daleel-next-'))
  mkdirSync(path.join(dist2, 'server'))
  writeFileSync(path.join(dist2, 'BUILD_ID'), 'build-2')
  expect(await new Handler({ ...ctx, serverDistDir: path.join(dist2, 'server') }).get('/en/about', pageCtx)).toBeNull()
})

test('tag timing: only invalidations after an entry was stored count', () => {
  expect(codec.invalidatedSince([{ expired: 100 }], 200, 300)).toBe(false)
  expect(codec.invalidatedSince([{ expired: 250 }], 200, 300)).toBe(true)
  expect(codec.invalidatedSince([{ expired: 400 }], 200, 300)).toBe(false) // expires in the future
  expect(codec.invalidatedSince([null, { stale: 201 }], 200, 300)).toBe(true)
})

test('with Redis gone, pages are rendered rather than served stale, and nothing throws', async () => {
  const a = new Handler(ctx)
  await a.set('/en/gone', page('Cached'), setCtx)
  await redis.stop()
  await expect(a.set('/en/gone', page('x'), setCtx)).resolves.toBeUndefined()
  await expect(a.revalidateTag('_N_T_/en/gone')).resolves.toBeUndefined()
  expect(await a.get('/en/gone', pageCtx)).toBeNull()
}, 20_000)
