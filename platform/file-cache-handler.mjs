/**
 * Next.js cache handler for the embedded default (one server, no REDIS_URL): Next's own file-system
 * cache, plus a record on disk of when each cache tag was revalidated, so a revalidation outlives
 * the process.
 *
 * Why: Next keeps "this tag went stale at T" in memory only (tags-manifest.external.js), while the
 * pages themselves stay on disk. A site-wide change (site settings, navigation: revalidatePath('/',
 * 'layout') in app/next/revalidate) marks every page stale without rendering them; after a restart
 * every page nobody had opened in between came back from disk as it was before the change, and
 * pages are cached until a change touches them. With this record, a restarted server knows the
 * same revalidation times (the originals, not "now": pages rendered after the change stay good).
 *
 * The record is `<dist>/cache/revalidated-tags.jsonl`, beside the build's cache (a new build starts
 * a new cache, and a new record). Lines are appended, never rewritten in place, so several
 * processes on one build can share it; the latest time per tag wins. When it cannot be written the
 * handler says so once and goes on as Next alone would. Plain .mjs: Next loads it by path at runtime.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import FileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import TagsManifestModule from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js'

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule
const { tagsManifest } = TagsManifestModule

const RECORD = 'revalidated-tags.jsonl'
// Compact the record at start once it holds this many lines (one line per tag per revalidation).
const COMPACT_AFTER = 2000

/** The record's path for a build whose server output is `serverDistDir` (`.next/server`). */
export function recordPath(serverDistDir) {
  return path.join(serverDistDir, '..', 'cache', RECORD)
}

/** The later of two optional times (undefined when both are). */
const later = (a, b) => (typeof a === 'number' || typeof b === 'number' ? Math.max(a ?? 0, b ?? 0) : undefined)

/** Both times of a tag, each the later of `a`'s and `b`'s; absent ones stay absent. */
function latest(a = {}, b = {}) {
  const stale = later(a.stale, b.stale)
  const expired = later(a.expired, b.expired)
  return { ...(stale === undefined ? {} : { stale }), ...(expired === undefined ? {} : { expired }) }
}

/** Reads the record into Next's manifest, keeping whichever time is later for each tag. */
export function loadRecord(file) {
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return 0 // none yet
  }
  const lines = text.split('\n').filter(Boolean)
  const merged = new Map()
  for (const line of lines) {
    let entry
    try {
      entry = JSON.parse(line)
    } catch {
      continue // a line cut short by a crash
    }
    if (entry && typeof entry.tag === 'string') merged.set(entry.tag, latest(merged.get(entry.tag), entry))
  }
  for (const [tag, times] of merged) tagsManifest.set(tag, { ...tagsManifest.get(tag), ...latest(tagsManifest.get(tag), times) })
  if (lines.length > COMPACT_AFTER) {
    try {
      writeFileSync(file, [...merged].map(([tag, times]) => JSON.stringify({ tag, ...times })).join('\n') + '\n')
    } catch {
      /* kept as it is; read again next start */
    }
  }
  return merged.size
}

const loaded = new Set()
let warned = false

export default class PersistentFileCache extends FileSystemCache {
  constructor(ctx) {
    super(ctx)
    this.record = ctx.serverDistDir ? recordPath(ctx.serverDistDir) : null
    // Next makes a handler per request; the record is read once per process.
    if (this.record && !loaded.has(this.record)) {
      loaded.add(this.record)
      loadRecord(this.record)
    }
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations)
    if (!this.record) return
    const list = typeof tags === 'string' ? [tags] : tags
    const lines = list.map((tag) => JSON.stringify({ tag, ...tagsManifest.get(tag) })).join('\n')
    if (!lines) return
    try {
      mkdirSync(path.dirname(this.record), { recursive: true })
      appendFileSync(this.record, `${lines}\n`)
    } catch (err) {
      if (!warned) console.error(`[cache] could not record a revalidation in ${this.record} (${err.message}); after a restart, pages cached before it may show old content.`)
      warned = true
    }
  }
}
