import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withGateway } from '@/partner-api/gateway'
import { utf8Json } from '@/platform/securityHeaders'

// utf8Json: JSON responses say `application/json; charset=utf-8` (platform/securityHeaders.ts).
// Same gateway as REST: keys are read-only, limits and caps apply to non-staff callers.
export const POST = utf8Json(withGateway(config, 'graphql', GRAPHQL_POST(config) as any))
export const OPTIONS = utf8Json(withGateway(config, 'graphql', REST_OPTIONS(config)))
