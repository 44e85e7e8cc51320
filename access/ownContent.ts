import type { Access } from 'payload'

import { hasRole, isStaffUser } from './roles'

/**
 * Editors and admins change any content; contributors change only what they created.
 * (Whether a contributor may *publish* is decided in hooks/preventContributorPublish.)
 */
export const editorOrCreator: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (isStaffUser(user)) return { createdBy: { equals: user.id } }
  return false
}
