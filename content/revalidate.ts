/**
 * On-demand revalidation: which cached pages a content change touches, and the Payload hooks that
 * rebuild exactly those on the next request (pages are rendered once and cached; see
 * docs/architecture.md). The decision is a pure function, `pathsToRevalidate`, so it is tested
 * without Next; the hooks only gather related slugs and call the revalidator.
 *
 * Paths are the ROUTE paths Next caches under, not the addresses readers see: English pages are
 * rewritten to /en/… internally (next.config.ts), and revalidatePath must be given the rewrite's
 * destination ("/en/statements/x"), never its source ("/statements/x").
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeOperationHook,
  GlobalAfterChangeHook,
  Payload,
  PayloadRequest,
} from 'payload'

import { purgePageCache } from '../site/page-cache.mjs'
import { localeCodes, type Locale } from './locales'
import { collectionIndexPath, documentPath, pagesShowing, topicPath } from '../site/paths'

/** Collections whose documents are drafts until published (the rest are public once saved). */
const DRAFTABLE = new Set(['programs', 'statements', 'campaigns', 'offices'])
/** Collections that have their own detail pages, hence sitemap entries. */
const IN_SITEMAP = new Set(['programs', 'statements', 'campaigns', 'people', 'topics'])
/** Collections the feeds list (all-content feed plus their own feed). */
const IN_FEEDS = new Set(['statements', 'campaigns', 'programs'])
/** Feed formats (RSS 2.0, Atom, JSON Feed), per language, for everything, per type and per topic. */
export const FEED_FILES = ['feed.xml', 'feed.atom', 'feed.json'] as const
export const SITEMAP_PATH = '/sitemap.xml'

type Related = { slug?: string | null } | number | string | null | undefined

/** What the decision needs to know about a document (relations populated to at least `slug`). */
export type RevalidationDoc = {
  _status?: 'draft' | 'published' | null
  slug?: string | null
  topics?: Related[] | null
  speaker?: Related
  relatedPrograms?: Related[] | null
  /** Published documents that show this one (filled by the hook for people, topics, media, …). */
  usedBy?: Array<{ collection: string; slug?: string | null }>
  [key: string]: unknown
}

const slugOf = (r: Related): string | null =>
  r && typeof r === 'object' && typeof r.slug === 'string' && r.slug ? r.slug : null
const slugsOf = (rs: Related[] | null | undefined): string[] =>
  (Array.isArray(rs) ? rs : []).map(slugOf).filter((s): s is string => Boolean(s))

/** Public path (/statements/x, /ur/statements/x) → the route path Next caches it under. */
export function routePath(publicPath: string): string {
  if (publicPath === '/ur' || publicPath.startsWith('/ur/')) return publicPath
  return publicPath === '/' ? '/en' : `/en${publicPath}`
}

function isPublic(collection: string, doc: RevalidationDoc | null | undefined): doc is RevalidationDoc {
  if (!doc) return false
  return DRAFTABLE.has(collection) ? doc._status === 'published' : true
}

function publicPagesFor(collection: string, doc: RevalidationDoc): string[] {
  const topicSlugs = collection === 'topics' ? [] : slugsOf(doc.topics)
  const personSlugs = collection === 'statements' && slugOf(doc.speaker) ? [slugOf(doc.speaker) as string] : []
  const programSlugs = collection === 'programs' ? [] : slugsOf(doc.relatedPrograms)
  const out = pagesShowing(collection, { slug: doc.slug, topicSlugs, personSlugs, programSlugs })
  // Shared things (a person's name, a topic's label, a picture) appear on the pages of what uses them.
  for (const user of doc.usedBy ?? []) {
    for (const locale of localeCodes) {
      if (user.slug) {
        const own = documentPath(locale, user.collection, user.slug)
        if (own) out.push(own)
      }
      const index = collectionIndexPath(locale, user.collection)
      if (index) out.push(index)
    }
  }
  if (IN_FEEDS.has(collection)) {
    for (const locale of localeCodes) {
      const prefix = locale === 'en' ? '' : `/${locale}`
      for (const file of FEED_FILES) {
        out.push(`${prefix}/${file}`, `${prefix}/${collection}/${file}`)
        for (const t of topicSlugs) out.push(`${topicPath(locale as Locale, t)}/${file}`)
      }
    }
  }
  return out.map(routePath)
}

/**
 * Exactly the cached paths a change to one document touches. `doc` is the document after the
 * change (null when deleted), `previousDoc` before it (null when created). Nothing is touched when
 * the public saw neither version (a draft saved, a never-published document deleted). A published
 * document's old and new pages are both touched, so a slug change or an unpublish drops the old page.
 */
export function pathsToRevalidate(
  collection: string,
  doc: RevalidationDoc | null | undefined,
  previousDoc: RevalidationDoc | null | undefined,
): string[] {
  const before = isPublic(collection, previousDoc)
  const after = isPublic(collection, doc)
  if (!before && !after) return []
  const paths = new Set<string>()
  if (before) for (const p of publicPagesFor(collection, previousDoc as RevalidationDoc)) paths.add(p)
  if (after) for (const p of publicPagesFor(collection, doc as RevalidationDoc)) paths.add(p)
  if (IN_SITEMAP.has(collection)) paths.add(SITEMAP_PATH)
  return [...paths].sort()
}

// ---------------------------------------------------------------------------------------------
// The revalidator: Next's revalidatePath, replaceable in tests.

export type Revalidator = (path: string, type?: 'layout' | 'page') => void | Promise<void>

async function nextRevalidator(path: string, type?: 'layout' | 'page') {
  const { revalidatePath } = await import('next/cache')
  revalidatePath(path, type)
}

let revalidator: Revalidator = nextRevalidator

/** Tests swap in a recorder; returns the previous revalidator. */
export function setRevalidator(next: Revalidator): Revalidator {
  const previous = revalidator
  revalidator = next
  return previous
}

async function revalidateAll(paths: string[], payload: Payload | undefined, type?: 'layout') {
  for (const path of paths) {
    try {
      await revalidator(path, type)
    } catch (error) {
      // revalidatePath throws outside a Next request (CLI scripts, jobs without a request store).
      // The content change itself must still succeed; the page refreshes on its next rebuild.
      payload?.logger.debug({ msg: `Could not revalidate ${path}`, err: error })
    }
  }
  // The page cache in front of Next (server.mjs) holds finished pages: empty it too.
  if (paths.length) purgePageCache()
}

// ---------------------------------------------------------------------------------------------
// Hooks.

/** Which published documents show a document of this collection (collection → fields pointing here). */
const SHOWN_BY: Record<string, Array<[string, string[]]>> = {
  media: [
    ['programs', ['heroImage', 'relatedMedia']],
    ['campaigns', ['media']],
    ['statements', ['attachments']],
    ['people', ['photo']],
  ],
  people: [['statements', ['speaker']]],
  topics: [
    ['statements', ['topics']],
    ['programs', ['topics']],
    ['campaigns', ['topics']],
  ],
  organisations: [
    ['statements', ['issuingOrganisation']],
    ['programs', ['funders', 'partners', 'keyActivities.funder']],
    ['campaigns', ['partners']],
    ['people', ['organisation']],
    ['offices', ['organisation']],
  ],
  programs: [
    ['statements', ['relatedPrograms']],
    ['campaigns', ['relatedPrograms']],
  ],
}

const idOf = (r: unknown): number | string | null =>
  r && typeof r === 'object' && 'id' in r ? ((r as { id: number | string }).id ?? null) : typeof r === 'number' || typeof r === 'string' ? r : null

/** Replace relation ids with { slug } so the pure function can name the pages. */
async function withSlugs(payload: Payload, collection: string, doc: Record<string, any> | null, req: PayloadRequest) {
  if (!doc) return null
  const out: RevalidationDoc = { ...doc }
  const resolve = async (relationTo: string, values: unknown[]) => {
    const ids = values.map(idOf).filter((v): v is number | string => v !== null)
    if (!ids.length) return []
    const found = await payload.find({
      collection: relationTo as 'topics',
      where: { id: { in: ids } },
      select: { slug: true },
      limit: ids.length,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return found.docs.map((d) => ({ slug: (d as { slug?: string }).slug ?? null }))
  }
  if (Array.isArray(doc.topics)) out.topics = await resolve('topics', doc.topics)
  if (Array.isArray(doc.relatedPrograms)) out.relatedPrograms = await resolve('programs', doc.relatedPrograms)
  if (doc.speaker) out.speaker = (await resolve('people', [doc.speaker]))[0] ?? null
  const shownBy = SHOWN_BY[collection]
  if (shownBy && doc.id != null) {
    out.usedBy = []
    for (const [user, fields] of shownBy) {
      const refersHere = { or: fields.map((f) => ({ [f]: { equals: doc.id } })) }
      const found = await payload.find({
        collection: user as 'statements',
        // Only what the public can see: a draft that mentions this person has no public page.
        where: DRAFTABLE.has(user) ? { and: [{ _status: { equals: 'published' } }, refersHere] } : refersHere,
        select: { slug: true },
        limit: 200,
        depth: 0,
        overrideAccess: true,
        req,
      })
      for (const d of found.docs) out.usedBy.push({ collection: user, slug: (d as { slug?: string }).slug ?? null })
    }
  }
  return out
}

const draftSaveKey = (collection: string, id: unknown) => `revalidate:draftSave:${collection}:${String(id)}`
const publishedKey = (collection: string, id: unknown) => `revalidate:published:${collection}:${String(id)}`

/**
 * A draft save (autosave or "Save draft") writes only a new version: the published document, and
 * so every public page, is unchanged. Payload's afterChange cannot tell that apart from an
 * unpublish (both report _status "draft"), so note the operation's `draft` flag here.
 */
export const noteDraftSave: CollectionBeforeOperationHook = async ({ args, collection, context, operation, req }) => {
  if (operation !== 'update' && operation !== 'updateByID') return args
  const a = args as { draft?: boolean; data?: { _status?: string }; id?: number | string }
  if (a.draft && a.data?._status !== 'published') {
    context[draftSaveKey(collection.slug, a.id ?? '*')] = true
    return args
  }
  // afterChange's previousDoc is the latest version, which may be a draft with a new slug; the
  // page readers see belongs to the published document, so remember that one.
  if (a.id != null && DRAFTABLE.has(collection.slug) && !context?.disableRevalidate) {
    const live = await req.payload
      .findByID({ collection: collection.slug as 'statements', id: a.id, depth: 0, draft: false, overrideAccess: true, disableErrors: true, req })
      .catch(() => null)
      // (A nested Local API call may give req a fresh context object: write to the current one.)
    if (live?._status === 'published') req.context[publishedKey(collection.slug, a.id)] = live
  }
  return args
}

/** afterChange: revalidate what a publish, unpublish, withdrawal or edit of public content touches. */
export const revalidateAfterChange: CollectionAfterChangeHook = async ({ collection, context, doc, previousDoc, req }) => {
  if (context?.disableRevalidate) return doc
  if (context?.[draftSaveKey(collection.slug, doc?.id)] || context?.[draftSaveKey(collection.slug, '*')]) return doc
  const live = context?.[publishedKey(collection.slug, doc?.id)] as Record<string, any> | undefined
  const previous = previousDoc && Object.keys(previousDoc).length ? previousDoc : null
  // When the latest version was a draft, what readers saw is the published document (which may
  // have had another slug): compare against that.
  const seen = previous?._status !== 'published' && live ? live : previous
  const [after, before] = await Promise.all([
    withSlugs(req.payload, collection.slug, doc, req),
    withSlugs(req.payload, collection.slug, seen, req),
  ])
  await revalidateAll(pathsToRevalidate(collection.slug, after, before), req.payload)
  return doc
}

/** afterDelete: a deleted public document disappears from every page that showed it. */
export const revalidateAfterDelete: CollectionAfterDeleteHook = async ({ collection, context, doc, req }) => {
  if (context?.disableRevalidate) return doc
  const before = await withSlugs(req.payload, collection.slug, doc, req)
  await revalidateAll(pathsToRevalidate(collection.slug, null, before), req.payload)
  return doc
}

/** Site settings and navigation appear on every page (header, footer): rebuild the whole site. */
export const revalidateWholeSite: GlobalAfterChangeHook = async ({ context, doc, req }) => {
  if (context?.disableRevalidate) return doc
  await revalidateAll(['/'], req.payload, 'layout')
  return doc
}

/** The hooks to spread into a collection's `hooks`. */
export const revalidationHooks = {
  beforeOperation: [noteDraftSave],
  afterChange: [revalidateAfterChange],
  afterDelete: [revalidateAfterDelete],
}
