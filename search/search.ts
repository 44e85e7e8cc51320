/**
 * Site search: published content of every public type, in one language, grouped by type.
 *
 * It queries the content collections themselves (`like` on the human-readable fields of the
 * requested locale) instead of keeping a second copy in a search index (@payloadcms/plugin-search):
 * the collections' own read access then decides what a reader finds (drafts stay invisible through
 * the same `publishedOrStaff` rule as every other door, with nothing to keep in sync or to leak),
 * there is no extra collection or migration, and an organisation's few hundred documents are
 * searched in milliseconds. Revisit with a real index if the content grows into the tens of thousands.
 */
import type { Payload, Where } from 'payload'

import type { Locale } from '../content/locales'
import { plainText } from '../content/richText'
import { contentType, slugsWhere } from '../content/registry'
import { collectionIndexPath, documentPath, homePath } from '../site/paths'

/** Searched types, in the order results are grouped: the registry's (content/registry.ts), statements first. */
const SEARCH_COLLECTIONS = ['statements', ...slugsWhere((t) => Boolean(t.search) && t.slug !== 'statements')]
type SearchCollection = string

export const MAX_QUERY_LENGTH = 100
const PER_TYPE = 20

type SearchResult = {
  collection: SearchCollection
  id: number | string
  title: string
  summary?: string
  /** Public path of the page showing it, in the reader's language. */
  path: string
}
type SearchGroup = { collection: SearchCollection; results: SearchResult[] }
type SearchResponse = { query: string; groups: SearchGroup[]; total: number }

/**
 * Tidy what the reader typed: trim, collapse spaces, cap the length, and write the Arabic forms
 * of yeh and kaf (common on Arabic keyboards) as the Urdu letters our text uses.
 */
export function normaliseQuery(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : ''
  return text
    .normalize('NFC')
    .replace(/[\u064A\u0649]/g, '\u06CC')
    .replace(/\u0643/g, '\u06A9')
    .replace(/[%_\\]/g, ' ') // wildcards of SQL LIKE mean nothing to readers
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
}

function excerpt(value: unknown, max = 220): string | undefined {
  const text = (typeof value === 'string' ? value : plainText(value)).replace(/\s+/g, ' ').trim()
  if (!text) return undefined
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}

/**
 * Search published content. `user` is only for staff previews; the public passes none and sees
 * exactly what anonymous REST readers see (overrideAccess: false).
 */
export async function searchSite(
  payload: Payload,
  { query, locale, user }: { query: unknown; locale: Locale; user?: unknown },
): Promise<SearchResponse> {
  const q = normaliseQuery(query)
  if (q.length < 2) return { query: q, groups: [], total: 0 }

  const groups = await Promise.all(
    SEARCH_COLLECTIONS.map(async (collection): Promise<SearchGroup> => {
      const spec = contentType(collection)!.search!
      // On MongoDB a rich-text field (body, bio) is a nested document and `like` matches nothing
      // inside it: there, search finds the plain-text fields only (docs/deployment.md).
      const where: Where = { or: spec.fields.map((field) => ({ [field]: { like: q } })) }
      const { docs } = await payload.find({
        collection: collection as 'statements',
        where,
        locale,
        overrideAccess: false,
        user: user as never,
        draft: false,
        depth: 0,
        limit: PER_TYPE,
        sort: collection === 'statements' ? '-deliveredOn' : undefined,
      })
      const results = (docs as Array<Record<string, any>>).map((doc) => ({
        collection,
        id: doc.id,
        title: String(doc[spec.title] ?? ''),
        summary: spec.summary ? excerpt(doc[spec.summary]) : undefined,
        // A type without pages of its own (offices) is shown on the page that lists it.
        path: documentPath(locale, collection, String(doc.slug ?? '')) ?? collectionIndexPath(locale, collection) ?? homePath(locale),
      }))
      return { collection, results }
    }),
  )
  const found = groups.filter((g) => g.results.length > 0)
  return { query: q, groups: found, total: found.reduce((n, g) => n + g.results.length, 0) }
}
