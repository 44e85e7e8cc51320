/**
 * Sidebar panel on a media item's edit view: every document and global that uses the item, with
 * its type, title, whether it is published, and a link to edit it. A server component: it reads
 * the usage rows kept by media/usage.ts (see media/usedIn.ts), and only for
 * a signed-in staff member (the admin is staff-only anyway; this keeps it so if it is ever reused).
 * Its words follow the admin language.
 */
import type { PayloadRequest } from 'payload'
import React from 'react'

import { isStaffUser } from '../access/roles'
import { inAdminLanguage } from '../translations/labels'
import { listMediaUsage } from './usedIn'

type Props = { id?: number | string; req?: PayloadRequest; user?: unknown }

const muted: React.CSSProperties = { color: 'var(--theme-elevation-650)' }

const words = {
  heading: { en: 'Where this is used', ur: 'یہ کہاں استعمال ہوا ہے' },
  unused: { en: 'Not used anywhere yet.', ur: 'ابھی کہیں استعمال نہیں ہوا۔' },
  trashed: { en: 'in the trash', ur: 'ردی کی ٹوکری میں' },
  published: { en: 'published', ur: 'شائع شدہ' },
  draft: { en: 'draft, not published', ur: 'مسودہ، شائع نہیں ہوا' },
}

export async function MediaUsagePanel({ id, req, user }: Props) {
  // A new item (create view) cannot be used yet.
  if (id === undefined || id === null || id === '' || !req || !isStaffUser(user as never)) return null
  const uses = await listMediaUsage(req, id)
  const t = (w: { en: string; ur: string }) => inAdminLanguage(req, w)
  return (
    <section className="media-usage-panel" aria-labelledby="media-usage-heading" style={{ marginBottom: '1.5rem' }}>
      <h3 id="media-usage-heading" style={{ fontSize: '1rem', margin: '0 0 0.5rem' }}>
        {t(words.heading)}
      </h3>
      {uses.length === 0 ? (
        <p style={{ margin: 0 }}>{t(words.unused)}</p>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: '1.1rem' }}>
          {uses.map((u) => (
            <li key={`${u.slug}-${u.id ?? 'global'}`} style={{ marginBottom: '0.4rem' }} data-usage={u.slug}>
              <span style={muted}>{u.label}: </span>
              {/* The title is content: it reads in its own direction inside either admin language. */}
              <a href={u.adminPath} dir="auto">
                {u.title}
              </a>{' '}
              <span style={muted}>({t(u.trashed ? words.trashed : u.published ? words.published : words.draft)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

