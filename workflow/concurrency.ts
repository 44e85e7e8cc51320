import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { APIError } from 'payload'

import { inAdminLanguage } from '../translations/labels'

/** 409 Conflict: somebody else saved since this editor opened the document. */
export class StaleUpdateError extends APIError {
  constructor(message: string, data: Record<string, unknown>) {
    super(message, 409, data, true)
  }
}

/** The version the client started from: body field `lastKnownUpdatedAt` (the admin form) or `If-Unmodified-Since`. */
function startingPoint(req: PayloadRequest, data: Record<string, unknown> | undefined): { at: number; wholeSeconds: boolean } | null {
  const fromBody = typeof data?.lastKnownUpdatedAt === 'string' ? data.lastKnownUpdatedAt : null
  const fromHeader = req.headers?.get?.('if-unmodified-since') ?? null
  const raw = fromBody || fromHeader
  if (!raw) return null
  const at = Date.parse(raw)
  if (Number.isNaN(at))
    throw new APIError(
      inAdminLanguage(req, {
        en: 'The version you started from (lastKnownUpdatedAt / If-Unmodified-Since) is not a date.',
        ur: 'جس ورژن سے آپ نے شروع کیا (lastKnownUpdatedAt / If-Unmodified-Since) وہ درست تاریخ نہیں۔',
      }),
      400,
      undefined,
      true,
    )
  // HTTP dates have no milliseconds (e.g. "Sun, 22 Nov 2026 17:00:00 GMT"): compare whole seconds then.
  return { at, wholeSeconds: !/\.\d+/.test(raw) }
}

function describe(user: unknown, req: PayloadRequest): string {
  if (user && typeof user === 'object') {
    const u = user as { name?: string | null; email?: string }
    if (u.name && u.email) return `${u.name} (${u.email})`
    if (u.name || u.email) return (u.name || u.email) as string
  }
  return inAdminLanguage(req, { en: 'another staff member', ur: 'عملے کے کسی اور رکن' })
}

/**
 * Optimistic concurrency for every update by ID. If the document (its latest draft included) was
 * saved after the version this client started from, by somebody else, the save is refused with
 * 409 naming who saved and when, instead of silently overwriting their work. Your own earlier
 * saves (e.g. autosave in the same tab) never count as a conflict.
 */
export const refuseStaleUpdate: CollectionBeforeOperationHook = async ({ args: operationArgs, collection, operation, req }) => {
  // The arguments differ per operation; we read only id, data, draft and overrideAccess.
  const args = operationArgs as any
  if (operation !== 'update' || args?.id === undefined || args?.id === null) return args
  const data = args.data as Record<string, unknown> | undefined
  const start = startingPoint(req, data)
  if (data) delete data.lastKnownUpdatedAt
  if (!start) return args

  const latest = (await req.payload.findByID({
    collection: collection.slug as any,
    id: args.id,
    draft: true,
    depth: 1,
    overrideAccess: true,
    trash: true,
    disableErrors: true,
    req,
  })) as { updatedAt?: string; updatedBy?: unknown } | null
  if (!latest?.updatedAt) return args

  const latestAt = Date.parse(latest.updatedAt)
  const newer = start.wholeSeconds ? Math.floor(latestAt / 1000) > Math.floor(start.at / 1000) : latestAt > start.at
  if (!newer) return args

  const byId = latest.updatedBy && typeof latest.updatedBy === 'object' ? (latest.updatedBy as { id?: unknown }).id : latest.updatedBy
  if (req.user && byId !== undefined && byId !== null && String(byId) === String(req.user.id)) return args

  const who = describe(latest.updatedBy, req)
  const when = new Date(latestAt)
  const whenInUrdu = `${new Intl.DateTimeFormat('ur-PK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(when)} UTC`
  throw new StaleUpdateError(
    inAdminLanguage(req, {
      en: `${who} changed this on ${when.toUTCString()}, after you started editing. Your changes were not saved. Reload to see their version, then make your changes again.`,
      ur: `آپ کے ترمیم شروع کرنے کے بعد ${who} نے ${whenInUrdu} کو اس میں تبدیلی کی۔ آپ کی تبدیلیاں محفوظ نہیں ہوئیں۔ ان کا نسخہ دیکھنے کے لیے صفحہ دوبارہ کھولیں، پھر اپنی تبدیلیاں دوبارہ کریں۔`,
    }),
    { updatedAt: latest.updatedAt, updatedBy: byId ?? null },
  )
}
