/**
 * Abuse suite, class 3: rate limits hold whoever claims to be whom, however a route is spelled and
 * however many operations travel in one request.
 *
 * The caller's address is what the front server (server.mjs) works out from the socket and the
 * proxies the operator trusts (platform/clientAddress.mjs; its own production-server test is
 * tests/browser/doors.test.ts). Here, through the real route handlers: headers a client writes
 * itself change nothing, an IPv6 caller cannot rotate through its /64, `/users/LOGIN` and
 * `/users/%6Cogin` are the login endpoint Payload runs, and a GraphQL document with eleven
 * aliased sign-ins is eleven attempts.
 */
import type { Payload } from 'payload'

import { createStaff, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api } from '../helpers/rest'

let payload: Payload
let admin: StaffMember

beforeAll(async () => {
  process.env.API_RATE_LIMIT_ANONYMOUS = '60'
  process.env.API_RATE_LIMIT_LOGIN = '10'
  process.env.API_RATE_LIMIT_FORGOT_PASSWORD = '5'
  payload = await testPayload()
  ;({ admin } = await createStaff(payload))
}, 120_000)
afterAll(closePayload)

const badLogin = { email: 'nobody@example.test', password: 'wrong-password' }
let n = 0
/** A fresh TEST-NET address per test, so buckets never carry over. */
const freshIp = () => `203.0.113.${++n}`

test('addresses the client writes itself (X-Forwarded-For, X-Real-IP, Forwarded) do not make new buckets', async () => {
  const ip = freshIp()
  const statuses: number[] = []
  for (let i = 0; i < 61; i++) {
    const spoof = `198.18.${Math.floor(i / 200)}.${i % 200}`
    const res = await api('GET', '/topics?limit=1', {
      ip,
      headers: { 'X-Forwarded-For': spoof, 'X-Real-IP': spoof, Forwarded: `for=${spoof}`, 'X-Daleel-Client-Address-Spoof': spoof },
    })
    statuses.push(res.status)
  }
  expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true)
  expect(statuses[60]).toBe(429)
})

test('an IPv6 caller is counted per /64: rotating the interface part does not reset the count', async () => {
  const statuses: number[] = []
  for (let i = 1; i <= 61; i++) statuses.push((await api('GET', '/topics?limit=1', { ip: `2001:db8:5:6:${i.toString(16)}::${i}` })).status)
  expect(statuses.filter((s) => s === 429)).toHaveLength(1)
  expect(statuses[60]).toBe(429)
  // Another /64 is another subscriber.
  expect((await api('GET', '/topics?limit=1', { ip: '2001:db8:5:7::1' })).status).toBe(200)
})

test.each(['/users/login', '/users/LOGIN', '/users/Login', '/users/%6Cogin', '/users/%4C%4F%47%49%4E'])(
  'failed sign-ins through %s count against the login limit (10 per address)',
  async (path) => {
    const ip = freshIp()
    for (let i = 0; i < 10; i++) {
      const res = await api('POST', path, { ip, body: badLogin })
      expect({ i, status: res.status }).toEqual({ i, status: 401 })
      expect(res.headers.get('RateLimit-Limit')).toBe('10')
    }
    // The 11th attempt, spelled the plain way or this way, waits.
    expect((await api('POST', path, { ip, body: badLogin })).status).toBe(429)
    expect((await api('POST', '/users/login', { ip, body: { email: admin.email, password: admin.password } })).status).toBe(429)
  },
)

test('forgot-password spelled differently shares its limit (5 per address)', async () => {
  const ip = freshIp()
  const paths = ['/users/forgot-password', '/users/FORGOT-PASSWORD', '/users/Forgot-Password', '/users/forgot%2Dpassword', '/users/forgot-password']
  for (const path of paths) expect((await api('POST', path, { ip, body: { email: 'nobody@example.test' } })).status).toBeLessThan(300)
  expect((await api('POST', '/users/FORGOT-password', { ip, body: { email: 'nobody@example.test' } })).status).toBe(429)
})

const loginFields = (count: number, password = 'wrong') =>
  Array.from({ length: count }, (_, i) => `a${i}: loginUser(email: "nobody@example.test", password: "${password}${i}") { token }`).join(' ')

test('GraphQL: eleven aliased sign-ins in one document are eleven attempts', async () => {
  const ip = freshIp()
  const res = await api('POST', '/graphql', { ip, body: { query: `mutation { ${loginFields(11)} }` } })
  // More attempts than the limit allows at once: refused outright, none is tried.
  expect(res.status).toBe(429)
  const five = await api('POST', '/graphql', { ip, body: { query: `mutation { ${loginFields(5)} }` } })
  expect(five.status).toBe(200)
  const six = await api('POST', '/graphql', { ip, body: { query: `mutation { ${loginFields(5)} }` } })
  expect(six.status).toBe(200)
  // 10 failed attempts used: the next one waits, over REST too.
  expect((await api('POST', '/graphql', { ip, body: { query: `mutation { ${loginFields(1)} }` } })).status).toBe(429)
  expect((await api('POST', '/users/login', { ip, body: badLogin })).status).toBe(429)
})

test('GraphQL: a sign-in hidden in a fragment or behind operationName still counts', async () => {
  const ip = freshIp()
  for (let i = 0; i < 10; i++) {
    const res = await api('POST', '/graphql', {
      ip,
      body: {
        query: `query Q { Topics(limit: 1) { totalDocs } } mutation M { ...Sign } fragment Sign on Mutation { loginUser(email: "nobody@example.test", password: "x${i}") { token } }`,
        operationName: 'M',
      },
    })
    expect(res.status).toBe(200)
  }
  expect((await api('POST', '/users/login', { ip, body: badLogin })).status).toBe(429)
})

test('GraphQL: each top-level field of an anonymous document counts as one request', async () => {
  const ip = freshIp()
  const fields = Array.from({ length: 30 }, (_, i) => `t${i}: Topics(limit: 1) { totalDocs }`).join(' ')
  expect((await api('POST', '/graphql', { ip, body: { query: `{ ${fields} }` } })).status).toBe(200)
  const second = await api('POST', '/graphql', { ip, body: { query: `{ ${fields} }` } })
  expect(second.status).toBe(200)
  expect(second.headers.get('RateLimit-Remaining')).toBe('0')
  expect((await api('GET', '/topics?limit=1', { ip })).status).toBe(429)
  // A document asking for more than a whole minute's allowance is refused outright.
  const many = Array.from({ length: 61 }, (_, i) => `t${i}: Topics(limit: 1) { totalDocs }`).join(' ')
  expect((await api('POST', '/graphql', { ip: freshIp(), body: { query: `{ ${many} }` } })).status).toBe(429)
})
