import type { Access, CollectionBeforeOperationHook } from 'payload'

import { isStaffUser } from './roles'

/**
 * The one rule for content with drafts: staff read everything, everybody else reads
 * published documents only. `draft: true` on a query does not hide drafts by itself; this
 * constraint is what keeps drafts out of REST, GraphQL, pages, search, feeds and sitemaps.
 */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (isStaffUser(user)) return true
  return { _status: { equals: 'published' } }
}

/**
 * Draft mode is for staff. Without this, an anonymous `?draft=true` list queries the latest
 * versions, where the rule above drops any published document that has a newer unsaved draft,
 * so published pages vanished from the list. For everyone but staff, reads ignore `draft`.
 */
export const draftModeForStaffOnly: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  if (operation === 'read' && !overrideAccess && args.draft && !isStaffUser(req.user)) {
    return { ...args, draft: false }
  }
  return args
}
