/**
 * Abuse suite, property-based (fast-check), class 7 and its neighbours: whatever a caller sends
 * through the real /api doors, as any role, the server
 *   - never answers 5xx (REST status, or a GraphQL error whose statusCode is 5xx),
 *   - never returns a field the caller may not read (secrets to anyone; staff e-mails, drafts and
 *     who-wrote-what to the public; other accounts' e-mails to contributors),
 *   - never makes a write the caller may not make (anonymous callers and partner keys change
 *     nothing at all; contributors change nothing live and nothing of anyone else's).
 * Inputs: every method, Payload's method-override headers, form, JSON, multipart and garbage
 * bodies, paths into every collection (internal ones included), GraphQL documents with variables,
 * defaults, fragments, aliases and several operations, and JSON create/update bodies built from the
 * collections' own field names. fast-check prints the smallest failing input and its seed.
 */
import { jest } from '@jest/globals'
import fc from 'fast-check'
import type { Payload } from 'payload'

import { flushPartnerKeyUsage } from '../../partner-api/partnerKeys'
import { createStaff, makeImage, makeOrganisation, makePdf, makeProgram, makeStatement, makeTopic, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { propertySeed } from '../helpers/propertySeed'
import { api } from '../helpers/rest'

jest.setTimeout(600_000)
process.env.API_RATE_LIMIT_ANONYMOUS = '100000000'
process.env.API_RATE_LIMIT_PARTNER = '100000000'
process.env.API_RATE_LIMIT_LOGIN = '100000000'
process.env.API_RATE_LIMIT_FORGOT_PASSWORD = '100000000'

/** Runs per property: thousands in all. Time-capped so a slow machine finishes (the count is printed). */
const RUNS = Number(process.env.ABUSE_PROPERTY_RUNS || 1500)
const TIME = Number(process.env.ABUSE_PROPERTY_SECONDS || 60) * 1000
/** Printed, so a failure can be replayed with ABUSE_PROPERTY_SEED=… (tests/helpers/propertySeed.ts says where it comes from). */
const SEED = propertySeed()
console.log(`abuse-property-doors: seed ${SEED} (replay with ABUSE_PROPERTY_SEED=${SEED})`)

const DRAFT = 'ZZPROPDOORDRAFT'
const NEVER = new Set(['password', 'hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', 'apiKey', 'apiKeyIndex', '_verificationToken'])
const NOT_PUBLIC = new Set([...NEVER, 'sessions', 'createdBy', 'updatedBy', 'email', 'loginAttempts', 'lockUntil', 'usedIn', 'secret'])

let payload: Payload
let staff: Record<'admin' | 'editor' | 'contributor', StaffMember>
let partnerKey: string
let ids: (string | number)[] = []
type Role = 'anonymous' | 'partner' | 'contributor' | 'editor' | 'admin'

beforeAll(async () => {
  payload = await testPayload()
  staff = await createStaff(payload)
  partnerKey = (await api('POST', '/partner-keys', { token: staff.admin.token, body: { organisation: 'Probe', contactEmail: 'probe@example.test' } })).body.doc.key
  const org = await makeOrganisation(payload)
  const topic = await makeTopic(payload)
  const published = await makeStatement(payload, { issuingOrganisation: org.id, _status: 'published', createdBy: staff.editor.id, topics: [topic.id], proposals: [{ text: 'One' }] })
  const ownDraft = await makeStatement(payload, { issuingOrganisation: org.id, createdBy: staff.contributor.id })
  const othersDraft = await makeStatement(payload, { issuingOrganisation: org.id, title: `${DRAFT} secret draft`, createdBy: staff.editor.id })
  const image = await makeImage(payload)
  await makeProgram(payload, { _status: 'published', heroImage: image.id, createdBy: staff.editor.id })
  const pdf = await makePdf(payload)
  ids = [published.id, ownDraft.id, othersDraft.id, topic.id, org.id, image.id, pdf.id, staff.admin.id, staff.contributor.id]
}, 180_000)
afterAll(closePayload)

// ---------------------------------------------------------------- what a caller may see and change

function keysIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysIn(v, out))
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k)
      keysIn(v, out)
    }
  }
  return out
}

/** Accounts (objects with `sessions`) whose sign-in sessions are shown, other than `self`'s. */
function othersSessions(value: unknown, self: string | null): boolean {
  if (Array.isArray(value)) return value.some((v) => othersSessions(v, self))
  if (!value || typeof value !== 'object') return false
  const o = value as Record<string, unknown>
  if ('sessions' in o && String(o.id) !== self) return true
  return Object.values(o).some((v) => othersSessions(v, self))
}

/**
 * `names` is false for Payload's permission maps (/api/access, /api/<slug>/access/…): they name
 * every field with what the caller may do with it (read: false), never a field's value.
 */
function seesOnlyWhatItMay(role: Role, text: string, body: unknown, names = true): string | null {
  const keys = names ? keysIn(body) : new Set<string>()
  const forbidden = role === 'anonymous' || role === 'partner' ? NOT_PUBLIC : NEVER
  for (const k of keys) if (forbidden.has(k)) return `field "${k}"`
  // Payload shows a signed-in account its own sessions (its field access: only to itself), nobody else's.
  // (Not in a permission map: it names the field `sessions` for every account, with no values.)
  if (names && role !== 'anonymous' && role !== 'partner' && othersSessions(body, String(staff[role].id))) return 'another account\'s sessions'
  if (role === 'anonymous' || role === 'partner') {
    if (text.includes(DRAFT)) return 'a draft'
    for (const s of Object.values(staff)) if (text.includes(s.email)) return `the e-mail of ${s.role}`
  }
  if (role === 'contributor') for (const s of [staff.admin, staff.editor]) if (text.includes(s.email)) return `the e-mail of ${s.role}`
  return null
}

const LIVE_CONTENT = ['statements', 'programs', 'campaigns', 'offices'] as const
const EDITORS_ONLY = ['people', 'topics', 'organisations', 'webhook-endpoints', 'webhook-deliveries', 'audit-log'] as const

/** The state a caller of this role must never change: one string, compared before and after. */
async function protectedState(role: Role): Promise<string> {
  // Partner-key usage counts are written in the background: write them now, not mid-comparison.
  await flushPartnerKeyUsage()
  const parts: unknown[] = []
  const latest = async (collection: string, where?: Record<string, unknown>) => {
    const r = await payload.find({ collection: collection as 'statements', where: where as any, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true, trash: true, select: { updatedAt: true } as any })
    parts.push([collection, r.totalDocs, r.docs[0]?.updatedAt ?? null])
  }
  const self = role === 'contributor' ? staff.contributor.id : null
  for (const c of LIVE_CONTENT) {
    if (self === null) await latest(c)
    else await latest(c, { or: [{ _status: { equals: 'published' } }, { createdBy: { not_equals: self } }, { createdBy: { exists: false } }] })
    const versions = await payload.findVersions({ collection: c as 'statements', limit: 1, sort: '-updatedAt', overrideAccess: true, where: self === null ? undefined : ({ 'version.createdBy': { not_equals: self } } as any) })
    parts.push([`${c}.versions`, versions.totalDocs, versions.docs[0]?.updatedAt ?? null])
  }
  for (const c of EDITORS_ONLY) {
    // The audit log records a contributor's own allowed changes (a draft created, an upload's
    // alternative text changed, a draft sent for review) under the contributor's name; anything
    // else appearing in it (another name, a publication) would be a change it may not make.
    if (c === 'audit-log' && self !== null) await latest(c, { or: [{ user: { not_equals: self } }, { user: { exists: false } }, { action: { in: ['published', 'unpublished', 'withdrawn', 'unwithdrawn', 'roleChanged'] } }] })
    else await latest(c)
  }
  // Partner keys: their usage counts are written as they are used; what matters is that none appears or goes.
  parts.push(['partner-keys', (await payload.count({ collection: 'partner-keys', overrideAccess: true })).totalDocs])
  await latest('media', self === null ? undefined : { or: [{ public: { equals: true } }, { usedByPublished: { equals: true } }] })
  await latest('users', self === null ? undefined : { id: { not_equals: self } })
  for (const g of ['site-settings', 'navigation']) parts.push([g, ((await payload.findGlobal({ slug: g as 'navigation', overrideAccess: true, depth: 0 })) as any).updatedAt ?? null])
  return JSON.stringify(parts)
}

const mayWrite = (role: Role) => role === 'editor' || role === 'admin'
const state: Partial<Record<Role, string>> = {}
const statuses: Record<string, number> = {}
/** The first failures as they happened (fast-check reports the shrunk one). */
const firstFailures: string[] = []
afterAll(() => firstFailures.length && console.log(`first failures: ${firstFailures.slice(0, 3).join('\n')}`))
let runs = 0

/** Sends one request as `role` and checks the three properties. */
async function check(role: Role, label: string, send: (auth: Record<string, unknown>) => Promise<{ status: number; body: any }>, writes: boolean, permissionsMap = false) {
  runs++
  const auth = role === 'anonymous' ? {} : role === 'partner' ? { key: partnerKey } : { token: staff[role].token }
  if (writes && !mayWrite(role)) state[role] ??= await protectedState(role)
  const res = await send(auth)
  const text = JSON.stringify(res.body ?? null)
  statuses[`${role} ${res.status}`] = (statuses[`${role} ${res.status}`] ?? 0) + 1
  if (res.status >= 500) throw new Error(`${res.status} as ${role} for ${label}: ${text.slice(0, 300)}`)
  const graphqlFailure = (res.body?.errors ?? []).find((e: any) => Number(e?.extensions?.statusCode) >= 500)
  if (graphqlFailure) throw new Error(`GraphQL ${graphqlFailure.extensions.statusCode} as ${role} for ${label}: ${JSON.stringify(graphqlFailure).slice(0, 300)}`)
  const seen = seesOnlyWhatItMay(role, text, res.body, !permissionsMap)
  if (seen) throw new Error(`${role} was shown ${seen} by ${label}`)
  if (writes) {
    // Editors and admins may change anything, contributors their own drafts and uploads: what
    // others must not change is looked at afresh after any write.
    const before = state[role]
    for (const r of Object.keys(state) as Role[]) delete state[r]
    if (!mayWrite(role)) {
      const after = await protectedState(role)
      if (after !== before) {
        const [b, a] = [JSON.parse(before ?? '[]'), JSON.parse(after)] as unknown[][]
        const changed = a.filter((part, i) => JSON.stringify(part) !== JSON.stringify(b[i]))
        const message = `${role} changed what it may not by ${label}: ${JSON.stringify(changed)} (was ${JSON.stringify(b.filter((part, i) => JSON.stringify(part) !== JSON.stringify(a[i])))})`
        firstFailures.push(message)
        throw new Error(message)
      }
      state[role] = after
    }
  }
}

afterAll(() => console.log(`abuse-property-doors: ${runs} requests; statuses ${JSON.stringify(statuses)}`))

// ---------------------------------------------------------------- inputs

const role = fc.constantFrom<Role>('anonymous', 'anonymous', 'partner', 'partner', 'contributor', 'contributor', 'editor', 'admin')
const COLLECTIONS = ['statements', 'programs', 'campaigns', 'media', 'offices', 'people', 'topics', 'organisations', 'users', 'audit-log', 'partner-keys', 'webhook-endpoints', 'webhook-deliveries', 'payload-jobs', 'payload-preferences', 'payload-locked-documents', 'media-usage', 'nope']
const SPECIAL = ['/users/login', '/users/logout', '/users/me', '/users/forgot-password', '/users/reset-password', '/users/unlock', '/users/refresh-token', '/users/first-register', '/users/init', '/users/verify/x', '/access', '/payload-jobs/run', '/payload-preferences/nav', '/og', '/partner-keys/me', '/media/file/nothing.png', '/globals/site-settings', '/globals/navigation', '/globals/site-settings/versions', '/graphql']
const id = fc.oneof(fc.constantFrom(...[0, 1]).map((i) => String(i)), fc.nat(8).map((i) => String(ids[i] ?? 'x')), fc.constantFrom('0', '-1', '999999', '..', '%00', 'x'.repeat(40), '00000000-0000-4000-8000-000000000000'))
const path = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...COLLECTIONS), fc.option(fc.oneof(id, fc.constantFrom('count', 'versions', 'init', 'me', 'access')), { nil: undefined }), fc.option(fc.constantFrom('rotate', 'redeliver', 'file', 'duplicate'), { nil: undefined })).map(([c, a, b]) => [c, a, b].filter(Boolean).join('/')).map((p) => `/${p}`) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((s) => `/${encodeURIComponent(s)}`) },
)
const query = fc.array(fc.constantFrom('draft=true', 'draft=false', 'depth=3', 'depth=0', 'limit=0', 'limit=5', 'pagination=false', 'locale=all', 'locale=ur', 'locale=xx', 'trash=true', 'autosave=true', 'where[title][like]=a', 'where[createdBy][exists]=true', 'sort=-createdAt', 'select[title]=true', 'limit=-1', 'page=-1', 'page=2', 'limit=1.5'), { maxLength: 3 }).map((q) => (q.length ? `?${q.join('&')}` : ''))

const FIELD_NAMES = ['title', 'name', 'slug', 'summary', '_status', 'statementType', 'speakerName', 'deliveredOn', 'issuingOrganisation', 'topics', 'proposals', 'body', 'withdrawal', 'changeHistory', 'firstPublishedAt', 'publishedAt', 'reviewState', 'createdBy', 'updatedBy', 'deletedAt', 'lastKnownUpdatedAt', 'public', 'usedByPublished', 'alt', 'caption', 'kind', 'filename', 'url', 'mimeType', 'role', 'email', 'password', 'apiKey', 'enableAPIKey', 'secret', 'active', 'events', 'organisation', 'contactEmail', 'revoked', 'id', 'city', 'addressLines', 'heroImage', '__proto__', 'constructor']
const leaf = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('published', 'draft', '2022-07-01T00:00:00.000Z', 'not a date', 'press-release', 'admin'), fc.nat(8).map((i) => ids[i] ?? 1))
const row = fc.record({ id: fc.option(fc.oneof(fc.string({ maxLength: 24 }), fc.constantFrom('dup', 'dup')), { nil: undefined }), text: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }), line: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }) }, { requiredKeys: [] })
const value = fc.oneof({ weight: 5, arbitrary: leaf }, { weight: 2, arbitrary: fc.array(row, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('en', 'ur', 'withdrawn', 'explanation', 'root', 'equals'), leaf, { maxKeys: 3 }) })
const jsonBody = fc.dictionary(fc.constantFrom(...FIELD_NAMES), value, { maxKeys: 6 })

const body = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 4, arbitrary: jsonBody.map((b) => ({ kind: 'json' as const, b })) },
  { weight: 2, arbitrary: query.map((q) => ({ kind: 'form' as const, b: q.slice(1) || 'limit=0&trash=true' })) },
  { weight: 2, arbitrary: jsonBody.map((b) => ({ kind: 'multipart' as const, b })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((b) => ({ kind: 'garbage' as const, b })) },
)
const headers = fc.record(
  {
    override: fc.constantFrom('X-HTTP-Method-Override', 'X-Payload-HTTP-Method-Override'),
    overrideTo: fc.constantFrom('GET', 'get', 'DELETE', 'PATCH'),
    ius: fc.constantFrom('Sat, 01 Jan 2000 00:00:00 GMT', 'garbage'),
    origin: fc.constantFrom('https://evil.example', 'http://localhost:3000'),
  },
  { requiredKeys: [] },
)

function requestInit(kind: string, b: unknown) {
  if (kind === 'json') return { body: b }
  if (kind === 'form') return { rawBody: String(b), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }
  if (kind === 'garbage') return { rawBody: String(b), headers: { 'Content-Type': 'application/json' } }
  if (kind === 'multipart') {
    const form = new FormData()
    form.append('_payload', JSON.stringify(b))
    form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' }), 'x.png')
    return { rawBody: form as unknown as BodyInit }
  }
  return {}
}

const METHODS = ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'] as const

test('REST: any method, override header, body and path, as any role', async () => {
  await fc.assert(
    fc.asyncProperty(role, fc.constantFrom(...METHODS), path, query, body, headers, async (who, method, p, q, b, h) => {
      // Editors and admins may change anything; keep them off accounts and keys so the other roles keep working.
      if (mayWrite(who) && (method === 'DELETE' || /^\/(users|partner-keys)/.test(p))) return
      const init: any = requestInit(method === 'GET' || method === 'HEAD' ? 'none' : b.kind, (b as any).b)
      init.headers = { ...(init.headers ?? {}) }
      if (h.override) init.headers[h.override] = h.overrideTo ?? 'GET'
      if (h.ius) init.headers['If-Unmodified-Since'] = h.ius
      if (h.origin) init.headers.Origin = h.origin
      const label = `${method} ${p}${q} ${JSON.stringify({ ...b, headers: init.headers }).slice(0, 200)}`
      const writes = !(method === 'GET' || method === 'HEAD' || method === 'OPTIONS') || Boolean(h.override)
      await check(who, label, (auth) => api(method, `${p}${q}`, { ...auth, ...init }), writes, /^\/(?:[^/]+\/)*access(?:\/|$)/.test(p))
    }),
    { numRuns: RUNS, interruptAfterTimeLimit: TIME, seed: SEED },
  )
})

// ---------------------------------------------------------------- GraphQL documents

const LISTS = ['Statements', 'Topics', 'Programs', 'Campaigns', 'Offices', 'People', 'Organisations', 'allMedia', 'Users', 'AuditLogs', 'PartnerKeys', 'WebhookEndpoints', 'PayloadLockedDocuments', 'PayloadPreferences', 'versionsStatements', 'versionsPrograms']
const ONES = ['SiteSetting { __typename }', 'Navigation { __typename }', 'Access { __typename }', 'meUser { __typename }', 'countStatements { totalDocs }', 'countTopics { totalDocs }']
const MUTATIONS = [
  'loginUser(email: "nobody@example.test", password: "x") { token }',
  'forgotPasswordUser(email: "nobody@example.test")',
  'createTopic(data: { name: "t" }) { id }',
  'updateStatement(id: $id, data: { title: "x" }) { id }',
  'updateStatement(id: $id, draft: true, data: { title: "x", lastKnownUpdatedAt: "2000-01-01T00:00:00.000Z" }) { id }',
  'updateMedia(id: $id, data: { public: true, alt: "x" }) { id }',
  'deleteTopic(id: $id) { id }',
  'createStatement(data: { title: "x", statementType: press_release, speakerName: "a", issuingOrganisation: 1, deliveredOn: "2022-07-01" }) { id }',
]
const arg = fc.oneof(
  fc.constantFrom('limit: 5', 'limit: 0', 'limit: $limit', 'page: 2', 'page: $page', 'pagination: false', 'pagination: $pagination', 'trash: true', 'trash: $trash', 'draft: true', 'draft: $draft', 'sort: "-createdAt"', 'locale: all'),
  fc.constantFrom('where: { title: { like: "a" } }', 'where: { createdBy: { exists: true } }', 'where: { _status: { equals: draft } }'),
)
const listField = fc
  .tuple(fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }), fc.constantFrom(...LISTS), fc.uniqueArray(arg, { maxLength: 2, selector: (a) => a.split(':')[0] }), fc.constantFrom('docs { id }', 'totalDocs', 'docs { id ...Doc }', 'docs { __typename }'))
  .map(([alias, name, args, sel]) => {
    const selection = sel.includes('...Doc') && name !== 'Statements' ? 'docs { id }' : sel
    return `${alias ? `${alias}${name.length}: ` : ''}${name}${args.length ? `(${args.join(', ')})` : ''} { ${selection} }`
  })
const field = fc.oneof({ weight: 4, arbitrary: listField }, { weight: 1, arbitrary: fc.constantFrom(...ONES) })
const document = fc
  .record({
    mutation: fc.integer({ min: 0, max: 9 }).map((n) => n < 3),
    fields: fc.array(field, { minLength: 1, maxLength: 3 }),
    mutations: fc.array(fc.constantFrom(...MUTATIONS), { minLength: 1, maxLength: 2 }),
    wrap: fc.constantFrom('plain', 'fragment', 'inline'),
    defaults: fc.record({ limit: fc.constantFrom('0', '5', '500'), page: fc.constantFrom('1', '2'), pagination: fc.constantFrom('false', 'true'), trash: fc.constantFrom('true', 'false'), draft: fc.constantFrom('true', 'false') }),
    second: fc.boolean(),
    variables: fc.record({ limit: fc.option(fc.integer({ min: -1, max: 200 }), { nil: undefined }), page: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }), trash: fc.option(fc.boolean(), { nil: undefined }), id: fc.nat(8).map((i) => ids[i] ?? 1) }, { requiredKeys: ['id'] }),
  })
  .map((d) => {
    const selections = d.mutation ? d.mutations : d.fields
    const body = d.wrap === 'fragment' ? `...Top` : d.wrap === 'inline' ? `... on ${d.mutation ? 'Mutation' : 'Query'} { ${selections.join(' ')} }` : selections.join(' ')
    const types: Record<string, string> = { limit: 'Int', page: 'Int', pagination: 'Boolean', trash: 'Boolean', draft: 'Boolean', id: 'Int' }
    const defaults = d.defaults as Record<string, string>
    const used = Object.keys(types).filter((v) => new RegExp(`\\$${v}\\b`).test(selections.join(' ')))
    const vars = used.length ? `(${used.map((v) => `$${v}: ${types[v]}${defaults[v] ? ` = ${defaults[v]}` : ''}`).join(', ')})` : ''
    let query = `${d.mutation ? 'mutation' : 'query'} Main${vars} { ${body} }`
    if (d.wrap === 'fragment') query += ` fragment Top on ${d.mutation ? 'Mutation' : 'Query'} { ${selections.join(' ')} }`
    if (query.includes('...Doc')) query += ' fragment Doc on Statement { id }'
    if (d.second) query += ' query Other { Topics(limit: 1) { totalDocs } }'
    return { query, variables: d.variables, operationName: 'Main', writes: d.mutation }
  })

test('GraphQL: documents with variables, defaults, fragments, aliases and several operations, as any role', async () => {
  await fc.assert(
    fc.asyncProperty(role, document, async (who, doc) => {
      await check(who, doc.query, (auth) => api('POST', '/graphql', { ...auth, body: { query: doc.query, variables: doc.variables, operationName: doc.operationName } }), doc.writes)
    }),
    { numRuns: RUNS, interruptAfterTimeLimit: TIME, seed: SEED },
  )
})

// ---------------------------------------------------------------- create and update bodies

const writable = fc.constantFrom('statements', 'programs', 'campaigns', 'offices', 'topics', 'media', 'organisations', 'people')
const write = fc.record({
  collection: writable,
  op: fc.constantFrom('create', 'update', 'update-draft', 'bulk', 'delete'),
  target: fc.nat(8),
  body: jsonBody,
})

test('JSON create and update bodies built from the collections’ own fields, as each role', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom<Role>('anonymous', 'partner', 'contributor', 'contributor', 'editor'), write, async (who, w) => {
      if (who === 'editor' && w.op === 'delete') return
      const target = ids[w.target] ?? 1
      const [method, p] =
        w.op === 'create' ? ['POST', `/${w.collection}`] : w.op === 'update' ? ['PATCH', `/${w.collection}/${target}`] : w.op === 'update-draft' ? ['PATCH', `/${w.collection}/${target}?draft=true`] : w.op === 'bulk' ? ['PATCH', `/${w.collection}?where[id][exists]=true`] : ['DELETE', `/${w.collection}/${target}`]
      await check(who, `${method} ${p} ${JSON.stringify(w.body).slice(0, 200)}`, (auth) => api(method as 'POST', p, { ...auth, body: w.body }), true)
    }),
    { numRuns: RUNS, interruptAfterTimeLimit: TIME, seed: SEED },
  )
})
