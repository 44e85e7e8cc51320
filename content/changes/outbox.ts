/**
 * After the commit: apply what a request's changes made stale (once, merged) and run the
 * `afterCommit` subscribers. Nothing here may fail the change (it is already committed): a
 * failure becomes a retry job (retry.ts) that the jobs runner repeats with back-off, and that the
 * editors' dashboard and /api/health report until it succeeds.
 */
import type { Payload } from 'payload'

import { applyStaleness } from './freshness'
import { queueRetry } from './retry'
import { serverHandle } from './server'
import type { CommittedChange, Staleness } from './subscriber'
import { subscribers } from './subscribers'

/** What one request changed: merged staleness and the changes for `afterCommit` subscribers. `open`: dispatches still running. */
export type Batch = { staleness: Staleness; changes: CommittedChange[]; open: number }

/** Add one subscriber's (or change's) staleness to a merged one. */
export function mergeStaleness(into: Staleness, more: Staleness) {
  if (more.everything) into.everything = true
  if (more.redirects) into.redirects = true
  for (const key of ['pages', 'laterPages', 'apiTags'] as const) {
    if (more[key]?.length) into[key] = [...new Set([...(into[key] ?? []), ...more[key]!])]
  }
}

export const isEmpty = (s: Staleness): boolean => !s.everything && !s.redirects && !s.pages?.length && !s.laterPages?.length && !s.apiTags?.length

const message = (err: unknown) => (err instanceof Error ? err.message : String(err))

export async function runAfterCommit(payload: Payload, batch: Batch): Promise<void> {
  // A script (seed, restore) makes many changes in a row: refresh once for all of them.
  if (!serverHandle() && process.env.NODE_ENV !== 'test' && !isEmpty(batch.staleness)) {
    coalesce(payload, batch.staleness)
    batch = { ...batch, staleness: {} }
  }
  if (!isEmpty(batch.staleness)) {
    try {
      await applyStaleness(batch.staleness)
    } catch (err) {
      payload.logger.error({ msg: `content changes: refreshing caches failed, queued for retry: ${message(err)}` })
      await queueRetry(payload, { staleness: batch.staleness }, message(err))
    }
  }
  for (const change of batch.changes) {
    for (const subscriber of subscribers) {
      if (!subscriber.afterCommit) continue
      try {
        await subscriber.afterCommit(change, payload)
      } catch (err) {
        payload.logger.error({ msg: `content changes: ${subscriber.name} failed, queued for retry: ${message(err)}` })
        await queueRetry(payload, { subscriber: subscriber.name, change }, message(err))
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Outside a web server: one refresh for a run of changes.

let pending: { payload: Payload; staleness: Staleness } | null = null
let timer: NodeJS.Timeout | null = null
let flushing: Promise<void> = Promise.resolve()

function coalesce(payload: Payload, staleness: Staleness) {
  if (!pending) pending = { payload, staleness: {} }
  mergeStaleness(pending.staleness, staleness)
  if (timer) clearTimeout(timer)
  timer = setTimeout(() => void settleChanges(), 250)
  timer.unref?.()
}

/**
 * Scripts call this before they exit: what their changes made stale is applied (forwarded to the
 * running server) or, if that fails, kept as one retry job.
 */
export function settleChanges(): Promise<void> {
  if (timer) clearTimeout(timer)
  timer = null
  const work = pending
  pending = null
  if (work) {
    flushing = flushing.then(() =>
      applyStaleness(work.staleness).then(() => undefined, async (err) => {
        work.payload.logger.warn({ msg: `content changes: no web server took the refresh, queued for when one runs: ${message(err)}` })
        await queueRetry(work.payload, { staleness: work.staleness }, message(err))
      }),
    )
  }
  return flushing
}

/**
 * Everything changed at once (a backup was restored into this instance): every page, the partner
 * API's cache and the redirect table, on every server. Handed to the running server, or kept as a
 * retry job the server runs as soon as it starts.
 */
export async function everythingChanged(payload: Payload, reason: string): Promise<void> {
  const staleness: Staleness = { everything: true, redirects: true }
  try {
    if ((await applyStaleness(staleness)) === 'nowhere') await queueRetry(payload, { staleness }, `${reason}; no web server was running`)
  } catch (err) {
    await queueRetry(payload, { staleness }, `${reason}: ${message(err)}`)
  }
}
