import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import type { AuditAction } from '../collections/AuditLog'
import { isStaffUser } from '../access/roles'

type Entry = {
  action: AuditAction
  collection: string
  id: number | string
  title?: unknown
  details?: Record<string, unknown>
}

const verbs: Record<AuditAction, string> = {
  created: 'created',
  submitted: 'submitted for review',
  published: 'published',
  unpublished: 'unpublished',
  withdrawn: 'withdrew',
  unwithdrawn: 'un-withdrew',
  trashed: 'moved to trash',
  restored: 'restored from trash',
  deleted: 'deleted',
  roleChanged: 'changed the role of',
}

function titleText(title: unknown, id: number | string): string {
  if (typeof title === 'string' && title.trim()) return title
  if (title && typeof title === 'object') {
    const t = (title as Record<string, unknown>).en ?? Object.values(title)[0]
    if (typeof t === 'string' && t.trim()) return t
  }
  return String(id)
}

/** Writes one entry in the same transaction as the change, so a failed save leaves no entry. */
export async function writeAudit(req: PayloadRequest, entry: Entry): Promise<void> {
  const user = isStaffUser(req.user) ? req.user : null
  const title = titleText(entry.title, entry.id)
  await req.payload.create({
    collection: 'audit-log',
    data: {
      action: entry.action,
      summary: `${user?.name || user?.email || 'System'} ${verbs[entry.action]} ${entry.collection} "${title}"`.slice(0, 300),
      targetCollection: entry.collection,
      targetId: String(entry.id),
      targetTitle: title,
      user: user?.id ?? null,
      userEmail: user?.email ?? null,
      details: entry.details ?? null,
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

type Noted = { draft: boolean; liveStatus?: string | null; liveWithdrawn?: boolean }
const noteKey = (collection: string, id: unknown) => `daleel:audit:${collection}:${String(id)}`

/**
 * Before an update by ID: remember whether it is a draft save and whether the live document is
 * published, so afterChange can tell "publish", "unpublish" and "saved a draft" apart (afterChange
 * itself only sees the latest version, which may be a draft on top of a live page).
 */
export const noteOperation: CollectionBeforeOperationHook = async ({ args: operationArgs, collection, operation, req }) => {
  // The arguments differ per operation; we read only id, data, draft and overrideAccess.
  const args = operationArgs as any
  if (operation !== 'update' || args?.id === undefined || args?.id === null) return args
  const hasDrafts = Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts)
  const live = hasDrafts ? ((await req.payload.db.findOne({ collection: collection.slug, where: { id: { equals: args.id } }, req })) as any) : null
  req.context[noteKey(collection.slug, args.id)] = { draft: Boolean(args.draft), liveStatus: live?._status ?? null, liveWithdrawn: Boolean(live?.withdrawal?.withdrawn) } satisfies Noted
  return args
}

/**
 * After every save of content: record creation, review submission, publish, unpublish,
 * withdrawal, trash and restore. Draft saves of a live document are not an unpublish.
 */
export const auditContentChange =
  (titleField: string): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, previousDoc, req }) => {
    const base = { collection: collection.slug, id: doc.id, title: doc[titleField] }
    const entries: Entry[] = []
    const hasDrafts = Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts)
    const noted = req.context?.[noteKey(collection.slug, doc.id)] as Noted | undefined
    const trashing = operation === 'update' && Boolean(doc.deletedAt) && !previousDoc?.deletedAt
    const restoring = operation === 'update' && !doc.deletedAt && Boolean(previousDoc?.deletedAt)

    if (operation === 'create') entries.push({ ...base, action: 'created' })
    if (doc.reviewState === 'inReview' && previousDoc?.reviewState !== 'inReview') entries.push({ ...base, action: 'submitted' })
    if (hasDrafts && !trashing && !restoring) {
      const wasLive = operation === 'update' && (noted?.liveStatus ?? previousDoc?._status) === 'published'
      // Every save that reaches the live page is a publish, first time or update.
      if (doc._status === 'published') entries.push({ ...base, action: 'published', details: { firstTime: !wasLive } })
      if (wasLive && doc._status === 'draft' && !noted?.draft) entries.push({ ...base, action: 'unpublished' })
      if (doc._status === 'published' && operation === 'update' && Boolean(doc.withdrawal?.withdrawn) !== Boolean(noted ? noted.liveWithdrawn : previousDoc?.withdrawal?.withdrawn))
        entries.push({ ...base, action: doc.withdrawal?.withdrawn ? 'withdrawn' : 'unwithdrawn' })
    }
    if (trashing) entries.push({ ...base, action: 'trashed' })
    if (restoring) entries.push({ ...base, action: 'restored' })

    for (const entry of entries) await writeAudit(req, entry)
    return doc
  }

export const auditContentDelete =
  (titleField: string): CollectionAfterDeleteHook =>
  async ({ collection, doc, req }) => {
    await writeAudit(req, { collection: collection.slug, id: doc.id, title: doc[titleField], action: 'deleted' })
  }

/** Staff accounts: creation and role changes (deletions come from auditContentDelete). */
export const auditAccountChange: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (operation === 'create') {
    await writeAudit(req, { collection: 'users', id: doc.id, title: doc.email, action: 'created', details: { role: doc.role } })
  } else if (previousDoc && previousDoc.role !== doc.role) {
    await writeAudit(req, { collection: 'users', id: doc.id, title: doc.email, action: 'roleChanged', details: { from: previousDoc.role, to: doc.role } })
  }
  return doc
}
