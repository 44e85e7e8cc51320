import type { Access } from 'payload'

import { hasRole, isStaffUser } from './roles'

/** Accounts are never public: admins see all, everyone else only their own. */
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin')) return true
  if (isStaffUser(user)) return { id: { equals: user.id } }
  return false
}
