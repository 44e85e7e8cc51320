/**
 * The abuse suite's list of doors: every way a request, a process or a file reaches Daleel, and
 * the tests that try each one as an outsider would. The test below fails when the app grows a
 * route that no door here covers, so a new door cannot go unlisted (and so untried).
 *
 * HTTP doors (through server.mjs, the production front server, in front of Next.js):
 *   - REST `/api/<collection>…`, `/api/globals/…`, Payload's own endpoints (login, forgot-password,
 *     me, access, preferences, locked documents, `/api/payload-jobs/run`, `/api/og`), our custom
 *     endpoints (partner-key rotate, webhook redeliver), uploads and media files
 *     (`/api/media/file/…`), method override (POST + X-(Payload-)HTTP-Method-Override)
 *   - GraphQL `/api/graphql` (variables, defaults, fragments, aliases, operationName, batches)
 *     and its playground (off in production)
 *   - `/api/health`, `/api/openapi.json`, `/api/search` (site search as JSON, its own allowance)
 *   - the API fast path: cached partner-API answers served by server.mjs before Next
 *     (partner-api/fastPath.ts): keys, limited keys, staff, method override, rate limits per /64
 *   - the admin `/admin` (staff; its own requests are REST and GraphQL above)
 *   - public pages in English and Urdu, their JSON twins, the 404 page
 *   - feeds (RSS, Atom, JSON Feed: the whole site, statements, programs, campaigns, topics),
 *     sitemap.xml, robots.txt
 *   - search (page and API)
 *   - preview and exit-preview (`/next/preview`, `/next/exit-preview`: redirects)
 *   - old addresses: 301s for pages and JSON twins whose slug changed, and the custom redirects
 *     staff type (content/changes/subscribers/redirects.ts, server.mjs, site/page-cache.mjs)
 *   - the internal endpoints `/next/changes` and `/next/revalidate` (the server's own token)
 *   - the front server itself: its page cache, reader HTML, the caller's address (TRUSTED_PROXIES)
 * Processes and files:
 *   - the Local API called by our own code (pages, feeds, search, jobs: overrideAccess false)
 *   - scheduled jobs (publish/unpublish, webhook deliveries) and the cron calling the runner
 *   - outgoing webhook requests (SSRF)
 *   - backup and restore archives
 *
 * Classes of hole (issue 13) and where each is tried: errors before access
 * (abuse-errors-before-access), caps as executed (abuse-executed-request),
 * proxy headers and rate limits (abuse-rate-limits, api-fast-path, search-api, unit/client-address,
 * browser/doors), redirects (unit/preview, content-changes, browser/doors), outgoing requests (abuse-ssrf), contributors and live media
 * (abuse-media-review), no 500 from input (abuse-input-errors, abuse-property, abuse-internal-endpoints),
 * memory and skipped work (abuse-memory), internal collections and who-wrote-what
 * (abuse-internal, abuse-private-fields, abuse-draft-leaks), restore (abuse-restore).
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

type Door = { door: string; files?: RegExp[]; tests: string[] }

export const DOORS: Door[] = [
  {
    door: 'REST /api (Payload behind the gateway), uploads, media files, jobs runner, /api/og',
    files: [/^app\/\(payload\)\/api\/\[\.\.\.slug\]\/route\.ts$/],
    tests: ['tests/integration/abuse-draft-leaks.test.ts', 'tests/integration/abuse-executed-request.test.ts', 'tests/integration/abuse-memory.test.ts', 'tests/integration/api-gateway.test.ts'],
  },
  {
    door: 'GraphQL /api/graphql',
    files: [/^app\/\(payload\)\/api\/graphql\/route\.ts$/],
    tests: ['tests/integration/abuse-executed-request.test.ts', 'tests/integration/abuse-internal.test.ts', 'tests/integration/abuse-rate-limits.test.ts'],
  },
  { door: 'GraphQL playground (off in production)', files: [/^app\/\(payload\)\/api\/graphql-playground\/route\.ts$/], tests: ['tests/browser/security-headers.test.ts'] },
  { door: '/api/health', files: [/^app\/\(payload\)\/api\/health\/route\.ts$/], tests: ['tests/integration/health.test.ts', 'tests/integration/abuse-memory.test.ts'] },
  { door: '/api/openapi.json', files: [/^app\/\(payload\)\/api\/openapi\.json\/route\.ts$/], tests: ['tests/integration/api-openapi.test.ts'] },
  {
    door: '/api/search (behind the gateway; its own allowance per address and /64)',
    files: [/^app\/\(payload\)\/api\/search\/route\.ts$/],
    tests: ['tests/integration/search-api.test.ts'],
  },
  {
    door: 'the API fast path (cached answers from server.mjs, before Next)',
    tests: ['tests/integration/api-fast-path.test.ts', 'tests/browser/doors.test.ts'],
  },
  { door: 'the admin', files: [/^app\/\(payload\)\/admin\//, /^app\/\(payload\)\/layout\.tsx$/], tests: ['tests/browser/workflow.test.ts', 'tests/browser/security-headers.test.ts'] },
  {
    door: 'public pages (en, ur), JSON twins, not-found',
    files: [/^app\/\(site\)\/\[locale\]\/(?!.*feed\.)(?!search\/).*(page|layout|not-found|error|route)\.tsx?$/, /^app\/global-not-found\.tsx$/],
    tests: ['tests/browser/pages.test.ts', 'tests/integration/drafts-access.test.ts'],
  },
  { door: 'feeds (site, statements, programs, campaigns, topics)', files: [/\/feed\.(xml|atom|json)\/route\.ts$/], tests: ['tests/integration/api-feeds.test.ts'] },
  { door: 'search page', files: [/^app\/\(site\)\/\[locale\]\/search\//], tests: ['tests/integration/search.test.ts', 'tests/browser/search.test.ts'] },
  { door: 'sitemap.xml, robots.txt', files: [/^app\/(sitemap|robots)\.ts$/], tests: ['tests/browser/publishing.test.ts', 'tests/browser/security-headers.test.ts'] },
  { door: 'preview and exit-preview (redirects)', files: [/^app\/next\/(preview|exit-preview)\/route\.ts$/], tests: ['tests/unit/preview.test.ts', 'tests/browser/doors.test.ts'] },
  { door: 'old addresses (301s) and custom redirects', tests: ['tests/integration/content-changes.test.ts', 'tests/browser/freshness.test.ts', 'tests/unit/page-cache.test.ts'] },
  { door: 'internal endpoints (/next/changes, /next/revalidate)', files: [/^app\/next\/(changes|revalidate)\/route\.ts$/], tests: ['tests/integration/abuse-internal-endpoints.test.ts'] },
  { door: 'the front server (page cache, reader HTML, caller address)', tests: ['tests/browser/doors.test.ts', 'tests/unit/client-address.test.ts', 'tests/unit/page-cache.test.ts'] },
  { door: 'jobs and the cron', tests: ['tests/integration/abuse-memory.test.ts', 'tests/integration/workflow-schedule.test.ts'] },
  { door: 'outgoing webhooks', tests: ['tests/integration/abuse-ssrf.test.ts', 'tests/integration/api-webhooks.test.ts'] },
  { door: 'backup and restore archives', tests: ['tests/integration/abuse-restore.test.ts', 'tests/integration/backup-restore.test.ts'] },
]

const root = process.cwd()

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`
    return statSync(path.join(root, rel)).isDirectory() ? files(rel) : [rel]
  })
}

test('every route and page the app serves belongs to a listed door', () => {
  const served = files('app').filter((f) => /\/(route|page|layout|not-found|error)\.tsx?$/.test(f) || /^app\/[^/]+\.tsx?$/.test(f))
  expect(served.length).toBeGreaterThan(20)
  const unlisted = served.filter((f) => !DOORS.some((d) => d.files?.some((re) => re.test(f))))
  // A new kind of route: add it to DOORS (and the header above) with the tests that try it.
  expect(unlisted).toEqual([])
})

test('every door is tried by tests that exist', () => {
  const missing = DOORS.flatMap((d) => d.tests.filter((t) => !existsSync(path.join(root, t))).map((t) => `${d.door}: ${t}`))
  expect(missing).toEqual([])
})
