/**
 * Redirects: when a published document's address changes (its slug), the old address keeps
 * working. A redirect is recorded in the `redirects` collection (@payloadcms/plugin-redirects,
 * where staff see and remove them) pointing at the document itself, so it follows later slug
 * changes without chains. The web server answers the old address, in both languages, with a 301
 * to the current one (server.mjs, site/page-cache.mjs), and likewise the JSON twin asked by slug
 * (`/api/statements?where[slug][equals]=old`).
 *
 * Every server keeps the table in memory (a lookup per "not found" must not cost a query) and
 * reloads it when a redirect or a redirected document changes, told through the change pipeline.
 */
import type { Payload, PayloadRequest } from 'payload'
import { redirectsPlugin } from '@payloadcms/plugin-redirects'

import { isEditor, isStaff } from '../../../access/staff'
import { adminGroups } from '../../../translations/labels'
import { safeSitePath } from '../../../workflow/preview'
import { localeCodes, localePrefix } from '../../locales'
import { contentType, contentTypes, slugsWhere } from '../../registry'
import { touchesPublic, type ContentChange } from '../event'
import { serverHandle } from '../server'
import type { ChangeSubscriber } from '../subscriber'

const REDIRECTS = 'redirects'

type Target = { collection: string; id: number | string }
type RedirectDoc = { id: number | string; from: string; to?: { type?: string; reference?: { relationTo: string; value: unknown } | null; url?: string | null } }

/** The English page path of a document of a type with pages ('/statements/x'). */
const pagePath = (collection: string, slug: unknown) => {
  const page = contentType(collection)?.page
  return page && typeof slug === 'string' && slug ? page.replace(':slug', slug) : null
}

/** The plugin adds the `redirects` collection, closed to everyone but staff (the public never reads the table itself). */
export const redirectsTable = redirectsPlugin({
  collections: slugsWhere((t) => Boolean(t.page)) as never[],
  overrides: {
    labels: { singular: { en: 'Redirect', ur: 'منتقلی' }, plural: { en: 'Redirects', ur: 'منتقلیاں' } },
    access: { read: isStaff, create: isEditor, update: isEditor, delete: isEditor },
    admin: {
      group: adminGroups.content,
      description: {
        en: 'Old addresses that lead to the current page. Made automatically when you change the address (slug) of something published; remove one and its old address shows "not found" again.',
        ur: 'پرانے پتے جو موجودہ صفحے تک لے جاتے ہیں۔ کسی شائع شدہ چیز کا پتہ (سلَگ) بدلنے پر خود بنتے ہیں؛ کوئی ہٹا دیں تو اس کا پرانا پتہ پھر "نہیں ملا" دکھائے گا۔',
      },
      defaultColumns: ['from', 'to.reference', 'createdAt'],
    },
  } as never,
})

// ---------------------------------------------------------------------------------------------
// During the save: record and tidy redirects.

async function redirectFrom(req: PayloadRequest, from: string): Promise<RedirectDoc | null> {
  const { docs } = await req.payload.find({ collection: REDIRECTS as 'users', where: { from: { equals: from } }, limit: 1, depth: 0, overrideAccess: true, req })
  return (docs[0] as unknown as RedirectDoc) ?? null
}

async function recordRedirects(change: ContentChange) {
  const { req } = change
  const target: Target = { collection: change.collection, id: change.id as number | string }
  const now = pagePath(change.collection, change.after?.slug)
  // The document's own address is a page again, not a redirect (e.g. a slug changed back).
  if (now && change.isPublic) {
    const stale = await redirectFrom(req, now)
    if (stale) await req.payload.delete({ collection: REDIRECTS as 'users', id: stale.id, overrideAccess: true, req })
  }
  if (change.kinds.includes('slugChanged')) {
    const old = pagePath(change.collection, change.before?.slug)
    if (!old) return
    const to = { type: 'reference', reference: { relationTo: target.collection, value: target.id } }
    const existing = await redirectFrom(req, old)
    if (existing) await req.payload.update({ collection: REDIRECTS as 'users', id: existing.id, data: { to } as never, overrideAccess: true, req })
    else await req.payload.create({ collection: REDIRECTS as 'users', data: { from: old, to } as never, overrideAccess: true, req })
  }
  // Deleted for good: its old addresses lead nowhere now.
  if (change.kinds.includes('deleted')) {
    const { docs } = await req.payload.find({ collection: REDIRECTS as 'users', pagination: false, limit: 10_000, depth: 0, overrideAccess: true, req })
    for (const r of docs as unknown as RedirectDoc[]) {
      const ref = r.to?.reference
      const id = ref && typeof ref.value === 'object' ? (ref.value as { id: unknown })?.id : ref?.value
      if (ref?.relationTo === target.collection && String(id) === String(target.id)) {
        await req.payload.delete({ collection: REDIRECTS as 'users', id: r.id, overrideAccess: true, req })
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The table every server keeps: old English path → where the document lives now.

let table: Promise<Map<string, string>> | null = null
let payloadRef: Payload | null = null

async function load(payload: Payload): Promise<Map<string, string>> {
  const { docs } = await payload.find({ collection: REDIRECTS as 'users', pagination: false, limit: 10_000, depth: 0, overrideAccess: true })
  const byType = new Map<string, Set<number | string>>()
  for (const r of docs as unknown as RedirectDoc[]) {
    const ref = r.to?.type === 'reference' ? r.to.reference : null
    if (ref?.relationTo && ref.value !== null && ref.value !== undefined) {
      const id = typeof ref.value === 'object' ? (ref.value as { id: number | string }).id : (ref.value as number | string)
      byType.set(ref.relationTo, (byType.get(ref.relationTo) ?? new Set()).add(id))
    }
  }
  // Only to documents readers can see now: an unpublished target answers "not found".
  const current = new Map<string, string>()
  for (const [collection, ids] of byType) {
    const type = contentTypes.find((t) => t.slug === collection)
    if (!type?.page) continue
    const found = await payload.find({
      collection: collection as 'statements',
      where: type.drafts ? { and: [{ id: { in: [...ids] } }, { _status: { equals: 'published' } }] } : { id: { in: [...ids] } },
      select: { slug: true },
      pagination: false,
      limit: ids.size,
      depth: 0,
      overrideAccess: true,
    })
    for (const d of found.docs as Array<{ id: number | string; slug?: string }>) {
      const path = pagePath(collection, d.slug)
      if (path) current.set(`${collection}:${d.id}`, path)
    }
  }
  const out = new Map<string, string>()
  for (const r of docs as unknown as RedirectDoc[]) {
    const ref = r.to?.type === 'reference' ? r.to.reference : null
    const id = ref ? (typeof ref.value === 'object' ? (ref.value as { id: number | string })?.id : ref.value) : null
    const to = ref ? current.get(`${ref.relationTo}:${String(id)}`) : r.to?.url
    // Staff may type a custom address: a path on this site as it will be sent (`/\\evil.example`
    // or `/.//evil.example` is another site to a browser), or an absolute http(s) address they chose.
    const target = to ? (to.startsWith('/') ? safeSitePath(to) : /^https?:\/\/[^/\\]/i.test(to) ? to : null) : null
    if (target && target !== r.from) out.set(r.from, target)
  }
  return out
}

function table_(): Promise<Map<string, string>> {
  if (!payloadRef) return Promise.resolve(new Map())
  table ??= load(payloadRef).catch((err) => {
    table = null
    throw err
  })
  return table
}

const urdu = localeCodes.filter((l) => localePrefix(l)).map((l) => localePrefix(l))

/**
 * Where an old address (a page in either language, or the JSON twin asked by slug) lives now, or
 * null. Called by the web server for answers that would be "not found".
 */
export async function findRedirect(url: string): Promise<string | null> {
  const [path, query = ''] = url.split('?', 2)
  const redirects = await table_()
  if (!redirects.size) return null
  // JSON twin: /api/<type>?where[slug][equals]=<old slug>&…
  const api = /^\/api\/([a-z0-9-]+)\/?$/.exec(path)
  if (api) {
    const params = new URLSearchParams(query)
    const slug = params.get('where[slug][equals]')
    const from = pagePath(api[1], slug)
    const to = from ? redirects.get(from) : null
    const newSlug = to && contentType(api[1])?.page ? to.slice(to.lastIndexOf('/') + 1) : null
    if (!newSlug) return null
    params.set('where[slug][equals]', newSlug)
    return `${path}?${params.toString()}`
  }
  const prefix = urdu.find((p) => path === p || path.startsWith(`${p}/`)) ?? ''
  const to = redirects.get(path.slice(prefix.length) || '/')
  if (!to) return null
  const localized = to.startsWith('/') ? `${prefix}${to}` : to
  return query ? `${localized}?${query}` : localized
}

// ---------------------------------------------------------------------------------------------

export const redirects: ChangeSubscriber = {
  name: 'redirects',
  onInit(payload) {
    payloadRef = payload
    serverHandle()?.setRedirectLookup(findRedirect, async () => {
      table = null
      await table_()
    })
  },
  async duringSave(change) {
    const type = contentType(change.collection)
    if (change.global || !type?.page || !touchesPublic(change)) return
    await recordRedirects(change)
  },
  stale(change) {
    // The table changes when a redirect does, or when a redirected document moves or comes and goes.
    const moved =
      change.collection === REDIRECTS ||
      (!change.global &&
        Boolean(contentType(change.collection)?.page) &&
        touchesPublic(change) &&
        (change.kinds.some((k) => k === 'slugChanged' || k === 'deleted') || change.wasPublic !== change.isPublic))
    if (!moved) return null
    // This process's own table too (every server reloads its own when told, server.mjs).
    table = null
    return { redirects: true }
  },
}
