/**
 * The partner-facing front of /api: wraps Payload's REST and GraphQL route handlers (still doing
 * all the real work) with CORS, partner-key checks, rate limits, query caps, ETags and a response
 * cache. Staff (admin sessions) pass straight through, except for login/forgot-password limits.
 *
 * Everything here is judged on the request as Payload will execute it, not as it arrived: the
 * path as Next.js decodes it and Payload matches it (without regard to case), GraphQL with its
 * variables, defaults and fragments, and no method override (Payload's POST-as-GET) for anyone
 * outside the staff. Bodies from callers who are not staff are bounded before anyone reads them.
 */
import type { SanitizedConfig } from 'payload'
import { executeAuthStrategies, getPayload } from 'payload'

import { isStaffUser } from '../access/roles'
import { requestClientAddress } from '../platform/clientAddress.mjs'
import { serverURL } from '../platform/serverUrl'
import { cacheGet, cacheKey, cacheSet, etagFor, type CachedResponse } from './cache'
import { ApiError, jsonResponse } from './errors'
import { graphQLRefusal, inspectGraphQL, type GraphQLInfo } from './graphqlGuard'
import { findPartnerKey, KEY_HEADER_PREFIX, keyProblem, PARTNER_KEYS, recordUsage, type PartnerKeyState } from './partnerKeys'
import { isPublicCollection } from './publicSchema'
import { guardQuery } from './queryGuard'
import { addressKey, consume, peek, rateHeaders, type RateResult } from './rateLimit'
import { apiSettings } from './settings'

type Handler = (request: Request, ctx: { params: Promise<{ slug?: string[] }> }) => Promise<Response>
type Caller = { kind: 'anonymous' } | { kind: 'partner'; key: PartnerKeyState } | { kind: 'staff' }

const READ_METHODS = new Set(['GET', 'HEAD'])
export const EXPOSED = 'ETag, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After'
/** Payload's POST-as-GET headers (handleEndpoints): the body becomes the query. */
export const OVERRIDE_HEADERS = ['x-payload-http-method-override', 'x-http-method-override']
/** The largest body a caller who is not staff may send (a sign-in, a GraphQL query). */
const MAX_PUBLIC_BODY = 64 * 1024

/** The caller's address: worked out by the front server from the socket (platform/clientAddress.mjs). */
export function clientIp(headers: Headers): string {
  return requestClientAddress(headers)
}

export function sameOrigin(origin: string | null): boolean {
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

/**
 * The path segments after /api/ as Payload routes them: Next.js hands the route decoded
 * segments (Payload re-encodes and matches those, ignoring case), so `/api/users/%6Cogin` and
 * `/api/users/LOGIN` are the login endpoint. Endpoint words are compared lower-cased here.
 */
async function routeSegments(url: URL, ctx: { params: Promise<{ slug?: string[] }> }): Promise<string[]> {
  const params = await ctx?.params
  if (Array.isArray(params?.slug)) return params.slug.filter(Boolean)
  return url.pathname
    .replace(/^\/api\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    })
}

type SignIn = { bucket: 'login' | 'forgot-password'; attempts: number; aliases: string[] }

function signInBucket(config: SanitizedConfig, kind: 'rest' | 'graphql', segments: string[], method: string, graphql: GraphQLInfo | null): SignIn | null {
  if (kind === 'rest' && method === 'POST') {
    const auth = config.collections.find((c) => c.slug === segments[0] && c.auth && !c.auth.disableLocalStrategy)
    const endpoint = segments[1]?.toLowerCase()
    if (auth && segments.length === 2 && endpoint === 'login') return { bucket: 'login', attempts: 1, aliases: [] }
    if (auth && segments.length === 2 && endpoint === 'forgot-password') return { bucket: 'forgot-password', attempts: 1, aliases: [] }
  }
  if (kind === 'graphql' && graphql?.operation === 'mutation') {
    // Every sign-in in the document counts: `a: loginUser(…) b: loginUser(…)` is two guesses.
    const logins = graphql.fields.filter((f) => /^login[A-Z]/.test(f.name))
    if (logins.length) return { bucket: 'login', attempts: logins.length, aliases: logins.map((f) => f.alias) }
    const forgot = graphql.fields.filter((f) => /^forgotPassword[A-Z]/.test(f.name))
    if (forgot.length) return { bucket: 'forgot-password', attempts: forgot.length, aliases: [] }
  }
  return null
}

/** Reads at most `limit` bytes of the body; null when it is larger (nothing more is read). */
async function boundedBody(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit) return null
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
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

async function gate(config: SanitizedConfig, kind: 'rest' | 'graphql', handler: Handler, incoming: Request, ctx: { params: Promise<{ slug?: string[] }> }) {
  let request = incoming
  const url = new URL(request.url)
  const method = request.method.toUpperCase()
  const segments = kind === 'rest' ? await routeSegments(url, ctx) : ['graphql']
  const endpoint = segments.slice(1).map((s) => s.toLowerCase())
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

  const uploadCollection = config.collections.some((c) => c.slug === segments[0] && c.upload)
  // Media files (/api/<uploads>/file/<name>) are static assets that pages and Next's image
  // optimiser fetch many at a time: no API limits or caps, access is still Payload's.
  if (kind === 'rest' && READ_METHODS.has(method) && uploadCollection && endpoint[0] === 'file') {
    const res = await handler(request, ctx)
    // Payload answers 500 for a file no item names when the caller may read every item (staff):
    // that is "not found". A file an item names but the store lacks stays a 500 (the operator's problem).
    if (res.status >= 500 && !(await someItemNames(config, segments[0], segments.slice(2).join('/')))) {
      return jsonResponse(404, new ApiError(404, 'There is no such file.', undefined, 'not_found').body(), cors)
    }
    return withHeaders(res, cors)
  }

  // As Payload will run it (handleEndpoints): POST with an override header of exactly GET (allowed
  // to staff) is a GET, whose query is the form body, or the JSON body, which it parses unguarded.
  const executed = method === 'POST' && OVERRIDE_HEADERS.some((h) => request.headers.get(h) === 'GET') ? 'GET' : method
  if (executed !== method && request.headers.get('content-type') === 'application/json') {
    try {
      JSON.parse(await request.clone().text())
    } catch {
      return jsonResponse(400, new ApiError(400, 'The body is not valid JSON.', 'body', 'invalid_json').body(), cors)
    }
  }
  const unanswerable = await notADocument(config, kind, segments, executed)
  if (unanswerable) return jsonResponse(404, unanswerable.body(), cors)

  const ip = clientIp(request.headers)
  const caller = await identify(request, config)
  if (caller instanceof ApiError) {
    // Count failed keys against the address, so guessing keys is as slow as anonymous reading.
    const rate = await consume('anonymous', addressKey(ip))
    if (!rate.allowed) return jsonResponse(429, tooMany(rate), { ...cors, ...rateHeaders(rate) })
    return jsonResponse(401, caller.body(), { ...cors, ...rateHeaders(rate), 'WWW-Authenticate': `${PARTNER_KEYS} API-Key` })
  }

  let graphql: GraphQLInfo | null = null
  if (caller.kind !== 'staff') {
    // Payload runs POST + override header as a GET whose query is the body, past every check a
    // GET gets here. Nobody outside the staff needs it (a GET does the same): refuse it.
    const override = OVERRIDE_HEADERS.find((h) => request.headers.has(h))
    if (override) {
      return jsonResponse(
        400,
        new ApiError(400, 'Method override is not available on the public API: send the query as a GET request.', override, 'method_override').body(),
        cors,
      )
    }
    if (!READ_METHODS.has(method) && method !== 'OPTIONS') {
      // Uploads are for staff: a multipart body for an upload collection is refused before anything
      // reads it. Other multipart bodies are the admin's own forms (sign-in, forgot and reset
      // password: Payload sends its forms as multipart) and are bounded below like any body.
      if (uploadCollection && /^multipart\//i.test(request.headers.get('content-type') ?? '')) {
        return jsonResponse(403, new ApiError(403, 'Uploading files needs a staff sign-in.', 'Content-Type', 'forbidden').body(), cors)
      }
      const body = await boundedBody(request, MAX_PUBLIC_BODY)
      if (!body) {
        return jsonResponse(413, new ApiError(413, `The request body is larger than ${MAX_PUBLIC_BODY / 1024} KB.`, 'body', 'too_large').body(), cors)
      }
      request = new Request(request.url, { method: request.method, headers: request.headers, body: body as BodyInit, signal: request.signal })
    }
    if (kind === 'graphql' && method === 'POST') {
      graphql = inspectGraphQL(await request.clone().text())
      if (crossOrigin && graphql.operation !== 'query') {
        return jsonResponse(403, new ApiError(403, 'Cross-origin requests may only read.', 'Origin', 'cross_origin').body(), cors)
      }
    }
  }

  // Two doors where Payload reads a JSON body outside its own error handling, so a body that is
  // not JSON was a 500 (staff reach both; the checks above answer everyone else): REST's
  // POST-as-GET, and GraphQL (whose handler has no catch around reading the body; the property
  // test found an admin's POST /graphql with the body " "). It is the caller's mistake: a 400.
  const mediaType = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase()
  const postAsGet = kind === 'rest' && OVERRIDE_HEADERS.some((h) => request.headers.get(h) === 'GET')
  // A body inspectGraphQL has already read (everyone but staff) is not read again.
  if (method === 'POST' && mediaType === 'application/json' && (postAsGet || (kind === 'graphql' && !graphql))) {
    const text = await request.clone().text()
    try {
      // An empty GraphQL body is read as {} (graphql-http then asks for a query, with a 400).
      if (postAsGet || text !== '') JSON.parse(text)
    } catch {
      return jsonResponse(400, new ApiError(400, 'The request body is not valid JSON.', 'body', 'invalid_json').body(), cors)
    }
  }

  // Login and forgot-password: stricter limits per address, for everyone, however the endpoint
  // is spelled and however many attempts one GraphQL document carries.
  // Login counts failed attempts only (staff who sign in correctly are never slowed down);
  // forgot-password counts every request, since its answer never says whether it worked.
  const signIn = signInBucket(config, kind, segments, method, graphql)
  if (signIn?.bucket === 'login') {
    const before = await peek('login', addressKey(ip))
    if (!before.allowed || before.remaining < signIn.attempts) {
      const refused = { ...before, allowed: false }
      return jsonResponse(429, tooMany(refused), { ...cors, ...rateHeaders(refused) })
    }
    const res = await handler(request, ctx)
    const failed = await failedSignIns(res, kind, signIn)
    const rate = failed ? await consume('login', addressKey(ip), failed) : before
    return withHeaders(res, { ...cors, ...rateHeaders({ ...rate, allowed: true }), 'Cache-Control': 'no-store' })
  }
  if (signIn) {
    const rate = await consume(signIn.bucket, addressKey(ip), signIn.attempts)
    if (!rate.allowed) return jsonResponse(429, tooMany(rate), { ...cors, ...rateHeaders(rate) })
    return withHeaders(await handler(request, ctx), { ...cors, ...rateHeaders(rate), 'Cache-Control': 'no-store' })
  }

  if (caller.kind === 'staff') {
    const res = await handler(request, ctx)
    return withHeaders(res, { 'Cache-Control': 'private, no-store' })
  }

  // One GraphQL document can ask for many lists at once: each top-level field counts.
  const cost = graphql ? Math.max(1, graphql.fields.length) : 1
  let rate: RateResult
  if (caller.kind === 'partner') {
    rate = await consume('partner', String(caller.key.id), cost)
    recordUsage(await getPayload({ config }), caller.key.id)
  } else {
    rate = await consume('anonymous', addressKey(ip), cost)
  }
  const headers = { ...cors, ...rateHeaders(rate) }
  if (!rate.allowed) return jsonResponse(429, tooMany(rate), headers)

  const refuse = (e: ApiError) => jsonResponse(e.status, e.body(), headers)

  // Version history holds drafts: never for anyone outside the staff, whatever a collection says.
  if (kind === 'rest' && (endpoint[0] === 'versions' || (segments[0] === 'globals' && endpoint[1] === 'versions'))) {
    return refuse(new ApiError(403, 'Version history is only available to staff.', undefined, 'forbidden'))
  }
  // GraphQL: public collections and globals only; partners never write (graphqlGuard.ts).
  if (graphql) {
    const refusal = graphQLRefusal(config, graphql, caller.kind)
    if (refusal) return refuse(refusal)
  }

  // Site search (/api/search) reads the published-only search index (search/api.ts).
  const publicTarget =
    segments[0] === 'globals' || segments[0] === 'search' || config.collections.some((c) => c.slug === segments[0] && isPublicCollection(c))
  if (caller.kind === 'partner') {
    const isMe = segments[0] === PARTNER_KEYS && endpoint[0] === 'me' && segments.length === 2 && READ_METHODS.has(method)
    if (kind === 'rest' && !READ_METHODS.has(method) && method !== 'OPTIONS') {
      return refuse(new ApiError(403, 'Partner keys are read-only: they cannot create, change or delete anything.', 'Authorization', 'read_only'))
    }
    // A key reads public collections and globals only; Payload's internal collections are not for it.
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
      // A search answer is cached by its address, so the address must say which types it covers.
      if (segments[0] === 'search' && !allowed.includes(url.searchParams.get('type') ?? '')) {
        return refuse(new ApiError(403, `This key may search only: ${allowed.join(', ')}. Add type=… to the query.`, 'type', 'collection_not_allowed'))
      }
    }
  }

  if (kind === 'rest' && READ_METHODS.has(method)) {
    try {
      const db = (await getPayload({ config })).db as unknown as { defaultIDType: string; operators?: Record<string, unknown> }
      const idType = db.defaultIDType === 'number' ? 'number' : 'text'
      guardQuery(config, segments, url.search, idType, db.operators ? Object.keys(db.operators) : undefined)
    } catch (e) {
      if (e instanceof ApiError) return refuse(e)
      throw e
    }
  }

  // Only public content is cached, for readers and partners alike: never another endpoint (the
  // jobs runner answers a cron's secret; its answer is not the next caller's), and never a
  // request that carries credentials other than a partner key.
  const otherCredentials = caller.kind === 'anonymous' && Boolean(request.headers.get('authorization'))
  const cacheable = kind === 'rest' && READ_METHODS.has(method) && publicTarget && !otherCredentials && !endpoint.includes('me')
  const cacheControl = cachedCacheControl(caller.kind === 'partner')
  const key = cacheable ? cacheKey(url, caller.kind === 'partner' ? 'partner' : 'anonymous') : ''

  let entry: CachedResponse | null = cacheable ? await cacheGet(key) : null
  const hit = Boolean(entry)
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

  if (entry) {
    // The same answer server.mjs gives from the cache without entering Next (partner-api/fastPath.ts).
    const h: Record<string, string> = {
      ...headers,
      ETag: entry.etag,
      'Cache-Control': cacheControl,
      Vary: VARY,
      'X-Daleel-API-Cache': hit ? 'HIT' : 'MISS',
    }
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
  const cached = res.status === 200 && cacheable
  return withHeaders(res, { ...headers, ...(cached ? { Vary: VARY } : {}), 'Cache-Control': cached ? cacheControl : 'no-store' })
}

/** Whether an item of this upload collection has this file name (the original or one of its sizes). */
async function someItemNames(config: SanitizedConfig, slug: string, filename: string): Promise<boolean> {
  const collection = config.collections.find((c) => c.slug === slug)
  const sizes = (typeof collection?.upload === 'object' ? collection.upload.imageSizes ?? [] : []).map((size) => size.name)
  const where = { or: [{ filename: { equals: filename } }, ...sizes.map((name) => ({ [`sizes.${name}.filename`]: { equals: filename } }))] }
  const payload = await getPayload({ config })
  const { totalDocs } = await payload.count({ collection: slug as 'media', where: where as never, overrideAccess: true })
  return totalDocs > 0
}

/**
 * Paths Payload would look up and fail on with a 500, for anyone (staff included), answered 404:
 * a first segment that is a property every object has (`/api/toString`, `/api/constructor`: Payload
 * looks collections up in a plain object), and, where IDs are numbers (SQLite's default), a
 * document path whose ID is neither a number nor a word of the collection's endpoints for the method
 * (`/api/statements/abc` reached the database as a malformed query).
 */
async function notADocument(config: SanitizedConfig, kind: 'rest' | 'graphql', segments: string[], method: string): Promise<ApiError | null> {
  if (kind !== 'rest' || !segments.length) return null
  const notFound = new ApiError(404, 'There is no such document or endpoint. See /api/openapi.json.', undefined, 'not_found')
  if (segments[0] in Object.prototype) return notFound
  if (segments.length !== 2 || method === 'POST' || method === 'OPTIONS') return null
  const collection = config.collections.find((c) => c.slug === segments[0])
  if (!collection) return null
  const db = (await getPayload({ config })).db as unknown as { defaultIDType: string }
  if (db.defaultIDType !== 'number' || /^\d{1,15}$/.test(segments[1])) return null
  // First segments of this collection's own endpoints for this method only: GET /users/login is a
  // look-up of document "login".
  const firsts = (Array.isArray(collection.endpoints) ? collection.endpoints : [])
    .filter((e) => String(e.method).toUpperCase() === (method === 'HEAD' ? 'GET' : method))
    .map((e) => e.path.split('/').filter(Boolean)[0] ?? '')
  // A collection that routes a word of its own here (the admin's preferences: GET
  // /payload-preferences/locale, by key) answers it itself: not a document ID.
  if (firsts.some((w) => w.startsWith(':') && w !== ':id')) return null
  const words = new Set(firsts.filter((w) => w && !w.startsWith(':')).map((w) => w.toLowerCase()))
  return words.has(segments[1].toLowerCase()) ? null : notFound
}

/** How many sign-ins in this response failed (REST: the status; GraphQL: each login field left empty). */
async function failedSignIns(res: Response, kind: 'rest' | 'graphql', signIn: SignIn): Promise<number> {
  if (kind === 'rest') return res.status >= 400 ? 1 : 0
  try {
    const body = JSON.parse(await res.clone().text()) as { data?: Record<string, unknown> | null }
    return signIn.aliases.filter((alias) => !body?.data?.[alias]).length
  } catch {
    return signIn.attempts
  }
}

export function tooMany(rate: RateResult) {
  return new ApiError(429, `Too many requests: the limit is ${rate.limit} per window. Try again in ${rate.resetSeconds} s.`, undefined, 'rate_limited').body()
}

/**
 * What a stored answer depends on besides the address. Cookie: a browser must not reuse the answer
 * it got before signing in (published only) once signed in, e.g. in the admin's pickers.
 */
export const VARY = 'Authorization, Cookie'

/** Cache-Control of a cached answer: partners' answers are private to them, anonymous ones shared. */
export function cachedCacheControl(partner: boolean): string {
  const s = apiSettings()
  return `${partner ? 'private' : 'public'}, max-age=${s.cacheMaxAge}, stale-while-revalidate=${s.cacheStaleWhileRevalidate}`
}
