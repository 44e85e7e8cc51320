import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  Config,
  Field,
  GlobalAfterChangeHook,
  GlobalConfig,
  PayloadRequest,
} from 'payload'

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
 * published). Every save or delete of such a document rewrites its row and re-checks the media it
 * used before and uses now: "does any published row (or a global) still use it?". Draft saves
 * leave the stored (published) document alone, so they change nothing. Keeping the rows in our
 * own collection means other collections' schemas are untouched.
 */

const MEDIA = 'media'
const USAGE = 'media-usage'
const SKIP = new Set([MEDIA, USAGE])

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

/** Re-decide `usedByPublished` for these media items from the stored documents. */
export async function refreshMediaUsage(req: PayloadRequest, ids: Iterable<Id>): Promise<void> {
  const { payload } = req
  const unique = [...new Set([...ids].map(String))]
  if (!unique.length) return
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
    }
  }
}

const sourceKey = (slug: string, id: Id) => `${slug}:${id}`

type UsageRow = { id: Id; media?: unknown[] | null }

async function usageRow(req: PayloadRequest, source: string): Promise<UsageRow | null> {
  return req.payload.db.findOne<UsageRow>({ collection: USAGE, req, where: { source: { equals: source } } })
}

const rowMedia = (row: UsageRow | null): Id[] => (row?.media ?? []).map(idOf).filter((x): x is Id => x !== undefined)

const afterChange: CollectionAfterChangeHook = async ({ collection, doc, req, context }) => {
  if (context?.skipMediaUsage) return doc
  // The stored (not draft) document, every locale, ids only: what readers can actually get.
  const full = (await req.payload.findByID({
    collection: collection.slug,
    id: doc.id,
    depth: 0,
    locale: 'all',
    draft: false,
    overrideAccess: true,
    showHiddenFields: true,
    // Content collections have a trash (workflow/editorialWorkflow.ts): a trashed document is still found here.
    trash: true,
    req,
    context: { skipMediaUsage: true },
  })) as Record<string, unknown>
  const now = [...collectMediaIds(collection.fields, full)]
  const published = (collection.versions?.drafts ? full._status === 'published' : true) && !full.deletedAt
  const source = sourceKey(collection.slug, doc.id)
  const row = await usageRow(req, source)
  const before = rowMedia(row)
  // The whole row every time: the SQL adapter writes an update as an upsert of the given columns.
  const data = { source, sourceCollection: collection.slug, sourceId: String(doc.id), media: now, published }
  if (row) await req.payload.db.updateOne({ collection: USAGE, id: row.id, data, req })
  else if (now.length) await req.payload.db.create({ collection: USAGE, data, req })
  await refreshMediaUsage(req, [...before, ...now])
  return doc
}

const afterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  const refs = collectMediaIds(collection.fields, doc)
  const row = await usageRow(req, sourceKey(collection.slug, doc.id))
  if (row) {
    rowMedia(row).forEach((id) => refs.add(id))
    await req.payload.db.deleteOne({ collection: USAGE, where: { id: { equals: row.id } }, req })
  }
  await refreshMediaUsage(req, refs)
}

const globalAfterChange: GlobalAfterChangeHook = async ({ doc, previousDoc, global, req }) => {
  const ids = collectMediaIds(global.fields, doc)
  collectMediaIds(global.fields, previousDoc).forEach((id) => ids.add(id))
  await refreshMediaUsage(req, ids)
  return doc
}

/** One row per document that uses media. Internal: no API access, hidden in the admin. */
export const MediaUsage: CollectionConfig = {
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

const trackCollection = (c: CollectionConfig): CollectionConfig => {
  if (SKIP.has(c.slug) || c.auth || !mayUseMedia(c.fields)) return c
  return {
    ...c,
    hooks: {
      ...c.hooks,
      afterChange: [...(c.hooks?.afterChange ?? []), afterChange],
      afterDelete: [...(c.hooks?.afterDelete ?? []), afterDelete],
    },
  }
}

const trackGlobal = (g: GlobalConfig): GlobalConfig =>
  mayUseMedia(g.fields)
    ? { ...g, hooks: { ...g.hooks, afterChange: [...(g.hooks?.afterChange ?? []), globalAfterChange] } }
    : g

/** Payload plugin: adds usage tracking to every collection and global that can use media. */
export const trackMediaUsage = (config: Config): Config => ({
  ...config,
  collections: [...(config.collections ?? []).map(trackCollection), MediaUsage],
  globals: (config.globals ?? []).map(trackGlobal),
})
