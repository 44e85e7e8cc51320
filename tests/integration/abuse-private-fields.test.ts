/**
 * Abuse suite: private fields (passwords, hashes, salts, reset tokens, e-mail addresses, API keys)
 * cannot be read, filtered on, sorted by or selected through the public /api door, directly or
 * through a relation (statements.createdBy → users). A filter on a private field must not act as
 * an oracle: "starts with the right letter" and "matches nothing" must look the same to the public.
 * Every probe answers below 500.
 */
import type { Payload } from 'payload'

import { createStaff, makeStatement, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api, graphqlApi } from '../helpers/route'

process.env.API_RATE_LIMIT_ANONYMOUS = '100000'

let payload: Payload
let admin: StaffMember
const FORBIDDEN_KEYS = ['password', 'hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', 'apiKey', 'apiKeyIndex', '_verificationToken', 'loginAttempts', 'lockUntil', 'sessions']

beforeAll(async () => {
  payload = await testPayload()
  ;({ admin } = await createStaff(payload))
  // Published content written by the admin, so createdBy points at an account with a known e-mail.
  await makeStatement(payload, { _status: 'published', createdBy: admin.id })
  await makeStatement(payload, { _status: 'published', createdBy: admin.id })
}, 120_000)
afterAll(closePayload)

function forbiddenIn(value: unknown, path = ''): string[] {
  if (!value || typeof value !== 'object') return []
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [
    ...(FORBIDDEN_KEYS.includes(k) ? [`${path}${k}`] : []),
    ...forbiddenIn(v, `${path}${k}.`),
  ])
}

const privatePaths = (email: string) => [
  ['createdBy.email', email.slice(0, 3)],
  ['createdBy.password', 'a'],
  ['createdBy.hash', 'a'],
  ['createdBy.salt', 'a'],
  ['createdBy.resetPasswordToken', 'a'],
  ['createdBy.role', 'adm'],
  ['updatedBy.email', email.slice(0, 3)],
]

test('filtering on a private field through a relation is not an oracle', async () => {
  for (const [field, prefix] of privatePaths(admin.email)) {
    const hit = await api('GET', `/statements?depth=0&where[${field}][like]=${encodeURIComponent(prefix)}`)
    const miss = await api('GET', `/statements?depth=0&where[${field}][like]=zzzz-nothing-matches`)
    expect({ field, status: hit.status < 500 && miss.status < 500 }).toEqual({ field, status: true })
    // Same answer whether the guess is right or wrong (both refused, or both unfiltered/empty).
    expect({ field, hit: hit.status, hitDocs: hit.body?.totalDocs }).toEqual({ field, hit: miss.status, hitDocs: miss.body?.totalDocs })
  }
})

test('filtering users directly on private fields is refused or empty', async () => {
  for (const [field, value] of [
    ['email', admin.email],
    ['password', 'x'],
    ['hash', 'a'],
    ['salt', 'a'],
  ]) {
    const res = await api('GET', `/users?where[${field}][like]=${encodeURIComponent(value)}`)
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.text).not.toContain(admin.email)
  }
})

test('sorting by a private field never fails and never reveals it', async () => {
  for (const sort of ['createdBy.email', '-createdBy.hash', 'createdBy.salt', 'createdBy.password', 'password', 'hash']) {
    const res = await api('GET', `/statements?depth=1&sort=${encodeURIComponent(sort)}`)
    expect({ sort, status: res.status < 500 }).toEqual({ sort, status: true })
    expect(res.text).not.toContain(admin.email)
    expect(forbiddenIn(res.body)).toEqual([])
  }
})

test('selecting, populating or joining private fields returns none of them', async () => {
  for (const url of [
    '/statements?select[createdBy]=true&depth=2',
    '/statements?select[createdBy][email]=true&depth=1',
    '/statements?depth=4&populate[users][email]=true&populate[users][hash]=true',
    `/users/${admin.id}?select[email]=true&select[hash]=true`,
  ]) {
    const res = await api('GET', url)
    expect({ url, status: res.status < 500 }).toEqual({ url, status: true })
    expect({ url, email: res.text.includes(admin.email) }).toEqual({ url, email: false })
    expect(forbiddenIn(res.body)).toEqual([])
  }
  const gql = await graphqlApi('{ Statements(limit: 5) { docs { createdBy { email hash salt } updatedBy { email } } } }')
  expect(gql.status).toBeLessThan(500)
  expect(gql.text).not.toContain(admin.email)
})

test('operator and path injection is refused with 400, never a 500', async () => {
  const failures: string[] = []
  for (const q of [
    'where[$where]=1',
    'where[title][$regex]=.*',
    'where[__proto__][polluted]=1',
    'where[constructor][prototype][x]=1',
    "where[title][equals]=' OR 1=1 --",
    'where[title][like]=%27%3B DROP TABLE statements%3B--',
    "where[body.root.children][like]=') OR 1=1 --",
    'where[title"; DROP TABLE users; --][equals]=x',
    'sort=title;DROP TABLE users',
    'where[title][near]=1,2,3',
    'where[or][0][title][in]=a,b&where[or][1][createdBy.hash][exists]=true',
    'depth=999999&limit=-1',
  ]) {
    const res = await api('GET', `/statements?${q}`)
    if (res.status >= 500) failures.push(`${res.status} ${q}`)
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(failures).toEqual([])
})
