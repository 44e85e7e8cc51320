/**
 * Abuse suite, property-based (fast-check): any combination of `where`, `sort`, `select`, `depth`,
 * `limit`, `locale` and `draft` that an anonymous caller can put in a URL answers below 500 and
 * never contains a private field or a staff e-mail address. fast-check shrinks a failure to the
 * smallest query that shows it, and prints it with the seed to replay it.
 */
import fc from 'fast-check'

import { createStaff, makeStatement, makeTopic, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { propertySeed } from '../helpers/propertySeed'
import { api } from '../helpers/route'

process.env.API_RATE_LIMIT_ANONYMOUS = '1000000'

let admin: StaffMember
const FORBIDDEN_KEYS = new Set(['password', 'hash', 'salt', 'resetPasswordToken', 'apiKey', 'apiKeyIndex', '_verificationToken', 'loginAttempts', 'lockUntil', 'sessions'])

beforeAll(async () => {
  const payload = await testPayload()
  ;({ admin } = await createStaff(payload))
  const topic = await makeTopic(payload)
  await makeStatement(payload, { _status: 'published', createdBy: admin.id, topics: [topic.id] })
  await makeStatement(payload, { title: 'ZZDRAFTPROP hidden draft', createdBy: admin.id })
}, 120_000)
afterAll(closePayload)

function forbidden(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false
  return Object.entries(value as Record<string, unknown>).some(([k, v]) => FORBIDDEN_KEYS.has(k) || forbidden(v))
}

// Mostly real statement fields (so queries get past validation and reach the database), some
// private paths through relations, and some nonsense.
const validFields = fc.constantFrom('title', 'slug', 'summary', 'deliveredOn', 'id', 'topics', 'topics.name', 'createdAt', 'updatedAt', 'statementType')
const probingFields = fc.constantFrom(
  'createdBy', 'createdBy.email', 'createdBy.hash', 'createdBy.salt', 'createdBy.password', 'createdBy.role', 'updatedBy.email',
  '_status', 'password', 'email', 'hash', 'title.en', 'versions', '__proto__', 'constructor', '$where', 'body.root.children',
)
const field = fc.oneof(
  { weight: 6, arbitrary: validFields },
  { weight: 3, arbitrary: probingFields },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
)
const operator = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom('equals', 'not_equals', 'like', 'contains', 'in', 'not_in', 'exists', 'greater_than', 'less_than_equal', 'near', 'all', 'within', 'intersects') },
  { weight: 1, arbitrary: fc.constantFrom('$regex', '$ne', '$gt', 'or', 'and', '__proto__', 'x') },
)
const value = fc.oneof(
  fc.constantFrom('true', 'false', '', '1', '-1', 'ZZDRAFTPROP', "' OR 1=1 --", '%', '_', '*', '1,2', 'null', '{"$gt":""}', '2020-01-01', 'a', 'statement', 'delivered-statement'),
  fc.string({ maxLength: 20 }),
  fc.integer().map(String),
)
const clause = fc.tuple(field, operator, value).map(([f, o, v]) => `where[${f}][${o}]=${encodeURIComponent(v)}`)
const orClause = fc.tuple(field, operator, value, fc.nat(3)).map(([f, o, v, i]) => `where[or][${i}][${f}][${o}]=${encodeURIComponent(v)}`)
const query = fc
  .record({
    collection: fc.constantFrom('statements'),
    where: fc.array(fc.oneof({ weight: 3, arbitrary: clause }, { weight: 1, arbitrary: orClause }), { maxLength: 1 }),
    sort: fc.option(fc.tuple(fc.boolean(), field).map(([desc, f]) => `sort=${desc ? '-' : ''}${encodeURIComponent(f)}`)),
    select: fc.array(field.map((f) => `select[${encodeURIComponent(f)}]=true`), { maxLength: 1 }),
    depth: fc.option(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: fc.integer({ min: -2, max: 50 }) }).map((d) => `depth=${d}`)),
    limit: fc.option(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 100 }) }, { weight: 1, arbitrary: fc.integer({ min: -5, max: 5000 }) }).map((l) => `limit=${l}`)),
    locale: fc.option(fc.constantFrom('en', 'ur', 'en', 'all', 'xx').map((l) => `locale=${l}`)),
    // Partners may not ask for drafts at all (400); ask now and then, so most queries can still run.
    draft: fc.option(fc.constantFrom('draft=true', 'draft=false'), { freq: 8 }),
  })
  .map((q) => `/${q.collection}?${[...q.where, q.sort, ...q.select, q.depth, q.limit, q.locale, q.draft].filter(Boolean).join('&')}`)

const statuses: Record<number, number> = {}
let reachedDatabase = 0
afterAll(() => console.log(`statuses: ${JSON.stringify(statuses)}`))

const SEED = propertySeed()

test('random anonymous queries never cause a 5xx, a private field, a staff e-mail or a draft', async () => {
  console.log(`abuse-property: seed ${SEED} (replay with ABUSE_PROPERTY_SEED=${SEED})`)
  await fc.assert(
    fc.asyncProperty(query, async (url) => {
      const res = await api('GET', url)
      if (res.status === 200) reachedDatabase += 1
      statuses[res.status] = (statuses[res.status] ?? 0) + 1
      if (res.status >= 500) throw new Error(`${res.status} for ${url}: ${res.text.slice(0, 200)}`)
      if (forbidden(res.body)) throw new Error(`private field in ${url}`)
      if (res.text.includes(admin.email)) throw new Error(`staff e-mail in ${url}`)
      if (res.text.includes('ZZDRAFTPROP')) throw new Error(`draft in ${url}`)
    }),
    { numRuns: 800, interruptAfterTimeLimit: 120_000, seed: SEED },
  )
  // Not vacuous: a good share of the queries passed validation and ran against the database.
  expect(reachedDatabase).toBeGreaterThan(30)
}, 180_000)
