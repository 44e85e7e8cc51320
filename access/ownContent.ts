import type { Access, Where } from 'payload'

import { hasRole, isStaffUser } from './roles'

/**
 * Editors and admins change any content; contributors change only what they created, and never
 * to "published" (Payload asks this with data `{ _status: 'published' }` to decide whether to show
 * the Publish button, and when restoring a published version). The clear 403 message for API
 * callers comes from workflow/contributorGuard.ts, which runs first.
 */
export const editorOrCreator: Access = ({ req: { user }, data }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (isStaffUser(user)) {
    if ((data as { _status?: string } | undefined)?._status === 'published') return false
    return { createdBy: { equals: user.id } }
  }
  return false
}

/**
 * Deleting (or moving to the trash): editors and admins anything; contributors only their own
 * drafts that were never published.
 */
export const editorOrCreatorOfUnpublished: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (isStaffUser(user)) {
    const own: Where = {
      and: [{ createdBy: { equals: user.id } }, { _status: { equals: 'draft' } }, { firstPublishedAt: { exists: false } }],
    }
    return own
  }
  return false
}
