/**
 * Security headers for every response, as next.config.ts `headers()` rules. A pure function of
 * the environment so it is unit-tested without Next (tests/unit/security-headers.test.ts).
 *
 * Content-Security-Policy, and why it looks the way it does:
 * - No 'unsafe-eval' on public pages (nor on the admin in production). Only `next dev` needs eval
 *   (React Refresh, eval source maps), so it is added in development only.
 * - script-src keeps 'unsafe-inline': the App Router streams the page's data to the browser in
 *   inline <script>self.__next_f.push(…)</script> tags whose content differs on every page. The
 *   only alternative is a per-request nonce, which Next supports only by rendering every page
 *   dynamically (the nonce must be in the HTML), and that would throw away the page cache the
 *   platform is built on (pages rendered once at publish, served from cache). Inline injection is
 *   instead prevented at the source: rich text is rendered through React, never as raw HTML.
 *   This policy is what staff (and draft mode) get; readers get the page without any script and
 *   `script-src 'none'` (site/page-cache.mjs, in front of Next).
 * - style-src 'unsafe-inline': React/Next and the Payload admin set style attributes.
 * - object-src 'none', base-uri 'none' (Next needs no <base>), form-action 'self'.
 * - frame-ancestors 'self' (with X-Frame-Options SAMEORIGIN for old browsers): pages may only be
 *   framed by our own admin, whose live preview shows the page in an iframe.
 * The admin (/admin) additionally loads the Monaco code editor (JSON fields) from jsDelivr, as
 * Payload ships it; that exact package path is allowed there and only there.
 */
type HeaderRule = { source: string; headers: Array<{ key: string; value: string }> }

type SecurityOptions = {
  /** `next start`/production build: HSTS on, no eval. */
  production: boolean
}

/** The Monaco version Payload's CodeEditor loads from the CDN (see @monaco-editor/loader config). */
const MONACO_CDN = 'https://cdn.jsdelivr.net/npm/monaco-editor@0.55.1/'

type Directives = Record<string, string[]>

function serializeCsp(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')
}

function publicCsp({ production }: SecurityOptions): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(production ? [] : ["'unsafe-eval'"])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:'],
    // Development: the dev server's hot reload talks over a WebSocket.
    'connect-src': ["'self'", ...(production ? [] : ['ws:', 'wss:'])],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
    'frame-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
  }
}

function adminCsp(options: SecurityOptions): Directives {
  const base = publicCsp(options)
  return {
    ...base,
    'script-src': [...base['script-src'], MONACO_CDN],
    'style-src': [...base['style-src'], MONACO_CDN],
    'font-src': [...base['font-src'], MONACO_CDN],
  }
}

export function securityHeaders(options: SecurityOptions): HeaderRule[] {
  const common = [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
    { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
    ...(options.production
      ? // Two years, subdomains included: browsers then refuse plain HTTP to this host (ignored over HTTP itself).
        [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
      : []),
  ]
  const csp = (directives: Directives) => ({ key: 'Content-Security-Policy', value: serializeCsp(directives) })
  // Next applies every matching rule in order; for the same header the later rule wins,
  // so the admin rules come after the catch-all.
  return [
    { source: '/:path*', headers: [...common, csp(publicCsp(options))] },
    { source: '/admin', headers: [csp(adminCsp(options))] },
    { source: '/admin/:path*', headers: [csp(adminCsp(options))] },
  ]
}

/** The policy that applies to a request path (what a browser receives), for tests and tools. */
export function headersFor(pathname: string, options: SecurityOptions): Record<string, string> {
  const out: Record<string, string> = {}
  for (const rule of securityHeaders(options)) {
    const prefix = rule.source.replace(/\/:path\*$/, '')
    const matches = rule.source.endsWith('/:path*') ? pathname === prefix || pathname.startsWith(`${prefix}/`) || prefix === '' : pathname === rule.source
    if (matches) for (const h of rule.headers) out[h.key] = h.value
  }
  return out
}

/** API responses declare their encoding: `application/json` becomes `application/json; charset=utf-8`. */
export function withUtf8Json(res: Response): Response {
  const type = res.headers.get('content-type')
  if (!type || !/^application\/json\s*(;|$)/i.test(type) || /charset=/i.test(type)) return res
  const headers = new Headers(res.headers)
  headers.set('Content-Type', 'application/json; charset=utf-8')
  // 204/304 responses may not carry a body at all, not even an empty stream.
  const body = [101, 103, 204, 205, 304].includes(res.status) ? null : res.body
  return new Response(body, { status: res.status, statusText: res.statusText, headers })
}

/** Wrap a route handler so its JSON responses declare UTF-8 (used by app/(payload)/api routes). */
export function utf8Json<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => withUtf8Json(await handler(...args))
}
