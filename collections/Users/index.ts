import type { CollectionConfig } from 'payload'

import { roles } from '../../access/roles'
import { isAdmin, isAdminField } from '../../access/staff'
import { adminOrSelf } from '../../access/users'
import { forgotPasswordEmail } from '../../platform/email'
import { sendInvitation } from './hooks/invitation'
import { firstUserIsAdmin, protectLastAdmin, protectLastAdminOnDelete } from './hooks/roleGuards'
import { adminGroups, fieldLabels } from '../../translations/labels'

/** Staff accounts. Never public: no listing, no reading, through any API. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { en: 'Staff account', ur: 'عملے کا اکاؤنٹ' }, plural: { en: 'Staff accounts', ur: 'عملے کے اکاؤنٹ' } },
  admin: {
    group: adminGroups.admin,
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'role', 'updatedAt'],
    description: { en: 'People who can sign in to the admin. Only admins manage accounts and roles.', ur: 'وہ لوگ جو ایڈمن پینل میں لاگ اِن کر سکتے ہیں۔ اکاؤنٹ اور کردار صرف ایڈمن سنبھالتے ہیں۔' },
  },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: { sameSite: 'Lax', secure: process.env.NODE_ENV === 'production' },
    // The link always points at SERVER_URL, whatever Host the request claimed (platform/email.ts).
    forgotPassword: { generateEmailSubject: forgotPasswordEmail.subject, generateEmailHTML: forgotPasswordEmail.html },
  },
  access: {
    read: adminOrSelf,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
    admin: ({ req: { user } }) => Boolean(user),
  },
  hooks: {
    beforeChange: [firstUserIsAdmin, protectLastAdmin],
    beforeDelete: [protectLastAdminOnDelete],
    // Account creation, role changes and deletion are audited by the change pipeline (content/changes).
    afterChange: [sendInvitation],
    // An account's sign-in sessions are its own. Payload's field access on `sessions` compares the
    // reader with the top document being read, so an account populated inside a statement whose
    // ID happened to be the reader's showed its sessions; this decides on the account itself.
    // (Without a reader, Payload is signing someone in and checks the sessions itself.)
    afterRead: [({ doc, req }) => {
      if (doc && 'sessions' in doc && req.user && !(req.user.collection === 'users' && String(req.user.id) === String(doc.id))) delete doc.sessions
      return doc
    }],
  },
  fields: [
    { name: 'name', type: 'text', label: fieldLabels.name, admin: { description: { en: 'Shown in the admin and the change log; never public.', ur: 'ایڈمن پینل اور تبدیلیوں کے ریکارڈ میں دکھایا جاتا ہے؛ کبھی عوامی نہیں۔' } } },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'contributor',
      options: [
        { label: { en: 'Admin: everything, including accounts and site settings', ur: 'ایڈمن: سب کچھ، بشمول اکاؤنٹس اور سائٹ کی ترتیبات' }, value: roles[0] },
        { label: { en: 'Editor: reviews and publishes all content', ur: 'مدیر: تمام مواد کا جائزہ لیتا اور شائع کرتا ہے' }, value: roles[1] },
        { label: { en: 'Contributor: writes drafts for review', ur: 'لکھاری: جائزے کے لیے مسودے لکھتا ہے' }, value: roles[2] },
      ],
      access: { create: isAdminField, update: isAdminField },
      saveToJWT: true,
      label: { en: 'Role', ur: 'کردار' },
      admin: { position: 'sidebar', description: { en: 'What this person may do. Only admins change roles, and nobody changes their own.', ur: 'یہ شخص کیا کر سکتا ہے۔ کردار صرف ایڈمن بدلتے ہیں، اور کوئی اپنا کردار خود نہیں بدل سکتا۔' } },
    },
  ],
}
