import type { Access, Where } from 'payload'

import { hasRole, isStaffUser } from './roles'

/**
 * Media files: staff see the whole library; everyone else (readers, partners) only items marked
 * public by staff or used by published content. `usedByPublished` is a stored flag kept up to date
 * by hooks when content is published, unpublished or deleted (media/usage.ts explains
 * why it is stored rather than worked out per request). Payload applies this same rule to the
 * file URLs themselves (/api/media/file/…), so a draft's picture cannot be fetched by guessing.
 */
export const mediaRead: Access = ({ req: { user } }) => {
  if (isStaffUser(user)) return true
  const visible: Where = { or: [{ public: { equals: true } }, { usedByPublished: { equals: true } }] }
  return visible
}

/**
 * Editors and admins may delete any item. Contributors may delete only items no published
 * content uses, so a live page never loses its picture or PDF.
 */
export const mediaDelete: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (isStaffUser(user)) return { usedByPublished: { not_equals: true } }
  return false
}
