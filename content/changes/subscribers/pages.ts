/**
 * Page freshness: exactly the public pages a change touches, in both languages, for the version
 * readers saw before and the one they see now (so an unpublish or a slug change drops the old page
 * and a publish adds the new one). All of it follows from the registry and the schema:
 *
 * - its own page, the page that lists its type, and the home page when the type is on it;
 * - for a taxonomy term (a topic), the lists of every type filed under it (their filter menus);
 * - the pages of what it points at (a statement is listed on its topics', speaker's and programs'
 *   pages), found by walking its relationship fields;
 * - later (just after the change returns): the pages of published documents that show it (every
 *   statement naming a renamed person, every page with a changed picture) and of documents of its
 *   type sharing a topic with it (their "related" lists).
 *
 * Site settings and navigation are on every page: the whole site. Draft saves touch nothing.
 */
import type { PayloadRequest, Where } from 'payload'

import { inEveryLocale } from '../../../site/paths'
import { contentType, contentTypes, shownBy, type ContentType } from '../../registry'
import { relatedIds, relationFields } from '../../schema'
import { touchesPublic, type ContentChange, type StoredDoc } from '../event'
import { pagesWanted } from '../freshness'
import type { ChangeSubscriber } from '../subscriber'

type Id = number | string

/** How many documents that show a changed one are refreshed (beyond that, they refresh on their next change). */
const MAX_SHOWN_BY = 200
/** Pages of documents that show it refreshed before the change returns; the rest just after. */
const SHOWN_BY_NOW = 8

const pageOf = (type: ContentType, slug: unknown) => (type.page && typeof slug === 'string' && slug ? type.page.replace(':slug', slug) : null)

/** Slugs of published documents of `type` with these ids (public view: drafts have no pages). */
async function publishedSlugs(req: PayloadRequest, type: ContentType, where: Where, limit: number): Promise<Array<{ id: Id; slug: string | null }>> {
  const { docs } = await req.payload.find({
    collection: type.slug as 'statements',
    where: type.drafts ? { and: [{ _status: { equals: 'published' } }, where] } : where,
    select: { slug: true },
    depth: 0,
    limit,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return (docs as Array<{ id: Id; slug?: string | null }>).map((d) => ({ id: d.id, slug: d.slug ?? null }))
}

/** The pages of what a stored document points at (its topics, speaker, programs). */
async function pagesItPointsAt(req: PayloadRequest, type: ContentType, doc: StoredDoc): Promise<string[]> {
  const out: string[] = []
  for (const target of contentTypes) {
    if (!target.page) continue
    const ids = type.relations.filter((f) => f.relationTo.includes(target.slug)).flatMap((f) => relatedIds(doc, f, target.slug))
    if (!ids.length) continue
    for (const found of await publishedSlugs(req, target, { id: { in: [...new Set(ids)] } }, ids.length)) {
      const page = pageOf(target, found.slug)
      if (page) out.push(page)
    }
  }
  return out
}

/** Published documents that show this one (by pointing at it), with their pages and lists. */
async function pagesShowing(req: PayloadRequest, target: string, id: Id): Promise<string[]> {
  const out: string[] = []
  for (const { type, fields } of shownBy(target)) {
    const or = fields.map((f) => ({ [f.path]: { equals: id } }))
    const found = await publishedSlugs(req, type, { or }, MAX_SHOWN_BY)
    for (const d of found) if (type.slug !== target || String(d.id) !== String(id)) out.push(...[pageOf(type, d.slug)].filter((p): p is string => Boolean(p)))
    if (found.length) {
      if (type.index) out.push(type.index)
      if (type.home) out.push('/')
    }
  }
  return out
}

/** Documents of the same type sharing a taxonomy term (their "related" lists may name this one). */
async function siblingPages(req: PayloadRequest, type: ContentType, doc: StoredDoc, id: Id): Promise<string[]> {
  const or: Where[] = []
  for (const field of type.relations) {
    for (const to of field.relationTo) {
      if (!contentType(to)?.taxonomy) continue
      const ids = relatedIds(doc, field, to)
      if (ids.length) or.push({ [field.path]: { in: ids } })
    }
  }
  if (!or.length) return []
  const found = await publishedSlugs(req, type, { and: [{ or }, { id: { not_equals: id } }] }, 50)
  return found.map((d) => pageOf(type, d.slug)).filter((p): p is string => Boolean(p))
}

/** Does a global (e.g. the site logo) use this document? Then every page shows it. */
async function usedByAGlobal(req: PayloadRequest, collection: string, id: Id): Promise<boolean> {
  for (const global of req.payload.config.globals) {
    const fields = relationFields(global.fields).filter((f) => f.relationTo.includes(collection))
    if (!fields.length) continue
    const doc = await req.payload.findGlobal({ slug: global.slug as 'site-settings', depth: 0, overrideAccess: true, req })
    if (fields.some((f) => relatedIds(doc, f, collection).some((x) => String(x) === String(id)))) return true
  }
  return false
}

async function pagesTouchedBy(change: ContentChange): Promise<{ pages: string[]; laterPages: string[]; everything?: boolean }> {
  const type = contentType(change.collection)
  if (!type || change.id === null) return { pages: [], laterPages: [] }
  const now = new Set<string>()
  const later = new Set<string>()
  const versions: StoredDoc[] = []
  if (change.wasPublic && change.before) versions.push(change.before)
  if (change.isPublic && change.after) versions.push(change.after)
  for (const doc of versions) {
    const own = pageOf(type, doc.slug)
    if (own) now.add(own)
    if (type.index) now.add(type.index)
    if (type.home) now.add('/')
    for (const page of await pagesItPointsAt(change.req, type, doc)) now.add(page)
    for (const page of await siblingPages(change.req, type, doc, change.id)) later.add(page)
  }
  // A taxonomy term is in the filter menu of every list filed under it (the statement list names
  // every topic), used or not: a new, renamed or removed term changes those lists.
  if (type.taxonomy) for (const { type: filed } of shownBy(type.slug)) if (filed.index && filed.slug !== type.slug) now.add(filed.index)
  const showing = await pagesShowing(change.req, type.slug, change.id)
  showing.forEach((page, i) => (i < SHOWN_BY_NOW ? now : later).add(page))
  const everything = await usedByAGlobal(change.req, type.slug, change.id)
  const expand = (set: Set<string>) => [...set].flatMap(inEveryLocale)
  const pages = expand(now)
  const pageSet = new Set(pages)
  return { pages, laterPages: expand(later).filter((p) => !pageSet.has(p)), everything: everything || undefined }
}

export const pages: ChangeSubscriber = {
  name: 'pages',
  async stale(change) {
    if (change.global) return touchesPublic(change) ? { everything: true } : null
    if (!touchesPublic(change) || !pagesWanted()) return null
    return pagesTouchedBy(change)
  },
}
