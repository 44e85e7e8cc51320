import type { PayloadRequest } from 'payload'

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
  updated: 'changed',
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

/**
 * Writes one entry in the same transaction as the change, so a failed save leaves no entry. Which
 * changes are recorded is decided by the change pipeline's audit subscriber
 * (content/changes/subscribers/audit.ts), for every collection staff change and both globals.
 */
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
