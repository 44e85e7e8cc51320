/**
 * Keeping the index true to what readers can see: (re)index one document, the documents that show
 * a changed one (a renamed topic is in every statement's entry), and rebuild everything.
 *
 * A document is in the index when a reader can open it: published (types with drafts), not in the
 * trash, not withdrawn. Its entries are worked out from the published document itself, read with
 * every language and its related documents (search/entries.ts).
 */
import type { Payload, PayloadRequest, SanitizedCollectionConfig, Where } from 'payload'

import { dataFields, entriesFor, type SearchSpec } from './entries'
import { searchEngine, type IndexEntry } from './engine'
import { searchSpecs } from './specs'

type Doc = Record<string, any>
type Id = number | string

const BATCH = 50

function collectionConfig(payload: Payload, slug: string): SanitizedCollectionConfig {
  const c = payload.collections[slug]?.config
  if (!c) throw new Error(`No collection "${slug}".`)
  return c
}

const hasDrafts = (c: SanitizedCollectionConfig) => Boolean(c.versions && typeof c.versions === 'object' && c.versions.drafts)

/** Can a reader open this stored document? (Withdrawn pages stay up, but are not offered by search.) */
function isSearchable(c: SanitizedCollectionConfig, doc: Doc | null | undefined): boolean {
  if (!doc || doc.deletedAt) return false
  if (hasDrafts(c) && doc._status !== 'published') return false
  return !doc.withdrawal?.withdrawn
}

/** How search reads documents: the live (published) row, every language, related documents and the PDFs' text. */
const readOptions = { locale: 'all' as const, depth: 1, draft: false, overrideAccess: true, showHiddenFields: true }

function entriesOf(spec: SearchSpec, c: SanitizedCollectionConfig, doc: Doc): IndexEntry[] {
  return isSearchable(c, doc) ? entriesFor(spec, c, doc) : []
}

/**
 * Bring one document's entries up to date (none when readers cannot see it). Runs inside the save
 * that changed it, with its request (and transaction).
 */
export async function indexDocument(payload: Payload, collection: string, id: Id, req?: PayloadRequest): Promise<number> {
  const spec = searchSpecs(payload.config).get(collection)
  if (!spec) return 0
  const c = collectionConfig(payload, collection)
  const doc = (await payload.findByID({ collection: collection as never, id, ...readOptions, disableErrors: true, req })) as Doc | null
  const entries = doc ? entriesOf(spec, c, doc) : []
  await (await searchEngine(payload)).replace([{ collection, docId: String(id), entries }], req)
  return entries.length
}

/** Remove a document's entries (deleted for good). */
export async function unindexDocument(payload: Payload, collection: string, id: Id, req?: PayloadRequest): Promise<void> {
  if (!searchSpecs(payload.config).has(collection)) return
  await (await searchEngine(payload)).replace([{ collection, docId: String(id), entries: [] }], req)
}

/** Relation and upload fields of searchable types that point at `collection`, as `where` clauses per type. */
function showingQueries(payload: Payload, collection: string, id: Id): Array<{ spec: SearchSpec; c: SanitizedCollectionConfig; where: Where }> {
  const out: Array<{ spec: SearchSpec; c: SanitizedCollectionConfig; where: Where }> = []
  for (const spec of searchSpecs(payload.config).values()) {
    const c = collectionConfig(payload, spec.collection)
    const paths = spec.fields.filter((path) => {
      const f = dataFields(c.fields).find((x) => 'name' in x && x.name === path)
      if (!f || (f.type !== 'relationship' && f.type !== 'upload')) return false
      return Array.isArray(f.relationTo) ? f.relationTo.includes(collection) : f.relationTo === collection
    })
    if (paths.length) out.push({ spec, c, where: { or: paths.map((p) => ({ [p]: { equals: id } })) } })
  }
  return out
}

/** How many searchable documents show `collection`/`id` in their entries. */
export async function countShowing(payload: Payload, collection: string, id: Id): Promise<number> {
  let n = 0
  for (const { spec, where } of showingQueries(payload, collection, id)) {
    n += (await payload.count({ collection: spec.collection as never, where, overrideAccess: true })).totalDocs
  }
  return n
}

/**
 * The searchable documents that show `collection`/`id` in their entries (through a relation or an
 * attachment): their entries hold its name or text, so they are indexed again when it changes.
 */
export async function reindexShowing(payload: Payload, collection: string, id: Id): Promise<number> {
  let count = 0
  for (const { spec, c, where } of showingQueries(payload, collection, id)) count += await indexWhere(payload, spec, c, where)
  return count
}

/** Index every document of one type matching `where`, in batches; returns how many entries were written. */
async function indexWhere(payload: Payload, spec: SearchSpec, c: SanitizedCollectionConfig, where?: Where, seen?: Set<string>): Promise<number> {
  const engine = await searchEngine(payload)
  let entries = 0
  for (let page = 1; ; page++) {
    const result = await payload.find({ collection: spec.collection as never, where, ...readOptions, limit: BATCH, page, sort: 'id' })
    const docs = result.docs as Doc[]
    const batch = docs.map((doc) => ({ collection: spec.collection, docId: String(doc.id), entries: entriesOf(spec, c, doc) }))
    await engine.replace(batch)
    for (const b of batch) {
      entries += b.entries.length
      seen?.add(`${spec.collection}:${b.docId}`)
    }
    if (!result.hasNextPage) break
  }
  return entries
}

type RebuildReport = { documents: number; entries: Record<string, number>; removed: number; ms: number }

/**
 * Rebuild the whole index from the published content. Readers keep searching meanwhile: every
 * document's entries are replaced in place, then entries of documents that are gone are removed.
 * `fresh` drops and re-creates the tables first (what a schema change needs; search is empty meanwhile).
 */
export async function rebuildSearchIndex(payload: Payload, options: { fresh?: boolean; log?: (line: string) => void } = {}): Promise<RebuildReport> {
  const started = Date.now()
  const engine = await searchEngine(payload)
  if (options.fresh) await engine.drop()
  await engine.ensure()
  const seen = new Set<string>()
  for (const spec of searchSpecs(payload.config).values()) {
    const c = collectionConfig(payload, spec.collection)
    const before = seen.size
    const written = await indexWhere(payload, spec, c, hasDrafts(c) ? { _status: { equals: 'published' } } : undefined, seen)
    options.log?.(`${spec.collection}: ${seen.size - before} documents, ${written} entries`)
  }
  const stale = (await engine.documents()).filter((key) => !seen.has(key))
  if (stale.length) {
    await engine.replace(stale.map((key) => ({ collection: key.slice(0, key.indexOf(':')), docId: key.slice(key.indexOf(':') + 1), entries: [] })))
  }
  await engine.optimise()
  return { documents: seen.size, entries: await engine.size(), removed: stale.length, ms: Date.now() - started }
}

/**
 * On start: make sure the index exists; when it had to be made (a new database, or a new index
 * schema) and there is published content already, fill it.
 */
export async function ensureSearchIndex(payload: Payload): Promise<void> {
  const engine = await searchEngine(payload)
  const created = await engine.ensure()
  if (!created) return
  let content = 0
  for (const spec of searchSpecs(payload.config).values()) {
    try {
      content += (await payload.count({ collection: spec.collection as never, overrideAccess: true })).totalDocs
    } catch {
      return // the content tables do not exist yet (a database about to be migrated): nothing to index
    }
  }
  if (!content) return
  const report = await rebuildSearchIndex(payload)
  payload.logger.info({ msg: `search: index built (${report.documents} documents, ${report.ms} ms)` })
}
