import { revalidatePath } from 'next/cache'

import { validInternalToken } from '@/content/changes/freshness'

/**
 * POST /next/revalidate (internal; the server's own token): every page is stale because the
 * header or footer changed (site settings, navigation). `revalidatePath` works only inside a Next
 * request, so server.mjs calls this over loopback; everything else is refreshed page by page
 * without a request (server.mjs, content/changes/freshness.ts).
 */
export async function POST(request: Request): Promise<Response> {
  if (!validInternalToken(request.headers.get('authorization'))) return new Response(null, { status: 401 })
  revalidatePath('/', 'layout')
  return Response.json({ revalidated: 'everything' }, { headers: { 'Cache-Control': 'no-store' } })
}
