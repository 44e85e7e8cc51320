/**
 * The header policy every response gets (platform/securityHeaders.ts, applied by next.config.ts).
 * What a browser would enforce is checked per path: public pages, the API, and the admin.
 */
import { headersFor, securityHeaders, withUtf8Json } from '../../platform/securityHeaders'
import nextConfig from '../../next.config'

const prod = { production: true }
const dev = { production: false }

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name, values]),
  )
}

describe.each(['/', '/statements/some-statement', '/ur/statements/some-statement', '/api/statements', '/admin', '/admin/collections/statements'])(
  'every response (%s)',
  (path) => {
    const h = headersFor(path, prod)

    test('forbids MIME sniffing, limits referrers, switches off device APIs and outside framing', () => {
      expect(h['X-Content-Type-Options']).toBe('nosniff')
      expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
      expect(h['Permissions-Policy']).toBe('camera=(), microphone=(), geolocation=(), interest-cohort=()')
      expect(h['X-Frame-Options']).toBe('SAMEORIGIN')
      expect(h['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/)
    })

    test('has a CSP without eval, plugins or <base>, framable only by our own admin (live preview)', () => {
      const csp = directives(h['Content-Security-Policy'])
      expect(csp['script-src']).not.toContain("'unsafe-eval'")
      expect(csp['default-src']).toEqual(["'self'"])
      expect(csp['object-src']).toEqual(["'none'"])
      expect(csp['base-uri']).toEqual(["'none'"])
      expect(csp['frame-ancestors']).toEqual(["'self'"])
      expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:'])
      expect(csp['connect-src']).toEqual(["'self'"])
    })
  },
)

test('public pages load scripts from our origin only; the admin may also load Payload’s code editor from its CDN', () => {
  const site = directives(headersFor('/statements/x', prod)['Content-Security-Policy'])
  const admin = directives(headersFor('/admin/collections/audit-log', prod)['Content-Security-Policy'])
  expect(site['script-src']).toEqual(["'self'", "'unsafe-inline'"])
  expect(admin['script-src']).toEqual(["'self'", "'unsafe-inline'", 'https://cdn.jsdelivr.net/npm/monaco-editor@0.55.1/'])
  // A page that merely starts with "admin" is a public page.
  expect(headersFor('/administration', prod)['Content-Security-Policy']).toBe(headersFor('/', prod)['Content-Security-Policy'])
})

test('development allows what `next dev` needs (eval, hot-reload socket) and sends no HSTS', () => {
  const h = headersFor('/', dev)
  expect(h['Strict-Transport-Security']).toBeUndefined()
  expect(directives(h['Content-Security-Policy'])['script-src']).toContain("'unsafe-eval'")
  expect(directives(h['Content-Security-Policy'])['connect-src']).toContain('ws:')
})

test('next.config.ts serves exactly these rules and keeps its rewrites and redirects', async () => {
  const rules = await nextConfig.headers!()
  // withPayload adds its own rules (client hints for the admin) after ours.
  expect(rules).toEqual(expect.arrayContaining(securityHeaders({ production: process.env.NODE_ENV === 'production' })))
  const rewrites = (await nextConfig.rewrites!()) as { beforeFiles: Array<{ source: string }> }
  expect(rewrites.beforeFiles.map((r) => r.source)).toContain('/')
  expect((await nextConfig.redirects!()).length).toBeGreaterThan(0)
})

test('JSON API responses declare UTF-8, other responses are left alone', async () => {
  const json = withUtf8Json(Response.json({ title: 'بیان' }, { status: 201, headers: { ETag: '"x"' } }))
  expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(json.status).toBe(201)
  expect(json.headers.get('etag')).toBe('"x"')
  expect(await json.json()).toEqual({ title: 'بیان' })
  const file = new Response('x', { headers: { 'Content-Type': 'image/png' } })
  expect(withUtf8Json(file)).toBe(file)
})

test('a 304 (ETag match) keeps its status and empty body', async () => {
  const notModified = withUtf8Json(new Response(null, { status: 304, headers: { 'Content-Type': 'application/json', ETag: '"e"' } }))
  expect(notModified.status).toBe(304)
  expect(notModified.headers.get('etag')).toBe('"e"')
})
