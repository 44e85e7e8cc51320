/**
 * The change pipeline: one set of hooks on every collection and global, whatever the door (admin,
 * REST, GraphQL, Local API, scheduled jobs, seed and restore scripts), that loads the stored
 * document once before and once after the change, classifies what happened (event.ts) and hands
 * the change to the subscribers in their fixed order (subscribers/index.ts).
 *
 * Hook order on every collection (the pipeline's hooks always come last, after the collection's
 * own and the editorial workflow's, so they see the change exactly as it is stored):
 *   beforeOperation  … own, workflow → noteOperation (remember whether this is a draft save)
 *   beforeChange     … own, workflow → loadBefore (the live row, every locale, once)
 *   afterChange      … own → dispatchChange (load the live row after, classify, run subscribers)
 *   afterDelete      … own → dispatchDelete
 *   afterOperation   … own → settle (apply the merged staleness once the change is committed)
 * Globals: afterChange → dispatch and settle.
 *
 * "Once committed": where the database runs transactions (MongoDB replica set), caches are
 * refreshed only after the commit, so a reader can never cache what was rolled back or not yet
 * visible; without one (SQLite), right after the operation's writes.
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterOperationHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  Config,
  GlobalAfterChangeHook,
  GlobalConfig,
  Payload,
  PayloadRequest,
} from 'payload'

import { contentType } from '../registry'
import { hasDrafts } from '../schema'
import { classify, touchesPublic, type ChangeDoor, type ContentChange, type StoredDoc } from './event'
import { mergeStaleness, runAfterCommit, type Batch } from './outbox'
import { RETRY_TASK, retryChangeTask } from './retry'
import { subscribers } from './subscribers'
import { redirectsTable } from './subscribers/redirects'
import { serverHandle } from './server'

/** Collections the subscribers themselves write to: changing them is not a content change. */
const SINKS = new Set(['audit-log', 'webhook-deliveries', 'media-usage'])

type Id = number | string

const draftKey = (collection: string, id: unknown) => `changes:draft:${collection}:${id === undefined || id === null ? '*' : String(id)}`
const beforeKey = (collection: string, id: unknown) => `changes:before:${collection}:${String(id)}`

/** Before an update or create: is it a draft save? (Payload's afterChange cannot tell a draft save from an unpublish.) */
const noteOperation: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'update' && operation !== 'create') return args
  const a = args as { draft?: boolean; id?: Id; data?: { _status?: string } }
  // Payload saves a draft only (the live row untouched) when `draft` is set and the data does not publish.
  req.context[draftKey(collection.slug, a.id)] = Boolean(a.draft && hasDrafts(collection) && a.data?._status !== 'published')
  return args
}

const isDraftSave = (req: PayloadRequest, collection: string, id: unknown) =>
  Boolean(req.context?.[draftKey(collection, id)] ?? req.context?.[draftKey(collection, undefined)])

/** The stored row (what readers get), every locale, relations as ids. */
async function stored(req: PayloadRequest, collection: string, id: Id): Promise<StoredDoc | null> {
  return (await req.payload.db.findOne({ collection, where: { id: { equals: id } }, locale: 'all', req })) as StoredDoc | null
}

/** Before an update: the live row as readers see it (a draft save needs none: nothing public changes). */
const loadBefore: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || originalDoc?.id === undefined) return data
  if (isDraftSave(req, collection.slug, originalDoc.id)) return data
  req.context[beforeKey(collection.slug, originalDoc.id)] = await stored(req, collection.slug, originalDoc.id)
  return data
}

function doorOf(req: PayloadRequest): ChangeDoor {
  if (req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL') return 'request'
  return serverHandle() ? 'job' : 'script'
}

// ---------------------------------------------------------------------------------------------
// Batches: what one request changed, applied together when it is committed.

const batches = new WeakMap<PayloadRequest, Batch>()

function batchOf(req: PayloadRequest): Batch {
  let batch = batches.get(req)
  if (!batch) {
    batch = { staleness: {}, changes: [], open: 0 }
    batches.set(req, batch)
  }
  return batch
}

/**
 * Run the subscribers on one change: during the save, then note what it made stale. Subscribers
 * read and write through the same request (e.g. the audit entry, webhook endpoints): the
 * operations they run must not settle the batch while it is still being filled.
 */
async function dispatch(change: ContentChange): Promise<void> {
  const batch = batchOf(change.req)
  batch.open += 1
  try {
    for (const subscriber of subscribers) {
      const stale = subscriber.duringSave ? await subscriber.duringSave(change) : undefined
      if (stale) mergeStaleness(batch.staleness, stale)
    }
    if (change.req.context?.bulk) {
      // A bulk load (`context: { bulk: true }`: the search bench's thousands of statements, an
      // import) changes too much to work out page by page, and each new document makes every
      // sibling's "related" list stale: the whole site is stale once instead (a script's changes
      // are applied together, outbox.ts).
      if (touchesPublic(change)) mergeStaleness(batch.staleness, { everything: true })
    } else {
      for (const subscriber of subscribers) {
        if (!subscriber.stale) continue
        const stale = await subscriber.stale(change)
        if (stale) mergeStaleness(batch.staleness, stale)
      }
    }
    if (subscribers.some((s) => s.afterCommit)) {
      const { req: _req, doc: _doc, previous: _previous, ...committed } = change
      batch.changes.push(committed)
    }
  } finally {
    batch.open -= 1
  }
}

/**
 * The open transaction of this request, if the database is running one. Only an id the adapter
 * has a session for counts: Payload leaves a promise here while it starts one (or when there are
 * none, as on SQLite), and its relation loader can leave other values behind.
 */
async function transactionOf(req: PayloadRequest): Promise<number | string | null> {
  const id = await req.transactionID
  if (typeof id !== 'string' && typeof id !== 'number') return null
  const sessions = (req.payload.db as unknown as { sessions?: Record<string, unknown> }).sessions
  return sessions?.[id] ? id : null
}

const waiting = new Map<number | string, Batch[]>()

/** Apply this request's changes now, or when its transaction commits. */
async function settle(req: PayloadRequest): Promise<void> {
  const batch = batches.get(req)
  // Not while subscribers are still adding to it (their own reads and writes end in here too).
  if (!batch || batch.open > 0) return
  batches.delete(req)
  const transaction = await transactionOf(req)
  if (transaction !== null) {
    waiting.set(transaction, [...(waiting.get(transaction) ?? []), batch])
    return
  }
  await runAfterCommit(req.payload, batch)
}

/** Wrap the adapter's commit and rollback once, so batches run after a commit and vanish on a rollback. */
function installAfterCommit(payload: Payload) {
  const db = payload.db as unknown as Record<string, any>
  if (db.__daleelChanges) return
  db.__daleelChanges = true
  const commit = db.commitTransaction
  const rollback = db.rollbackTransaction
  if (typeof commit === 'function') {
    db.commitTransaction = async function (id: unknown) {
      const transaction = await id
          await commit.call(this, transaction)
      const list = waiting.get(transaction as number | string)
      if (!list) return
      waiting.delete(transaction as number | string)
      for (const batch of list) await runAfterCommit(payload, batch)
    }
  }
  if (typeof rollback === 'function') {
    db.rollbackTransaction = async function (id: unknown) {
      const transaction = await id
      waiting.delete(transaction as number | string)
      return rollback.call(this, transaction)
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The hooks.

function changeOf(
  req: PayloadRequest,
  fields: Omit<ContentChange, 'req' | 'door' | 'at' | 'kinds' | 'update' | 'wasPublic' | 'isPublic'>,
  draftSave: boolean,
  drafts: boolean,
): ContentChange {
  const content = fields.global || Boolean(contentType(fields.collection))
  const classified = classify({ operation: fields.operation, content, drafts, draftSave, before: fields.before, after: fields.after })
  return { ...fields, ...classified, req, door: doorOf(req), at: new Date().toISOString() }
}

const dispatchChange: CollectionAfterChangeHook = async ({ collection, doc, operation, previousDoc, req }) => {
  const drafts = hasDrafts(collection)
  const draftSave = isDraftSave(req, collection.slug, operation === 'create' ? undefined : doc.id)
  const before = operation === 'update' && !draftSave ? ((req.context[beforeKey(collection.slug, doc.id)] as StoredDoc | null) ?? null) : null
  delete req.context[beforeKey(collection.slug, doc.id)]
  // A draft save leaves the live row alone: there is nothing more to load.
  const after = draftSave && operation === 'update' ? null : await stored(req, collection.slug, doc.id)
  const change = changeOf(
    req,
    { collection: collection.slug, global: false, id: doc.id, operation, before, after, doc, previous: previousDoc ?? null },
    draftSave,
    drafts,
  )
  await dispatch(change)
  return doc
}

const dispatchDelete: CollectionAfterDeleteHook = async ({ collection, doc, id, req }) => {
  const stored = doc as StoredDoc
  const change = changeOf(
    req,
    { collection: collection.slug, global: false, id: doc?.id ?? id, operation: 'delete', before: stored, after: null, doc, previous: doc },
    false,
    hasDrafts(collection),
  )
  await dispatch(change)
  return doc
}

const settleOperation: CollectionAfterOperationHook = async ({ req, result }) => {
  await settle(req)
  return result
}

const dispatchGlobalChange: GlobalAfterChangeHook = async ({ doc, global, previousDoc, req }) => {
  const change = changeOf(
    req,
    { collection: global.slug, global: true, id: null, operation: 'update', before: previousDoc ?? null, after: doc, doc, previous: previousDoc ?? null },
    false,
    false,
  )
  await dispatch(change)
  await settle(req)
  return doc
}

// ---------------------------------------------------------------------------------------------
// The plugin: adds the hooks to every collection and global, in the order documented above.

function withChangeHooks(collection: CollectionConfig): CollectionConfig {
  if (SINKS.has(collection.slug)) return collection
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [...(hooks.beforeOperation ?? []), noteOperation],
      beforeChange: [...(hooks.beforeChange ?? []), loadBefore],
      afterChange: [...(hooks.afterChange ?? []), dispatchChange],
      afterDelete: [...(hooks.afterDelete ?? []), dispatchDelete],
      afterOperation: [...(hooks.afterOperation ?? []), settleOperation],
    },
  }
}

function globalWithChangeHooks(global: GlobalConfig): GlobalConfig {
  const hooks = global.hooks ?? {}
  return { ...global, hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), dispatchGlobalChange] } }
}

/**
 * Payload plugin; listed LAST in payload.config.ts so it sees every collection other plugins add.
 */
export const contentChanges =
  () =>
  (incoming: Config): Config => {
    // The redirect table (staff see and remove redirects in the admin) is part of the pipeline.
    const config = redirectsTable(incoming) as Config
    return {
    ...config,
    collections: (config.collections ?? []).map(withChangeHooks),
    globals: (config.globals ?? []).map(globalWithChangeHooks),
    jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), retryChangeTask, ...subscribers.flatMap((s) => s.tasks ?? [])] },
    onInit: async (payload) => {
      await config.onInit?.(payload)
      installAfterCommit(payload)
      for (const subscriber of subscribers) await subscriber.onInit?.(payload)
      // A web server starting up does at once what scripts (a restore, a seed) left for it.
      if (serverHandle() && process.env.DALEEL_JOBS !== 'off') {
        setTimeout(() => {
          payload.jobs.run({ where: { taskSlug: { equals: RETRY_TASK } } }).catch((err) => payload.logger.error({ err, msg: 'content changes: running pending refreshes failed' }))
        }, 2000).unref?.()
      }
    },
    }
  }
