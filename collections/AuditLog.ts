import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/staff'
import { nobody } from '../access/nobody'
import { adminGroups, fieldLabels } from '../translations/labels'

const auditActions = [
  { label: { en: 'Created', ur: 'بنایا' }, value: 'created' },
  { label: { en: 'Submitted for review', ur: 'جائزے کے لیے بھیجا' }, value: 'submitted' },
  { label: { en: 'Published', ur: 'شائع کیا' }, value: 'published' },
  { label: { en: 'Unpublished', ur: 'اشاعت واپس لی' }, value: 'unpublished' },
  { label: { en: 'Withdrew', ur: 'منسوخ کیا' }, value: 'withdrawn' },
  { label: { en: 'Un-withdrew', ur: 'منسوخی ختم کی' }, value: 'unwithdrawn' },
  { label: { en: 'Moved to trash', ur: 'ردی کی ٹوکری میں ڈالا' }, value: 'trashed' },
  { label: { en: 'Restored from trash', ur: 'ردی کی ٹوکری سے بحال کیا' }, value: 'restored' },
  { label: { en: 'Deleted for good', ur: 'ہمیشہ کے لیے حذف کیا' }, value: 'deleted' },
  { label: { en: 'Changed', ur: 'تبدیل کیا' }, value: 'updated' },
  { label: { en: 'Changed role', ur: 'کردار بدلا' }, value: 'roleChanged' },
] as const
export type AuditAction = (typeof auditActions)[number]['value']

/**
 * Who did what, and when: written only by hooks (workflow/audit.ts) with overrideAccess.
 * Admins read it; no API lets anyone create, change or delete an entry.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: { en: 'Audit entry', ur: 'آڈٹ اندراج' }, plural: { en: 'Audit log', ur: 'آڈٹ لاگ' } },
  admin: {
    group: adminGroups.admin,
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'action', 'summary', 'userEmail'],
    description: {
      en: 'A permanent record of who created, changed, published, unpublished, withdrew, deleted, restored or changed roles, for content, media, settings, partner keys and webhooks. Nobody can edit it.',
      ur: 'اس بات کا مستقل ریکارڈ کہ مواد، میڈیا، ترتیبات، شراکت داروں کی چابیوں اور ویب ہکس میں کس نے کیا بنایا، بدلا، شائع کیا، اشاعت واپس لی، منسوخ کیا، حذف یا بحال کیا یا کردار بدلے۔ اس میں کوئی ترمیم نہیں کر سکتا۔',
    },
  },
  defaultSort: '-createdAt',
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  disableDuplicate: true,
  fields: [
    { name: 'action', type: 'select', required: true, index: true, options: [...auditActions], label: { en: 'Action', ur: 'کارروائی' }, admin: { description: { en: 'What happened.', ur: 'کیا ہوا۔' } } },
    { name: 'summary', type: 'text', label: fieldLabels.summary, admin: { description: { en: 'One line describing the change.', ur: 'تبدیلی کی ایک سطر میں وضاحت۔' } } },
    { name: 'targetCollection', type: 'text', index: true, label: fieldLabels.collection, admin: { description: { en: 'The kind of item that changed.', ur: 'کس قسم کی چیز بدلی۔' } } },
    { name: 'targetId', type: 'text', index: true, label: { en: 'Item ID', ur: 'آئٹم کی ID' }, admin: { description: { en: 'The ID of the item that changed.', ur: 'بدلنے والی چیز کی ID۔' } } },
    { name: 'targetTitle', type: 'text', label: { en: 'Item title', ur: 'آئٹم کا عنوان' }, admin: { description: { en: 'Its title at the time.', ur: 'اس وقت اس کا عنوان۔' } } },
    { name: 'user', type: 'relationship', relationTo: 'users', label: { en: 'Staff member', ur: 'عملے کا رکن' }, admin: { description: { en: 'Who did it (empty for automatic jobs).', ur: 'یہ کس نے کیا (خودکار کاموں کے لیے خالی)۔' } } },
    {
      name: 'userEmail',
      type: 'text',
      label: { en: 'By', ur: 'کس نے' },
      admin: { description: { en: 'Their email at the time, kept even if the account is later deleted.', ur: 'اس وقت ان کا ای میل، اکاؤنٹ بعد میں حذف ہو جائے تب بھی محفوظ رہتا ہے۔' } },
    },
    { name: 'details', type: 'json', label: { en: 'Details', ur: 'تفصیلات' }, admin: { description: { en: 'Extra facts, e.g. the old and new role.', ur: 'مزید معلومات، مثلاً پرانا اور نیا کردار۔' } } },
  ],
}
