import type { CollectionConfig, Config, Field, PayloadRequest } from 'payload'

import { nobody } from '../access/nobody'

/**
 * Which media published content uses, kept as a stored flag (`usedByPublished`) on each media
 * item rather than worked out when a file is read.
 *
 * Why a stored flag: anonymous readers fetch files far more often than anything is published, and
 * Payload checks read access on every file request. With the flag, the public read rule is one
 * indexed column ({ or: [public, usedByPublished] }) that works the same on SQLite and MongoDB.
 * Working it out at read time would mean searching every content type (and rich text) per file.
 *
 * How it stays true: a hidden `media-usage` collection holds one row per document that points at
 * media (which media, across all locales, rich text included, and whether that document is
 * published). The change pipeline (content/changes/subscribers/mediaUsage.ts) calls
 * recordMediaUsage on every save, trash, restore or delete of such a document: its row is rewritten
 * and the media it used before and uses now are re-checked: "does any published row (or a global)
 * still use it?". Draft saves leave the stored (published) document alone, so they change nothing.
 * Keeping the rows in our own collection means other collections' schemas are untouched.
 */

const MEDIA = 'media'
const USAGE = 'media-usage'

type Id = number | string

const idOf = (v: unknown): Id | undefined => {
  if (typeof v === 'number' || (typeof v === 'string' && v)) return v
  if (v && typeof v === 'object' && 'id' in v) return idOf((v as { id: unknown }).id)
  return undefined
}

function collectRichText(node: unknown, out: Set<Id>) {
  if (!node || typeof node !== 'object') return
  const n = node as Record<string, unknown>
  // Upload nodes, and internal links to a file ({ relationTo, value } under a link's fields.doc).
  if (n.relationTo === MEDIA && 'value' in n) {
    const id = idOf(n.value)
    if (id !== undefined) out.add(id)
  }
  for (const value of Object.values(n)) {
    if (Array.isArray(value)) value.forEach((child) => collectRichText(child, out))
    else if (value && typeof value === 'object') collectRichText(value, out)
  }
}

const relatesToMedia = (field: Field) =>
  (field.type === 'upload' || field.type === 'relationship') &&
  (field.relationTo === MEDIA || (Array.isArray(field.relationTo) && field.relationTo.includes(MEDIA)))

/** Every media id a document (read with locale 'all' or one locale, depth 0) points at. */
export function collectMediaIds(fields: Field[], value: unknown, out = new Set<Id>()): Set<Id> {
  if (!value || typeof value !== 'object') return out
  const data = value as Record<string, unknown>
  for (const field of fields) {
    if (!('name' in field) || !field.name) {
      // Rows, collapsibles, unnamed groups and tabs keep their fields at this level.
      if (field.type === 'tabs') {
        for (const tab of field.tabs) {
          if ('name' in tab && tab.name) collectMediaIds(tab.fields, data[tab.name], out)
          else collectMediaIds(tab.fields, data, out)
        }
      } else if ('fields' in field) collectMediaIds(field.fields, data, out)
      continue
    }
    const raw = data[field.name]
    // With locale 'all', a localized field is { en: …, ur: … }.
    const values =
      'localized' in field && field.localized && raw && typeof raw === 'object' && !Array.isArray(raw) && !('id' in raw)
        ? Object.values(raw)
        : [raw]
    for (const v of values) {
      if (v === null || v === undefined) continue
      if (relatesToMedia(field)) {
        for (const item of Array.isArray(v) ? v : [v]) {
          const poly = item && typeof item === 'object' && 'relationTo' in item
          if (poly && (item as { relationTo: string }).relationTo !== MEDIA) continue
          const id = idOf(poly ? (item as { value: unknown }).value : item)
          if (id !== undefined) out.add(id)
        }
      } else if (field.type === 'richText') {
        collectRichText(v, out)
      } else if (field.type === 'group' || field.type === 'tab' as string) {
        collectMediaIds((field as { fields: Field[] }).fields, v, out)
      } else if (field.type === 'array' && Array.isArray(v)) {
        v.forEach((row) => collectMediaIds(field.fields, row, out))
      } else if (field.type === 'blocks' && Array.isArray(v)) {
        for (const row of v) {
          const block = field.blocks.find((b) => b.slug === (row as { blockType?: string })?.blockType)
          if (block) collectMediaIds(block.fields, row, out)
        }
      }
    }
  }
  return out
}

/** Could any document of these fields point at media (directly, nested, or in rich text)? */
export function mayUseMedia(fields: Field[]): boolean {
  return fields.some((field) => {
    if (relatesToMedia(field) || field.type === 'richText') return true
    if (field.type === 'tabs') return field.tabs.some((tab) => mayUseMedia(tab.fields))
    if (field.type === 'blocks') return field.blocks.some((b) => mayUseMedia(b.fields))
    return 'fields' in field && Array.isArray(field.fields) ? mayUseMedia(field.fields) : false
  })
}

/** Re-decide `usedByPublished` for these media items from the stored documents; returns the ones that changed. */
async function refreshMediaUsage(req: PayloadRequest, ids: Iterable<Id>): Promise<Id[]> {
  const { payload } = req
  const unique = [...new Set([...ids].map(String))]
  const changed: Id[] = []
  if (!unique.length) return changed
  const trackedGlobals = payload.config.globals.filter((g) => mayUseMedia(g.fields))
  let globalRefs: Set<string> | undefined

  for (const key of unique) {
    const id: Id = payload.db.defaultIDType === 'number' ? Number(key) : key
    let used = false
    const { totalDocs } = await payload.count({
      collection: USAGE,
      overrideAccess: true,
      req,
      where: { and: [{ media: { in: [id] } }, { published: { equals: true } }] },
    })
    used = totalDocs > 0
    if (!used && trackedGlobals.length) {
      if (!globalRefs) {
        globalRefs = new Set()
        for (const g of trackedGlobals) {
          // findGlobal sets req.locale to 'all' on the caller's request: put it back afterwards.
          const { locale, fallbackLocale } = req
          const doc = await payload
            .findGlobal({ slug: g.slug, depth: 0, locale: 'all', overrideAccess: true, req })
            .finally(() => Object.assign(req, { locale, fallbackLocale }))
          collectMediaIds(g.fields, doc).forEach((m) => globalRefs!.add(String(m)))
        }
      }
      used = globalRefs.has(key)
    }
    const media = await payload.db.findOne<{ id: Id; usedByPublished?: boolean | null }>({
      collection: MEDIA,
      req,
      where: { id: { equals: id } },
    })
    if (media && Boolean(media.usedByPublished) !== used) {
      await payload.db.updateOne({ collection: MEDIA, id, data: { usedByPublished: used }, req })
      changed.push(id)
    }
  }
  return changed
}

const sourceKey = (slug: string, id: Id) => `${slug}:${id}`

type UsageRow = { id: Id; media?: unknown[] | null }

async function usageRow(req: PayloadRequest, source: string): Promise<UsageRow | null> {
  return req.payload.db.findOne<UsageRow>({ collection: USAGE, req, where: { source: { equals: source } } })
}

const rowMedia = (row: UsageRow | null): Id[] => (row?.media ?? []).map(idOf).filter((x): x is Id => x !== undefined)

/**
 * A document was saved, trashed, restored or deleted (called by the change pipeline,
 * content/changes/subscribers/mediaUsage.ts, with the stored document in every locale): rewrite its
 * usage row and re-decide the media it used before and uses now. Returns the media whose public
 * visibility changed.
 */
export async function recordMediaUsage(
  req: PayloadRequest,
  source: { collection: string; id: Id; fields: Field[] },
  stored: Record<string, unknown> | null,
  published: boolean,
): Promise<Id[]> {
  const key = sourceKey(source.collection, source.id)
  const row = await usageRow(req, key)
  const before = rowMedia(row)
  if (!stored) {
    if (row) await req.payload.db.deleteOne({ collection: USAGE, where: { id: { equals: row.id } }, req })
    return refreshMediaUsage(req, before)
  }
  const now = [...collectMediaIds(source.fields, stored)]
  // The whole row every time: the SQL adapter writes an update as an upsert of the given columns.
  const data = { source: key, sourceCollection: source.collection, sourceId: String(source.id), media: now, published }
  if (row) await req.payload.db.updateOne({ collection: USAGE, id: row.id, data, req })
  else if (now.length) await req.payload.db.create({ collection: USAGE, data, req })
  return refreshMediaUsage(req, [...before, ...now])
}

/** A global (e.g. the site logo) changed: re-decide the media it used and uses. */
export async function recordGlobalMediaUsage(req: PayloadRequest, fields: Field[], doc: unknown, previousDoc: unknown): Promise<Id[]> {
  const ids = collectMediaIds(fields, doc)
  collectMediaIds(fields, previousDoc).forEach((id) => ids.add(id))
  return refreshMediaUsage(req, ids)
}

/** One row per document that uses media. Internal: no API access, hidden in the admin. */
const MediaUsage: CollectionConfig = {
  slug: USAGE,
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  graphQL: false,
  fields: [
    { name: 'source', type: 'text', required: true, unique: true, index: true },
    { name: 'sourceCollection', type: 'text', required: true },
    { name: 'sourceId', type: 'text', required: true },
    { name: 'media', type: 'relationship', relationTo: MEDIA, hasMany: true },
    { name: 'published', type: 'checkbox', defaultValue: false, index: true },
  ],
}

/** Payload plugin: adds the usage collection (the change pipeline keeps it up to date). */
export const trackMediaUsage = (config: Config): Config => ({
  ...config,
  collections: [...(config.collections ?? []), MediaUsage],
})
