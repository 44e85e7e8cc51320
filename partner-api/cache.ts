/**
 * Response cache for public API reads. The key is the normalised request: path, query with its
 * parameters sorted, and the kind of caller (anonymous or partner; staff are never cached).
 *
 * Invalidation: every cached entry belongs to a "generation"; publishing, unpublishing, updating or
 * deleting anything public bumps the generation, which drops every entry at once. That is coarser
 * than tracking which documents each response contains (a response at depth 2 can hold documents of
 * several collections), but it is always correct and a publish is rare next to reads. In memory by
 * default; with REDIS_URL the generation and entries live in Redis so every server sees a publish.
 */
import crypto from 'node:crypto'

import { redis } from '../platform/redis'
import { apiSettings } from './settings'

export type CachedResponse = { status: number; body: string; contentType: string; etag: string }

const MAX_BODY = 1024 * 1024
// In memory the cache is bounded by bytes (API_CACHE_MAX_MB, default 32), not by a count: a
// thousand 1 MB answers, each for a different query string, would otherwise hold a gigabyte.
// The least recently used entries go first.
const maxBytes = () => (Number(process.env.API_CACHE_MAX_MB) > 0 ? Number(process.env.API_CACHE_MAX_MB) : 32) * 1024 * 1024
const memory = new Map<string, { gen: number; at: number; size: number; value: CachedResponse }>()
let memoryBytes = 0
let localGeneration = 0

const sizeOf = (key: string, value: CachedResponse) => Buffer.byteLength(value.body) + Buffer.byteLength(key) + 256

function forget(key: string) {
  const entry = memory.get(key)
  if (!entry) return
  memoryBytes -= entry.size
  memory.delete(key)
}

/** Bytes the in-memory cache holds now (for tests and the bench). */
export function apiCacheBytes(): number {
  return memoryBytes
}

export function etagFor(body: string): string {
  return `W/"${crypto.createHash('sha1').update(body).digest('base64url')}"`
}

export function cacheKey(url: URL, caller: 'anonymous' | 'partner'): string {
  const params = [...url.searchParams.entries()].sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)))
  const query = new URLSearchParams(params).toString()
  return `${caller}|${url.pathname.replace(/\/+$/, '')}|${query}`
}

async function generation(): Promise<number> {
  const client = await redis()
  if (!client) return localGeneration
  try {
    return Number((await client.get('daleel:api:gen')) ?? 0)
  } catch {
    return -1 // Redis down: behave as a miss and do not store
  }
}

export async function cacheGet(key: string): Promise<CachedResponse | null> {
  const gen = await generation()
  if (gen < 0) return null
  const ttl = apiSettings().cacheMaxAge * 1000
  const client = await redis()
  if (client) {
    try {
      const raw = await client.get(`daleel:api:${gen}:${key}`)
      return raw ? (JSON.parse(raw) as CachedResponse) : null
    } catch {
      return null
    }
  }
  const hit = memory.get(key)
  if (!hit) return null
  if (hit.gen !== gen || Date.now() - hit.at > ttl) {
    forget(key)
    return null
  }
  memory.delete(key) // most recently used last
  memory.set(key, hit)
  return hit.value
}

export async function cacheSet(key: string, value: CachedResponse): Promise<void> {
  if (value.body.length > MAX_BODY) return
  const gen = await generation()
  if (gen < 0) return
  const client = await redis()
  if (client) {
    try {
      await client.set(`daleel:api:${gen}:${key}`, JSON.stringify(value), 'EX', apiSettings().cacheMaxAge)
    } catch {
      /* a cache that cannot store is just a miss */
    }
    return
  }
  const size = sizeOf(key, value)
  const budget = maxBytes()
  if (size > budget) return
  forget(key)
  while (memoryBytes + size > budget && memory.size) forget(memory.keys().next().value as string)
  memory.set(key, { gen, at: Date.now(), size, value })
  memoryBytes += size
}

/** Drop every cached response (called from collection and global change hooks). */
export async function invalidateApiCache(): Promise<void> {
  localGeneration++
  memory.clear()
  memoryBytes = 0
  const client = await redis()
  if (client) {
    try {
      await client.incr('daleel:api:gen')
    } catch {
      /* entries expire after max-age anyway */
    }
  }
}
