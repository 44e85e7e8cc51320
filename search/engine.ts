/**
 * The one small interface site search asks its index through. Two engines implement it:
 * SQLite FTS5 (search/sqlite.ts, the embedded default) and a MongoDB text index (search/mongo.ts,
 * production). Everything else (what goes in, who may see it, ranking ties, snippets, pages and
 * the API) is the same code on both; tests run the same queries on whichever one is configured.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { Locale } from '../content/locales'
import type { QueryPart } from './query'

/** The searchable text of one entry, field by field, as readers see it (never normalised). */
export type EntryText = {
  title: string
  summary: string
  /** Who and where: speaker, role, event, organisation, topics' names. */
  meta: string
  /** The body (rich text as text), proposals, activities. */
  body: string
  /** Text of attached PDFs, extracted when they were uploaded. */
  attachments: string
}

/** Field weights for ranking: a word in the title counts ten times one in the body. */
export const WEIGHTS: Record<keyof EntryText, number> = { title: 10, summary: 4, meta: 3, body: 1, attachments: 0.5 }
export const TEXT_FIELDS = Object.keys(WEIGHTS) as Array<keyof EntryText>

/** One published document in one language. */
export type IndexEntry = {
  collection: string
  docId: string
  locale: Locale
  /** Public path of the page showing it, in this language. */
  path: string
  /** The date readers know it by (delivered, started, first published): ties go to the newer. */
  date: string | null
  /** The year facet: the year of that date, for types that have one (not for people, topics, offices). */
  year: number | null
  topics: Array<{ slug: string; name: string }>
  text: EntryText
}

export type Filters = {
  /** Only these collections (the type facet, and what a partner key may read); none: every type. */
  types?: string[]
  topic?: string
  year?: number
}

export type EngineQuery = Filters & { locale: Locale; parts: QueryPart[]; offset: number; limit: number }

export type Count = { value: string; count: number }

export type EngineResult = {
  /** Every match, not only the ranked ones. */
  total: number
  /** At most `limit` entries, best first. */
  hits: IndexEntry[]
  facets: { type: Count[]; topic: Count[]; year: Count[] }
  /** Topic names for the topic facet, by slug (in the query's language where there is one). */
  topicNames: Record<string, string>
  /**
   * How many matches take part in ranking. A query matching more than RANK_WINDOW entries (a
   * word in every document) is ranked among its newest RANK_WINDOW matches and every title match:
   * bounded cost, and readers paging past the first hundred results of "Pakistan" lose nothing.
   */
  ranked: number
}

/** Matches ranked per query at most (see EngineResult.ranked). */
export const RANK_WINDOW = 1000

/** All the entries of one document (none: it leaves the index). */
export type DocumentEntries = { collection: string; docId: string; entries: IndexEntry[] }

export interface SearchEngine {
  readonly name: 'sqlite-fts5' | 'mongodb-text'
  /** Create what the index needs if missing (idempotent; run on start). True when it was (re)created empty. */
  ensure(): Promise<boolean>
  /** Remove the index entirely (a rebuild from scratch; ensure() makes it again). */
  drop(): Promise<void>
  /** Replace every entry of these documents, in one transaction (the save's own when `req` has one). */
  replace(docs: DocumentEntries[], req?: Partial<PayloadRequest>): Promise<void>
  search(query: EngineQuery): Promise<EngineResult>
  /** Matches in one language with the same filters (the language facet, "N results in Urdu"). */
  count(query: Omit<EngineQuery, 'offset' | 'limit'>): Promise<number>
  /** Entries per language (health, the rebuild report). */
  size(): Promise<Record<string, number>>
  /** Every indexed document as "collection:docId" (a rebuild removes those no longer public). */
  documents(): Promise<string[]>
  /** Changes whenever the index changes, on every server: result caches compare it. */
  generation(): Promise<string>
  /** Tidy after a bulk load (merge index segments). */
  optimise(): Promise<void>
}

const engines = new WeakMap<Payload, Promise<SearchEngine>>()

/**
 * The engine for this Payload's database. Search is one of the two places that must know the
 * engine (the other is platform/database.ts): full-text search is not part of Payload's API.
 */
export function searchEngine(payload: Payload): Promise<SearchEngine> {
  let engine = engines.get(payload)
  if (!engine) {
    engine = (async () => {
      const name = (payload.db as { name?: string }).name
      if (name === 'mongoose') {
        const { MongoSearchEngine } = await import('./mongo')
        return new MongoSearchEngine(payload)
      }
      if (name === 'sqlite') {
        const { SqliteSearchEngine } = await import('./sqlite')
        return new SqliteSearchEngine(payload)
      }
      throw new Error(`Site search has no engine for the "${name}" database adapter.`)
    })()
    engines.set(payload, engine)
  }
  return engine
}
