import type { Access } from 'payload'

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
