import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest, SanitizedCollectionConfig } from 'payload'
import { getTranslation } from '@payloadcms/translations'
import { APIError } from 'payload'

import { hasDrafts, relationFields } from '../content/schema'
import { inAdminLanguage } from '../translations/labels'

type Usage = { collection: string; id: number | string; title: string }

/**
 * Published documents (and documents of collections without drafts, which are always live)
 * that link to this one. Trashed documents do not count.
 */
async function publishedUsages(req: PayloadRequest, target: string, id: number | string): Promise<Usage[]> {
  const usages: Usage[] = []
  for (const collection of req.payload.config.collections) {
    if (collection.slug.startsWith('payload-') || collection.slug === 'audit-log') continue
    // Polymorphic relations are stored differently; ours are all single-collection.
    const paths = relationFields(collection.fields).filter((f) => !f.polymorphic && f.relationTo.includes(target))
    if (!paths.length) continue
    const drafts = hasDrafts(collection)
    const or = paths.map(({ path }) => ({ [path]: { equals: id } }))
    const where = drafts ? { and: [{ or }, { _status: { equals: 'published' } }] } : { or }
    const titleField = typeof collection.admin?.useAsTitle === 'string' ? collection.admin.useAsTitle : 'id'
    const { docs } = await req.payload.find({
      collection: collection.slug as any,
      where: where as any,
      depth: 0,
      limit: 20,
      overrideAccess: true,
      pagination: false,
      req,
    })
    for (const doc of docs as Record<string, any>[]) {
      if (collection.slug === target && String(doc.id) === String(id)) continue
      usages.push({ collection: getTranslation(collection.labels?.singular ?? collection.slug, req.i18n), id: doc.id, title: String(doc[titleField] ?? doc.id) })
    }
  }
  return usages
}

function refusal(req: PayloadRequest, usages: Usage[]) {
  const list = usages.map((u) => `${u.collection} "${u.title}"`).join('; ')
  return new APIError(
    inAdminLanguage(req, {
      en: `This is still linked from published content: ${list}. Remove those links (or unpublish those pages) first, then delete it.`,
      ur: `یہ ابھی شائع شدہ مواد سے منسلک ہے: ${list}۔ پہلے وہ لنک ہٹائیں (یا ان صفحات کی اشاعت واپس لیں)، پھر اسے حذف کریں۔`,
    }),
    409,
    { usedIn: usages },
    true,
  )
}

/** Deleting for good: refused while published content links here (the reader would hit a broken link). */
export const refuseDeletingLinkedDocument: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const usages = await publishedUsages(req, (collection as SanitizedCollectionConfig).slug, id)
  if (usages.length) throw refusal(req, usages)
}

/** Moving to the trash: the same check, because trashed documents disappear from the site too. */
export const refuseTrashingLinkedDocument: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !data?.deletedAt || originalDoc?.deletedAt || !originalDoc?.id) return data
  const usages = await publishedUsages(req, collection.slug, originalDoc.id)
  if (usages.length) throw refusal(req, usages)
  return data
}
