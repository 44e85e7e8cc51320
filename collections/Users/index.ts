import type { CollectionConfig } from 'payload'

import { roles } from '../../access/roles'
import { isAdmin, isAdminField } from '../../access/staff'
import { adminOrSelf } from '../../access/users'
import { forgotPasswordEmail } from '../../platform/email'
import { sendInvitation } from './hooks/invitation'
import { firstUserIsAdmin, protectLastAdmin, protectLastAdminOnDelete } from './hooks/roleGuards'

/** Staff accounts. Never public: no listing, no reading, through any API. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Staff account', plural: 'Staff accounts' },
  admin: {
    group: 'Admin',
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'role', 'updatedAt'],
    description: 'People who can sign in to the admin. Only admins manage accounts and roles.',
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
    { name: 'name', type: 'text', admin: { description: 'Shown in the admin and the change log; never public.' } },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'contributor',
      options: [
        { label: 'Admin: everything, including accounts and site settings', value: roles[0] },
        { label: 'Editor: reviews and publishes all content', value: roles[1] },
        { label: 'Contributor: writes drafts for review', value: roles[2] },
      ],
      access: { create: isAdminField, update: isAdminField },
      saveToJWT: true,
      admin: { position: 'sidebar', description: 'What this person may do. Only admins change roles, and nobody changes their own.' },
    },
  ],
}
