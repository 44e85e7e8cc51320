/**
 * What the admin dashboard shows staff (workflow/WorkflowDashboard.tsx): work waiting
 * for review, scheduled publishing (overdue or failed jobs flagged), and recent changes.
 * Content is read as the signed-in user (overrideAccess: false), so contributors see only what
 * their role allows; the jobs queue is shown to editors and admins only.
 */
import type { Payload } from 'payload'

import { hasRole, isStaffUser } from '../access/roles'
import { changeProblems, type ChangeProblem } from '../content/changes/retry'
import { slugsWhere } from '../content/registry'

/** Types with review states (draft → waiting for review → published), from the registry. */
const reviewCollections = (): string[] => slugsWhere((t) => Boolean(t.workflow?.review))
type ReviewCollection = 'statements'

export type DashboardItem = {
  collection: string
  id: number | string
  title: string
  reviewState?: string | null
  status?: string | null
  updatedAt?: string
  updatedBy?: string | null
}

type ScheduledItem = {
  id: number | string
  type: 'publish' | 'unpublish'
  collection?: string
  docId?: string | number
  title?: string
  waitUntil?: string | null
  overdue: boolean
  failed: boolean
  error?: string | null
}

type DashboardData = {
  waitingForReview: DashboardItem[]
  mine: DashboardItem[]
  scheduled: ScheduledItem[]
  recent: DashboardItem[]
  /** Pages and caches not yet refreshed after a change (content/changes/retry.ts): never silently stale. */
  refreshProblems: ChangeProblem[]
}

function name(user: unknown): string | null {
  if (user && typeof user === 'object') return (user as any).name || (user as any).email || null
  return null
}

function item(collection: string, doc: any): DashboardItem {
  return {
    collection,
    id: doc.id,
    title: doc.title || doc.name || String(doc.id),
    reviewState: doc.reviewState ?? null,
    status: doc._status ?? null,
    updatedAt: doc.updatedAt,
    updatedBy: name(doc.updatedBy),
  }
}

/** A job not picked up within this long after its time is overdue (the runner checks every minute). */
const OVERDUE_AFTER_MS = 5 * 60 * 1000

export async function workflowDashboard(payload: Payload, user: unknown, now = new Date()): Promise<DashboardData> {
  const data: DashboardData = { waitingForReview: [], mine: [], scheduled: [], recent: [], refreshProblems: [] }
  if (!isStaffUser(user as any)) return data
  const staff = user as any
  const asUser = { overrideAccess: false, user: staff, draft: true, depth: 1 } as const

  for (const collection of reviewCollections() as ReviewCollection[]) {
    const waiting = await payload.find({
      ...asUser,
      collection: collection as ReviewCollection,
      // Contributors see their own submissions; editors see everyone's.
      where: hasRole(staff, 'contributor')
        ? { and: [{ reviewState: { equals: 'inReview' } }, { createdBy: { equals: staff.id } }] }
        : { reviewState: { equals: 'inReview' } },
      sort: 'updatedAt',
      limit: 20,
    })
    data.waitingForReview.push(...waiting.docs.map((d) => item(collection, d)))

    if (hasRole(staff, 'contributor')) {
      const mine = await payload.find({ ...asUser, collection, where: { createdBy: { equals: staff.id } }, sort: '-updatedAt', limit: 10 })
      data.mine.push(...mine.docs.map((d) => item(collection, d)))
    }
    const recent = await payload.find({ ...asUser, collection, sort: '-updatedAt', limit: 5 })
    data.recent.push(...recent.docs.map((d) => item(collection, d)))
  }
  data.recent.sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)))
  data.recent = data.recent.slice(0, 8)
  data.mine.sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)))

  if (hasRole(staff, 'admin', 'editor')) {
    data.refreshProblems = await changeProblems(payload)
    // The jobs queue has no API access at all; editors see it only here.
    const jobs = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { completedAt: { exists: false } }] },
      sort: 'waitUntil',
      limit: 50,
      depth: 0,
      overrideAccess: true,
    })
    for (const job of jobs.docs as any[]) {
      const doc = job.input?.doc
      const collection = doc?.relationTo as string | undefined
      const docId = doc?.value && typeof doc.value === 'object' ? doc.value.id : doc?.value
      let title: string | undefined
      if (collection && docId !== undefined) {
        const target = (await payload.findByID({ collection: collection as any, id: docId, draft: true, depth: 0, disableErrors: true, overrideAccess: true })) as any
        title = target?.title || target?.name
      }
      const due = job.waitUntil ? Date.parse(job.waitUntil) : NaN
      data.scheduled.push({
        id: job.id,
        type: job.input?.type === 'unpublish' ? 'unpublish' : 'publish',
        collection,
        docId,
        title,
        waitUntil: job.waitUntil ?? null,
        overdue: !Number.isNaN(due) && now.getTime() - due > OVERDUE_AFTER_MS,
        failed: Boolean(job.hasError),
        error: job.hasError ? (typeof job.error === 'string' ? job.error : (job.error?.message ?? 'The job failed.')) : null,
      })
    }
  }
  return data
}
