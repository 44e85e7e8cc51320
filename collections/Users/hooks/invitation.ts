import type { CollectionAfterChangeHook } from 'payload'

import { isStaffUser } from '../../../access/roles'
import { invitationEmail } from '../../../platform/email'

const INVITATION_VALID_MS = 7 * 24 * 60 * 60 * 1000

/**
 * When an admin creates an account, the new colleague gets an email with a link to choose their
 * own password (the admin's temporary password is never shared). Accounts made by scripts (seed,
 * no signed-in user) or with context.skipInvitation get no mail.
 */
export const sendInvitation: CollectionAfterChangeHook = async ({ doc, operation, req, context }) => {
  if (operation !== 'create' || context?.skipInvitation || !isStaffUser(req.user)) return doc
  const token = await req.payload.forgotPassword({
    collection: 'users',
    data: { email: doc.email },
    disableEmail: true,
    req,
  })
  if (!token) return doc
  // A reset token lasts an hour; an invitation may sit in an inbox for days.
  await req.payload.db.updateOne({
    collection: 'users',
    id: doc.id,
    data: { resetPasswordExpiration: new Date(Date.now() + INVITATION_VALID_MS).toISOString() },
    req,
  })
  const mail = invitationEmail({ token, name: doc.name, invitedBy: req.user.name || req.user.email })
  await req.payload.sendEmail({ to: doc.email, subject: mail.subject, html: mail.html, text: mail.text })
  return doc
}
