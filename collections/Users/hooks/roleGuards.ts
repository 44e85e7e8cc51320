import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'
import { APIError } from 'payload'

import { inAdminLanguage } from '../../../translations/labels'

async function adminCount(req: PayloadRequest): Promise<number> {
  const { totalDocs } = await req.payload.count({
    collection: 'users',
    where: { role: { equals: 'admin' } },
    overrideAccess: true,
    req,
  })
  return totalDocs
}

/** The very first account (created on the admin's welcome screen or by the seed) is an admin. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs === 0) data.role = 'admin'
  return data
}

/** Nobody changes their own role, and the last admin is never demoted (the site would be locked). */
export const protectLastAdmin: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc || data.role === undefined || data.role === originalDoc.role) return data
  if (req.user && String(req.user.id) === String(originalDoc.id)) {
    throw new APIError(
      inAdminLanguage(req, { en: 'You cannot change your own role. Ask another admin.', ur: 'آپ اپنا کردار خود نہیں بدل سکتے۔ کسی دوسرے ایڈمن سے کہیں۔' }),
      403,
      undefined,
      true,
    )
  }
  if (originalDoc.role === 'admin' && (await adminCount(req)) <= 1) {
    throw new APIError(
      inAdminLanguage(req, { en: 'This is the last admin account. Make someone else an admin first.', ur: 'یہ آخری ایڈمن اکاؤنٹ ہے۔ پہلے کسی اور کو ایڈمن بنائیں۔' }),
      400,
      undefined,
      true,
    )
  }
  return data
}

export const protectLastAdminOnDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const user = await req.payload.findByID({ collection: 'users', id, overrideAccess: true, req, depth: 0 })
  if (user?.role === 'admin' && (await adminCount(req)) <= 1) {
    throw new APIError(
      inAdminLanguage(req, { en: 'This is the last admin account and cannot be deleted.', ur: 'یہ آخری ایڈمن اکاؤنٹ ہے اور حذف نہیں کیا جا سکتا۔' }),
      400,
      undefined,
      true,
    )
  }
}
