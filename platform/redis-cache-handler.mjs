/**
 * Next.js cache handler that keeps rendered pages, route responses and fetch results in Redis, so
 * several app servers share one cache, and a publish (revalidatePath/revalidateTag) on any server
 * is seen by all of them on the next request. next.config.ts uses it only when REDIS_URL is set
 * (with cacheMaxMemorySize: 0, so no server keeps a private copy that could be stale).
 *
 * Layout in Redis (prefixed with the build ID, so a new deploy never reads an old build's pages):
 *   <prefix>entry:<cache key>  JSON { lastModified, tags, cacheControl, value }
 *   <prefix>tags               hash  tag → JSON { stale?, expired? }  (when each tag was invalidated)
 * An entry is served only if none of its tags was invalidated after it was stored; otherwise the
 * handler reports a miss and Next renders a fresh copy (and stores it).
 *
 * If Redis cannot be reached the handler degrades to "no cache" (every request renders) rather
 * than serving anything stale. Plain .mjs: Next loads it at runtime, outside the bundler.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Redis } from 'ioredis'

const TAGS_HEADER = 'x-next-cache-tags'

// `next build` (e.g. a Docker image built with REDIS_URL so the handler is configured) must not
// need Redis: pages rendered at build time are simply rendered again by the first request.
const building = () => process.env.NEXT_PHASE === 'phase-production-build'

let client
function redis() {
  if (!client) {
    client = new Redis(process.env.REDIS_URL, {
      // Fail fast: a slow cache must not hold readers up.
      enableOfflineQueue: true,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 2000,
    })
    let reported = false
    client.on('error', (err) => {
      if (!reported) console.error(`[cache] Redis unavailable, rendering without the shared cache: ${err.message}`)
      reported = true
    })
    client.on('ready', () => {
      reported = false
    })
  }
  return client
}

/** Resolves once the shared connection is up (tests; a server simply renders until then). */
export function whenReady() {
  const c = redis()
  return c.status === 'ready' ? Promise.resolve() : new Promise((resolve) => c.once('ready', resolve))
}

// Buffers and Maps (RSC payloads, segment data, images) survive the JSON round trip.
export function encode(value) {
  if (value == null || typeof value !== 'object') return value
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { $b: Buffer.from(value).toString('base64') }
  if (value instanceof Map) return { $m: [...value.entries()].map(([k, v]) => [k, encode(v)]) }
  if (Array.isArray(value)) return value.map(encode)
  const out = {}
  for (const [k, v] of Object.entries(value)) out[k] = encode(v)
  return out
}

export function decode(value) {
  if (value == null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(decode)
  if (typeof value.$b === 'string' && Object.keys(value).length === 1) return Buffer.from(value.$b, 'base64')
  if (Array.isArray(value.$m) && Object.keys(value).length === 1) return new Map(value.$m.map(([k, v]) => [k, decode(v)]))
  const out = {}
  for (const [k, v] of Object.entries(value)) out[k] = decode(v)
  return out
}

/** Tags an entry depends on: the page's own (incl. its path, for revalidatePath) or a fetch's. */
function tagsOf(value, ctx) {
  const tags = new Set()
  const header = value?.headers?.[TAGS_HEADER]
  if (typeof header === 'string') for (const t of header.split(',')) if (t) tags.add(t)
  for (const t of ctx?.tags ?? []) tags.add(t)
  for (const t of ctx?.softTags ?? []) tags.add(t)
  return [...tags]
}

/** Was any of these tags invalidated after `lastModified`? (`now` passed in for tests.) */
export function invalidatedSince(states, lastModified, now = Date.now()) {
  return states.some((s) => {
    if (!s) return false
    if (typeof s.stale === 'number' && s.stale > lastModified) return true
    return typeof s.expired === 'number' && s.expired > lastModified && s.expired <= now
  })
}

function buildPrefix(ctx) {
  let buildId = 'dev'
  try {
    if (ctx?.serverDistDir) buildId = readFileSync(path.join(ctx.serverDistDir, '..', 'BUILD_ID'), 'utf8').trim()
  } catch {
    /* development: no BUILD_ID */
  }
  return `${process.env.REDIS_CACHE_PREFIX || 'daleel:next:'}${buildId}:`
}

export default class RedisCacheHandler {
  constructor(ctx) {
    this.prefix = buildPrefix(ctx)
  }

  async get(key, ctx) {
    // While Redis is (re)connecting, render rather than make the reader wait for it.
    if (building() || redis().status !== 'ready') return null
    try {
      const raw = await redis().get(`${this.prefix}entry:${key}`)
      if (!raw) return null
      const entry = JSON.parse(raw)
      const tags = [...new Set([...(entry.tags ?? []), ...tagsOf(null, ctx)])]
      if (tags.length > 0) {
        const states = (await redis().hmget(`${this.prefix}tags`, ...tags)).map((s) => (s ? JSON.parse(s) : null))
        if (invalidatedSince(states, entry.lastModified)) return null
      }
      return { lastModified: entry.lastModified, cacheControl: entry.cacheControl, value: decode(entry.value) }
    } catch {
      return null
    }
  }

  async set(key, data, ctx) {
    if (building() || redis().status !== 'ready') return
    try {
      const entry = {
        lastModified: Date.now(),
        tags: tagsOf(data, ctx),
        cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
        value: encode(data),
      }
      const expire = entry.cacheControl?.expire
      const k = `${this.prefix}entry:${key}`
      if (typeof expire === 'number' && expire > 0 && expire < 31_536_000) await redis().set(k, JSON.stringify(entry), 'EX', expire)
      else await redis().set(k, JSON.stringify(entry))
    } catch {
      /* Redis down: nothing is cached, nothing breaks */
    }
  }

  async revalidateTag(tags, durations) {
    const list = (typeof tags === 'string' ? [tags] : tags).filter(Boolean)
    if (list.length === 0) return
    const now = Date.now()
    try {
      const existing = await redis().hmget(`${this.prefix}tags`, ...list)
      const updates = []
      list.forEach((tag, i) => {
        const state = existing[i] ? JSON.parse(existing[i]) : {}
        if (durations) {
          state.stale = now
          if (durations.expire !== undefined) state.expired = now + durations.expire * 1000
        } else {
          state.expired = now
        }
        updates.push(tag, JSON.stringify(state))
      })
      await redis().hset(`${this.prefix}tags`, ...updates)
    } catch (err) {
      console.error(`[cache] could not record revalidation of ${list.join(', ')} in Redis: ${err.message}`)
    }
  }

  resetRequestCache() {}
}
