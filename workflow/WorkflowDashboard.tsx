/**
 * Shown above the admin dashboard: what waits for review, what is scheduled (overdue or failed
 * jobs in red, so nothing is silently lost) and recent changes. A server component: it reads
 * through workflow/dashboard.ts as the signed-in user.
 */
import type { Payload } from 'payload'
import React from 'react'

import { reviewStateLabels, type ReviewState } from './editorialWorkflow'
import { workflowDashboard, type DashboardItem } from './dashboard'

type Props = { payload: Payload; user?: unknown }

const when = (iso?: string | null) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : ''

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: '1rem 1.25rem',
  marginBottom: '1rem',
  background: 'var(--theme-elevation-0)',
}

function ItemList({ items, empty }: { items: DashboardItem[]; empty: string }) {
  if (!items.length) return <p style={{ margin: 0 }}>{empty}</p>
  return (
    <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
      {items.map((i) => (
        <li key={`${i.collection}-${i.id}`}>
          <a href={`/admin/collections/${i.collection}/${i.id}`}>{i.title}</a>{' '}
          <span style={{ color: 'var(--theme-elevation-600)' }}>
            ({i.collection}
            {i.reviewState ? `, ${reviewStateLabels[i.reviewState as ReviewState] ?? i.reviewState}` : ''}
            {i.updatedBy ? `, saved by ${i.updatedBy}` : ''}
            {i.updatedAt ? ` on ${when(i.updatedAt)}` : ''})
          </span>
        </li>
      ))}
    </ul>
  )
}

export async function WorkflowDashboard({ payload, user }: Props) {
  const data = await workflowDashboard(payload, user)
  const role = (user as { role?: string } | undefined)?.role
  const isEditor = role === 'admin' || role === 'editor'
  return (
    <section aria-label="Editorial workflow" style={{ marginBottom: '2rem' }}>
      <div style={box}>
        <h2 style={{ marginTop: 0 }}>Waiting for review ({data.waitingForReview.length})</h2>
        <ItemList
          items={data.waitingForReview}
          empty={isEditor ? 'Nothing is waiting for review.' : 'None of your drafts is waiting for review.'}
        />
      </div>
      {!isEditor && (
        <div style={box}>
          <h2 style={{ marginTop: 0 }}>Your work</h2>
          <ItemList items={data.mine} empty="You have not written anything yet." />
          <p style={{ marginBottom: 0 }}>
            When a draft is ready, set <strong>Review</strong> to “Waiting for review” and save. An editor will publish it.
          </p>
        </div>
      )}
      {isEditor && (
        <div style={box}>
          <h2 style={{ marginTop: 0 }}>Scheduled publishing ({data.scheduled.length})</h2>
          {data.scheduled.length === 0 ? (
            <p style={{ margin: 0 }}>Nothing is scheduled.</p>
          ) : (
            <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
              {data.scheduled.map((job) => (
                <li key={String(job.id)} style={job.overdue || job.failed ? { color: 'var(--theme-error-500)' } : undefined}>
                  {job.type === 'publish' ? 'Publish' : 'Unpublish'}{' '}
                  {job.collection && job.docId !== undefined ? (
                    <a href={`/admin/collections/${job.collection}/${job.docId}`}>{job.title ?? `${job.collection} ${job.docId}`}</a>
                  ) : (
                    'a document'
                  )}{' '}
                  at {when(job.waitUntil)}
                  {job.failed ? ` — FAILED: ${job.error}` : job.overdue ? ' — OVERDUE: the job runner has not run it. Check that jobs are running.' : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {isEditor && data.refreshProblems.length > 0 && (
        <div style={{ ...box, borderColor: 'var(--theme-error-500)' }}>
          <h2 style={{ marginTop: 0 }}>Pages not yet updated after a change ({data.refreshProblems.length})</h2>
          <p>
            These changes are saved, but some pages, feeds or partner data may still show the old version. They are retried
            automatically; the ones marked FAILED have stopped retrying.
          </p>
          <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
            {data.refreshProblems.map((p) => (
              <li key={String(p.id)} style={p.failed ? { color: 'var(--theme-error-500)' } : undefined}>
                Since {when(p.since)}, {p.attempts} {p.attempts === 1 ? 'attempt' : 'attempts'}: {p.reason}
                {p.failed ? ' — FAILED: ask your technical contact to check the server log.' : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div style={box}>
        <h2 style={{ marginTop: 0 }}>Recent changes</h2>
        <ItemList items={data.recent} empty="No changes yet." />
        {role === 'admin' && (
          <p style={{ marginBottom: 0 }}>
            Every publish, unpublish, withdrawal, deletion and role change is in the <a href="/admin/collections/audit-log">audit log</a>.
          </p>
        )}
      </div>
    </section>
  )
}

export default WorkflowDashboard
