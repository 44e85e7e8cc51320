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
