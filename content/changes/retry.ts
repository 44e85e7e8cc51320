/**
 * A refresh or subscriber that failed after a change was committed, kept as a Payload job so it
 * survives restarts: the jobs runner (every minute, or /api/payload-jobs/run) retries it with
 * back-off, and until it succeeds it is listed on the editors' dashboard (workflow/dashboard.ts)
 * and counted in /api/health. Never silent, never lost.
 */
import type { Payload, TaskConfig } from 'payload'

import type { CommittedChange, Staleness } from './subscriber'

export const RETRY_TASK = 'retryContentChange'

/** What to do again: refresh these caches, or run one subscriber's afterCommit on this change. */
type RetryWork = { staleness: Staleness } | { subscriber: string; change: CommittedChange }

/** More pages than this in one retry: refresh the whole site instead (one job, bounded work). */
const MAX_RETRY_PAGES = 300

function bounded(work: RetryWork): RetryWork {
  if (!('staleness' in work)) return work
  const { pages = [], laterPages = [], apiTags = [] } = work.staleness
  if (pages.length + laterPages.length + apiTags.length <= MAX_RETRY_PAGES) return work
  return { staleness: { everything: true } }
}

export async function queueRetry(payload: Payload, work: RetryWork, reason: string): Promise<void> {
  try {
    await payload.jobs.queue({ task: RETRY_TASK, input: { work: bounded(work), reason: reason.slice(0, 500) } } as never)
  } catch (err) {
    // The database itself is failing: the log is all that is left.
    payload.logger.error({ msg: `content changes: could not queue a retry (${(err as Error).message}); work lost: ${JSON.stringify(work).slice(0, 500)}` })
  }
}

export const retryChangeTask: TaskConfig<any> = {
  slug: RETRY_TASK,
  label: 'Refresh pages and caches after a change',
  inputSchema: [
    { name: 'work', type: 'json', required: true },
    { name: 'reason', type: 'text' },
  ],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 15_000 } },
  handler: async ({ input, req }) => {
    // Imported here: the subscribers import the registry, which imports this file's users.
    const { applyStaleness } = await import('./freshness')
    const { subscribers } = await import('./subscribers')
    const work = input.work as RetryWork
    if ('staleness' in work) await applyStaleness(work.staleness)
    else {
      const subscriber = subscribers.find((s) => s.name === work.subscriber)
      if (!subscriber?.afterCommit) throw new Error(`No change subscriber "${work.subscriber}" with afterCommit.`)
      await subscriber.afterCommit(work.change, req.payload)
    }
    return { output: {} }
  },
}

export type ChangeProblem = { id: number | string; reason: string; attempts: number; failed: boolean; since: string }

/**
 * Refreshes still owed after a change: retry jobs not yet completed. `failed` ones have used up
 * their retries and need someone to look (the dashboard says what went wrong; /api/health counts them).
 */
export async function changeProblems(payload: Payload): Promise<ChangeProblem[]> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: RETRY_TASK } }, { completedAt: { exists: false } }] },
    sort: 'createdAt',
    limit: 50,
    depth: 0,
    overrideAccess: true,
  })
  return (docs as any[]).map((job) => ({
    id: job.id,
    reason: (typeof job.error === 'string' ? job.error : job.error?.message) || job.input?.reason || 'Not done yet.',
    attempts: job.totalTried ?? 0,
    failed: Boolean(job.hasError),
    since: job.createdAt,
  }))
}
