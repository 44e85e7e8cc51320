/**
 * The search index on MongoDB (production): one collection, `search_entries`, one document per
 * published document and language, with a text index over the normalised fields.
 *
 * How it keeps the same promises as SQLite FTS5 (search/sqlite.ts):
 * - Every word must match. `$text` alone matches ANY word, so each entry also stores `words`, the
 *   keys of its words (search/normalise.ts wordKey: normalised, English stemmed), and the query
 *   requires `words: { $all: … }`; phrases are also sent to `$text` in quotes (then they must occur
 *   as written). A word's start (traff*) is a prefix match on `words`.
 * - English entries are stemmed by the text index (`language: 'english'`), Urdu ones are not
 *   (`language: 'none'`); the Urdu spelling folds happen before anything is stored or asked.
 * - Title matches first, then the rest, each by relevance then date; at most RANK_WINDOW of each
 *   are scored (newest first), like FTS5.
 * - Queries carry maxTimeMS: no search can run away.
 * Differences: MongoDB's text score is not bm25, and its English text index drops stop words
 * ("the", "of"): a query of only stop words finds nothing here.
 *
 * Atlas Search is the step up (relevance tuning, fuzzy matching, highlighting in the engine,
 * a real Urdu analyzer via ICU): docs/search.md.
 */
import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { ClientSession, Collection, Filter } from 'mongodb'
import type { Payload, PayloadRequest } from 'payload'

import type { Locale } from '../content/locales'
import {
  RANK_WINDOW,
  TEXT_FIELDS,
  WEIGHTS,
  type Count,
  type DocumentEntries,
  type EngineQuery,
  type EngineResult,
  type IndexEntry,
  type SearchEngine,
} from './engine'
import { normalise, wordKey, WORD } from './normalise'

export const SCHEMA_VERSION = '2'
const ENTRIES = 'search_entries'
const META = 'search_meta'
const MAX_TIME_MS = 5000

type EntryDoc = {
  _id: string
  doc: string
  collection: string
  docId: string
  locale: string
  language: 'english' | 'none'
  date: Date | null
  year: number | null
  topics: string[]
  topicNames: Array<{ slug: string; name: string }>
  path: string
  text: IndexEntry['text']
  /** Normalised text: what the text index reads. */
  t: IndexEntry['text']
  /** Every word's key (AND semantics, prefixes); titleWords for "title matches first". */
  words: string[]
  titleWords: string[]
}

const stems = (locale: string) => locale === 'en'
const keysOf = (text: string, locale: string) => [...new Set((normalise(text).match(WORD) ?? []).map((w) => wordKey(w, stems(locale))))]
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export class MongoSearchEngine implements SearchEngine {
  readonly name = 'mongodb-text' as const
  private readonly adapter: MongooseAdapter

  constructor(payload: Payload) {
    this.adapter = payload.db as unknown as MongooseAdapter
  }

  private get entries(): Collection<EntryDoc> {
    return this.adapter.connection.db!.collection<EntryDoc>(ENTRIES)
  }

  private get meta(): Collection<{ _id: string; value: any }> {
    return this.adapter.connection.db!.collection<{ _id: string; value: any }>(META)
  }

  private async session(req?: Partial<PayloadRequest>): Promise<ClientSession | undefined> {
    const id = req?.transactionID instanceof Promise ? await req.transactionID : req?.transactionID
    const session = id ? (this.adapter.sessions?.[id] as ClientSession | undefined) : undefined
    return session?.inTransaction() ? session : undefined
  }

  async drop(): Promise<void> {
    await this.entries.drop().catch(() => {})
    await this.meta.deleteMany({})
  }

  async ensure(): Promise<boolean> {
    const schema = await this.meta.findOne({ _id: 'schema' })
    const fresh = schema?.value !== SCHEMA_VERSION
    if (fresh) await this.drop()
    await this.entries.createIndexes([
      {
        name: 'search_text',
        key: Object.fromEntries(TEXT_FIELDS.map((f) => [`t.${f}`, 'text'])),
        weights: Object.fromEntries(TEXT_FIELDS.map((f) => [`t.${f}`, Math.max(1, Math.round(WEIGHTS[f] * 2))])),
        default_language: 'none',
        language_override: 'language',
      },
      { name: 'search_doc', key: { doc: 1 } },
      { name: 'search_filters', key: { locale: 1, collection: 1, year: 1, date: -1 } },
      { name: 'search_words', key: { locale: 1, words: 1 } },
    ])
    if (fresh) {
      await this.meta.updateOne({ _id: 'schema' }, { $set: { value: SCHEMA_VERSION } }, { upsert: true })
      await this.meta.updateOne({ _id: 'generation' }, { $set: { value: 1 } }, { upsert: true })
    }
    return fresh
  }

  async replace(docs: DocumentEntries[], req?: Partial<PayloadRequest>): Promise<void> {
    if (!docs.length) return
    const session = await this.session(req)
    await this.entries.deleteMany({ doc: { $in: docs.map((d) => `${d.collection}:${d.docId}`) } }, { session })
    const rows: EntryDoc[] = docs.flatMap((d) =>
      d.entries.map((e) => {
        const t = Object.fromEntries(TEXT_FIELDS.map((f) => [f, normalise(e.text[f])])) as IndexEntry['text']
        return {
          _id: `${e.collection}:${e.docId}:${e.locale}`,
          doc: `${e.collection}:${e.docId}`,
          collection: e.collection,
          docId: e.docId,
          locale: e.locale,
          language: stems(e.locale) ? 'english' : 'none',
          date: e.date ? new Date(e.date) : null,
          year: e.year,
          topics: e.topics.map((x) => x.slug),
          topicNames: e.topics,
          path: e.path,
          text: e.text,
          t,
          words: keysOf(TEXT_FIELDS.map((f) => e.text[f]).join('\n'), e.locale),
          titleWords: keysOf(e.text.title, e.locale),
        }
      }),
    )
    if (rows.length) await this.entries.insertMany(rows, { session })
    await this.meta.updateOne({ _id: 'generation' }, { $inc: { value: 1 } }, { upsert: true, session })
  }

  /** The filter for a query in one language: $text for scoring, every word required, the facets' filters. */
  private filter(q: Omit<EngineQuery, 'offset' | 'limit'>, field: 'words' | 'titleWords' = 'words'): Filter<EntryDoc> {
    const required: string[] = []
    const prefixes: string[] = []
    const search: string[] = []
    for (const p of q.parts) {
      p.words.forEach((w, i) => {
        if (p.prefix && i === p.words.length - 1) prefixes.push(w)
        else required.push(wordKey(w, stems(q.locale)))
      })
      if (!p.prefix) search.push(p.words.length > 1 ? `"${p.words.join(' ')}"` : p.words[0])
    }
    const and: Filter<EntryDoc>[] = [{ locale: q.locale }]
    if (required.length) and.push({ [field]: { $all: required } } as Filter<EntryDoc>)
    for (const p of prefixes) and.push({ [field]: { $regex: `^${escapeRegex(p)}` } } as Filter<EntryDoc>)
    if (q.types) and.push({ collection: { $in: q.types } })
    if (q.year !== undefined) and.push({ year: q.year })
    if (q.topic) and.push({ topics: q.topic })
    const filter: Filter<EntryDoc> = { $and: and }
    if (search.length) filter.$text = { $search: search.join(' '), $language: stems(q.locale) ? 'english' : 'none' }
    return filter
  }

  async count(q: Omit<EngineQuery, 'offset' | 'limit'>): Promise<number> {
    return this.entries.countDocuments(this.filter(q), { maxTimeMS: MAX_TIME_MS })
  }

  async search(q: EngineQuery): Promise<EngineResult> {
    const filter = this.filter(q)
    const [facetDoc] = await this.entries
      .aggregate<{ total: Array<{ n: number }>; type: Array<{ _id: string; n: number }>; year: Array<{ _id: number; n: number }>; topic: Array<{ _id: string; n: number }> }>(
        [
          { $match: filter },
          {
            $facet: {
              total: [{ $count: 'n' }],
              type: [{ $group: { _id: '$collection', n: { $sum: 1 } } }],
              year: [{ $match: { year: { $ne: null } } }, { $group: { _id: '$year', n: { $sum: 1 } } }],
              topic: [{ $unwind: '$topics' }, { $group: { _id: '$topics', n: { $sum: 1 } } }],
            },
          },
        ],
        { maxTimeMS: MAX_TIME_MS },
      )
      .toArray()
    const total = facetDoc?.total[0]?.n ?? 0
    const toCounts = (rows: Array<{ _id: unknown; n: number }> = []): Count[] =>
      rows.map((r) => ({ value: String(r._id), count: r.n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    const facets = { type: toCounts(facetDoc?.type), topic: toCounts(facetDoc?.topic), year: toCounts(facetDoc?.year) }
    if (!total) return { total, hits: [], facets, topicNames: {}, ranked: 0 }

    // Title matches first, then the rest; each by text score, then newer first.
    const scored = filter.$text !== undefined
    const ranking = (f: Filter<EntryDoc>) =>
      this.entries
        .find(f, { projection: { _id: 1, date: 1, ...(scored ? { score: { $meta: 'textScore' } } : {}) }, maxTimeMS: MAX_TIME_MS })
        .sort({ date: -1, _id: -1 })
        .limit(RANK_WINDOW)
        .toArray() as Promise<Array<{ _id: string; date: Date | null; score?: number }>>
    const inTitle = await ranking(this.filter(q, 'titleWords'))
    const anywhere = await ranking(filter)
    const titled = new Set(inTitle.map((r) => r._id))
    const byScore = (a: { score?: number; date: Date | null }, b: { score?: number; date: Date | null }) =>
      (b.score ?? 0) - (a.score ?? 0) || (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0)
    const candidates = [...inTitle.sort(byScore), ...anywhere.filter((r) => !titled.has(r._id)).sort(byScore)]
    const page = candidates.slice(q.offset, q.offset + q.limit).map((r) => r._id)
    const docs = page.length ? await this.entries.find({ _id: { $in: page } }, { maxTimeMS: MAX_TIME_MS }).toArray() : []
    const byId = new Map(docs.map((d) => [d._id, d]))
    const hits = page
      .map((id) => byId.get(id))
      .filter((d): d is EntryDoc => Boolean(d))
      .map((d) => ({
        collection: d.collection,
        docId: d.docId,
        locale: d.locale as Locale,
        path: d.path,
        date: d.date ? d.date.toISOString() : null,
        year: d.year,
        topics: d.topicNames,
        text: d.text,
      }))
    const wanted = new Set(facets.topic.map((t) => t.value))
    const topicNames: Record<string, string> = {}
    const named = await this.entries
      .find({ locale: q.locale, topics: { $in: [...wanted] } }, { projection: { topicNames: 1 }, maxTimeMS: MAX_TIME_MS })
      .limit(50)
      .toArray()
    for (const d of named) for (const t of d.topicNames ?? []) if (wanted.has(t.slug)) topicNames[t.slug] ??= t.name
    return { total, hits, facets, topicNames, ranked: candidates.length }
  }

  async size(): Promise<Record<string, number>> {
    const rows = await this.entries.aggregate<{ _id: string; n: number }>([{ $group: { _id: '$locale', n: { $sum: 1 } } }]).toArray()
    return Object.fromEntries(rows.map((r) => [r._id, r.n]))
  }

  async documents(): Promise<string[]> {
    return (await this.entries.distinct('doc')) as string[]
  }

  async generation(): Promise<string> {
    return String((await this.meta.findOne({ _id: 'generation' }))?.value ?? '0')
  }

  async optimise(): Promise<void> {
    // MongoDB maintains its indexes as it goes.
  }
}

