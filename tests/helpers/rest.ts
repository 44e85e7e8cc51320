/**
 * Calls the real REST and GraphQL route handlers (the same ones app/(payload)/api serves) with
 * Request objects, so integration tests exercise HTTP behaviour without starting a server.
 */
import config from '../../payload.config'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

const BASE = 'http://localhost:3000'

const handlers = {
  GET: REST_GET(config),
  POST: REST_POST(config),
  PATCH: REST_PATCH(config),
  DELETE: REST_DELETE(config),
}
const graphql = GRAPHQL_POST(config)

export type RestResponse = { status: number; headers: Headers; body: any }

async function toResult(res: Response): Promise<RestResponse> {
  const text = await res.text()
  let body: any = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body }
}

export async function rest(
  method: keyof typeof handlers,
  pathAndQuery: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<RestResponse> {
  const url = new URL(`/api${pathAndQuery}`, BASE)
  const headers = new Headers(options.headers)
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  if (options.body !== undefined) headers.set('Content-Type', 'application/json')
  const request = new Request(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  const res = await handlers[method](request, { params: Promise.resolve({ slug }) })
  return toResult(res)
}

/**
 * The GraphQL type of document IDs: `Int` on SQLite's default integer IDs, `String` on text IDs
 * (SQLite with SQLITE_ID_TYPE=uuid, MongoDB). Tests pass IDs as variables of this type, or paste
 * them with JSON.stringify, never bare.
 */
export function graphQLIdType(payload: { db: { defaultIDType: string } }): 'Int' | 'String' {
  return payload.db.defaultIDType === 'number' ? 'Int' : 'String'
}

export async function gql(query: string, options: { token?: string; variables?: Record<string, unknown> } = {}) {
  const headers = new Headers({ 'Content-Type': 'application/json' })
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  const request = new Request(new URL('/api/graphql', BASE), {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables: options.variables }),
  })
  return toResult(await graphql(request))
}

/** Log a staff member in through REST and return their token. */
export async function login(email: string, password: string): Promise<string> {
  const res = await rest('POST', '/users/login', { body: { email, password } })
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token
}

export type UploadFile = { data: Buffer | Uint8Array; name: string; type?: string }

/**
 * Multipart upload through the real REST handler, as the admin's upload form sends it: the file
 * in `file`, other fields as JSON in `_payload`. The declared `type` is what a browser would send
 * (tests set it to lie about the bytes).
 */
export async function upload(
  method: 'POST' | 'PATCH',
  pathAndQuery: string,
  options: { token?: string; file?: UploadFile; data?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<RestResponse> {
  const url = new URL(`/api${pathAndQuery}`, BASE)
  const form = new FormData()
  if (options.file) {
    const bytes = new Uint8Array(options.file.data)
    form.append('file', new Blob([bytes], { type: options.file.type ?? 'application/octet-stream' }), options.file.name)
  }
  if (options.data) form.append('_payload', JSON.stringify(options.data))
  const headers = new Headers(options.headers)
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  // Let Request set the multipart boundary in Content-Type.
  const request = new Request(url, { method, headers, body: form })
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  const res = await handlers[method](request, { params: Promise.resolve({ slug }) })
  return toResult(res)
}

/** A GET whose body is not JSON (a served file): status, headers and the raw bytes. */
export async function fetchFile(
  pathAndQuery: string,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  // Accepts a document's `url` as stored (absolute, or /api/…) or a path under /api.
  const given = new URL(pathAndQuery, BASE)
  const url = given.pathname.startsWith('/api/') ? given : new URL(`/api${pathAndQuery}`, BASE)
  const headers = new Headers(options.headers)
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  const slug = url.pathname.replace(/^\/api\//, '').split('/').map(decodeURIComponent)
  const res = await handlers.GET(new Request(url, { headers }), { params: Promise.resolve({ slug }) })
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) }
}

/**
 * Calls the route handlers exactly as app/(payload)/api serves them, gateway included (partner
 * keys, rate limits, caps, CORS, ETags). `ip` is the caller's address as the front server
 * (server.mjs) works it out from the socket and hands it on (platform/clientAddress.mjs); `key`
 * sends a partner key; `rawBody` sends a body as is (a form, a stream) instead of JSON. Path
 * segments reach the handler decoded, as Next.js passes them.
 */
export async function api(
  method: 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'OPTIONS',
  pathAndQuery: string,
  options: { token?: string; key?: string; ip?: string; body?: unknown; rawBody?: BodyInit; headers?: Record<string, string> } = {},
): Promise<RestResponse> {
  const routes: Record<string, any> = await import('../../app/(payload)/api/[...slug]/route')
  const graphqlRoutes: Record<string, any> = await import('../../app/(payload)/api/graphql/route')
  const url = new URL(`/api${pathAndQuery}`, BASE)
  const headers = new Headers(options.headers)
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  if (options.key) headers.set('Authorization', `partner-keys API-Key ${options.key}`)
  if (options.ip) {
    // What server.mjs does for every request: it alone sets this header, from the socket.
    ;(globalThis as any)[Symbol.for('daleel.clientAddressFromFrontServer')] = true
    headers.set('x-daleel-client-address', options.ip)
    // What a client could claim itself: the gateway must not believe it (server.mjs decides).
    if (!headers.has('X-Forwarded-For')) headers.set('X-Forwarded-For', options.ip)
  }
  if (options.body !== undefined) headers.set('Content-Type', 'application/json')
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  const request = new Request(url, { method, headers, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit)
  const isGraphQL = url.pathname === '/api/graphql'
  const searchRoutes: Record<string, any> = await import('../../app/(payload)/api/search/route')
  const own = url.pathname === '/api/search' ? searchRoutes : isGraphQL ? graphqlRoutes : routes
  const handler = isGraphQL ? graphqlRoutes[method] : method === 'HEAD' ? own.GET : own[method]
  // A method the route module does not export: Next.js answers 405 itself.
  if (!handler) return { status: 405, headers: new Headers(), body: null }
  const slug = url.pathname.replace(/^\/api\//, '').split('/').map(decodeURIComponent)
  const res: Response = await handler(request, { params: Promise.resolve({ slug }) })
  return toResult(res)
}
