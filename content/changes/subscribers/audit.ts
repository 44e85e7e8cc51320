/**
 * Audit log: who did what to which item, for every collection staff change and both globals
 * (content, media, partner keys, webhook endpoints, redirects, staff accounts, site settings,
 * navigation). Written during the save, so an entry exists exactly when the change does.
 * Draft saves (autosave every few seconds) are not entries; asking for review is.
 */
import type { AuditAction } from '../../../collections/AuditLog'
import { englishText } from '../../../translations/labels'
import { writeAudit } from '../../../workflow/audit'
import { contentType } from '../../registry'
import type { ContentChange } from '../event'
import type { ChangeSubscriber } from '../subscriber'

type Entry = { action: AuditAction; details?: Record<string, unknown> }

function titleOf(change: ContentChange): unknown {
  const doc = change.doc ?? change.before ?? {}
  if (change.global) {
    const global = change.req.payload.config.globals.find((g) => g.slug === change.collection)
    return englishText(global?.label) ?? change.collection
  }
  const config = change.req.payload.collections[change.collection as 'statements']?.config
  const field = contentType(change.collection)?.titleField ?? (typeof config?.admin?.useAsTitle === 'string' ? config.admin.useAsTitle : 'id')
  return (doc as Record<string, unknown>)[field] ?? (change.before as Record<string, unknown> | null)?.[field]
}

/** Staff accounts: only creation, role changes and deletion (logins and preference saves are not changes). */
function accountEntries(change: ContentChange): Entry[] {
  if (change.operation === 'create') return [{ action: 'created', details: { role: change.after?.role } }]
  if (change.operation === 'delete') return [{ action: 'deleted' }]
  const from = change.before?.role
  const to = change.after?.role
  return from !== undefined && to !== undefined && from !== to ? [{ action: 'roleChanged', details: { from, to } }] : []
}

function contentEntries(change: ContentChange): Entry[] {
  const entries: Entry[] = []
  const type = contentType(change.collection)
  const has = (k: ContentChange['kinds'][number]) => change.kinds.includes(k)
  const reviewNow = (change.doc as { reviewState?: string } | null)?.reviewState
  const reviewBefore = (change.previous as { reviewState?: string } | null)?.reviewState
  if (change.operation === 'create') entries.push({ action: 'created' })
  if (reviewNow === 'inReview' && reviewBefore !== 'inReview') entries.push({ action: 'submitted' })
  if (type?.drafts) {
    const slug = has('slugChanged') ? { slugFrom: change.before?.slug, slugTo: change.after?.slug } : {}
    if (has('published') && !has('restored')) entries.push({ action: 'published', details: { firstTime: !change.before?.firstPublishedAt, ...slug } })
    if (has('republished')) entries.push({ action: 'published', details: { firstTime: false, update: change.update, ...slug } })
    if (has('unpublished')) entries.push({ action: 'unpublished' })
  } else if (change.operation === 'update' && (has('republished') || has('updated')) && changedFields(change).length) {
    // A save that changed nothing (an empty PATCH, "Save" pressed twice) is not a change to record.
    entries.push({ action: 'updated', details: has('slugChanged') ? { slugFrom: change.before?.slug, slugTo: change.after?.slug } : undefined })
  }
  if (has('withdrawn')) entries.push({ action: 'withdrawn' })
  if (has('unwithdrawn')) entries.push({ action: 'unwithdrawn' })
  if (has('trashed')) entries.push({ action: 'trashed' })
  if (has('restored')) entries.push({ action: 'restored', details: change.isPublic ? { published: true } : undefined })
  if (has('deleted')) entries.push({ action: 'deleted' })
  return entries
}

/** Bookkeeping every save writes, and secrets: never what an entry reports as changed. */
const NOT_CHANGES = ['updatedAt', 'createdAt', 'updatedBy', 'lastUsedAt', 'requestCount', 'apiKey', 'apiKeyIndex', 'secret', 'hash', 'salt']

/** The stored fields a save changed, bookkeeping aside. */
function changedFields(change: ContentChange): string[] {
  const before = change.before ?? {}
  const after = change.after ?? {}
  return Object.keys(after).filter((k) => !NOT_CHANGES.includes(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
}

/** Internal records (partner keys, webhook endpoints, redirects): what changed, never a secret. */
function recordEntries(change: ContentChange): Entry[] {
  if (change.kinds.includes('created')) return [{ action: 'created' }]
  if (change.kinds.includes('deleted')) return [{ action: 'deleted' }]
  if (change.kinds.includes('trashed')) return [{ action: 'trashed' }]
  if (change.kinds.includes('restored')) return [{ action: 'restored' }]
  const changed = changedFields(change)
  return changed.length ? [{ action: 'updated', details: { fields: changed.sort() } }] : []
}

export const audit: ChangeSubscriber = {
  name: 'audit',
  async duringSave(change) {
    if (change.kinds.includes('draftSaved') && change.operation !== 'create') {
      // A draft save is not an entry, except asking an editor for review.
      const reviewNow = (change.doc as { reviewState?: string } | null)?.reviewState
      const reviewBefore = (change.previous as { reviewState?: string } | null)?.reviewState
      if (reviewNow !== 'inReview' || reviewBefore === 'inReview') return
    }
    const entries = change.global
      ? [{ action: 'updated' as const }]
      : change.collection === 'users'
        ? accountEntries(change)
        : contentType(change.collection)
          ? contentEntries(change)
          : recordEntries(change)
    const title = titleOf(change)
    for (const entry of entries) {
      await writeAudit(change.req, { collection: change.collection, id: change.id ?? change.collection, title, ...entry })
    }
  },
}
