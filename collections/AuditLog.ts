import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/staff'
import { nobody } from '../access/nobody'

const auditActions = [
  { label: 'Created', value: 'created' },
  { label: 'Submitted for review', value: 'submitted' },
  { label: 'Published', value: 'published' },
  { label: 'Unpublished', value: 'unpublished' },
  { label: 'Withdrew', value: 'withdrawn' },
  { label: 'Un-withdrew', value: 'unwithdrawn' },
  { label: 'Moved to trash', value: 'trashed' },
  { label: 'Restored from trash', value: 'restored' },
  { label: 'Deleted for good', value: 'deleted' },
  { label: 'Changed', value: 'updated' },
  { label: 'Changed role', value: 'roleChanged' },
] as const
export type AuditAction = (typeof auditActions)[number]['value']

/**
 * Who did what, and when: written only by hooks (workflow/audit.ts) with overrideAccess.
 * Admins read it; no API lets anyone create, change or delete an entry.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: 'Audit entry', plural: 'Audit log' },
  admin: {
    group: 'Admin',
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'action', 'summary', 'userEmail'],
    description: 'A permanent record of who created, changed, published, unpublished, withdrew, deleted, restored or changed roles, for content, media, settings, partner keys and webhooks. Nobody can edit it.',
  },
  defaultSort: '-createdAt',
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  disableDuplicate: true,
  fields: [
    { name: 'action', type: 'select', required: true, index: true, options: [...auditActions], admin: { description: 'What happened.' } },
    { name: 'summary', type: 'text', admin: { description: 'One line describing the change.' } },
    { name: 'targetCollection', type: 'text', index: true, label: 'Collection', admin: { description: 'The kind of item that changed.' } },
    { name: 'targetId', type: 'text', index: true, label: 'Item ID', admin: { description: 'The ID of the item that changed.' } },
    { name: 'targetTitle', type: 'text', label: 'Item title', admin: { description: 'Its title at the time.' } },
    { name: 'user', type: 'relationship', relationTo: 'users', admin: { description: 'Who did it (empty for automatic jobs).' } },
    {
      name: 'userEmail',
      type: 'text',
      label: 'By',
      admin: { description: 'Their email at the time, kept even if the account is later deleted.' },
    },
    { name: 'details', type: 'json', admin: { description: 'Extra facts, e.g. the old and new role.' } },
  ],
}
