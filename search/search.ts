/**
 * Site search as readers (/search, /ur/search) and partners (GET /api/search) get it: the same
 * function, the same results. It reads the search index only (search/engine.ts), which holds
 * published, non-withdrawn documents and nothing else, so no draft can ever be found.
 *
 * Results: title matches first, then by relevance (bm25 / text score), newer first at equal
 * relevance; a snippet of the best matching passage with the matched words marked; facets with
 * counts (type, topic, year, language); pages of `limit`. When nothing matches: how many there
 * would be without the filters, in the other language, and for each word alone.
 *
 * Bounded cost: a query is at most MAX_QUERY_LENGTH characters and MAX_WORDS words (search/query.ts),
 * at most RANK_WINDOW matches are ranked, and answers are cached per query until the index changes.
 */
import type { Payload } from 'payload'

import { localeCodes, type Locale } from '../content/locales'
import { RANK_WINDOW, searchEngine, type Count, type EngineResult, type Filters } from './engine'
import { matcher, markAll, snippet, type Segment } from './highlight'
import { isProblem, parseQuery, queryText, type ParsedQuery, type QueryProblem } from './query'
import { searchableTypes } from './specs'

export const DEFAULT_LIMIT = 10
export const MAX_LIMIT = 50

type SearchRequest = {
  q: unknown
  locale: Locale
  type?: string
  topic?: string
  year?: number
  page?: number
  limit?: number
  /** Only these types may be searched at all (a partner key limited to some collections). */
  allowedTypes?: string[]
}

type SearchHit = {
  type: string
  id: string
  title: string
  /** The title with matched words marked. */
  titleSegments: Segment[]
  summary: string
  path: string
  date: string | null
  topics: Array<{ slug: string; name: string }>
  /** The best matching passage, matched words marked. */
  snippet: Segment[]
  locale: Locale
}

export type SearchResults = {
  /** The query as typed (tidied). */
  query: string
  locale: Locale
  problem?: QueryProblem
  filters: { type?: string; topic?: string; year?: number }
  total: number
  page: number
  limit: number
  /** Pages a reader can open (ranking stops at RANK_WINDOW results). */
  pages: number
  results: SearchHit[]
  facets: { type: Count[]; topic: Array<Count & { name: string }>; year: Count[]; language: Count[] }
  /** The query was typed in the other language's script (Urdu letters on /search, Latin on /ur/search). */
  otherScript?: Locale
  /** Only when nothing matched: what would have. */
  suggestions?: { withoutFilters?: number; words?: Array<{ text: string; count: number }> }
}

type ParamProblem = { parameter: string; message: string }

/**
 * Check the parameters of a search request (the API answers 400 naming the parameter; the page
 * shows the message). Returns the request or the problem.
 */
export function readSearchParams(
  payload: Payload,
  params: URLSearchParams,
  defaults: { locale: Locale; limit?: number; allowedTypes?: string[] },
): SearchRequest | ParamProblem {
  const one = (name: string) => params.get(name) ?? undefined
  const locale = one('locale') ?? defaults.locale
  if (!(localeCodes as string[]).includes(locale)) return { parameter: 'locale', message: `\`locale\` must be one of: ${localeCodes.join(', ')}.` }
  const types = searchableTypes(payload.config)
  const type = one('type') || undefined
  if (type !== undefined && !types.includes(type)) return { parameter: 'type', message: `\`type\` must be one of: ${types.join(', ')}.` }
  const topic = one('topic') || undefined
  if (topic !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(topic)) return { parameter: 'topic', message: '`topic` must be a topic slug, e.g. trafficking-in-persons.' }
  const int = (name: string, min: number, max: number): number | undefined | ParamProblem => {
    const raw = one(name)
    if (raw === undefined || raw === '') return undefined
    if (!/^\d{1,6}$/.test(raw) || Number(raw) < min || Number(raw) > max) return { parameter: name, message: `\`${name}\` must be a whole number from ${min} to ${max}.` }
    return Number(raw)
  }
  const year = int('year', 1000, 9999)
  const limit = int('limit', 1, MAX_LIMIT)
  const page = int('page', 1, Math.ceil(RANK_WINDOW * 2))
  for (const v of [year, limit, page]) if (v && typeof v === 'object') return v
  return {
    q: params.get('q'),
    locale: locale as Locale,
    type,
    topic,
    year: year as number | undefined,
    page: page as number | undefined,
    limit: (limit as number | undefined) ?? defaults.limit,
    allowedTypes: defaults.allowedTypes,
  }
}

export const isParamProblem = (r: SearchRequest | ParamProblem): r is ParamProblem => 'parameter' in r

// ---------------------------------------------------------------------------------------------
// A cache of answers, dropped whenever the index changes (its generation, shared by every server).

const CACHE_ENTRIES = 500
const cache = new Map<string, SearchResults>()
/** SEARCH_CACHE=off: every search is computed (no answer cache, no stored search pages): the bench's worst case. */
export const searchCaching = () => process.env.SEARCH_CACHE !== 'off'

function remember(key: string, value: SearchResults) {
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string)
  cache.set(key, value)
}

export async function searchSite(payload: Payload, request: SearchRequest): Promise<SearchResults> {
  const locale = request.locale
  const limit = Math.min(Math.max(1, request.limit ?? DEFAULT_LIMIT), MAX_LIMIT)
  const page = Math.max(1, request.page ?? 1)
  const filters = { type: request.type, topic: request.topic, year: request.year }
  const empty: SearchResults = {
    query: queryText(request.q),
    locale,
    filters,
    total: 0,
    page,
    limit,
    pages: 0,
    results: [],
    facets: { type: [], topic: [], year: [], language: [] },
  }
  const parsed = parseQuery(request.q)
  if (isProblem(parsed)) return { ...empty, problem: parsed }

  const engine = await searchEngine(payload)
  const key = JSON.stringify([await engine.generation(), locale, parsed.parts, filters, request.allowedTypes ?? null, page, limit])
  const cached = searchCaching() ? cache.get(key) : undefined
  if (cached) return cached

  const types = searchableTypes(payload.config, request.allowedTypes)
  // The index holds searchable types only: with no type chosen and no key's restriction, no type filter.
  const anyType = request.allowedTypes ? types : undefined
  const engineFilters: Filters = { types: filters.type ? types.filter((t) => t === filters.type) : anyType, topic: filters.topic, year: filters.year }
  const result = await engine.search({ locale, parts: parsed.parts, ...engineFilters, offset: (page - 1) * limit, limit })

  const languages: Count[] = []
  for (const l of localeCodes) {
    languages.push({ value: l, count: l === locale ? result.total : await engine.count({ locale: l, parts: parsed.parts, ...engineFilters }) })
  }
  const otherScript = scriptLocale(parsed, locale)
  const answer: SearchResults = {
    ...empty,
    query: parsed.text,
    total: result.total,
    pages: Math.ceil(Math.min(result.total, result.ranked) / limit),
    results: hits(result, parsed, locale),
    facets: {
      type: result.facets.type,
      topic: result.facets.topic.map((t) => ({ ...t, name: result.topicNames[t.value] ?? t.value })),
      year: [...result.facets.year].sort((a, b) => Number(b.value) - Number(a.value)),
      language: languages,
    },
    otherScript,
  }
  if (!result.total) answer.suggestions = await suggestions(engine, parsed, locale, engineFilters, filters, anyType)
  if (searchCaching()) remember(key, answer)
  return answer
}

/** The language whose script the query is in, when it is not the page's. */
function scriptLocale(q: ParsedQuery, locale: Locale): Locale | undefined {
  if (q.script === 'arabic' && locale !== 'ur') return 'ur'
  if (q.script === 'latin' && locale === 'ur') return 'en'
  return undefined
}

function hits(result: EngineResult, q: ParsedQuery, locale: Locale): SearchHit[] {
  const m = matcher(q.parts, locale)
  return result.hits.map((h) => {
    const titleSegments = markAll(h.text.title, m)
    const inTitle = titleSegments.some((s) => s.mark)
    return {
      type: h.collection,
      id: h.docId,
      title: h.text.title,
      titleSegments,
      summary: h.text.summary,
      path: h.path,
      date: h.date,
      topics: h.topics,
      snippet: snippet([h.text.body, h.text.attachments, h.text.summary], h.text.summary, m, inTitle ? [] : [h.text.meta]),
      locale: h.locale,
    }
  })
}

async function suggestions(
  engine: Awaited<ReturnType<typeof searchEngine>>,
  q: ParsedQuery,
  locale: Locale,
  engineFilters: Filters,
  filters: SearchResults['filters'],
  types: string[] | undefined,
): Promise<NonNullable<SearchResults['suggestions']>> {
  const out: NonNullable<SearchResults['suggestions']> = {}
  if (filters.type || filters.topic || filters.year) out.withoutFilters = await engine.count({ locale, parts: q.parts, types })
  if (q.parts.length > 1) {
    out.words = []
    for (const part of q.parts) {
      const text = part.words.join(' ') + (part.prefix ? '*' : '')
      out.words.push({ text: part.words.length > 1 ? `"${text}"` : text, count: await engine.count({ locale, parts: [part], ...engineFilters }) })
    }
  }
  return out
}
