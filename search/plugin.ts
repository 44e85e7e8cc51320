/**
 * TEMPORARY ADAPTER until the content change pipeline (content/changes, issue #12) is on main:
 * feeds search/subscriber.ts from plain afterChange/afterDelete hooks. When the pipeline lands this
 * file goes and `searchIndex` joins its subscriber list.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Config } from 'payload'

import { reindexShowingTask, searchIndex, type IndexChange } from './subscriber'

const SHOWN = ['statements', 'programs', 'campaigns', 'people', 'topics', 'offices', 'organisations', 'media']

const afterChange: CollectionAfterChangeHook = async ({ collection, doc, operation, previousDoc, req }) => {
  const change: IndexChange = {
    collection: collection.slug,
    global: false,
    id: doc.id,
    operation,
    kinds: [],
    wasPublic: true,
    isPublic: true,
    before: previousDoc ?? null,
    after: doc,
  }
  await searchIndex.duringSave({ ...change, req })
  if (!req.context?.skipSearchIndex) await searchIndex.afterCommit(change, req.payload)
  return doc
}

const afterDelete: CollectionAfterDeleteHook = async ({ collection, doc, id, req }) => {
  const change: IndexChange = { collection: collection.slug, global: false, id, operation: 'delete', kinds: ['deleted'], wasPublic: true, isPublic: false, before: doc, after: null }
  await searchIndex.duringSave({ ...change, req })
  await searchIndex.afterCommit(change, req.payload)
  return doc
}

export const searchIndexAdapter =
  () =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((c) =>
      SHOWN.includes(c.slug)
        ? { ...c, hooks: { ...c.hooks, afterChange: [...(c.hooks?.afterChange ?? []), afterChange], afterDelete: [...(c.hooks?.afterDelete ?? []), afterDelete] } }
        : c,
    ),
    jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), reindexShowingTask] },
    onInit: async (payload) => {
      await config.onInit?.(payload)
      await searchIndex.onInit(payload)
    },
  })
