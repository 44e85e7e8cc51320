import type { User } from '../payload-types'

export const roles = ['admin', 'editor', 'contributor'] as const
export type Role = (typeof roles)[number]

type MaybeUser = { collection?: string; role?: string | null } | null | undefined

/** Staff are logged-in accounts of the `users` collection (partner API keys are not staff). */
export function isStaffUser(user: MaybeUser): user is User {
  return Boolean(user && (user.collection === undefined || user.collection === 'users'))
}

export function hasRole(user: MaybeUser, ...allowed: Role[]): boolean {
  return isStaffUser(user) && allowed.includes(user.role as Role)
}
