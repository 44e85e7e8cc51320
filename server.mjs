/**
 * The production web server (`npm start`, the Docker image, the browser tests): Next.js's own
 * request handler with the reader layer (site/page-cache.mjs: page cache, reader HTML without
 * the client runtime, gzip) in front of it for public pages. Otherwise it behaves as `next start`:
 * same port and host settings, and on SIGTERM/SIGINT it stops taking new connections, lets the
 * requests in flight finish, closes Next (and Payload with it) and exits with 143/130.
 *
 * It is also where content changes reach the caches (content/changes, docs/architecture.md):
 * the app, running in this process, calls `refresh()` on the handle below with exactly the pages a
 * change touched. Each page is re-rendered into Next's cache at once (Next's on-demand
 * revalidation request, `x-prerender-revalidate`, sent to ourselves over loopback: it needs no
 * Next request context, so scheduled jobs and scripts get the same freshness as the admin), then
 * dropped from the page cache here and, through Redis, on every other server. Nothing else purges
 * the page cache: no HTTP method, no anonymous request.
 *
 * Settings (environment): PORT (3000), HOSTNAME (all interfaces), PAGE_CACHE=off to send every
 * request straight to Next, READER_HTML=off to keep Next's client runtime on public pages,
 * PAGE_CACHE_MAX_MB (64), PAGE_CACHE_TTL_SECONDS (60), REDIS_URL to reach every server,
 * TRUSTED_PROXIES (the reverse proxies whose X-Forwarded-For is believed; platform/clientAddress.mjs).
 */
import crypto from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import next from 'next'

import { CLIENT_ADDRESS_HEADER, clientAddress, frontServerSetsClientAddress, parseTrustedProxies } from './platform/clientAddress.mjs'
import { createPageCache, pathOf } from './site/page-cache.mjs'

const dir = path.dirname(fileURLToPath(import.meta.url))
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOSTNAME || undefined
process.env.NODE_ENV = 'production'

// In the standalone Docker image there is no next.config.ts: Next wrote the resolved config into
// the build, and reads it from there (as its generated server.js does).
let conf
const standaloneConfig = path.join(dir, '.next', 'required-server-files.json')
if (!existsSync(path.join(dir, 'next.config.ts')) && existsSync(standaloneConfig)) {
  conf = JSON.parse(readFileSync(standaloneConfig, 'utf8')).config
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf)
}

// Who is calling (rate limits, login lockouts): the socket's address, or, when the connection
// comes from a proxy named in TRUSTED_PROXIES, the address that proxy forwarded.
let trustedProxies
try {
  trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES)
} catch (err) {
  console.error(`Refusing to start: ${err.message}`)
  process.exit(1)
}
frontServerSetsClientAddress()

// Which build this is, for caches kept beside it that must not outlive it (site/queries.ts).
try {
  process.env.DALEEL_BUILD_ID ||= readFileSync(path.join(dir, '.next', 'BUILD_ID'), 'utf8').trim()
} catch {
  /* no build yet: Next says so below */
}

const app = next({ dev: false, dir, hostname: hostname || 'localhost', port, conf })
const handle = app.getRequestHandler()
await app.prepare()

// Next's key for on-demand revalidation (the same one `res.revalidate` uses): a request carrying
// it is re-rendered and re-cached whatever the cache holds. It never leaves this machine's build.
const previewModeId = (() => {
  try {
    return JSON.parse(readFileSync(path.join(dir, '.next', 'prerender-manifest.json'), 'utf8')).preview?.previewModeId ?? null
  } catch {
    return null
  }
})()

/** @type {null | { lookup: (url: string) => Promise<string | null>, reload: () => Promise<void> }} */
let redirects = null
/** @type {null | ((method: string, url: string, headers: import('node:http').IncomingHttpHeaders) => Promise<null | { status: number, headers: Record<string, string>, body: Buffer | null }>)} */
let apiFastPath = null

const cacheOn = process.env.PAGE_CACHE !== 'off'
const cache = createPageCache({
  maxBytes: Number(process.env.PAGE_CACHE_MAX_MB || 64) * 1024 * 1024,
  ttlSeconds: Number(process.env.PAGE_CACHE_TTL_SECONDS || 60),
  readerHtml: process.env.READER_HTML !== 'off',
  redirectFor: (url) => (redirects ? redirects.lookup(url) : Promise.resolve(null)),
})

// ---------------------------------------------------------------------------------------------
// Pages being rendered right now, so a render that began before a change and finishes after its
// refresh (it read the old version) is noticed and refreshed again.

let renderSeq = 0
/** @type {Map<string, Set<number>>} */
const rendering = new Map()
/** @type {Map<string, number>} the render sequence number at which each page was last refreshed */
const refreshedAt = new Map()
const again = new Set()

function trackRender(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return
  const url = req.url || '/'
  if (/^\/(?:api|_next|admin)(?:\/|$)/.test(url) || req.headers['x-prerender-revalidate']) return
  const path = pathOf(url)
  const mine = ++renderSeq
  let set = rendering.get(path)
  if (!set) rendering.set(path, (set = new Set()))
  set.add(mine)
  res.once('close', () => {
    set.delete(mine)
    if (!set.size) rendering.delete(path)
    if ((refreshedAt.get(path) ?? 0) > mine && !again.has(path)) {
      again.add(path)
      setTimeout(() => {
        again.delete(path)
        refreshPages([path], { broadcast: true }).catch((err) => console.error(`refresh of ${path} failed: ${err.message}`))
      }, 50).unref()
    }
  })
}

// ---------------------------------------------------------------------------------------------
// Refreshing pages.

/** This server, as its own refreshes reach it: loopback, unless it listens on one address only. */
function self() {
  const address = server.address()
  if (!address || typeof address === 'string' || ['0.0.0.0', '::'].includes(address.address)) return `http://127.0.0.1:${port}`
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
}
/** Pages Next renders per request (e.g. filterable lists): nothing of theirs is in Next's cache. */
const notCachedByNext = new Set()

async function rerender(path) {
  if (!previewModeId || notCachedByNext.has(path)) return
  const res = await fetch(`${self()}${path}`, {
    headers: { 'x-prerender-revalidate': previewModeId, 'accept-encoding': 'identity' },
    redirect: 'manual',
    signal: AbortSignal.timeout(60_000),
  })
  await res.arrayBuffer()
  if (res.status >= 500) throw new Error(`re-rendering ${path} answered ${res.status}`)
  if (!res.headers.get('x-nextjs-cache')) notCachedByNext.add(path)
}

/**
 * One re-render of a page at a time. Next coalesces concurrent on-demand revalidations of one page
 * (its response cache batches them by key): a refresh asked for while another of the same page is
 * rendering would be handed that render, which may have read the data before this change (two
 * scheduled changes run by one jobs run, two editors publishing at once: the sitemap kept a page
 * that had been taken down). So a refresh waits for the render under way and then renders again;
 * everyone who asks meanwhile shares that next render (it starts after all their changes).
 * @type {Map<string, { tail: Promise<void>, waiting: Promise<void> | null }>}
 */
const rerenders = new Map()

function rerenderInTurn(path) {
  const chain = rerenders.get(path) ?? { tail: Promise.resolve(), waiting: null }
  if (chain.waiting) return chain.waiting
  const run = chain.tail.catch(() => {}).then(() => {
    // Started: a change from now on needs a render of its own.
    if (chain.waiting === run) chain.waiting = null
    return rerender(path)
  })
  chain.tail = run
  chain.waiting = run
  rerenders.set(path, chain)
  run.then(
    () => rerenders.get(path)?.tail === run && rerenders.delete(path),
    () => rerenders.get(path)?.tail === run && rerenders.delete(path),
  )
  return run
}

async function inBatches(paths, concurrency, work) {
  const queue = [...paths]
  const errors = []
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      while (queue.length) {
        const path = queue.shift()
        try {
          await work(path)
        } catch (err) {
          errors.push(err)
        }
      }
    }),
  )
  if (errors.length) throw new Error(errors.map((e) => e.message).join('; '))
}

// Background refreshes give way. After a publish on a busy topic, up to a hundred pages that merely
// show the document ("related" lists) are re-rendered after the publish returns. Rendered two at a
// time as soon as asked, on two cores they held up the next publish's own renders and every reader:
// with 1,000 statements, a publish took 3.6 s and a cached page 1.5 s to answer (`npm run bench --
// publish`). So they go through one queue, one page at a time, each waiting until no request is
// being answered and no publish-time refresh is under way, or at most BACKGROUND_MAX_WAIT_MS, so that
// a server that is never idle still gets them.
const BACKGROUND_MAX_WAIT_MS = 2000
/** Requests being answered (not our own re-renders) plus publish-time refreshes under way. */
let busy = 0
/** @type {Array<() => void>} */
let idleWaiters = []
function leave() {
  busy--
  if (busy === 0 && idleWaiters.length) {
    const waiters = idleWaiters
    idleWaiters = []
    for (const wake of waiters) wake()
  }
}
function whenIdle(maxMs) {
  if (busy === 0) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs)
    idleWaiters.push(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** Re-render one page into Next's cache, then drop it from this server's page cache. */
async function refreshPage(path) {
  refreshedAt.set(path, ++renderSeq)
  await rerenderInTurn(path)
  cache.purgePaths([path])
}

/**
 * Re-render each page into Next's cache, then drop it from every server's page cache. Counts as
 * work someone waits for: background refreshes wait for it to end.
 */
async function refreshPages(paths, { broadcast }) {
  busy++
  try {
    await inBatches(paths, 2, refreshPage)
  } finally {
    leave()
  }
  if (broadcast) publish({ paths })
}

/** Pages waiting for a background refresh, in order; a page asked for twice before its turn renders once. */
const backgroundQueue = new Set()
let backgroundWorker = null

function refreshInBackground(paths) {
  for (const path of paths) backgroundQueue.add(path)
  backgroundWorker ??= drainBackground()
}

async function drainBackground() {
  while (backgroundQueue.size) {
    await whenIdle(BACKGROUND_MAX_WAIT_MS)
    const [path] = backgroundQueue
    backgroundQueue.delete(path)
    try {
      await refreshPage(path)
      publish({ paths: [path] })
    } catch (err) {
      console.error(`refreshing ${path} failed: ${err.message}`)
    }
  }
  backgroundWorker = null
}

/** Site settings or navigation changed: every page. Next's layout is revalidated inside a real request (app/next/revalidate). */
async function refreshEverything({ broadcast }) {
  const res = await fetch(`${self()}/next/revalidate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${internalToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ everything: true }),
    signal: AbortSignal.timeout(30_000),
  })
  if (!res.ok) throw new Error(`revalidating every page answered ${res.status}`)
  cache.purge()
  for (const path of rendering.keys()) refreshedAt.set(path, ++renderSeq)
  if (broadcast) publish({ everything: true })
  // Next applies a revalidation as the request that made it ends: purge once more after that.
  setTimeout(() => cache.purge(), 1500).unref()
}

// The internal endpoints' token (content/changes/freshness.ts derives the same one).
const internalToken = process.env.PAYLOAD_SECRET
  ? crypto.createHmac('sha256', process.env.PAYLOAD_SECRET).update('daleel:internal:changes').digest('base64url')
  : ''

// ---------------------------------------------------------------------------------------------
// Several servers: page purges and redirect reloads go to every server through Redis pub/sub.
// (Next's own cache is shared through Redis by platform/redis-cache-handler.mjs, so one server
// re-rendering a page is enough.)

let redis = null
const channel = `${process.env.REDIS_CACHE_PREFIX || 'daleel:next:'}page-cache:changes`
const me = `${process.pid}-${Math.random().toString(36).slice(2)}`
let publish = () => {}
if (process.env.REDIS_URL) {
  const { default: Redis } = await import('ioredis')
  const options = { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false }
  const publisher = new Redis(process.env.REDIS_URL, options)
  const subscriber = new Redis(process.env.REDIS_URL, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null })
  for (const client of [publisher, subscriber]) client.on('error', (err) => console.error(`page cache: Redis: ${err.message}`))
  await subscriber.subscribe(channel)
  subscriber.on('message', (_channel, raw) => {
    let message
    try {
      message = JSON.parse(raw)
    } catch {
      return
    }
    if (message.from === me) return
    if (message.everything) {
      cache.purge()
      setTimeout(() => cache.purge(), 1500).unref()
    }
    if (Array.isArray(message.paths)) {
      for (const path of message.paths) refreshedAt.set(path, ++renderSeq)
      cache.purgePaths(message.paths)
    }
    if (message.redirects) redirects?.reload().catch((err) => console.error(`redirects: ${err.message}`))
  })
  publish = (message) => {
    publisher.publish(channel, JSON.stringify({ from: me, ...message })).catch((err) => console.error(`page cache: Redis: ${err.message}`))
  }
  redis = [publisher, subscriber]
}

// The app (content/changes/server.ts) finds this handle on globalThis.
globalThis[Symbol.for('daleel.server')] = {
  /** @param {{ pages?: string[], laterPages?: string[], everything?: boolean, redirects?: boolean }} staleness */
  async refresh(staleness) {
    if (staleness.redirects) {
      await redirects?.reload()
      publish({ redirects: true })
    }
    if (staleness.everything) await refreshEverything({ broadcast: true })
    if (staleness.pages?.length) await refreshPages(staleness.pages, { broadcast: true })
    // Pages that also show the document: just after, without holding up the change or readers.
    if (staleness.laterPages?.length) refreshInBackground(staleness.laterPages)
  },
  setRedirectLookup(lookup, reload) {
    redirects = { lookup, reload }
  },
  setApiFastPath(answer) {
    apiFastPath = answer
  },
  stats: () => cache.stats(),
}

const toNext = (req, res) =>
  handle(req, res).catch((err) => {
    console.error(err)
    if (!res.headersSent) res.statusCode = 500
    res.end()
  })

/**
 * Partner-API reads the gateway has answered before come from its response cache here, with the
 * key check and rate limit in force (partner-api/fastPath.ts); everything else goes to Next. The
 * JSON twin asked by an old slug answers 301 like the page (content/changes/subscribers/redirects.ts).
 */
async function api(req, res) {
  if (req.method === 'GET' || req.method === 'HEAD') {
    if (redirects && /^\/api\/[a-z0-9-]+\/?\?.*slug/.test(req.url || '')) {
      const location = await redirects.lookup(req.url).catch(() => null)
      if (location) {
        res.writeHead(301, { location, 'cache-control': 'public, max-age=3600', 'content-type': 'text/plain; charset=utf-8' })
        return res.end(req.method === 'HEAD' ? undefined : `Moved permanently to ${location}\n`)
      }
    }
    const answer = apiFastPath ? await apiFastPath(req.method, req.url || '/', req.headers).catch((err) => (console.error(err), null)) : null
    if (answer) {
      const headers = { ...answer.headers }
      if (answer.body) headers['content-length'] = String(answer.body.length)
      res.writeHead(answer.status, headers)
      return res.end(answer.body ?? undefined)
    }
  }
  return toNext(req, res)
}

const server = http.createServer((req, res) => {
  // Replaces whatever the client sent under this name: the app believes only this header.
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers, trustedProxies)
  // Only our own refreshes may ask Next for an on-demand re-render.
  const revalidate = req.headers['x-prerender-revalidate']
  if (revalidate !== undefined && (!previewModeId || revalidate !== previewModeId)) delete req.headers['x-prerender-revalidate']
  // Someone is waiting for this answer: background refreshes wait (our own re-renders do not count).
  if (!req.headers['x-prerender-revalidate']) {
    busy++
    res.once('close', leave)
  }
  if ((req.url || '').startsWith('/api/')) return api(req, res)
  trackRender(req, res)
  if (!cacheOn) return toNext(req, res)
  return cache.handle(req, res, toNext)
})
server.keepAliveTimeout = 65_000 // longer than common load balancers' idle timeout (60 s)
server.listen(port, hostname, () => {
  console.log(`▲ Daleel ready on http://${hostname || 'localhost'}:${port} (page cache ${cacheOn ? 'on' : 'off'})`)
})

let stopping = false
async function shutdown(signal) {
  if (stopping) return
  stopping = true
  // Stop accepting; idle keep-alive connections close now, busy ones after their response.
  const closed = new Promise((resolve) => server.close(() => resolve()))
  const idle = setInterval(() => server.closeIdleConnections(), 200)
  await closed
  clearInterval(idle)
  await app.close().catch((err) => console.error(err))
  for (const client of redis ?? []) client.disconnect()
  process.exit(signal === 'SIGINT' ? 130 : 143)
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
