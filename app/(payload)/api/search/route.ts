import config from '@payload-config'

import { withGateway } from '@/partner-api/gateway'
import { utf8Json } from '@/platform/securityHeaders'
import { searchApi } from '@/search/api'

// GET /api/search (more specific than api/[...slug]): site search as JSON (search/api.ts), behind
// the partner gateway like every public read: keys, rate limits, CORS, ETags, response cache.
export const GET = utf8Json(withGateway(config, 'rest', (request) => searchApi(request)))
export const OPTIONS = utf8Json(withGateway(config, 'rest', async () => new Response(null, { status: 204 })))
