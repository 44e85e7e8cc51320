/**
 * The search index as a subscriber of the content change pipeline (content/changes): every
 * publish, republish, unpublish, withdrawal, trash, restore and delete, from any door (admin,
 * REST, GraphQL, Local API, scheduled jobs, scripts), reaches the index inside the same save.
 */
import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { localeCodes } from '../content/locales'
import { applyStaleness } from '../content/changes/freshness'
import type { ChangeSubscriber, Staleness } from '../content/changes/subscriber'
import { searchPath } from '../site/paths'
import { countShowing, ensureSearchIndex, indexDocument, reindexShowing, unindexDocument } from './indexer'
import { searchSpecs } from './specs'

type Id = number | string
type Stored = Record<string, unknown> | null

/** The part of a classified change (content/changes/event.ts) the index needs. */
type IndexChange = {
  collection: string
  global: boolean
  id: Id | null
  operation: 'create' | 'update' | 'delete'
  kinds: readonly string[]
  wasPublic: boolean
  isPublic: boolean
  before: Stored
  after: Stored
}

/** Whether documents that show this one (its name, its PDF's text) need their entries again. */
function showsElsewhere(payload: Payload, change: IndexChange): boolean {
  if (change.global || change.operation === 'create' || change.id === null) return false
  const config = payload.config.collections.find((c) => c.slug === change.collection)
  const titleField = typeof config?.admin?.useAsTitle === 'string' ? config.admin.useAsTitle : 'title'
  const shown = (doc: Stored) =>
    JSON.stringify([doc?.[titleField], doc?.slug, (doc?.pdf as Record<string, unknown> | undefined)?.text, (doc?.pdf as Record<string, unknown> | undefined)?.language, Boolean(doc?.deletedAt), doc?._status])
  return change.operation === 'delete' || shown(change.before) !== shown(change.after)
}

/**
 * More documents than this showing a changed one are indexed again by a job, not inside the save
 * (SEARCH_INLINE_REINDEX, default 200).
 */
function inlineReindex(): number {
  const n = Number(process.env.SEARCH_INLINE_REINDEX)
  return process.env.SEARCH_INLINE_REINDEX && Number.isInteger(n) && n >= 0 ? n : 200
}
export const REINDEX_TASK = 'searchReindexShowing'

/**
 * What any change to the index makes stale: every search results page (each query is a page of the
 * same path, so purging the path drops them all, on every server) and the partner API's cached
 * search answers (a save's own staleness drops those already: apiCache subscriber).
 */
const searchPages = (): Staleness => ({ pages: localeCodes.map(searchPath) })
export const searchStaleness = (): Staleness => ({ ...searchPages(), apiTags: ['search'] })

/** Does this change reach the index? (A draft save changes nothing a reader can find.) */
function reachesIndex(change: IndexChange & { req: PayloadRequest }): change is IndexChange & { req: PayloadRequest; id: Id } {
  if (change.global || change.id === null || change.req.context?.skipSearchIndex) return false
  if (!searchSpecs(change.req.payload.config).has(change.collection)) return false
  if (!change.wasPublic && !change.isPublic) return false
  return !(change.kinds.length === 1 && change.kinds[0] === 'draftSaved')
}

/**
 * Index again the documents that show a changed one, then drop cached search answers and pages
 * (every server): the change itself dropped them before these entries were new, and one asked in
 * between would otherwise keep the old name until it expires.
 */
async function reindexShowingNow(payload: Payload, collection: string, id: Id): Promise<void> {
  if ((await reindexShowing(payload, collection, id)) > 0) await applyStaleness(searchStaleness())
}

/** The job: index again every document that shows a changed topic, person, organisation or PDF. */
const reindexShowingTask: TaskConfig<any> = {
  slug: REINDEX_TASK,
  label: 'Search: index again the documents that show a changed one',
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
  ],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 15_000 } },
  handler: async ({ input, req }) => {
    const { collection, id } = input as { collection: string; id: string }
    const numeric = req.payload.db.defaultIDType === 'number' && /^\d+$/.test(id)
    await reindexShowingNow(req.payload, collection, numeric ? Number(id) : id)
    return { output: {} }
  },
}

export const searchIndex: ChangeSubscriber = {
  name: 'search index',
  tasks: [reindexShowingTask],

  /** Create the index if this database has none yet (and fill it when there is content already). */
  onInit: (payload: Payload) => ensureSearchIndex(payload),

  /** The document's own entries, in the save's transaction: a publish is searchable when it returns. */
  async duringSave(change: IndexChange & { req: PayloadRequest }): Promise<void> {
    if (!reachesIndex(change)) return
    if (change.operation === 'delete') await unindexDocument(change.req.payload, change.collection, change.id, change.req)
    else await indexDocument(change.req.payload, change.collection, change.id, change.req)
  },

  /** Every search results page, when the save changed the index (a bulk load makes everything stale instead). */
  stale: (change: IndexChange & { req: PayloadRequest }) => (reachesIndex(change) ? searchPages() : null),

  /** Documents whose entries show this one (a renamed topic, a replaced PDF), after the commit. */
  async afterCommit(change: IndexChange, payload: Payload): Promise<void> {
    if (change.id === null || !showsElsewhere(payload, change)) return
    // A topic on thousands of statements: the save returns now, the jobs runner does the rest.
    if ((await countShowing(payload, change.collection, change.id)) > inlineReindex()) {
      await payload.jobs.queue({ task: REINDEX_TASK, input: { collection: change.collection, id: String(change.id) } } as never)
      return
    }
    await reindexShowingNow(payload, change.collection, change.id)
  },
}
