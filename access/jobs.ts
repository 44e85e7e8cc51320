import { timingSafeEqual } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { hasRole } from './roles'

function bearer(req: PayloadRequest): string | null {
  const header = req.headers?.get?.('authorization') ?? ''
  const match = header.match(/^Bearer\s+(.+)$/i)
  return match ? match[1].trim() : null
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Who may trigger the jobs runner (`GET /api/payload-jobs/run`): a signed-in editor or admin, or an
 * external cron presenting `Authorization: Bearer $CRON_SECRET`. Payload's default would let any
 * logged-in account (contributors included) run it, and no secret at all for a cron.
 */
export function canRunJobs({ req }: { req: PayloadRequest }): boolean {
  if (hasRole(req.user, 'admin', 'editor')) return true
  const secret = process.env.CRON_SECRET
  const given = bearer(req)
  return Boolean(secret && secret.length >= 16 && given && sameSecret(given, secret))
}

/** Queuing or cancelling jobs through the API: editors and admins (contributors never schedule publishing). */
export function canManageJobs({ req }: { req: PayloadRequest }): boolean {
  return hasRole(req.user, 'admin', 'editor')
}
