/**
 * Response cache for public API reads (and the feeds' bodies). The key is the normalised request:
 * path, query with its parameters sorted, and the kind of caller (anonymous or partner; staff are
 * never cached).
 *
 * Invalidation is per document, not wholesale: each entry is tagged with what it contains, worked
 * out from the response and the schema (every populated or referenced document at any depth:
 * `doc:<collection>:<id>`; a list also `list:<collection>`; a global `global:<slug>`). The change
 * pipeline (content/changes/subscribers/apiCache.ts) drops the tags a change touches, so
 * publishing statement A drops A's responses and statement lists, and leaves topics, programs and
 * other statements' responses cached. A response that was being built while one of its tags was
 * dropped is not stored (it may hold the old version).
 *
 * Entries live in this process's memory (no network round trip on a hit); with REDIS_URL, drops
 * are published to every server (Redis pub/sub), so a publish on one is fresh on all.
 */
import crypto from 'node:crypto'
import zlib from 'node:zlib'
import type { Field, SanitizedConfig } from 'payload'

import { processState } from '../platform/processState'
import { redis } from '../platform/redis'
import { forgetPartnerKeys } from './partnerKeys'
import { apiSettings } from './settings'

export type CachedResponse = { status: number; body: string; contentType: string; etag: string }

const MAX_BODY = 1024 * 1024
// In memory the cache is bounded by bytes (API_CACHE_MAX_MB, default 32), not by a count: a
// thousand 1 MB answers, each for a different query string, would otherwise hold a gigabyte.
// The least recently used entries go first.
const maxBytes = () => (Number(process.env.API_CACHE_MAX_MB) > 0 ? Number(process.env.API_CACHE_MAX_MB) : 32) * 1024 * 1024
/** Dropping this tag drops everything (used for responses whose contents we cannot name). */
const ANY = '*'

type Entry = { at: number; size: number; value: CachedResponse; tags: string[]; bytes?: Buffer; gzip?: Buffer }
// One cache per process, whichever of Next's bundles asks (platform/processState.ts).
const state = processState('apiCache', () => ({
  memory: new Map<string, Entry>(), // insertion order: the first is the least recently used
  byTag: new Map<string, Set<string>>(),
  dropSeq: 0,
  droppedAt: new Map<string, number>(),
  everythingDroppedAt: 0,
  missedAt: new Map<string, number>(),
  memoryBytes: 0,
  schema: null as SanitizedConfig | null,
  listening: false,
  me: `${process.pid}-${crypto.randomBytes(6).toString('hex')}`,
}))
const { memory, byTag, droppedAt, missedAt } = state

// The body as stored; the fast path's bytes and gzip are added when it first makes them (cachePeek).
const sizeOf = (key: string, value: CachedResponse) => Buffer.byteLength(value.body) + Buffer.byteLength(key) + 256

/** Evicts the least recently used entries (never `keep`) until the memory is within budget. */
function makeRoom(keep?: string) {
  const budget = maxBytes()
  for (const key of memory.keys()) {
    if (state.memoryBytes <= budget) return
    if (key !== keep) forget(key)
  }
}

/** Bytes the in-memory cache holds now (for tests and the bench). */
export function apiCacheBytes(): number {
  return state.memoryBytes
}

export function etagFor(body: string): string {
  return `W/"${crypto.createHash('sha1').update(body).digest('base64url')}"`
}

export function cacheKey(url: URL, caller: 'anonymous' | 'partner'): string {
  const params = [...url.searchParams.entries()].sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)))
  const query = new URLSearchParams(params).toString()
  return `${caller}|${url.pathname.replace(/\/+$/, '')}|${query}`
}

// ---------------------------------------------------------------------------------------------
// Tags: what a response contains, read off the response with the collections' fields.


/** The change pipeline registers the config when Payload starts (content/changes/pipeline.ts). */
export function setApiCacheSchema(config: SanitizedConfig) {
  state.schema = config
}

function walk(value: unknown, fields: readonly Field[], tags: Set<string>, depth = 0) {
  if (!value || typeof value !== 'object' || depth > 8 || !state.schema) return
  const data = value as Record<string, unknown>
  for (const field of fields) {
    if (!('name' in field) || !field.name) {
      if (field.type === 'tabs') for (const tab of field.tabs) walk('name' in tab && tab.name ? data[tab.name] : data, tab.fields, tags, depth)
      else if ('fields' in field && Array.isArray(field.fields)) walk(data, field.fields, tags, depth)
      continue
    }
    let raw = data[field.name]
    if (raw === null || raw === undefined) continue
    // locale=all: a localized field is { en: …, ur: … }.
    const localized = 'localized' in field && field.localized && typeof raw === 'object' && !Array.isArray(raw) && !('id' in raw) && !('relationTo' in raw)
    const values = localized ? Object.values(raw as object) : [raw]
    for (raw of values) {
      if (field.type === 'relationship' || field.type === 'upload') {
        for (const item of Array.isArray(raw) ? raw : [raw]) {
          const poly = Array.isArray(field.relationTo)
          const to = poly ? (item as { relationTo?: string })?.relationTo : (field.relationTo as string)
          const target = poly ? (item as { value?: unknown })?.value : item
          if (!to || target === null || target === undefined) continue
          const id = typeof target === 'object' ? (target as { id?: unknown }).id : target
          if (id !== undefined && id !== null) tags.add(`doc:${to}:${String(id)}`)
          const related = state.schema.collections.find((c) => c.slug === to)
          if (related && typeof target === 'object') walk(target, related.fields, tags, depth + 1)
        }
      } else if (field.type === 'group' || (field.type as string) === 'tab') walk(raw, (field as { fields: Field[] }).fields, tags, depth)
      else if (field.type === 'array' && Array.isArray(raw)) for (const row of raw) walk(row, field.fields, tags, depth)
      else if (field.type === 'blocks' && Array.isArray(raw)) {
        for (const row of raw) {
          const block = (field.blocks ?? []).find((b) => b.slug === (row as { blockType?: string })?.blockType)
          if (block) walk(row, block.fields, tags, depth)
        }
      }
    }
  }
}

/** Tags of a REST response body for `/api/<collection>[/<id>]` or `/api/globals/<slug>`. */
function responseTags(pathname: string, body: string): string[] {
  const segments = pathname.replace(/^\/api\/?/, '').split('/').filter(Boolean)
  if (!state.schema || !segments.length) return [ANY]
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return [ANY]
  }
  const tags = new Set<string>()
  if (segments[0] === 'globals') {
    const global = state.schema.globals.find((g) => g.slug === segments[1])
    if (!global) return [ANY]
    tags.add(`global:${global.slug}`)
    walk(parsed, global.fields, tags)
    return [...tags]
  }
  const collection = state.schema.collections.find((c) => c.slug === segments[0])
  if (!collection) return [ANY]
  const docs = segments.length === 1 ? ((parsed as { docs?: unknown[] })?.docs ?? []) : [parsed]
  if (segments.length === 1 || !(parsed && typeof parsed === 'object' && 'id' in parsed)) tags.add(`list:${collection.slug}`)
  for (const doc of docs) {
    const id = (doc as { id?: unknown })?.id
    if (id !== undefined && id !== null) tags.add(`doc:${collection.slug}:${String(id)}`)
    walk(doc, collection.fields, tags)
  }
  return [...tags]
}

// ---------------------------------------------------------------------------------------------
// The store.

function forget(key: string) {
  const entry = memory.get(key)
  if (!entry) return
  memory.delete(key)
  state.memoryBytes -= entry.size
  for (const tag of entry.tags) byTag.get(tag)?.delete(key)
}

function grow(key: string, entry: Entry, bytes: number) {
  entry.size += bytes
  state.memoryBytes += bytes
  makeRoom(key)
}

/**
 * A live entry, without counting a miss (the fast path in front of Next, partner-api/fastPath.ts),
 * as bytes: plain, or gzip-compressed (made once per entry, on the first request that accepts it).
 */
export function cachePeek(key: string, gzip = false): (CachedResponse & { bytes: Buffer; gzipped: boolean }) | null {
  const hit = memory.get(key)
  if (!hit || Date.now() - hit.at > apiSettings().cacheMaxAge * 1000) return null
  if (!hit.bytes) {
    hit.bytes = Buffer.from(hit.value.body, 'utf8')
    grow(key, hit, hit.bytes.length)
  }
  if (gzip && hit.bytes.length > 1024) {
    if (!hit.gzip) {
      hit.gzip = zlib.gzipSync(hit.bytes, { level: 6 })
      grow(key, hit, hit.gzip.length)
    }
    return { ...hit.value, bytes: hit.gzip, gzipped: true }
  }
  return { ...hit.value, bytes: hit.bytes, gzipped: false }
}

export async function cacheGet(key: string): Promise<CachedResponse | null> {
  listenForDrops()
  const hit = memory.get(key)
  if (hit && Date.now() - hit.at <= apiSettings().cacheMaxAge * 1000) {
    memory.delete(key) // most recently used goes to the end
    memory.set(key, hit)
    return hit.value
  }
  if (hit) forget(key)
  if (!missedAt.has(key)) {
    if (missedAt.size > 10_000) missedAt.clear()
    missedAt.set(key, state.dropSeq)
  }
  return null
}

/**
 * Keep a response. `tags` name what it contains; by default they are read off a REST response
 * (the key's path) or, for anything else, "everything" (dropped by any change).
 */
export async function cacheSet(key: string, value: CachedResponse, tags?: string[]): Promise<void> {
  const since = missedAt.get(key) ?? state.dropSeq
  missedAt.delete(key)
  if (value.body.length > MAX_BODY) return
  const path = key.split('|')[1] ?? ''
  const entryTags = tags ?? (path.startsWith('/api') ? responseTags(path, value.body) : [ANY])
  // Something it contains changed while it was being built: it may be the old version.
  if (state.everythingDroppedAt > since || entryTags.some((t) => (droppedAt.get(t) ?? 0) > since)) return
  const size = sizeOf(key, value)
  const budget = maxBytes()
  if (size > budget) return
  forget(key)
  memory.set(key, { at: Date.now(), size, value, tags: entryTags })
  state.memoryBytes += size
  makeRoom(key)
  for (const tag of entryTags) {
    let keys = byTag.get(tag)
    if (!keys) byTag.set(tag, (keys = new Set()))
    keys.add(key)
  }
}

/** Drop the entries with any of these tags (or all) in this process only. */
function dropLocally(tags: string[], everything: boolean) {
  state.dropSeq += 1
  if (everything) {
    state.everythingDroppedAt = state.dropSeq
    memory.clear()
    state.memoryBytes = 0
    byTag.clear()
    forgetPartnerKeys()
    return
  }
  for (const tag of [...tags, ANY]) {
    droppedAt.set(tag, state.dropSeq)
    for (const key of [...(byTag.get(tag) ?? [])]) forget(key)
  }
  if (droppedAt.size > 50_000) droppedAt.clear()
  if (tags.includes('partner-keys')) forgetPartnerKeys()
}

// ---------------------------------------------------------------------------------------------
// Several servers: drops go through Redis pub/sub.

const CHANNEL = () => `${process.env.REDIS_CACHE_PREFIX || 'daleel:next:'}api-cache:drop`

function listenForDrops() {
  if (state.listening || !process.env.REDIS_URL) return
  state.listening = true
  void (async () => {
    const { Redis } = await import('ioredis')
    const subscriber = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null, enableOfflineQueue: true })
    subscriber.on('error', () => {})
    await subscriber.subscribe(CHANNEL())
    subscriber.on('message', (_channel, message) => {
      try {
        const { from, tags, everything } = JSON.parse(message) as { from: string; tags: string[]; everything: boolean }
        if (from !== state.me) dropLocally(tags ?? [], Boolean(everything))
      } catch {
        /* not ours */
      }
    })
  })().catch(() => {
    state.listening = false
  })
}

/** Drop what a change made stale, here and (with REDIS_URL) on every other server. */
export async function dropApiCache(tags: string[], everything = false): Promise<void> {
  if (!tags.length && !everything) return
  dropLocally(tags, everything)
  const client = await redis()
  if (!client) return
  try {
    await client.publish(CHANNEL(), JSON.stringify({ from: state.me, tags, everything }))
  } catch {
    /* entries expire after max-age anyway */
  }
}
