/**
 * Adding a content type is its collection file and one registry entry, nothing else
 * (docs/architecture.md, "Adding a content type"), done here exactly as the docs say, in a copy of
 * the project:
 *   1. write collections/Reports.ts,
 *   2. add one entry to content/registry.ts,
 *   3. `npm run generate` (types, import map, migrations: generated, not written).
 * Then, in that copy, a report goes through the real doors: created as a draft through REST by an
 * editor (invisible to the public), published, and from then on in the API, the pages the change
 * pipeline refreshes, the sitemap, the site-wide feed, site search, the OpenAPI document and the
 * audit log. And no other file of the project differs from this one.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { jest } from '@jest/globals'

jest.setTimeout(900_000)

const root = process.cwd()
const work = mkdtempSync(path.join(os.tmpdir(), 'daleel-new-type-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Step 1: the collection, as a developer would write it (fields, access rules, drafts). */
const REPORTS = `import type { CollectionConfig } from 'payload'

import { editorOrCreator, editorOrCreatorOfUnpublished } from '../access/ownContent'
import { draftModeForStaffOnly, publishedOrStaff } from '../access/published'
import { isStaff } from '../access/staff'
import { bodyField, summaryField, topicsField } from '../content/fields'
import { slugField } from '../content/slug'
import { publishingFields, recordPublication } from '../workflow/publishing'

/** Research reports. */
export const Reports: CollectionConfig = {
  slug: 'reports',
  labels: { singular: { en: 'Report', ur: 'رپورٹ' }, plural: { en: 'Reports', ur: 'رپورٹیں' } },
  admin: { useAsTitle: 'title' },
  versions: { drafts: true },
  access: { read: publishedOrStaff, create: isStaff, update: editorOrCreator, delete: editorOrCreatorOfUnpublished },
  hooks: { beforeChange: [recordPublication], beforeOperation: [draftModeForStaffOnly] },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true },
    slugField(),
    summaryField,
    bodyField(),
    topicsField,
    ...publishingFields,
  ],
}
`

/** Step 2: the registry entry, as docs/architecture.md gives it. */
const ENTRY = `  {
    collection: Reports,
    page: '/reports/:slug',
    index: '/reports',
    home: true,
    feed: true,
    search: { title: 'title', summary: 'summary', fields: ['title', 'summary', 'body'] },
    workflow: { review: true },
  },
`

/** What the report meets, run by Jest inside the copy (a test file of its own there, with its own database). */
const PROBE = `import type { Payload } from 'payload'

import { GET as openapiRoute } from '../../app/(payload)/api/openapi.json/route'
import { GET as siteFeed } from '../../app/(site)/[locale]/feed.json/route'
import sitemap from '../../app/sitemap'
import { onStaleness } from '../../content/changes/freshness'
import type { Staleness } from '../../content/changes/subscriber'
import { richText } from '../../content/richText'
import { createStaff, makeTopic } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api } from '../helpers/rest'

let payload: Payload
afterAll(closePayload)

test('a report goes through every door like the other content types', async () => {
  payload = await testPayload()
  const { editor } = await createStaff(payload)
  const topic = await makeTopic(payload)
  const applied: Staleness[] = []
  const stop = onStaleness((s) => void applied.push(s))

  const created = await api('POST', '/reports', { token: editor.token, body: { title: 'Annual report on qxjvz', summary: 'What we found.', body: richText(['The qxjvz findings in full.']), topics: [topic.id] } })
  expect(created.status).toBe(201)
  const { id, slug } = created.body.doc
  expect(slug).toBe('annual-report-on-qxjvz')
  // A draft: the public sees nothing of it, the pipeline refreshes nothing.
  expect((await api('GET', \`/reports/\${id}\`)).status).not.toBe(200)
  expect((await api('GET', '/reports')).body.docs).toEqual([])
  expect(applied.flatMap((s) => s.pages ?? [])).toEqual([])

  const published = await api('PATCH', \`/reports/\${id}\`, { token: editor.token, body: { _status: 'published' } })
  expect(published.status).toBe(200)
  stop()
  expect((await api('GET', \`/reports/\${id}\`)).body.title).toBe('Annual report on qxjvz')
  const pages = applied.flatMap((s) => s.pages ?? [])
  expect(pages).toEqual(expect.arrayContaining([\`/reports/\${slug}\`, \`/ur/reports/\${slug}\`, '/reports', '/ur/reports', '/', '/ur', '/sitemap.xml', '/feed.xml', '/ur/feed.json', \`/topics/\${topic.slug}\`]))

  expect((await sitemap()).map((e) => e.url)).toEqual(expect.arrayContaining([\`http://localhost:3000/reports/\${slug}\`, \`http://localhost:3000/ur/reports/\${slug}\`, 'http://localhost:3000/reports']))
  const feed = await (await siteFeed(new Request('http://localhost:3000/feed.json'), { params: Promise.resolve({ locale: 'en' }) })).json()
  expect(feed.items.map((i: { url: string }) => i.url)).toContain(\`http://localhost:3000/reports/\${slug}\`)
  const found = await api('GET', '/search?q=qxjvz', { ip: '192.0.2.10' })
  expect(found.status).toBe(200)
  expect(found.body.results.map((r: { type: string; url: string }) => [r.type, r.url])).toContainEqual(['reports', \`http://localhost:3000/reports/\${slug}\`])
  const openapi = await (await openapiRoute()).json()
  expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/reports', '/api/reports/{id}']))
  const audit = await payload.find({ collection: 'audit-log', where: { targetCollection: { equals: 'reports' } }, overrideAccess: true })
  expect(audit.docs.map((d: { action?: string }) => d.action)).toEqual(expect.arrayContaining(['created', 'published']))
})
`

/** The project's own files (tracked by git, as they are now), without the build, data or dependencies. */
function projectFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root })
    .toString()
    .split('\0')
    .filter((f) => f && existsSync(path.join(root, f)))
}

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name === 'test-results' || e.name === '.next' || e.name === 'data') return []
    const full = path.join(dir, e.name)
    return e.isDirectory() ? filesUnder(full, base) : [path.relative(base, full)]
  })
}

let probe: { numPassedTests: number; numFailedTests: number; testResults: Array<{ message: string }> }
let changed: string[] = []

beforeAll(() => {
  for (const file of projectFiles()) {
    mkdirSync(path.dirname(path.join(work, file)), { recursive: true })
    copyFileSync(path.join(root, file), path.join(work, file))
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'))

  // Steps 1 and 2.
  writeFileSync(path.join(work, 'collections/Reports.ts'), REPORTS)
  const registryFile = path.join(work, 'content/registry.ts')
  const registry = readFileSync(registryFile, 'utf8')
  const withReports = registry
    .replace("import { Topics } from '../collections/Topics'\n", "import { Topics } from '../collections/Topics'\nimport { Reports } from '../collections/Reports'\n")
    .replace('const declarations: ContentTypeDeclaration[] = [\n', `const declarations: ContentTypeDeclaration[] = [\n${ENTRY}`)
  expect(withReports).toContain('collection: Reports')
  expect(withReports).toContain("from '../collections/Reports'")
  writeFileSync(registryFile, withReports)

  // Step 3: npm run generate (what it prints only matters when it fails).
  const generated = spawnSync('bash', ['scripts/generate.sh'], { cwd: work, encoding: 'utf8', timeout: 600_000 })
  if (generated.status !== 0) throw new Error(`npm run generate failed:\n${generated.stdout}\n${generated.stderr}`)

  // Every file that now differs from the project's, generated ones included.
  const before = new Set(projectFiles())
  changed = filesUnder(work)
    .filter((f) => !before.has(f) || !readFileSync(path.join(work, f)).equals(readFileSync(path.join(root, f))))
    .sort()

  writeFileSync(path.join(work, 'tests/integration/new-type-probe.test.ts'), PROBE)
  const run = spawnSync(
    'node',
    ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--forceExit', '--selectProjects', 'integration', '--json', '--outputFile=probe.json', 'tests/integration/new-type-probe.test.ts'],
    { cwd: work, encoding: 'utf8', timeout: 600_000 },
  )
  if (!existsSync(path.join(work, 'probe.json'))) throw new Error(`the probe did not run:\n${run.stdout}\n${run.stderr.slice(-4000)}`)
  probe = JSON.parse(readFileSync(path.join(work, 'probe.json'), 'utf8'))
})

test('the developer writes two files; npm run generate writes the rest (types, import map, migrations)', () => {
  const generated = /^(payload-types\.ts|app\/\(payload\)\/admin\/importMap\.js|migrations\/(uuid\/)?(index\.ts|0001_initial(_uuid)?\.(ts|json)))$/
  expect(changed.filter((f) => !generated.test(f))).toEqual(['collections/Reports.ts', 'content/registry.ts'])
  // The new type is in the generated schema and types.
  expect(readFileSync(path.join(work, 'migrations/0001_initial.ts'), 'utf8')).toMatch(/CREATE TABLE \\`reports\\` \(/)
  expect(readFileSync(path.join(work, 'payload-types.ts'), 'utf8')).toMatch(/reports: Report;/)
})

test('a report is a content type like the others: drafts private, then API, pages, sitemap, feed, search, OpenAPI and audit log', () => {
  const failures = probe.testResults.map((r) => r.message).filter(Boolean)
  expect(failures).toEqual([])
  expect({ passed: probe.numPassedTests, failed: probe.numFailedTests }).toEqual({ passed: 1, failed: 0 })
})
