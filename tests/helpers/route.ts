/**
 * Calls the app's own /api route modules (app/(payload)/api/…/route.ts): Payload's handlers
 * behind everything in front of them (the partner gateway's caps, cache and limits, UTF-8 JSON),
 * i.e. the exact door a reader or partner knocks on, without starting a server.
 */
import * as graphqlRoute from '../../app/(payload)/api/graphql/route'
import * as restRoute from '../../app/(payload)/api/[...slug]/route'

const BASE = 'http://localhost:3000'

export type RouteResponse = { status: number; headers: Headers; text: string; body: any }

async function toResult(res: Response): Promise<RouteResponse> {
  const text = await res.text()
  let body: any = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, text, body }
}

export async function api(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  pathAndQuery: string,
  options: { token?: string; body?: unknown } = {},
): Promise<RouteResponse> {
  const url = new URL(`/api${pathAndQuery}`, BASE)
  const headers = new Headers()
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  if (options.body !== undefined) headers.set('Content-Type', 'application/json')
  const request = new Request(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
  const slug = url.pathname.replace(/^\/api\//, '').split('/').map(decodeURIComponent)
  const handler = restRoute[method] as (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>
  return toResult(await handler(request, { params: Promise.resolve({ slug }) }))
}

export async function graphqlApi(query: string, options: { token?: string } = {}): Promise<RouteResponse> {
  const headers = new Headers({ 'Content-Type': 'application/json' })
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  const request = new Request(new URL('/api/graphql', BASE), { method: 'POST', headers, body: JSON.stringify({ query }) })
  const handler = graphqlRoute.POST as (req: Request, ctx?: unknown) => Promise<Response>
  return toResult(await handler(request, { params: Promise.resolve({}) }))
}
