/**
 * The partner-facing front of /api: wraps Payload's REST and GraphQL route handlers (still doing
 * all the real work) with CORS, partner-key checks, rate limits, query caps, ETags and a response
 * cache. Staff (admin sessions) pass straight through, except for login/forgot-password limits.
 */
import type { SanitizedConfig } from 'payload'
import { executeAuthStrategies, getPayload } from 'payload'

import { isStaffUser } from '../access/roles'
import { serverURL } from '../platform/serverUrl'
import { cacheGet, cacheKey, cacheSet, etagFor, type CachedResponse } from './cache'
import { ApiError, jsonResponse } from './errors'
import { inspectGraphQL } from './graphqlGuard'
import { findPartnerKey, KEY_HEADER_PREFIX, keyProblem, PARTNER_KEYS, recordUsage, type PartnerKeyState } from './partnerKeys'
import { isPublicCollection } from './publicSchema'
import { guardQuery } from './queryGuard'
import { consume, peek, rateHeaders, type RateResult } from './rateLimit'
import { apiSettings } from './settings'

type Handler = (request: Request, ctx: { params: Promise<{ slug?: string[] }> }) => Promise<Response>
type Caller = { kind: 'anonymous' } | { kind: 'partner'; key: PartnerKeyState } | { kind: 'staff' }

const READ_METHODS = new Set(['GET', 'HEAD'])
const EXPOSED = 'ETag, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After'

/** The caller's address as set by the reverse proxy in front of the app (see docs/api.md). */
export function clientIp(headers: Headers): string {
  return headers.get('x-real-ip')?.trim() || headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown'
}

function sameOrigin(origin: string | null): boolean {
  if (!origin) return true
  try {
    return new URL(origin).origin === new URL(serverURL()).origin
  } catch {
    return false
  }
}

function withHeaders(res: Response, extra: Record<string, string>): Response {
  const headers = new Headers(res.headers)
  for (const [k, v] of Object.entries(extra)) headers.set(k, v)
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers })
}

async function identify(request: Request, config: SanitizedConfig): Promise<Caller | ApiError> {
  const auth = request.headers.get('authorization') ?? ''
  const payload = await getPayload({ config })
  if (auth.startsWith(KEY_HEADER_PREFIX)) {
    const key = await findPartnerKey(payload, auth.slice(KEY_HEADER_PREFIX.length).trim())
    const problem = keyProblem(key)
    if (problem) return new ApiError(401, problem, 'Authorization', 'invalid_key')
    return { kind: 'partner', key: key! }
  }
  const cookie = request.headers.get('cookie') ?? ''
  if (auth || cookie.includes(`${config.cookiePrefix || 'payload'}-token=`)) {
    const { user } = await executeAuthStrategies({ headers: request.headers, payload } as any)
    if (user && isStaffUser(user as any)) return { kind: 'staff' }
  }
  return { kind: 'anonymous' }
}

function loginBucket(kind: 'rest' | 'graphql', segments: string[], method: string, mutations: string[]) {
  if (kind === 'rest' && method === 'POST' && segments[0] === 'users') {
    if (segments[1] === 'login') return 'login' as const
    if (segments[1] === 'forgot-password') return 'forgot-password' as const
  }
  if (kind === 'graphql') {
    if (mutations.some((m) => /^login/.test(m))) return 'login' as const
    if (mutations.some((m) => /^forgotPassword/.test(m))) return 'forgot-password' as const
  }
  return null
}

export function withGateway(configPromise: Promise<SanitizedConfig> | SanitizedConfig, kind: 'rest' | 'graphql', handler: Handler): Handler {
  return async (request, ctx) => {
    try {
      return await gate(await configPromise, kind, handler, request, ctx)
    } catch (err) {
      if (err instanceof ApiError) return jsonResponse(err.status, err.body())
      // Never a stack trace: log on the server, answer plainly.
      console.error('[api gateway]', (err as Error)?.message)
      return jsonResponse(500, { errors: [{ message: 'Something went wrong on our side. Please try again later.' }] })
    }
  }
}

async function gate(config: SanitizedConfig, kind: 'rest' | 'graphql', handler: Handler, request: Request, ctx: { params: Promise<{ slug?: string[] }> }) {
  const url = new URL(request.url)
  const method = request.method.toUpperCase()
  const segments = kind === 'rest' ? url.pathname.replace(/^\/api\/?/, '').split('/').filter(Boolean) : ['graphql']
  const origin = request.headers.get('origin')
  const crossOrigin = !sameOrigin(origin)
  const cors: Record<string, string> = crossOrigin ? { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED } : {}

  // CORS: any origin may read without credentials; nothing else cross-origin.
  if (method === 'OPTIONS' && crossOrigin) {
    return new Response(null, {
      status: 204,
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': 'Accept, Accept-Language, Content-Type, If-None-Match',
        'Access-Control-Max-Age': '86400',
        Vary: 'Origin',
      },
    })
  }
  if (crossOrigin && !READ_METHODS.has(method) && !(kind === 'graphql' && method === 'POST')) {
    return jsonResponse(403, new ApiError(403, 'Cross-origin requests may only read (GET or HEAD).', 'Origin', 'cross_origin').body(), cors)
  }

  // Media files (/api/<uploads>/file/<name>) are static assets that pages and Next's image
  // optimiser fetch many at a time: no API limits or caps, access is still Payload's.
  if (kind === 'rest' && READ_METHODS.has(method) && segments[1] === 'file' && config.collections.some((c) => c.slug === segments[0] && c.upload)) {
    return withHeaders(await handler(request, ctx), cors)
  }

  const ip = clientIp(request.headers)
  const caller = await identify(request, config)
  if (caller instanceof ApiError) {
    // Count failed keys against the address, so guessing keys is as slow as anonymous reading.
    const rate = await consume('anonymous', ip)
    if (!rate.allowed) return jsonResponse(429, tooMany(rate), { ...cors, ...rateHeaders(rate) })
    return jsonResponse(401, caller.body(), { ...cors, ...rateHeaders(rate), 'WWW-Authenticate': `${PARTNER_KEYS} API-Key` })
  }

  // GraphQL: look inside the body (a clone, the original still goes to Payload).
  let mutations: string[] = []
  let graphqlMutation = false
  let graphqlTouchesVersions = false
  if (kind === 'graphql' && method === 'POST' && caller.kind !== 'staff') {
    const info = inspectGraphQL(await request.clone().text())
    mutations = info.mutations
    graphqlMutation = info.hasMutation
    graphqlTouchesVersions = info.topLevel.some((f) => /^versions?[A-Z]/.test(f))
    if (crossOrigin && graphqlMutation) {
      return jsonResponse(403, new ApiError(403, 'Cross-origin requests may only read.', 'Origin', 'cross_origin').body(), cors)
    }
  }

  // Login and forgot-password: stricter limits per address, for everyone.
  // Login counts failed attempts only (staff who sign in correctly are never slowed down);
  // forgot-password counts every request, since its answer never says whether it worked.
  const strict = loginBucket(kind, segments, method, mutations)
  if (strict === 'login') {
    const before = await peek('login', ip)
    if (!before.allowed) return jsonResponse(429, tooMany(before), { ...cors, ...rateHeaders(before) })
    const res = await handler(request, ctx)
    const failed = res.status >= 400 || (kind === 'graphql' && (await res.clone().text()).includes('"errors"'))
    const rate = failed ? await consume('login', ip) : before
    return withHeaders(res, { ...cors, ...rateHeaders(rate), 'Cache-Control': 'no-store' })
  }
  if (strict) {
    const rate = await consume(strict, ip)
    if (!rate.allowed) return jsonResponse(429, tooMany(rate), { ...cors, ...rateHeaders(rate) })
    return withHeaders(await handler(request, ctx), { ...cors, ...rateHeaders(rate), 'Cache-Control': 'no-store' })
  }

  if (caller.kind === 'staff') {
    const res = await handler(request, ctx)
    return withHeaders(res, { 'Cache-Control': 'private, no-store' })
  }

  let rate: RateResult
  if (caller.kind === 'partner') {
    rate = await consume('partner', String(caller.key.id))
    recordUsage(await getPayload({ config }), caller.key.id)
  } else {
    rate = await consume('anonymous', ip)
  }
  const headers = { ...cors, ...rateHeaders(rate) }
  if (!rate.allowed) return jsonResponse(429, tooMany(rate), headers)

  const refuse = (e: ApiError) => jsonResponse(e.status, e.body(), headers)

  // Version history holds drafts: never for anyone outside the staff, whatever a collection says.
  if (kind === 'rest' && (segments[1] === 'versions' || (segments[0] === 'globals' && segments[2] === 'versions'))) {
    return refuse(new ApiError(403, 'Version history is only available to staff.', undefined, 'forbidden'))
  }
  if (kind === 'graphql' && caller.kind === 'partner' && mutations.length === 0 && graphqlTouchesVersions) {
    return refuse(new ApiError(403, 'Version history is only available to staff.', 'query', 'forbidden'))
  }

  if (caller.kind === 'partner') {
    const isMe = segments[0] === PARTNER_KEYS && segments[1] === 'me' && READ_METHODS.has(method)
    if ((kind === 'rest' && !READ_METHODS.has(method) && method !== 'OPTIONS') || graphqlMutation) {
      return refuse(new ApiError(403, 'Partner keys are read-only: they cannot create, change or delete anything.', 'Authorization', 'read_only'))
    }
    // A key reads public collections and globals only; Payload's internal collections are not for it.
    const publicTarget = segments[0] === 'globals' || config.collections.some((c) => c.slug === segments[0] && isPublicCollection(c))
    if (kind === 'rest' && !isMe && !publicTarget) {
      return refuse(new ApiError(403, 'Partner keys read published content only.', 'Authorization', 'forbidden'))
    }
    const allowed = caller.key.allowedCollections
    if (allowed.length && !isMe) {
      if (kind === 'graphql') {
        return refuse(new ApiError(403, 'This key is limited to some collections; use the REST API with it.', 'Authorization', 'collection_not_allowed'))
      }
      if (config.collections.some((c) => c.slug === segments[0]) && !allowed.includes(segments[0])) {
        return refuse(new ApiError(403, `This key may read only: ${allowed.join(', ')}.`, 'Authorization', 'collection_not_allowed'))
      }
    }
  }

  if (kind === 'rest' && READ_METHODS.has(method)) {
    try {
      const idType = (await getPayload({ config })).db.defaultIDType === 'number' ? 'number' : 'text'
      guardQuery(config, segments, url.search, idType)
    } catch (e) {
      if (e instanceof ApiError) return refuse(e)
      throw e
    }
  }

  const cacheable = kind === 'rest' && READ_METHODS.has(method) && segments[0] !== PARTNER_KEYS && !segments.includes('me')
  const s = apiSettings()
  const cacheControl = `${caller.kind === 'partner' ? 'private' : 'public'}, max-age=${s.cacheMaxAge}, stale-while-revalidate=${s.cacheStaleWhileRevalidate}`
  const key = cacheable ? cacheKey(url, caller.kind === 'partner' ? 'partner' : 'anonymous') : ''

  let entry: CachedResponse | null = cacheable ? await cacheGet(key) : null
  let res: Response | null = null
  if (!entry) {
    res = await handler(request, ctx)
    if (cacheable && res.status === 200 && (res.headers.get('content-type') ?? '').includes('application/json')) {
      const body = await res.text()
      entry = { status: 200, body, contentType: res.headers.get('content-type')!, etag: etagFor(body) }
      await cacheSet(key, entry)
      res = null
    }
  }

  // An answer to someone not signed in must not be reused once they sign in (the admin's login page
  // asks /api/users/me before login, and a browser would otherwise keep the "nobody" answer for a
  // minute after it): it varies by cookie, and answers about the caller (`me`) are never stored.
  const vary = 'Authorization, Cookie'
  if (entry) {
    const h: Record<string, string> = { ...headers, ETag: entry.etag, 'Cache-Control': cacheControl, Vary: vary }
    const inm = request.headers.get('if-none-match')
    if (inm && inm.split(',').some((t) => t.trim() === entry!.etag || t.trim() === '*')) {
      return new Response(null, { status: 304, headers: h })
    }
    return new Response(method === 'HEAD' ? null : entry.body, { status: 200, headers: { ...h, 'Content-Type': entry.contentType } })
  }

  res = res!
  // Payload answers 501 for operations a collection does not offer (e.g. internal ones): to the
  // public that is simply "no such endpoint".
  if (res.status === 501) {
    return jsonResponse(404, new ApiError(404, 'There is no such endpoint in the public API. See /api/openapi.json.', undefined, 'not_found').body(), headers)
  }
  if (res.status >= 500) {
    return jsonResponse(res.status, { errors: [{ message: 'Something went wrong on our side. Please try again later.' }] }, headers)
  }
  return withHeaders(res, { ...headers, Vary: vary, 'Cache-Control': res.status === 200 && cacheable ? cacheControl : 'no-store' })
}

function tooMany(rate: RateResult) {
  return new ApiError(429, `Too many requests: the limit is ${rate.limit} per window. Try again in ${rate.resetSeconds} s.`, undefined, 'rate_limited').body()
}
