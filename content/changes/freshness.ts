/**
 * Freshness outside a request: apply what a change made stale, from whichever process made it.
 *
 * - The partner API's response cache is dropped by tag in this process and, with REDIS_URL, on
 *   every other server (partner-api/cache.ts).
 * - Pages: in a web server (server.mjs), its handle re-renders exactly the touched pages into
 *   Next's cache (shared through Redis between servers) and purges them from every server's page
 *   cache (server.mjs, site/page-cache.mjs). This needs no Next request, so it works the same from
 *   the admin, a scheduled job (jobs.autoRun runs outside any request) or a second server.
 * - A process that is not a web server (seed, restore, a one-off script) forwards the work to the
 *   running server at DALEEL_INTERNAL_URL (or SERVER_URL) through the authenticated internal
 *   endpoint `POST /next/changes`. If no server answers, the caller queues a retry job (outbox.ts):
 *   the server runs it when it is up.
 */
import crypto from 'node:crypto'

import { dropApiCache } from '../../partner-api/cache'
import { serverHandle } from './server'
import type { Staleness } from './subscriber'

export const INTERNAL_ENDPOINT = '/next/changes'

/** Shared secret of the internal endpoint: derived from PAYLOAD_SECRET, so every server of one site knows it. */
export function internalToken(secret = process.env.PAYLOAD_SECRET ?? ''): string {
  if (!secret) return ''
  return crypto.createHmac('sha256', secret).update('daleel:internal:changes').digest('base64url')
}

export function validInternalToken(header: string | null): boolean {
  const expected = Buffer.from(internalToken())
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7).trim() : '')
  // Compared as bytes: a header of as many characters but other bytes (é is two in UTF-8) made
  // timingSafeEqual throw, and the endpoint answered 500.
  if (!expected.length || given.length !== expected.length) return false
  return crypto.timingSafeEqual(given, expected)
}

type Listener = (staleness: Staleness, where: AppliedWhere) => void
const listeners = new Set<Listener>()

/** Tests observe what the pipeline applied (and where). Returns a function that stops listening. */
export function onStaleness(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Where a process without a web server sends its refreshes (only when configured: never a guess).
 * DALEEL_INTERNAL_URL=none: nowhere (the database prepared before `next build`: the build that
 * follows renders every page from it).
 */
function forwardTarget(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.DALEEL_INTERNAL_URL?.trim() === 'none') return null
  const url = env.DALEEL_INTERNAL_URL?.trim() || env.SERVER_URL?.trim()
  return url ? url.replace(/\/+$/, '') : null
}

async function forward(target: string, staleness: Staleness): Promise<void> {
  const res = await fetch(`${target}${INTERNAL_ENDPOINT}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${internalToken()}` },
    body: JSON.stringify(staleness),
    signal: AbortSignal.timeout(60_000),
  })
  if (!res.ok) throw new Error(`${target}${INTERNAL_ENDPOINT} answered ${res.status}`)
}

export type AppliedWhere = 'server' | 'forwarded' | 'nowhere'

/**
 * Is there anywhere pages could be refreshed from this process (a web server here, one to forward
 * to, or a test watching)? When not (a script preparing a database before `next build`, a dev or
 * test process), the subscribers skip working out which pages a change touched: nobody would
 * refresh them, and a seed of a thousand documents should not pay for it.
 */
export function pagesWanted(): boolean {
  if (serverHandle() || listeners.size > 0) return true
  if (process.env.NODE_ENV === 'test') return false
  return Boolean((process.env.NODE_ENV === 'production' || process.env.DALEEL_INTERNAL_URL) && forwardTarget())
}

/**
 * Apply one merged staleness; says where the pages were refreshed ('nowhere': no web server in
 * this process and none configured to forward to). Throws when a server could not refresh them
 * (the caller queues a retry).
 */
export async function applyStaleness(staleness: Staleness): Promise<AppliedWhere> {
  // Partner API first: feeds and pages rendered next must not be built from a stale response.
  await dropApiCache(staleness.apiTags ?? [], Boolean(staleness.everything))
  const wantsPages = Boolean(staleness.everything || staleness.redirects || staleness.pages?.length || staleness.laterPages?.length)
  const server = serverHandle()
  let where: AppliedWhere = 'nowhere'
  if (server) {
    if (wantsPages) await server.refresh(staleness)
    where = 'server'
  } else if (wantsPages && process.env.NODE_ENV !== 'test') {
    // `next dev` renders every request afresh: there is no page cache to refresh.
    const target = process.env.NODE_ENV === 'production' || process.env.DALEEL_INTERNAL_URL ? forwardTarget() : null
    if (target) {
      await forward(target, staleness)
      where = 'forwarded'
    }
  }
  for (const listener of listeners) listener(staleness, where)
  return where
}
