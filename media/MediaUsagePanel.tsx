/**
 * Sidebar panel on a media item's edit view: every document and global that uses the item, with
 * its type, title, whether it is published, and a link to edit it. A server component: it reads
 * the usage rows kept by media/usage.ts (see media/usedIn.ts), and only for
 * a signed-in staff member (the admin is staff-only anyway; this keeps it so if it is ever reused).
 */
import type { PayloadRequest } from 'payload'
import React from 'react'

import { isStaffUser } from '../access/roles'
import { listMediaUsage } from './usedIn'

type Props = { id?: number | string; req?: PayloadRequest; user?: unknown }

const muted: React.CSSProperties = { color: 'var(--theme-elevation-600)' }

export async function MediaUsagePanel({ id, req, user }: Props) {
  // A new item (create view) cannot be used yet.
  if (id === undefined || id === null || id === '' || !req || !isStaffUser(user as never)) return null
  const uses = await listMediaUsage(req, id)
  return (
    <section className="media-usage-panel" aria-labelledby="media-usage-heading" style={{ marginBottom: '1.5rem' }}>
      <h3 id="media-usage-heading" style={{ fontSize: '1rem', margin: '0 0 0.5rem' }}>
        Where this is used
      </h3>
      {uses.length === 0 ? (
        <p style={{ margin: 0 }}>Not used anywhere yet.</p>
      ) : (
        <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
          {uses.map((u) => (
            <li key={`${u.slug}-${u.id ?? 'global'}`} style={{ marginBottom: '0.4rem' }} data-usage={u.slug}>
              <span style={muted}>{u.label}: </span>
              <a href={u.adminPath}>{u.title}</a>{' '}
              <span style={muted}>
                ({u.trashed ? 'in the trash' : u.published ? 'published' : 'draft, not published'})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

