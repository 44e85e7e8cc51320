/**
 * Cached partner-API answers served by the web server itself (server.mjs), before a request
 * enters Next. Why: a cached answer through Next's router still cost a millisecond or more of
 * routing and response assembly per request, which held the partner REST list to a fraction of
 * what Node can send (docs/performance.md). The answer is the one the gateway (gateway.ts) gives
 * for a cache hit, with the same checks in force: the partner key must be one the gateway has
 * already accepted (remembered; no database round trip), limited keys only read their
 * collections, and the rate limit is counted. Anything else (a miss, staff, an unknown or refused
 * key, versions, GraphQL, files) returns null and goes through Next and the full gateway.
 */
import type { IncomingHttpHeaders } from 'node:http'

import { getPayload, type SanitizedConfig } from 'payload'

import { CLIENT_ADDRESS_HEADER } from '../platform/clientAddress.mjs'
import { headersFor } from '../platform/securityHeaders'
import { serverURL } from '../platform/serverUrl'
import { cacheKey, cachePeek } from './cache'
import { cachedCacheControl, clientIp, EXPOSED, OVERRIDE_HEADERS, sameOrigin, tooMany, VARY } from './gateway'
import { KEY_HEADER_PREFIX, keyProblem, PARTNER_KEYS, recordUsage, rememberedPartnerKey } from './partnerKeys'
import { addressKey, consume, rateHeaders } from './rateLimit'

type FastAnswer = { status: number; headers: Record<string, string>; body: Buffer | null }

const NOT_HERE = new Set(['graphql', 'graphql-playground', 'health', 'openapi.json', 'payload-jobs', PARTNER_KEYS, 'users'])

export function apiFastPath(configPromise: Promise<SanitizedConfig> | SanitizedConfig) {
  // What next.config.ts's header rules give every /api response (platform/securityHeaders.ts).
  const security = headersFor('/api/', { production: process.env.NODE_ENV === 'production' })
  return async (method: string, rawUrl: string, headers: IncomingHttpHeaders): Promise<FastAnswer | null> => {
    if (method !== 'GET' && method !== 'HEAD') return null
    const url = new URL(rawUrl, serverURL())
    const segments = url.pathname.replace(/^\/api\/?/, '').split('/').filter(Boolean)
    if (!segments.length || segments.length > 2 || NOT_HERE.has(segments[0]) || segments.includes('me') || segments.includes('versions')) return null
    if (segments[1] === 'file' || (segments[0] === 'globals' && segments.length !== 2)) return null
    // Payload's method override: the gateway refuses it to everyone but staff (400); so must we.
    if (OVERRIDE_HEADERS.some((h) => headers[h] !== undefined)) return null
    const config = await configPromise
    // Staff (a session cookie, as the gateway recognises it) are never answered from the cache.
    if (String(headers.cookie ?? '').includes(`${config.cookiePrefix || 'payload'}-token=`)) return null
    const payload = await getPayload({ config })

    const auth = String(headers.authorization ?? '')
    let partner: { id: number | string } | null = null
    if (auth.startsWith(KEY_HEADER_PREFIX)) {
      const state = rememberedPartnerKey(payload, auth.slice(KEY_HEADER_PREFIX.length).trim())
      // Not remembered, unknown, revoked or expired: the gateway answers (and remembers it).
      if (!state || keyProblem(state)) return null
      if (state.allowedCollections.length && segments[0] !== 'globals' && !state.allowedCollections.includes(segments[0])) return null
      partner = state
    } else if (auth) return null

    const gzip = /\bgzip\b/.test(String(headers['accept-encoding'] ?? ''))
    const entry = cachePeek(cacheKey(url, partner ? 'partner' : 'anonymous'), gzip)
    if (!entry) return null

    const origin = typeof headers.origin === 'string' ? headers.origin : null
    const cors: Record<string, string> = sameOrigin(origin) ? {} : { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED }
    // The address server.mjs worked out from the socket and TRUSTED_PROXIES, as the gateway reads it.
    const requestHeaders = new Headers()
    const address = headers[CLIENT_ADDRESS_HEADER]
    if (typeof address === 'string') requestHeaders.set(CLIENT_ADDRESS_HEADER, address)
    const rate = partner ? await consume('partner', String(partner.id)) : await consume('anonymous', addressKey(clientIp(requestHeaders)))
    if (partner) recordUsage(payload, partner.id)
    const common = { ...security, ...cors, ...rateHeaders(rate) }
    if (!rate.allowed) {
      // Refused as the gateway refuses (no X-Daleel-API-Cache: nothing came from the cache).
      return { status: 429, headers: { ...common, 'Content-Type': 'application/json; charset=utf-8' }, body: Buffer.from(JSON.stringify(tooMany(rate))) }
    }
    const out: Record<string, string> = {
      ...common,
      ETag: entry.etag,
      'Cache-Control': cachedCacheControl(Boolean(partner)),
      Vary: `${VARY}, Accept-Encoding`,
      'X-Daleel-API-Cache': 'HIT',
    }
    const inm = typeof headers['if-none-match'] === 'string' ? headers['if-none-match'] : null
    if (inm && inm.split(',').some((t) => t.trim() === entry.etag || t.trim() === '*')) return { status: 304, headers: out, body: null }
    // As utf8Json does for the route (platform/securityHeaders.ts): JSON says it is UTF-8.
    const type = /^application\/json\s*$/i.test(entry.contentType) ? 'application/json; charset=utf-8' : entry.contentType
    if (entry.gzipped) out['Content-Encoding'] = 'gzip'
    return { status: 200, headers: { ...out, 'Content-Type': type }, body: method === 'HEAD' ? null : entry.bytes }
  }
}
