import { applyStaleness, validInternalToken } from '@/content/changes/freshness'
import type { Staleness } from '@/content/changes/subscriber'

const list = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string' && p.startsWith('/') && p.length < 2048).slice(0, 5000) : undefined

/**
 * POST /next/changes (internal; authenticated with a token derived from PAYLOAD_SECRET): a
 * process that is not a web server (seed, restore, a script) hands this server what its content
 * changes made stale, and the server refreshes its pages and caches, and every other server's
 * through Redis (content/changes/freshness.ts). Answers 200 once done.
 */
export async function POST(request: Request): Promise<Response> {
  if (!validInternalToken(request.headers.get('authorization'))) return new Response(null, { status: 401 })
  let body: Record<string, unknown>
  try {
    body = (await request.json()) as Record<string, unknown>
  } catch {
    return Response.json({ errors: [{ message: 'Send the staleness as JSON.' }] }, { status: 400 })
  }
  const staleness: Staleness = {
    pages: list(body.pages),
    laterPages: list(body.laterPages),
    apiTags: Array.isArray(body.apiTags) ? body.apiTags.filter((t): t is string => typeof t === 'string').slice(0, 5000) : undefined,
    everything: body.everything === true,
    redirects: body.redirects === true,
  }
  try {
    await applyStaleness(staleness)
  } catch (err) {
    return Response.json({ errors: [{ message: (err as Error).message }] }, { status: 502, headers: { 'Cache-Control': 'no-store' } })
  }
  return Response.json({ applied: true }, { headers: { 'Cache-Control': 'no-store' } })
}
