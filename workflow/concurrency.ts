import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook, PayloadRequest } from 'payload'
import { APIError } from 'payload'

import { hasRole } from '../access/roles'
import { inAdminLanguage } from '../translations/labels'

/** 409 Conflict: somebody else saved since this editor opened the document. */
class StaleUpdateError extends APIError {
  constructor(message: string, data: Record<string, unknown>) {
    super(message, 409, data, true)
  }
}

type StartingPoint = { raw: string }
const startKey = (collection: string, id: unknown) => `daleel:concurrency:${collection}:${String(id)}`

/** The version the client started from: body field `lastKnownUpdatedAt` (the admin form) or `If-Unmodified-Since`. */
function startingPoint(req: PayloadRequest, data: Record<string, unknown> | undefined): StartingPoint | null {
  const fromBody = typeof data?.lastKnownUpdatedAt === 'string' ? data.lastKnownUpdatedAt : null
  const fromHeader = req.headers?.get?.('if-unmodified-since') ?? null
  const raw = fromBody || fromHeader
  return raw ? { raw } : null
}

function describe(user: unknown, req: PayloadRequest): string {
  if (user && typeof user === 'object') {
    const u = user as { name?: string | null; email?: string }
    if (u.name && u.email) return `${u.name} (${u.email})`
    if (u.name || u.email) return (u.name || u.email) as string
  }
  return anotherStaffMember(req)
}

const anotherStaffMember = (req: PayloadRequest) => inAdminLanguage(req, { en: 'another staff member', ur: 'عملے کے کسی اور رکن' })

/**
 * Before an update by ID: take the version the client started from out of the data (it is not a
 * field to store) and keep it for `refuseStaleUpdate`. Nothing is read and nothing is refused
 * here: this runs before Payload has decided whether the caller may update the document at all.
 */
export const noteStartingPoint: CollectionBeforeOperationHook = ({ args: operationArgs, collection, operation, req }) => {
  // The arguments differ per operation; we read only id and data.
  const args = operationArgs as any
  if (operation !== 'update' || args?.id === undefined || args?.id === null) return args
  const data = args.data as Record<string, unknown> | undefined
  const start = startingPoint(req, data)
  if (data) delete data.lastKnownUpdatedAt
  if (start) req.context[startKey(collection.slug, args.id)] = start
  return args
}

/**
 * Optimistic concurrency for every update by ID. If the document (its latest draft included) was
 * saved after the version this client started from, by somebody else, the save is refused with
 * 409 naming who saved and when, instead of silently overwriting their work. Your own earlier
 * saves (e.g. autosave in the same tab) never count as a conflict.
 *
 * A beforeValidate hook, so it runs only once Payload has checked update access and found the
 * document: a caller who may not change it gets Payload's 403 and learns nothing from us (not who
 * edited it, not whether it exists). `originalDoc` is the latest version, drafts included.
 */
export const refuseStaleUpdate: CollectionBeforeValidateHook = async ({ collection, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc?.id) return
  const start = req.context[startKey(collection.slug, originalDoc.id)] as StartingPoint | undefined
  if (!start) return
  delete req.context[startKey(collection.slug, originalDoc.id)]
  const at = Date.parse(start.raw)
  if (Number.isNaN(at)) {
    const message = inAdminLanguage(req, {
      en: 'The version you started from (lastKnownUpdatedAt / If-Unmodified-Since) is not a date.',
      ur: 'جس ورژن سے آپ نے شروع کیا (lastKnownUpdatedAt / If-Unmodified-Since) وہ درست تاریخ نہیں۔',
    })
    throw new APIError(message, 400, undefined, true)
  }
  if (!originalDoc.updatedAt) return

  // HTTP dates have no milliseconds (e.g. "Sun, 22 Nov 2026 17:00:00 GMT"): compare whole seconds then.
  const wholeSeconds = !/\.\d+/.test(start.raw)
  const latestAt = Date.parse(originalDoc.updatedAt)
  const newer = wholeSeconds ? Math.floor(latestAt / 1000) > Math.floor(at / 1000) : latestAt > at
  if (!newer) return

  const updatedBy = originalDoc.updatedBy
  const byId = updatedBy && typeof updatedBy === 'object' ? (updatedBy as { id?: unknown }).id : updatedBy
  if (req.user && byId !== undefined && byId !== null && String(byId) === String(req.user.id)) return

  // Named as the caller may see them: by name to colleagues, with the e-mail address only for
  // those who may read that account (admins; accounts are otherwise private, access/users.ts).
  let who = anotherStaffMember(req)
  if (byId !== undefined && byId !== null) {
    const account = (await req.payload.findByID({ collection: 'users', id: byId as string, depth: 0, overrideAccess: true, disableErrors: true, req })) as
      | { name?: string | null; email?: string }
      | null
    who = describe(hasRole(req.user, 'admin') ? account : { name: account?.name }, req)
  }
  const when = new Date(latestAt)
  const whenInUrdu = `${new Intl.DateTimeFormat('ur-PK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(when)} UTC`
  throw new StaleUpdateError(
    inAdminLanguage(req, {
      en: `${who} changed this on ${when.toUTCString()}, after you started editing. Your changes were not saved. Reload to see their version, then make your changes again.`,
      ur: `آپ کے ترمیم شروع کرنے کے بعد ${who} نے ${whenInUrdu} کو اس میں تبدیلی کی۔ آپ کی تبدیلیاں محفوظ نہیں ہوئیں۔ ان کا نسخہ دیکھنے کے لیے صفحہ دوبارہ کھولیں، پھر اپنی تبدیلیاں دوبارہ کریں۔`,
    }),
    { updatedAt: originalDoc.updatedAt, updatedBy: byId ?? null },
  )
}
