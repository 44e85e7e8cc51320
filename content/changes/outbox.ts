/**
 * After the commit: apply what a request's changes made stale (once, merged) and run the
 * `afterCommit` subscribers. Nothing here may fail the change (it is already committed): a
 * failure becomes a retry job (retry.ts) that the jobs runner repeats with back-off, and that the
 * editors' dashboard and /api/health report until it succeeds.
 */
import type { Payload } from 'payload'

import { applyStaleness } from './freshness'
import { queueRetry } from './retry'
import type { CommittedChange, Staleness } from './subscriber'
import { subscribers } from './subscribers'

/** What one request changed: merged staleness and the changes for `afterCommit` subscribers. `open`: dispatches still running. */
export type Batch = { staleness: Staleness; changes: CommittedChange[]; open: number }

export const isEmpty = (s: Staleness): boolean => !s.everything && !s.redirects && !s.pages?.length && !s.laterPages?.length && !s.apiTags?.length

const message = (err: unknown) => (err instanceof Error ? err.message : String(err))

export async function runAfterCommit(payload: Payload, batch: Batch): Promise<void> {
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
