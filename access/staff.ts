import type { Access, FieldAccess } from 'payload'

import { hasRole, isStaffUser } from './roles'

/** Any logged-in staff member (admin, editor or contributor). */
export const isStaff: Access = ({ req: { user } }) => isStaffUser(user)

/** Editors and admins: review, publish, and manage shared libraries (media, people, topics, offices). */
export const isEditor: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

/** Admins only: users, roles and site settings. */
export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')

export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')
export const isStaffField: FieldAccess = ({ req: { user } }) => isStaffUser(user)
