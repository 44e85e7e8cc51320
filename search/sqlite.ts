/**
 * The search index on SQLite (the embedded default): FTS5 in the same database file as the content.
 *
 * Tables (created here, not by Payload's migrations: an FTS5 virtual table is nothing Payload's
 * schema generator knows, and the index is derived data that can always be rebuilt):
 *   search_meta          schema version and a generation counter (bumped on every change)
 *   search_entries       one row per published document and language: the filters (type, year,
 *                        topics) in a narrow row, and `facet`, the id of that combination
 *   search_facets        each combination of type, year (0: none) and topics once: counting every
 *                        match groups by one integer and names each group once (a broad query
 *                        matches every document; grouping by the three text columns was most of it)
 *   search_entry_data    the same row's display data and original text (snippets), read for one page only
 *   search_topic_names   topic names per language, for the topic facet
 *   search_fts_<locale>  FTS5 per language, contentless: the normalised text (search/normalise.ts),
 *                        English with the Porter stemmer, Urdu without (its words are not English)
 * IDs are text (doc_id), so integer and uuid document IDs both work.
 *
 * When the schema below changes, bump SCHEMA_VERSION: on start the tables are dropped, created
 * again and rebuilt from the published content (search/indexer.ts ensureSearchIndex).
 *
 * Row ids order entries by date (newer → larger): ties in relevance go to the newer entry, and a
 * query that matches thousands of entries can take its newest matches straight off FTS5's rowid
 * order instead of scoring all of them (RANK_WINDOW).
 *
 * Writes go through the libsql client's batch (one synchronous transaction: nothing else runs on
 * this process's event loop in between), or through Payload's open transaction when a save has one.
 */
import type { InStatement } from '@libsql/client'
import { sql as drizzleSql, type SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

import { localeCodes, type Locale } from '../content/locales'
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
import { normalise } from './normalise'
import type { QueryPart } from './query'

export const SCHEMA_VERSION = '3'

/** Diacritics folded by FTS5 too (belt and braces: the text arrives normalised); marks stay inside words. */
const TOKENIZER_BASE = `unicode61 remove_diacritics 2 categories 'L* N* Co M*'`
const tokenizer = (locale: Locale) => (locale === 'en' ? `porter ${TOKENIZER_BASE}` : TOKENIZER_BASE)
const ftsTable = (locale: Locale) => `search_fts_${locale}`

/** ms since 1900 × 1024: room for 1,024 entries per millisecond, exact in a JS number until 2150. */
const DATE_ORIGIN = Date.UTC(1900, 0, 1)
const SLOTS = 1024
function idBase(date: string | null): number {
  const ms = date ? Date.parse(date) : NaN
  const at = Number.isFinite(ms) && ms > DATE_ORIGIN ? ms : DATE_ORIGIN
  return (at - DATE_ORIGIN) * SLOTS
}

/** An FTS5 expression from parsed parts: every part must match; words are quoted strings (no operators). */
export function matchExpression(parts: QueryPart[], column?: keyof typeof WEIGHTS): string {
  const expr = parts.map((p) => `"${p.words.join(' ').replace(/"/g, '""')}"${p.prefix ? '*' : ''}`).join(' AND ')
  return column ? `{${column}} : (${expr})` : expr
}

type Row = Record<string, unknown>

export class SqliteSearchEngine implements SearchEngine {
  readonly name = 'sqlite-fts5' as const
  private readonly db: SQLiteAdapter

  constructor(payload: Payload) {
    this.db = payload.db as unknown as SQLiteAdapter
  }

  private get client() {
    return this.db.client
  }

  private async rows(sql: string, args: unknown[] = []): Promise<Row[]> {
    const rs = await this.client.execute({ sql, args: args as never })
    return rs.rows as unknown as Row[]
  }

  /** The rows of a query as one JSON array of arrays (columns in `columns` order). */
  private async json<T>(sql: string, columns: string[], args: unknown[] = []): Promise<T> {
    const [row] = await this.rows(`SELECT json_group_array(json_array(${columns.join(', ')})) AS j FROM (${sql})`, args)
    return JSON.parse(String(row?.j ?? '[]')) as T
  }

  /** Run statements as one transaction: Payload's, when the save has one open; else one batch. */
  private async write(statements: Array<{ sql: string; args?: unknown[] }>, req?: Partial<PayloadRequest>): Promise<void> {
    const bump: { sql: string; args?: unknown[] } = { sql: `UPDATE search_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'` }
    const all = [...statements, bump]
    const id = req?.transactionID instanceof Promise ? await req.transactionID : req?.transactionID
    const session = id !== undefined && id !== null ? (this.db.sessions?.[id] as { db?: any } | undefined) : undefined
    if (session?.db) {
      for (const s of all) await session.db.run(toDrizzle(s.sql, s.args ?? []))
      return
    }
    await this.client.batch(all.map((s) => ({ sql: s.sql, args: (s.args ?? []) as never }) as InStatement), 'write')
  }

  private readonly tables = ['search_meta', 'search_entries', 'search_entry_data', 'search_facets', 'search_topic_names', ...localeCodes.map(ftsTable)]

  async drop(): Promise<void> {
    await this.client.batch(this.tables.map((t) => `DROP TABLE IF EXISTS ${t}`), 'write')
  }

  async ensure(): Promise<boolean> {
    const hasMeta = await this.rows(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_meta'`)
    if (hasMeta.length) {
      const version = await this.rows(`SELECT value FROM search_meta WHERE key = 'schema'`)
      if (version[0]?.value === SCHEMA_VERSION) return false
    }
    const statements = this.tables.map((t) => `DROP TABLE IF EXISTS ${t}`)
    statements.push(
      `CREATE TABLE search_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`,
      `INSERT INTO search_meta (key, value) VALUES ('schema', '${SCHEMA_VERSION}'), ('generation', '1')`,
      `CREATE TABLE search_entries (
        id INTEGER PRIMARY KEY,
        collection TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        locale TEXT NOT NULL,
        year INTEGER,
        topics TEXT NOT NULL DEFAULT '',
        facet INTEGER NOT NULL
      )`,
      `CREATE UNIQUE INDEX search_entries_doc ON search_entries (collection, doc_id, locale)`,
      `CREATE TABLE search_facets (id INTEGER PRIMARY KEY, collection TEXT NOT NULL, year INTEGER NOT NULL, topics TEXT NOT NULL, UNIQUE (collection, year, topics))`,
      `CREATE TABLE search_entry_data (id INTEGER PRIMARY KEY, data TEXT NOT NULL)`,
      `CREATE TABLE search_topic_names (slug TEXT NOT NULL, locale TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (slug, locale)) WITHOUT ROWID`,
      ...localeCodes.map(
        (l) =>
          `CREATE VIRTUAL TABLE ${ftsTable(l)} USING fts5(${TEXT_FIELDS.join(', ')}, tokenize = "${tokenizer(l)}", content = '', contentless_delete = 1)`,
      ),
    )
    await this.client.batch(statements, 'write')
    return true
  }

  async replace(docs: DocumentEntries[], req?: Partial<PayloadRequest>): Promise<void> {
    if (!docs.length) return
    const statements: Array<{ sql: string; args?: unknown[] }> = []
    for (const { collection, docId } of docs) {
      for (const locale of localeCodes) {
        statements.push({
          sql: `DELETE FROM ${ftsTable(locale)} WHERE rowid IN (SELECT id FROM search_entries WHERE collection = ? AND doc_id = ? AND locale = ?)`,
          args: [collection, docId, locale],
        })
      }
      statements.push(
        { sql: `DELETE FROM search_entry_data WHERE id IN (SELECT id FROM search_entries WHERE collection = ? AND doc_id = ?)`, args: [collection, docId] },
        { sql: `DELETE FROM search_entries WHERE collection = ? AND doc_id = ?`, args: [collection, docId] },
      )
    }
    for (const entry of docs.flatMap((d) => d.entries)) {
      const base = idBase(entry.date)
      const topics = entry.topics.length ? `|${entry.topics.map((t) => t.slug).join('|')}|` : ''
      const key = [entry.collection, entry.docId, entry.locale]
      const facet = [entry.collection, entry.year ?? 0, topics]
      statements.push(
        { sql: `INSERT OR IGNORE INTO search_facets (collection, year, topics) VALUES (?, ?, ?)`, args: facet },
        {
          // The first free slot in the entry's millisecond (a clash moves it a millisecond on at most).
          sql: `INSERT INTO search_entries (id, collection, doc_id, locale, year, topics, facet)
                VALUES ((SELECT coalesce(max(id) + 1, ?) FROM search_entries WHERE id >= ? AND id < ?), ?, ?, ?, ?, ?,
                        (SELECT id FROM search_facets WHERE collection = ? AND year = ? AND topics = ?))`,
          args: [base, base, base + SLOTS, ...key, entry.year, topics, ...facet],
        },
        {
          sql: `INSERT INTO search_entry_data (id, data) VALUES ((SELECT id FROM search_entries WHERE collection = ? AND doc_id = ? AND locale = ?), ?)`,
          args: [...key, JSON.stringify({ path: entry.path, date: entry.date, year: entry.year, topics: entry.topics, text: entry.text })],
        },
        {
          sql: `INSERT INTO ${ftsTable(entry.locale)} (rowid, ${TEXT_FIELDS.join(', ')})
                VALUES ((SELECT id FROM search_entries WHERE collection = ? AND doc_id = ? AND locale = ?), ${TEXT_FIELDS.map(() => '?').join(', ')})`,
          args: [...key, ...TEXT_FIELDS.map((f) => normalise(entry.text[f]))],
        },
        ...entry.topics.map((t) => ({
          sql: `INSERT OR REPLACE INTO search_topic_names (slug, locale, name) VALUES (?, ?, ?)`,
          args: [t.slug, entry.locale, t.name],
        })),
      )
    }
    await this.write(statements, req)
  }

  async documents(): Promise<string[]> {
    const rows = await this.json<[string][]>(`SELECT DISTINCT collection || ':' || doc_id AS k FROM search_entries`, ['k'])
    return rows.map(([key]) => key)
  }

  /** WHERE clauses and arguments for the filters (the MATCH comes first). */
  private filters(q: Omit<EngineQuery, 'offset' | 'limit'>, expression: string): { where: string; args: unknown[] } {
    const clauses = [`${ftsTable(q.locale)} MATCH ?`]
    const args: unknown[] = [expression]
    if (q.types) {
      clauses.push(`e.collection IN (${q.types.map(() => '?').join(', ') || 'NULL'})`)
      args.push(...q.types)
    }
    if (q.year !== undefined) {
      clauses.push('e.year = ?')
      args.push(q.year)
    }
    if (q.topic) {
      clauses.push(`instr(e.topics, ?) > 0`)
      args.push(`|${q.topic}|`)
    }
    return { where: clauses.join(' AND '), args }
  }

  async count(q: Omit<EngineQuery, 'offset' | 'limit'>): Promise<number> {
    const { where, args } = this.filters(q, matchExpression(q.parts))
    const [row] = await this.rows(`SELECT count(*) AS n FROM ${ftsTable(q.locale)} f JOIN search_entries e ON e.id = f.rowid WHERE ${where}`, args)
    return Number(row?.n ?? 0)
  }

  async search(q: EngineQuery): Promise<EngineResult> {
    const fts = ftsTable(q.locale)
    const expression = matchExpression(q.parts)
    const { where, args } = this.filters(q, expression)

    // 1. Every match, counted by type, year and topics in one pass (the facets and the total).
    // (Many rows come back as one JSON value: the client's per-row cost is most of a broad query's.)
    const groups = await this.json<[string, number | null, string, number][]>(
      `SELECT s.collection AS c, nullif(s.year, 0) AS y, s.topics AS t, g.n AS n
       FROM (SELECT e.facet AS facet, count(*) AS n FROM ${fts} f JOIN search_entries e ON e.id = f.rowid WHERE ${where} GROUP BY e.facet) g
       JOIN search_facets s ON s.id = g.facet`,
      ['c', 'y', 't', 'n'],
      args,
    )
    const type = new Map<string, number>()
    const year = new Map<string, number>()
    const topic = new Map<string, number>()
    let total = 0
    for (const [collection, y, topics, n] of groups) {
      total += n
      type.set(collection, (type.get(collection) ?? 0) + n)
      if (y !== null) year.set(String(y), (year.get(String(y)) ?? 0) + n)
      for (const slug of topics.split('|').filter(Boolean)) topic.set(slug, (topic.get(slug) ?? 0) + n)
    }
    const facets = { type: counts(type), topic: counts(topic), year: counts(year) }
    if (total === 0) return { total, hits: [], facets, topicNames: {}, ranked: 0 }

    // 2. The page: title matches first, then the rest; each by bm25 (title weighs most), then newer
    //    first. Scores are worked out for the newest RANK_WINDOW of each at most (bounded cost).
    const weights = TEXT_FIELDS.map((f) => WEIGHTS[f]).join(', ')
    const ranking = (w: { where: string; args: unknown[] }) =>
      this.json<[number, number][]>(
        `SELECT f.rowid AS id, bm25(${fts}, ${weights}) AS score FROM ${fts} f JOIN search_entries e ON e.id = f.rowid
         WHERE ${w.where} ORDER BY f.rowid DESC LIMIT ${RANK_WINDOW}`,
        ['id', 'score'],
        w.args,
      )
    const inTitle = await ranking(this.filters(q, matchExpression(q.parts, 'title')))
    const anywhere = await ranking({ where, args })
    const titled = new Set(inTitle.map(([id]) => id))
    const byScore = (a: [number, number], b: [number, number]) => a[1] - b[1] || b[0] - a[0]
    const candidates = [...inTitle.sort(byScore), ...anywhere.filter(([id]) => !titled.has(id)).sort(byScore)]
    const ranked = candidates.length

    // 3. What the page shows of those entries.
    const order = candidates.slice(q.offset, q.offset + q.limit).map(([id]) => id)
    const data = order.length
      ? await this.rows(
          `SELECT e.id AS id, e.collection AS collection, e.doc_id AS doc_id, e.locale AS locale, d.data AS data
           FROM search_entries e JOIN search_entry_data d ON d.id = e.id WHERE e.id IN (SELECT value FROM json_each(?))`,
          [JSON.stringify(order)],
        )
      : []
    const byId = new Map(data.map((r) => [Number(r.id), r]))
    const hits = order
      .map((id) => byId.get(id))
      .filter((r): r is Row => Boolean(r))
      .map((r) => {
        const d = JSON.parse(String(r.data)) as Pick<IndexEntry, 'path' | 'date' | 'year' | 'topics' | 'text'>
        return { collection: String(r.collection), docId: String(r.doc_id), locale: r.locale as Locale, ...d }
      })
    return { total, hits, facets, topicNames: await this.topicNames(q.locale, [...topic.keys()]), ranked }
  }

  /** Topic names in this language (for the topic facet), as the entries last written carried them. */
  private async topicNames(locale: Locale, slugs: string[]): Promise<Record<string, string>> {
    if (!slugs.length) return {}
    const rows = await this.rows(
      `SELECT slug, name FROM search_topic_names WHERE locale = ? AND slug IN (SELECT value FROM json_each(?))`,
      [locale, JSON.stringify(slugs)],
    )
    return Object.fromEntries(rows.map((r) => [String(r.slug), String(r.name)]))
  }

  async size(): Promise<Record<string, number>> {
    const rows = await this.rows(`SELECT locale, count(*) AS n FROM search_entries GROUP BY locale`)
    return Object.fromEntries(rows.map((r) => [String(r.locale), Number(r.n)]))
  }

  async generation(): Promise<string> {
    const [row] = await this.rows(`SELECT value FROM search_meta WHERE key = 'generation'`)
    return String(row?.value ?? '0')
  }

  /** Merge FTS5's segments after a rebuild (queries read fewer b-trees). */
  async optimise(): Promise<void> {
    await this.client.batch(localeCodes.map((l) => `INSERT INTO ${ftsTable(l)} (${ftsTable(l)}) VALUES ('optimize')`), 'write')
  }
}

function counts(map: Map<string, number>): Count[] {
  return [...map.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

/** `?` placeholders and arguments as a drizzle SQL object (for statements inside Payload's transaction). */
function toDrizzle(text: string, args: unknown[]) {
  const chunks = text.split('?')
  const query = drizzleSql.empty()
  chunks.forEach((chunk, i) => {
    query.append(drizzleSql.raw(chunk))
    if (i < chunks.length - 1) query.append(drizzleSql`${args[i]}`)
  })
  return query
}
