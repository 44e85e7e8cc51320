/**
 * The reader-facing layer in front of Next.js (used by server.mjs) for public GET requests:
 *
 * 1. A page cache: finished public pages kept in memory, so a repeat request is answered without
 *    entering Next's router at all. Why our own: Next's cache saves the rendering, but every cached
 *    request still pays for Next's routing, rewrites, header rules and response assembly; on our
 *    2-core machine that held a cached statement page to a tenth of what Node can send (see
 *    docs/performance.md). A CDN or nginx cache in front does the same job where there is one.
 * 2. Reader HTML: pages are sent without Next's client runtime (site/reader-html.mjs).
 * 3. gzip for what it sends (computed once per cached page, not per request).
 *
 * What it stores: only what Next itself marks as shareable: GET 200 responses whose Cache-Control
 * has s-maxage or max-age and neither `private`, `no-store` nor `no-cache`, and that set no
 * cookie. One more kind: a page Next renders per request (so Next marks it `private`) that says in
 * its HTML it is the same for every reader, with `<meta name="daleel-page-cache" content="shareable">`
 * (SHAREABLE_PAGE, rendered by site/components/SameForEveryReader.tsx; server components cannot
 * set headers). The statement list does (every filter
 * of it), and the search results page, unless the answer is for one reader only (their allowance
 * ran out). Such a page goes to readers as Next sent it, `private` included, without the marker.
 *
 * What never comes here (it goes to Next untouched): anything for staff (Payload's session
 * cookie) or in draft mode (Next's preview cookie), the API, the admin, Next's client-navigation
 * (RSC) requests, range requests and requests with an Authorization header.
 *
 * Memory: PAGE_CACHE_MAX_MB in all, least recently used out; addresses with a query string (which
 * anyone can make up: searches, `?utm=…`) a quarter of it at most.
 *
 * Freshness: only a content change purges it, and only the exact pages the change touched
 * (content/changes: the pipeline names them, server.mjs re-renders them and calls `purgePaths`);
 * with REDIS_URL a purge on one server reaches all (server.mjs). No HTTP method, status or caller
 * empties it. A response that started before a purge of its page is never stored after it (the
 * per-page generation check), and each entry lives at most `ttlSeconds` as a last line of defence.
 *
 * Old addresses: when Next answers 404 for a page that moved (its slug changed), `redirectFor`
 * (the change pipeline's redirect table, through server.mjs) turns the answer into a 301.
 */
import zlib from 'node:zlib'

import { withoutClientRuntime } from './reader-html.mjs'

const BYPASS_PATHS = /^\/(?:api|admin|next|_next)(?:\/|$)/
const BYPASS_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'range', 'authorization', 'x-prerender-revalidate']
const STAFF_COOKIES = /(?:^|;\s*)(?:payload-token|__prerender_bypass|__next_preview_data)=/
const NOT_STORED_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length', 'content-encoding'])
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|rss\+xml|atom\+xml|feed\+json|ld\+json|manifest\+json)|image\/svg\+xml)/i

/** What a page rendered per request puts in its HTML to be kept like a shareable one (see above). */
export const SHAREABLE_PAGE = { name: 'daleel-page-cache', content: 'shareable' }
const SHAREABLE_TAG = new RegExp(`<meta name="${SHAREABLE_PAGE.name}" content="${SHAREABLE_PAGE.content}"\\s*/?>`)

const acceptsGzip = (req) => /\bgzip\b/.test(String(req.headers['accept-encoding'] || ''))

/** The path part of a request URL ("/statements/x" of "/statements/x?utm=1"). */
export const pathOf = (url) => {
  const i = (url || '/').search(/[?#]/)
  return i === -1 ? url || '/' : url.slice(0, i)
}

/**
 * @param {{ maxBytes?: number, maxQueryBytes?: number, maxEntryBytes?: number, ttlSeconds?: number, readerHtml?: boolean, now?: () => number,
 *   redirectFor?: (url: string) => Promise<string | null> }} [options]
 *   maxQueryBytes: what addresses with a query string (search results, `?utm=…`) may hold together,
 *   a quarter of maxBytes by default: anyone can make up new ones, and they must not push the
 *   pages every reader opens out of memory.
 */
export function createPageCache(options = {}) {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024
  const maxQueryBytes = options.maxQueryBytes ?? Math.floor(maxBytes / 4)
  const maxEntryBytes = options.maxEntryBytes ?? 2 * 1024 * 1024
  const ttlMs = (options.ttlSeconds ?? 60) * 1000
  const readerHtml = options.readerHtml ?? true
  const now = options.now ?? Date.now
  /** @type {Map<string, { status: number, headers: Record<string, string | string[]>, body: Buffer, gzip: Buffer | null, path: string, query: boolean, etag?: string, at: number }>} */
  const entries = new Map() // in insertion order: the first is the least recently used
  /** @type {Map<string, Set<string>>} path → keys of its entries (every host and query) */
  const byPath = new Map()
  let bytes = 0
  let queryBytes = 0
  // Generations: a purge of everything bumps `generation`; a purge of one page records the
  // sequence number at which it happened. A response is stored only if neither moved while it ran.
  let generation = 0
  let seq = 0
  /** @type {Map<string, number>} */
  const purgedAt = new Map()
  const stats = { hits: 0, misses: 0, stores: 0, purges: 0, pagePurges: 0, redirects: 0 }

  /** The cache key when this request is a public read this layer handles; null sends it to Next untouched. */
  function keyFor(req) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return null
    const url = req.url || '/'
    if (BYPASS_PATHS.test(url) || url.includes('_rsc=')) return null
    for (const name of BYPASS_HEADERS) if (req.headers[name] !== undefined) return null
    if (STAFF_COOKIES.test(req.headers.cookie || '')) return null
    return `${req.headers.host || ''}|${url}`
  }

  function remove(key) {
    const entry = entries.get(key)
    if (!entry) return
    const size = entry.body.length + (entry.gzip?.length ?? 0)
    bytes -= size
    if (entry.query) queryBytes -= size
    entries.delete(key)
    const keys = byPath.get(entry.path)
    keys?.delete(key)
    if (keys && !keys.size) byPath.delete(entry.path)
  }

  function send(req, res, status, headers, body, gzip) {
    const out = { ...headers }
    let payload = body
    if (gzip && acceptsGzip(req)) {
      payload = gzip
      out['content-encoding'] = 'gzip'
    }
    if (gzip) out.vary = out.vary ? `${out.vary}, Accept-Encoding` : 'Accept-Encoding'
    out['content-length'] = String(payload.length)
    res.writeHead(status, out)
    res.end(req.method === 'HEAD' ? undefined : payload)
  }

  function fromMemory(req, res, key) {
    const entry = entries.get(key)
    if (!entry) return false
    if (now() - entry.at > ttlMs) {
      remove(key)
      return false
    }
    entries.delete(key) // most recently used goes to the end
    entries.set(key, entry)
    stats.hits += 1
    const headers = { ...entry.headers, 'x-daleel-page-cache': 'HIT' }
    const inm = req.headers['if-none-match']
    if (entry.etag && inm && inm.split(/\s*,\s*/).includes(entry.etag)) {
      res.writeHead(304, headers)
      res.end()
      return true
    }
    send(req, res, entry.status, headers, entry.body, entry.gzip)
    return true
  }

  /**
   * Answer a request: from memory when we can, otherwise through `next(req, res)` with the answer
   * held back until it is complete, so it can be turned into reader HTML, compressed and kept.
   */
  function handle(req, res, next) {
    const key = keyFor(req)
    if (!key) return next(req, res)
    if (fromMemory(req, res, key)) return undefined
    stats.misses += 1

    const startedIn = generation
    const startedAt = ++seq
    const path = pathOf(req.url)
    const gzipWanted = acceptsGzip(req)
    delete req.headers['accept-encoding'] // Next sends plain bytes; we compress what we send
    const chunks = []
    const { writeHead, end } = res
    const hold = (chunk, encoding) => {
      if (chunk == null || typeof chunk === 'function') return
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'))
    }
    res.writeHead = function (status, ...rest) {
      res.statusCode = status
      const headers = rest.find((r) => r && typeof r === 'object' && !Array.isArray(r))
      if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value)
      return res
    }
    res.flushHeaders = () => {}
    res.write = function (chunk, encoding, cb) {
      hold(chunk, encoding)
      const done = typeof encoding === 'function' ? encoding : cb
      if (typeof done === 'function') process.nextTick(done)
      return true
    }
    res.end = function (chunk, encoding, cb) {
      hold(chunk, encoding)
      const done = [chunk, encoding, cb].find((a) => typeof a === 'function')
      res.writeHead = writeHead
      res.end = end
      finish().catch((err) => {
        console.error(err)
        if (!res.headersSent) res.writeHead(500)
        res.end()
      })
      if (done) res.once('finish', done)
      return res
    }

    async function finish() {
      let body = Buffer.concat(chunks)
      const status = res.statusCode
      // A page that moved: its old address answers 301 to the new one (both languages).
      if (status === 404 && options.redirectFor) {
        const location = await options.redirectFor(req.url || '/').catch(() => null)
        if (location) {
          stats.redirects += 1
          if (gzipWanted) req.headers['accept-encoding'] = 'gzip'
          for (const name of res.getHeaderNames()) if (name !== 'content-security-policy' && name !== 'strict-transport-security') res.removeHeader(name)
          res.writeHead(301, { location, 'cache-control': 'public, max-age=3600', 'content-type': 'text/plain; charset=utf-8' })
          res.end(req.method === 'HEAD' ? undefined : `Moved permanently to ${location}\n`)
          return
        }
      }
      const type = String(res.getHeader('content-type') || '')
      let saysShareable = false
      if (type.startsWith('text/html')) {
        let html = body.toString('utf8')
        const unmarked = html.replace(SHAREABLE_TAG, '')
        saysShareable = unmarked.length !== html.length
        html = unmarked
        const reader = readerHtml ? withoutClientRuntime(html) : null
        if (reader !== null) {
          html = reader
          // No script is left, so none may run: an injected one would be refused by the browser.
          const csp = res.getHeader('content-security-policy')
          if (csp) res.setHeader('content-security-policy', String(csp).replace(/script-src [^;]*/, "script-src 'none'"))
        }
        body = Buffer.from(html, 'utf8')
      }
      const gzip = COMPRESSIBLE.test(type) && body.length > 512 ? zlib.gzipSync(body, { level: 6 }) : null
      /** @type {Record<string, string | string[]>} */
      const headers = {}
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (value === undefined || NOT_STORED_HEADERS.has(name)) continue
        headers[name] = Array.isArray(value) ? value.map(String) : String(value)
        res.removeHeader(name)
      }
      for (const name of NOT_STORED_HEADERS) res.removeHeader(name)
      if (gzipWanted) req.headers['accept-encoding'] = 'gzip'
      send(req, res, status, headers, body, gzip)
      if (shareable(req, status, headers, body, saysShareable) && generation === startedIn && !((purgedAt.get(path) ?? 0) > startedAt)) {
        remove(key)
        const query = (req.url || '').includes('?')
        entries.set(key, { status, headers, body, gzip, path, query, etag: typeof headers.etag === 'string' ? headers.etag : undefined, at: now() })
        let keys = byPath.get(path)
        if (!keys) byPath.set(path, (keys = new Set()))
        keys.add(key)
        const size = body.length + (gzip?.length ?? 0)
        bytes += size
        if (query) queryBytes += size
        stats.stores += 1
        // Least recently used first: addresses with a query string beyond their share, then anything beyond the whole.
        if (queryBytes > maxQueryBytes) {
          for (const [oldest, entry] of entries) {
            if (queryBytes <= maxQueryBytes) break
            if (entry.query) remove(oldest)
          }
        }
        for (const oldest of entries.keys()) {
          if (bytes <= maxBytes) break
          remove(oldest)
        }
      }
    }
    return next(req, res)
  }

  function shareable(req, status, headers, body, saysShareable) {
    if (req.method !== 'GET' || status !== 200 || headers['set-cookie'] || body.length > maxEntryBytes) return false
    if (saysShareable) return true
    const cc = String(headers['cache-control'] || '')
    return !/\b(?:private|no-store|no-cache)\b/.test(cc) && /\b(?:s-maxage|max-age)=[1-9]/.test(cc)
  }

  /** Empty the whole cache (site settings or navigation changed: every page shows them). */
  function purge() {
    generation += 1
    entries.clear()
    byPath.clear()
    bytes = 0
    queryBytes = 0
    stats.purges += 1
  }

  /** Drop exactly these pages (public paths, every host and query string) and refuse responses already under way for them. */
  function purgePaths(paths) {
    const at = ++seq
    for (const path of paths) {
      purgedAt.set(path, at)
      for (const key of [...(byPath.get(path) ?? [])]) remove(key)
    }
    stats.pagePurges += 1
    // Only responses under way can be older than a purge; old marks do not matter once they are done.
    if (purgedAt.size > 10_000) for (const [path, mark] of purgedAt) if (mark < at - 10_000) purgedAt.delete(path)
  }

  return {
    handle,
    purge,
    purgePaths,
    has: (path) => Boolean(byPath.get(path)?.size),
    stats: () => ({ ...stats, entries: entries.size, bytes, queryBytes, generation }),
  }
}
