import config from '@payload-config'

import { buildOpenAPI } from '@/partner-api/openapi'

let cached: string | null = null

/** GET /api/openapi.json: generated from the Payload config (more specific than api/[...slug]). */
export async function GET() {
  cached ??= JSON.stringify(buildOpenAPI(await config))
  return new Response(cached, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    },
  })
}
