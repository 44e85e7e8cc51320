import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withGateway } from '@/partner-api/gateway'
import { utf8Json } from '@/platform/securityHeaders'

// utf8Json: JSON responses say `application/json; charset=utf-8` (platform/securityHeaders.ts).
// Payload's REST handlers do the work; the gateway adds partner keys, rate limits, query caps,
// CORS, ETags and the response cache in front of them (partner-api/gateway.ts).
export const GET = utf8Json(withGateway(config, 'rest', REST_GET(config)))
export const POST = utf8Json(withGateway(config, 'rest', REST_POST(config)))
export const DELETE = utf8Json(withGateway(config, 'rest', REST_DELETE(config)))
export const PATCH = utf8Json(withGateway(config, 'rest', REST_PATCH(config)))
export const PUT = utf8Json(withGateway(config, 'rest', REST_PUT(config)))
export const OPTIONS = utf8Json(withGateway(config, 'rest', REST_OPTIONS(config)))
