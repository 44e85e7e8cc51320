import type { FieldHook, PayloadRequest } from 'payload'

import { isStaffUser } from '../access/roles'
import { collectMediaIds, mayUseMedia } from './usage'

/**
 * "Where is this item used?" for staff: every document and global that points at a media item,
 * read from the `media-usage` rows kept by usage.ts (one row per document, so this is one indexed
 * query plus one read per using document) and from the globals (few, read directly).
 *
 * Shown in the admin (media/MediaUsagePanel.tsx) and, for staff only, as the read-only
 * `usedIn` field of a single media item in the API. Readers never get it: it names drafts.
 */
type MediaUse = {
  /** 'collection' documents live at /admin/collections/<slug>/<id>; globals at /admin/globals/<slug>. */
  kind: 'collection' | 'global'
  slug: string
  /** The collection's or global's singular label, e.g. "Statement". */
  label: string
  id?: number | string
  title: string
  published: boolean
  trashed: boolean
  adminPath: string
}

type Labelish = string | Record<string, string> | ((...args: any[]) => string) | undefined

function labelText(label: Labelish, locale: string | undefined, fallback: string): string {
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') return label[locale ?? 'en'] ?? label.en ?? Object.values(label)[0] ?? fallback
  return fallback
}

const USAGE = 'media-usage'

export async function listMediaUsage(req: PayloadRequest, mediaId: number | string): Promise<MediaUse[]> {
  // Local API calls given `req` set req.locale to their own `locale` (findGlobal below reads 'all').
  // This runs inside other operations (the read before an update, too): leave their locale as found.
  const { locale, fallbackLocale } = req
  try {
    return await collectUses(req, mediaId)
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}

async function collectUses(req: PayloadRequest, mediaId: number | string): Promise<MediaUse[]> {
  const { payload } = req
  const adminRoute = payload.config.routes?.admin ?? '/admin'
  const id = payload.db.defaultIDType === 'number' ? Number(mediaId) : String(mediaId)
  const uses: MediaUse[] = []

  const rows = await payload.find({
    collection: USAGE as any,
    where: { media: { in: [id] } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })

  for (const row of rows.docs as unknown as Array<{ sourceCollection: string; sourceId: string; published?: boolean | null }>) {
    const collection = payload.collections[row.sourceCollection]?.config
    if (!collection) continue
    const docId = payload.db.defaultIDType === 'number' ? Number(row.sourceId) : row.sourceId
    // The latest version (a draft may be newer than the published one): what staff will edit.
    const doc = (await payload
      .findByID({
        collection: collection.slug as any,
        id: docId,
        depth: 0,
        draft: true,
        trash: true,
        overrideAccess: true,
        disableErrors: true,
        req,
      })
      .catch(() => null)) as Record<string, unknown> | null
    if (!doc) continue
    const titleField = collection.admin?.useAsTitle ?? 'id'
    const trashed = Boolean(doc.deletedAt)
    const base = `${adminRoute}/collections/${collection.slug}`
    uses.push({
      kind: 'collection',
      slug: collection.slug,
      // In the admin's language (the panel is admin text), not the content's.
      label: labelText(collection.labels?.singular as Labelish, req.i18n?.language, collection.slug),
      id: docId,
      title: String(doc[titleField] ?? `#${docId}`),
      published: Boolean(row.published),
      trashed,
      adminPath: trashed ? `${base}/trash/${docId}` : `${base}/${docId}`,
    })
  }

  for (const global of payload.config.globals) {
    if (!mayUseMedia(global.fields)) continue
    const doc = await payload.findGlobal({ slug: global.slug as any, depth: 0, locale: 'all', overrideAccess: true, req })
    const ids = collectMediaIds(global.fields, doc)
    if (![...ids].some((m) => String(m) === String(id))) continue
    const label = labelText(global.label as Labelish, req.i18n?.language, global.slug)
    uses.push({
      kind: 'global',
      slug: global.slug,
      label,
      title: label,
      // Globals have no drafts here: what is saved is live.
      published: true,
      trashed: false,
      adminPath: `${adminRoute}/globals/${global.slug}`,
    })
  }

  return uses.sort((a, b) => a.label.localeCompare(b.label) || a.title.localeCompare(b.title))
}

/**
 * afterRead hook of the virtual `usedIn` field: filled only for staff reading ONE item (never for
 * lists or populated relations, where it would cost a query per item for nobody's benefit).
 * Field-level read access (staff only) removes it from everyone else's responses as well.
 */
export const fillUsedIn: FieldHook = async ({ data, findMany, req }) => {
  if (findMany || !isStaffUser(req.user) || data?.id === undefined || data?.id === null) return undefined
  return listMediaUsage(req, data.id as number | string)
}
