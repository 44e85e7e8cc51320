/**
 * The page cache in front of Next (site/page-cache.mjs), driven over real HTTP: a small
 * server puts the cache in front of a stand-in for Next whose answers each test controls, exactly
 * as server.mjs puts it in front of Next's handler.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { createPageCache } from '../../site/page-cache.mjs'
import { withoutClientRuntime } from '../../site/reader-html.mjs'

type Answer = { status?: number; headers?: Record<string, string>; body?: string | Buffer; delayMs?: number; chunks?: string[] }

let server: http.Server
let base = ''
let cache: ReturnType<typeof createPageCache>
let calls = 0
let answer: (req: http.IncomingMessage) => Answer = () => ({})
let clock = 1_000_000

beforeEach(async () => {
  calls = 0
  clock = 1_000_000
  cache = createPageCache({ ttlSeconds: 60, maxBytes: 10_000, now: () => clock })
  answer = () => ({ headers: { 'cache-control': 's-maxage=31536000', 'content-type': 'text/html; charset=utf-8' }, body: `<p>page ${calls}</p>` })
  // The stand-in for Next's handler.
  const next = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    calls += 1
    const a = answer(req)
    if (a.delayMs) await new Promise((r) => setTimeout(r, a.delayMs))
    res.writeHead(a.status ?? 200, a.headers ?? {})
    for (const chunk of a.chunks ?? []) res.write(chunk)
    res.end(a.body ?? '')
  }
  server = http.createServer((req, res) => cache.handle(req, res, next))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterEach(() => new Promise<void>((r) => server.close(() => r())))

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers })

test('a shareable page is answered from memory the second time, with the same bytes and headers', async () => {
  const first = await get('/statements/x')
  const firstBody = await first.text()
  const second = await get('/statements/x')
  expect(await second.text()).toBe(firstBody)
  expect(calls).toBe(1)
  expect(second.headers.get('x-daleel-page-cache')).toBe('HIT')
  expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8')
  expect(first.headers.get('x-daleel-page-cache')).toBeNull()
})

test('a page sent in several chunks is stored whole', async () => {
  answer = () => ({ headers: { 'cache-control': 's-maxage=60' }, chunks: ['<html>', '<body>one'], body: ' two</body></html>' })
  await (await get('/a')).text()
  expect(await (await get('/a')).text()).toBe('<html><body>one two</body></html>')
  expect(calls).toBe(1)
})

test('pages are sent gzip-compressed to browsers that accept it, plain to others, from one stored copy', async () => {
  const long = `<p>${'Distinguished delegates. '.repeat(100)}</p>`
  answer = (req): Answer => ({ headers: { 'cache-control': 's-maxage=60', 'content-type': 'text/plain', 'x-seen-encoding': String(req.headers['accept-encoding'] ?? 'none') }, body: long })
  const zipped = await get('/p', { 'accept-encoding': 'gzip' })
  expect(zipped.headers.get('content-encoding')).toBe('gzip')
  expect(zipped.headers.get('vary')).toContain('Accept-Encoding')
  expect(await zipped.text()).toBe(long) // fetch unzips
  expect(zipped.headers.get('x-seen-encoding')).toBe('none') // Next itself was asked for plain bytes
  const plain = await get('/p', { 'accept-encoding': 'identity' })
  expect(plain.headers.get('content-encoding')).toBeNull()
  expect(await plain.text()).toBe(long)
  expect(calls).toBe(1)
})

const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/_next/static/a.css"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/x.js"/>',
  '<script src="/_next/static/chunks/x.js" async=""></script></head><body><h1>Statement</h1>',
  '<script type="application/ld+json">{"@type":"Article"}</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>',
].join('')

test('readers get the page without the client runtime; structured data stays', async () => {
  const csp = "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'"
  answer = () => ({ headers: { 'cache-control': 's-maxage=60', 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }, body: PAGE })
  for (let i = 0; i < 2; i++) {
    const res = await get('/s')
    // With no script left, the policy lets none run.
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'; script-src 'none'; object-src 'none'")
    const html = await res.text()
    expect(html).toContain('<h1>Statement</h1>')
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/a.css"/>')
    expect(html).toContain('<script type="application/ld+json">{"@type":"Article"}</script>')
    expect(html).not.toContain('x.js')
    expect(html).not.toContain('__next_f')
  }
  // Staff (and draft mode) get Next's page as it is, so live preview keeps working.
  const staff = await (await get('/s', { cookie: 'payload-token=abc' })).text()
  expect(staff).toBe(PAGE)
})

test('a page still waiting on streamed content is sent as it is (its scripts finish it)', () => {
  const streaming = PAGE.replace('</body>', '<div hidden id="S:0">late</div><script>$RC("B:0","S:0")</script></body>')
  expect(withoutClientRuntime(streaming)).toBeNull()
  expect(withoutClientRuntime('{"not":"html"}')).toBeNull()
  expect(withoutClientRuntime(PAGE)).not.toContain('<script src=')
})

test.each([
  ['private', { 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' }],
  ['no cache-control', {}],
  ['a cookie being set', { 'cache-control': 's-maxage=60', 'set-cookie': 'a=b' }],
])('a response with %s is never stored', async (_label, headers) => {
  answer = () => ({ headers: headers as Record<string, string>, body: `n${calls}` })
  await (await get('/x')).text()
  await (await get('/x')).text()
  expect(calls).toBe(2)
})

test('a page Next renders per request is kept only when its HTML says it is the same for every reader; the mark is not sent', async () => {
  const doc = (mark: string) => `<!DOCTYPE html><html><head>${mark}<title>Search</title></head><body><p>results ${calls}</p></body></html>`
  const privateHtml = { 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate', 'content-type': 'text/html; charset=utf-8' }
  answer = (req) => ({ headers: privateHtml, body: doc(req.url!.includes('q=shared') ? '<meta name="daleel-page-cache" content="shareable"/>' : '') })
  const first = await (await get('/search?q=shared')).text()
  const second = await get('/search?q=shared')
  expect(second.headers.get('x-daleel-page-cache')).toBe('HIT')
  expect(await second.text()).toBe(first)
  expect(first).not.toContain('daleel-page-cache')
  expect(first).toContain('<title>Search</title>')
  // Readers (and any cache between) are still told not to keep it: it changes with the index.
  expect(second.headers.get('cache-control')).toContain('private')
  expect(calls).toBe(1)
  // Without the mark (an answer for one reader, e.g. their allowance ran out): every request reaches Next.
  await (await get('/search?q=limited')).text()
  expect((await get('/search?q=limited')).headers.get('x-daleel-page-cache')).toBeNull()
  expect(calls).toBe(3)
  // A purge of the path drops every query of it.
  cache.purgePaths(['/search'])
  expect((await get('/search?q=shared')).headers.get('x-daleel-page-cache')).toBeNull()
  expect(calls).toBe(4)
})

test('the mark does not make a cookie-setting or failed answer shareable', async () => {
  const mark = '<!DOCTYPE html><html><head><meta name="daleel-page-cache" content="shareable"></head><body></body></html>'
  answer = (req): Answer =>
    req.url === '/cookie'
      ? { headers: { 'content-type': 'text/html', 'set-cookie': 'a=1' }, body: mark }
      : { status: 500, headers: { 'content-type': 'text/html' }, body: mark }
  for (const path of ['/cookie', '/cookie', '/fail', '/fail']) await (await get(path)).text()
  expect(calls).toBe(4)
})

test('errors and redirects are never stored', async () => {
  for (const status of [404, 500, 308]) {
    answer = () => ({ status, headers: { 'cache-control': 's-maxage=60' }, body: 'no' })
    await (await get(`/s${status}`, {})).text()
    await (await fetch(`${base}/s${status}`, { redirect: 'manual' })).text()
  }
  expect(calls).toBe(6)
})

test.each([
  ['staff (Payload session cookie)', '/page', { cookie: 'payload-token=abc' }],
  ['draft mode (preview cookie)', '/page', { cookie: 'x=1; __prerender_bypass=abc' }],
  ['client navigation (RSC)', '/page', { rsc: '1' }],
  ['client navigation (_rsc query)', '/page?_rsc=abc', {}],
  ['an API key', '/page', { authorization: 'partner-keys API-Key k' }],
  ['the API', '/api/statements', {}],
  ['the admin', '/admin', {}],
])('requests from %s always reach Next', async (_label, path, headers) => {
  await (await get(path, headers as Record<string, string>)).text()
  await (await get(path, headers as Record<string, string>)).text()
  expect(calls).toBe(2)
})

test('a purge empties it, and a page rendered before the purge is not stored after it', async () => {
  await (await get('/one')).text()
  cache.purge()
  expect(await (await get('/one')).text()).toBe('<p>page 2</p>')
  expect(calls).toBe(2)

  // A slow render that began before a publish must not be kept (it may show the old content).
  answer = () => ({ headers: { 'cache-control': 's-maxage=60' }, body: 'old', delayMs: 300 })
  const before = calls
  const slow = get('/two').then((r) => r.text())
  while (calls === before) await new Promise((r) => setTimeout(r, 5))
  cache.purge()
  expect(await slow).toBe('old')
  answer = () => ({ headers: { 'cache-control': 's-maxage=60' }, body: 'new' })
  expect(await (await get('/two')).text()).toBe('new')
})

test('purging pages drops exactly those pages (every query string), not others', async () => {
  for (const path of ['/statements/a', '/statements/a?utm_source=x', '/statements/b', '/contact']) await (await get(path)).text()
  expect(calls).toBe(4)
  cache.purgePaths(['/statements/a'])
  for (const path of ['/statements/b', '/contact']) expect((await get(path)).headers.get('x-daleel-page-cache')).toBe('HIT')
  expect((await get('/statements/a')).headers.get('x-daleel-page-cache')).toBeNull()
  expect((await get('/statements/a?utm_source=x')).headers.get('x-daleel-page-cache')).toBeNull()
  expect(calls).toBe(6)
})

test('a render of a page that began before that page was purged is not stored; other pages are unaffected', async () => {
  answer = (req) => ({ headers: { 'cache-control': 's-maxage=60' }, body: `old ${req.url}`, delayMs: 300 })
  const slow = get('/two').then((r) => r.text())
  const other = get('/three').then((r) => r.text())
  // Purge once both renders are under way (they are inside "Next").
  while (calls < 2) await new Promise((r) => setTimeout(r, 5))
  cache.purgePaths(['/two'])
  expect(await slow).toBe('old /two')
  await other
  answer = (req) => ({ headers: { 'cache-control': 's-maxage=60' }, body: `new ${req.url}` })
  expect(await (await get('/two')).text()).toBe('new /two')
  expect(await (await get('/three')).text()).toBe('old /three')
})

test('a page that moved answers 301 to its new address instead of 404; other 404s stay 404', async () => {
  cache = createPageCache({ now: () => clock, redirectFor: async (url) => (url.startsWith('/statements/old') ? '/statements/new' : null) })
  answer = () => ({ status: 404, headers: { 'content-type': 'text/html' }, body: 'not found' })
  const moved = await fetch(`${base}/statements/old`, { redirect: 'manual' })
  expect(moved.status).toBe(301)
  expect(moved.headers.get('location')).toBe('/statements/new')
  const missing = await fetch(`${base}/statements/never`, { redirect: 'manual' })
  expect(missing.status).toBe(404)
  expect(await missing.text()).toBe('not found')
})

test('entries expire after their time to live', async () => {
  await (await get('/t')).text()
  clock += 61_000
  await (await get('/t')).text()
  expect(calls).toBe(2)
})

test('memory stays within its limit: the least recently used pages go first', async () => {
  answer = () => ({ headers: { 'cache-control': 's-maxage=60' }, body: 'x'.repeat(4000) })
  await (await get('/a')).text()
  await (await get('/b')).text()
  await (await get('/a')).text() // a is now the most recently used
  await (await get('/c')).text() // 12 000 bytes > 10 000: b goes
  expect(cache.stats().bytes).toBeLessThanOrEqual(10_000)
  const before = calls
  await (await get('/a')).text()
  expect(calls).toBe(before)
  await (await get('/b')).text()
  expect(calls).toBe(before + 1)
})

test('addresses anyone can make up (a query string: searches, ?utm=…) cannot push the pages every reader opens out of memory', async () => {
  answer = () => ({ headers: { 'cache-control': 's-maxage=60' }, body: 'x'.repeat(1000) })
  for (const path of ['/a', '/b', '/c']) await (await get(path)).text()
  // Fifty made-up addresses: they take a quarter of the 10,000 bytes at most, the least recently used going first.
  for (let i = 0; i < 50; i++) await (await get(`/search?q=word${i}`)).text()
  expect(cache.stats().queryBytes).toBeLessThanOrEqual(2500)
  const before = calls
  for (const path of ['/a', '/b', '/c', '/search?q=word49']) expect((await get(path)).headers.get('x-daleel-page-cache')).toBe('HIT')
  expect((await get('/search?q=word0')).headers.get('x-daleel-page-cache')).toBeNull()
  expect(calls).toBe(before + 1)
})

test('a conditional request for an unchanged page gets 304 from memory', async () => {
  answer = () => ({ headers: { 'cache-control': 's-maxage=60', etag: '"v1"' }, body: 'body' })
  await (await get('/e')).text()
  const res = await get('/e', { 'if-none-match': '"v1"' })
  expect(res.status).toBe(304)
  expect(calls).toBe(1)
})

test('HEAD is answered with the headers only', async () => {
  await (await get('/h')).text()
  const res = await fetch(`${base}/h`, { method: 'HEAD' })
  expect(res.status).toBe(200)
  expect(res.headers.get('x-daleel-page-cache')).toBe('HIT')
  expect(await res.text()).toBe('')
})
