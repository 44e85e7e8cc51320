/**
 * GET /api/search in the OpenAPI document (partner-api/openapi.ts adds it): parameters, the
 * result schema and errors, generated from the same constants the handler checks.
 */
import { localeCodes } from '../content/locales'
import { RANK_WINDOW } from './engine'
import { DEFAULT_LIMIT, MAX_LIMIT } from './search'
import { MAX_QUERY_LENGTH, MAX_WORDS } from './query'

type Schema = Record<string, unknown>
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

export function searchOpenAPI({ types, errors, headers, searchPerMinute }: { types: string[]; errors: Schema; headers: Schema; searchPerMinute: number }) {
  const count = { type: 'object', required: ['value', 'count'], properties: { value: { type: 'string' }, count: { type: 'integer', minimum: 0 } } }
  const schemas: Schema = {
    SearchCount: count,
    SearchResult: {
      type: 'object',
      required: ['type', 'id', 'title', 'url', 'path', 'snippet', 'locale'],
      properties: {
        type: { type: 'string', enum: types, description: 'The collection the result belongs to.' },
        id: { type: 'string', description: 'Its document ID in that collection (GET /api/{type}/{id}).' },
        title: { type: 'string' },
        summary: { type: ['string', 'null'] },
        url: { type: 'string', format: 'uri', description: 'The public page.' },
        path: { type: 'string', description: 'The public page, relative to the site.' },
        date: { type: ['string', 'null'], format: 'date-time', description: 'The date readers know it by (delivered, started, first published).' },
        topics: { type: 'array', items: { type: 'object', required: ['slug', 'name'], properties: { slug: { type: 'string' }, name: { type: 'string' } } } },
        snippet: { type: 'string', description: 'HTML: the best matching passage, text escaped, matched words in <mark>…</mark>. Nothing else is markup.' },
        locale: { type: 'string', enum: localeCodes },
      },
    },
    SearchResults: {
      type: 'object',
      required: ['query', 'locale', 'filters', 'totalResults', 'page', 'limit', 'totalPages', 'hasPrevPage', 'hasNextPage', 'results', 'facets'],
      properties: {
        query: { type: 'string' },
        locale: { type: 'string', enum: localeCodes },
        filters: { type: 'object', properties: { type: { type: 'string' }, topic: { type: 'string' }, year: { type: 'integer' } } },
        totalResults: { type: 'integer', description: 'Every match in this language with these filters.' },
        page: { type: 'integer' },
        limit: { type: 'integer' },
        totalPages: { type: 'integer', description: `Pages you can fetch: ranking covers the ${RANK_WINDOW} newest matches and the ${RANK_WINDOW} newest title matches at most.` },
        hasPrevPage: { type: 'boolean' },
        hasNextPage: { type: 'boolean' },
        results: { type: 'array', items: ref('SearchResult') },
        facets: {
          type: 'object',
          required: ['type', 'topic', 'year', 'language'],
          properties: {
            type: { type: 'array', items: ref('SearchCount') },
            topic: { type: 'array', items: { allOf: [ref('SearchCount'), { type: 'object', required: ['name'], properties: { name: { type: 'string' } } }] } },
            year: { type: 'array', items: ref('SearchCount') },
            language: { type: 'array', items: ref('SearchCount'), description: 'The same search in each language.' },
          },
        },
        otherScript: { type: 'string', enum: localeCodes, description: 'The query is written in the script of this other language: search there.' },
        suggestions: {
          type: 'object',
          description: 'Only when nothing matched.',
          properties: {
            withoutFilters: { type: 'integer' },
            words: { type: 'array', items: { type: 'object', required: ['text', 'count'], properties: { text: { type: 'string' }, count: { type: 'integer' } } } },
          },
        },
      },
    },
  }
  const param = (name: string, description: string, schema: Schema, required = false) => ({ name, in: 'query', required, description, schema })
  const path = {
    get: {
      operationId: 'search',
      tags: ['Search'],
      summary: 'Search published content',
      description: [
        'Full-text search of published statements, programs, campaigns, people, topics and offices (and the text of their attached PDFs), one language at a time. Drafts and withdrawn documents are never found.',
        'Every word must match, in any field; English words match their other forms (trafficked → trafficking); Urdu letters typed on Arabic keyboards match. "Quoted words" must appear together; a word ending in * matches words starting so.',
        `Title matches come first, then by relevance, newer first at equal relevance. Anonymous callers: ${searchPerMinute} searches a minute per address; a partner key has its own limit. A key limited to some collections must name one in \`type\`.`,
      ].join('\n\n'),
      parameters: [
        param('q', `What to search for: at most ${MAX_QUERY_LENGTH} characters and ${MAX_WORDS} words.`, { type: 'string', minLength: 2, maxLength: MAX_QUERY_LENGTH }, true),
        param('locale', 'Which language to search.', { type: 'string', enum: localeCodes, default: localeCodes[0] }),
        param('type', 'Only this type.', { type: 'string', enum: types }),
        param('topic', 'Only documents about this topic (its slug).', { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' }),
        param('year', 'Only documents dated in this year.', { type: 'integer', minimum: 1000, maximum: 9999 }),
        param('page', 'Page number, from 1.', { type: 'integer', minimum: 1, default: 1 }),
        param('limit', `Results per page (1–${MAX_LIMIT}).`, { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
      ],
      responses: {
        '200': {
          description: 'A page of results, with facets.',
          headers,
          content: { 'application/json': { schema: ref('SearchResults') } },
        },
        '304': { description: 'Not modified since the ETag you sent.' },
        ...errors,
      },
    },
  }
  return { path, schemas, tag: { name: 'Search', description: 'Full-text search, the same as the site search page.' } }
}
