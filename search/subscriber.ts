/**
 * The search index as a subscriber of the content change pipeline (content/changes): every
 * publish, republish, unpublish, withdrawal, trash, restore and delete, from any door (admin,
 * REST, GraphQL, Local API, scheduled jobs, scripts), reaches the index inside the same save.
 */
import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import type { ChangeSubscriber } from '../content/changes/subscriber'
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

/** More documents than this showing a changed one are indexed again by a job, not inside the save. */
const INLINE_REINDEX = 200
const REINDEX_TASK = 'searchReindexShowing'

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
    await reindexShowing(req.payload, collection, numeric ? Number(id) : id)
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
    const { req } = change
    if (change.global || change.id === null || req.context?.skipSearchIndex) return
    if (!searchSpecs(req.payload.config).has(change.collection)) return
    // A draft save changes nothing a reader can find.
    if (!change.wasPublic && !change.isPublic) return
    if (change.kinds.length === 1 && change.kinds[0] === 'draftSaved') return
    if (change.operation === 'delete') await unindexDocument(req.payload, change.collection, change.id, req)
    else await indexDocument(req.payload, change.collection, change.id, req)
  },

  /** Documents whose entries show this one (a renamed topic, a replaced PDF), after the commit. */
  async afterCommit(change: IndexChange, payload: Payload): Promise<void> {
    if (change.id === null || !showsElsewhere(payload, change)) return
    // A topic on thousands of statements: the save returns now, the jobs runner does the rest.
    if ((await countShowing(payload, change.collection, change.id)) > INLINE_REINDEX) {
      await payload.jobs.queue({ task: REINDEX_TASK, input: { collection: change.collection, id: String(change.id) } } as never)
      return
    }
    await reindexShowing(payload, change.collection, change.id)
  },
}
