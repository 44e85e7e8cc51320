/**
 * The production web server (`npm start`, the Docker image, the browser tests): Next.js's own
 * request handler with the reader layer (site/page-cache.mjs: page cache, reader HTML without
 * the client runtime, gzip) in front of it for public pages. Otherwise it
 * behaves as `next start`: same port and host settings, and on SIGTERM/SIGINT it stops taking new
 * connections, lets the requests in flight finish, closes Next (and Payload with it) and exits
 * with 143/130.
 *
 * Settings (environment): PORT (3000), HOSTNAME (all interfaces), PAGE_CACHE=off to send every
 * request straight to Next, READER_HTML=off to keep Next's client runtime on public pages,
 * PAGE_CACHE_MAX_MB (64), PAGE_CACHE_TTL_SECONDS (60), REDIS_URL to send purges to every server,
 * TRUSTED_PROXIES (the reverse proxies whose X-Forwarded-For is believed; platform/clientAddress.mjs).
 */
import { existsSync, readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import next from 'next'

import { CLIENT_ADDRESS_HEADER, clientAddress, frontServerSetsClientAddress, parseTrustedProxies } from './platform/clientAddress.mjs'
import { createPageCache, HANDLE } from './site/page-cache.mjs'

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

const app = next({ dev: false, dir, hostname: hostname || 'localhost', port, conf })
const handle = app.getRequestHandler()
await app.prepare()

const cacheOn = process.env.PAGE_CACHE !== 'off'
const cache = createPageCache({
  maxBytes: Number(process.env.PAGE_CACHE_MAX_MB || 64) * 1024 * 1024,
  ttlSeconds: Number(process.env.PAGE_CACHE_TTL_SECONDS || 60),
  readerHtml: process.env.READER_HTML !== 'off',
})
if (cacheOn) globalThis[HANDLE] = cache

// Several servers: a purge here is published to the others, and theirs to us.
let redis = null
if (cacheOn && process.env.REDIS_URL) {
  const { default: Redis } = await import('ioredis')
  const channel = `${process.env.REDIS_CACHE_PREFIX || 'daleel:next:'}page-cache:purge`
  const options = { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false }
  const publisher = new Redis(process.env.REDIS_URL, options)
  const subscriber = new Redis(process.env.REDIS_URL, { ...options, enableOfflineQueue: true })
  for (const client of [publisher, subscriber]) client.on('error', (err) => console.error(`page cache: Redis: ${err.message}`))
  const me = `${process.pid}-${Math.random().toString(36).slice(2)}`
  await subscriber.subscribe(channel)
  subscriber.on('message', (_channel, from) => {
    if (from !== me) cache.purge({ broadcast: false })
  })
  cache.onPurge(() => publisher.publish(channel, me).catch(() => {}))
  redis = [publisher, subscriber]
}

const isContentWrite = (req) =>
  req.method !== 'GET' &&
  req.method !== 'HEAD' &&
  req.method !== 'OPTIONS' &&
  /^\/api\//.test(req.url || '') &&
  !/^\/api\/graphql(?:[/?]|$)/.test(req.url || '') &&
  !/[?&]autosave=true/.test(req.url || '')

const toNext = (req, res) =>
  handle(req, res).catch((err) => {
    console.error(err)
    if (!res.headersSent) res.statusCode = 500
    res.end()
  })

const server = http.createServer((req, res) => {
  // Replaces whatever the client sent under this name: the app believes only this header.
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers, trustedProxies)
  if (!cacheOn) return toNext(req, res)
  // A write through the REST API may change what pages show: empty the cache once it has
  // finished. Not for the admin's own requests (form state on every keystroke), autosaves (always
  // drafts) or GraphQL (partners query it by POST): publishes there reach the cache through the
  // revalidation hooks (content/revalidate.ts → purgePageCache).
  if (isContentWrite(req)) res.once('finish', () => cache.purgeAfterChange())
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
