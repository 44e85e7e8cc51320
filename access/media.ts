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

/** Media readers can see: marked public, or shown by published content. Only editors change it. */
const notLiveMedia: Where = { and: [{ public: { not_equals: true } }, { usedByPublished: { not_equals: true } }] }

const makesPublic = (data: unknown) => (data as { public?: unknown } | undefined)?.public === true

/**
 * Uploading: any staff member; but only editors and admins may mark an item public (that
 * publishes it, which is an editor's decision, as for content).
 */
export const mediaCreate: Access = ({ req: { user }, data }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  return isStaffUser(user) && !makesPublic(data)
}

/**
 * Changing an item (file, alternative text, caption, public flag…): editors and admins any;
 * contributors only items that are not live, and never to make one public. Contributors change
 * nothing readers see without review, media included (workflow/contributorGuard.ts says why to them).
 */
export const mediaUpdate: Access = ({ req: { user }, data }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (isStaffUser(user)) return makesPublic(data) ? false : notLiveMedia
  return false
}

/**
 * Editors and admins may delete any item. Contributors may delete only items that are not live
 * (neither public nor used by published content), so a live page never loses its picture or PDF.
 */
export const mediaDelete: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (isStaffUser(user)) return notLiveMedia
  return false
}
