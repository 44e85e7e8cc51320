/**
 * GET /api/search?q=…&locale=…&type=…&topic=…&year=…&page=…&limit=…: the search results page as
 * JSON, for partners. The same function as the page (search/search.ts), behind the partner gateway
 * (app/(payload)/api/search/route.ts): keys, rate limits, CORS, ETag and the response cache are the
 * gateway's. Here: the parameters (400 naming the one at fault), what a key limited to some
 * collections may search, and anonymous callers' search allowance (SEARCH_RATE_LIMIT a minute).
 * Documented in the OpenAPI file by search/openapi.ts.
 */
import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

import { defaultLocale } from '../content/locales'
import { ApiError, jsonResponse } from '../partner-api/errors'
import { clientIp } from '../partner-api/gateway'
import { findPartnerKey, KEY_HEADER_PREFIX } from '../partner-api/partnerKeys'
import { addressKey, consume, rateHeaders } from '../partner-api/rateLimit'
import { serverURL } from '../platform/serverUrl'
import { toHtml } from './highlight'
import { isParamProblem, readSearchParams, searchSite, type SearchResults } from './search'

const SEARCH_PARAMETERS = ['q', 'locale', 'type', 'topic', 'year', 'page', 'limit'] as const

/** The JSON partners get: results with absolute URLs and HTML snippets (text escaped, matches in <mark>). */
function searchJson(r: SearchResults) {
  const base = serverURL().replace(/\/+$/, '')
  return {
    query: r.query,
    locale: r.locale,
    filters: r.filters,
    totalResults: r.total,
    page: r.page,
    limit: r.limit,
    totalPages: r.pages,
    hasPrevPage: r.page > 1 && r.pages > 0,
    hasNextPage: r.page < r.pages,
    results: r.results.map((h) => ({
      type: h.type,
      id: h.id,
      title: h.title,
      summary: h.summary || null,
      url: `${base}${h.path}`,
      path: h.path,
      date: h.date,
      topics: h.topics,
      snippet: toHtml(h.snippet),
      locale: h.locale,
    })),
    facets: r.facets,
    ...(r.otherScript ? { otherScript: r.otherScript } : {}),
    ...(r.suggestions ? { suggestions: r.suggestions } : {}),
  }
}

async function allowedTypesOf(payload: Payload, request: Request): Promise<string[] | undefined> {
  const auth = request.headers.get('authorization') ?? ''
  if (!auth.startsWith(KEY_HEADER_PREFIX)) return undefined
  const key = await findPartnerKey(payload, auth.slice(KEY_HEADER_PREFIX.length).trim())
  return key?.allowedCollections.length ? key.allowedCollections : undefined
}

export async function searchApi(request: Request): Promise<Response> {
  const url = new URL(request.url)
  for (const name of new Set(url.searchParams.keys())) {
    if (!(SEARCH_PARAMETERS as readonly string[]).includes(name)) {
      return error(new ApiError(400, `\`${name}\` is not a search parameter. Use: ${SEARCH_PARAMETERS.join(', ')}.`, name, 'unknown_parameter'))
    }
  }
  if (!url.searchParams.get('q')?.trim()) return error(new ApiError(400, 'Say what to search for in `q`, e.g. q=trafficking.', 'q', 'required'))

  const payload = await getPayload({ config })
  const partner = (request.headers.get('authorization') ?? '').startsWith(KEY_HEADER_PREFIX)
  if (!partner) {
    // Searching costs more than reading a page of documents: anonymous callers have their own allowance.
    // Per address, IPv6 per /64 (addressKey), as every other limit counts.
    const rate = await consume('search', addressKey(clientIp(request.headers)))
    if (!rate.allowed) {
      return jsonResponse(429, new ApiError(429, `Too many searches: the limit is ${rate.limit} a minute. Try again in ${rate.resetSeconds} s, or use a partner key.`, undefined, 'rate_limited').body(), rateHeaders(rate))
    }
  }
  const allowedTypes = await allowedTypesOf(payload, request)
  const parsed = readSearchParams(payload, url.searchParams, { locale: defaultLocale, allowedTypes })
  if (isParamProblem(parsed)) return error(new ApiError(400, parsed.message, parsed.parameter, 'invalid_parameter'))
  if (allowedTypes && parsed.type && !allowedTypes.includes(parsed.type)) {
    return error(new ApiError(403, `This key may search only: ${allowedTypes.join(', ')}.`, 'type', 'collection_not_allowed'))
  }
  const result = await searchSite(payload, parsed)
  if (result.problem) return error(new ApiError(400, result.problem.message, 'q', result.problem.code))
  return jsonResponse(200, searchJson(result))
}

const error = (e: ApiError) => jsonResponse(e.status, e.body())
