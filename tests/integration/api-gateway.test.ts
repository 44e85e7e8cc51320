/** Rate limits, query caps and bad input, ETags and CORS on the public API. */
import type { Payload } from 'payload'

import { createStaff, makeOrganisation, makeStatement, type StaffMember } from '../helpers/fixtures'
import { closePayload, numericIds, testPayload } from '../helpers/payload'
import { api } from '../helpers/rest'

let payload: Payload
let admin: StaffMember
let statement: any

beforeAll(async () => {
  payload = await testPayload()
  ;({ admin } = await createStaff(payload))
  const org = await makeOrganisation(payload)
  statement = await makeStatement(payload, { issuingOrganisation: org.id, _status: 'published', title: 'Cached statement' })
}, 120_000)
afterAll(closePayload)

describe('rate limits', () => {
  test('the 61st anonymous request in a minute gets 429 with Retry-After and RateLimit headers', async () => {
    const ip = '198.51.100.61'
    for (let i = 1; i <= 60; i++) {
      const res = await api('GET', '/topics', { ip })
      expect(res.status).toBe(200)
      expect(res.headers.get('RateLimit-Limit')).toBe('60')
      expect(res.headers.get('RateLimit-Remaining')).toBe(String(60 - i))
      expect(Number(res.headers.get('RateLimit-Reset'))).toBeGreaterThan(0)
    }
    const limited = await api('GET', '/topics', { ip })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(limited.headers.get('RateLimit-Remaining')).toBe('0')
    expect(limited.body.errors[0].message).toMatch(/Too many requests/)
    // Another address is not affected, and staff are not limited at the anonymous level.
    expect((await api('GET', '/topics', { ip: '198.51.100.62' })).status).toBe(200)
    expect((await api('GET', '/topics', { ip, token: admin.token })).status).toBe(200)
  })

  test('partner keys have their own, higher limit', async () => {
    const created = await api('POST', '/partner-keys', { token: admin.token, body: { organisation: 'X', contactEmail: 'x@example.test' } })
    const res = await api('GET', '/topics', { key: created.body.doc.key, ip: '198.51.100.61' })
    expect(res.status).toBe(200)
    expect(res.headers.get('RateLimit-Limit')).toBe('600')
  })

  test('login has a stricter limit per address, counting failed attempts only', async () => {
    const ip = '198.51.100.70'
    // Correct sign-ins do not count.
    for (let i = 0; i < 3; i++) {
      const ok = await api('POST', '/users/login', { ip, body: { email: admin.email, password: admin.password } })
      expect(ok.status).toBe(200)
    }
    for (let i = 0; i < 10; i++) {
      const failed = await api('POST', '/users/login', { ip, body: { email: 'nobody@example.test', password: 'wrong' } })
      expect(failed.status).toBe(401)
    }
    const last = await api('POST', '/users/login', { ip, body: { email: 'nobody@example.test', password: 'wrong' } })
    expect(last.status).toBe(429)
    expect(last.headers.get('RateLimit-Limit')).toBe('10')
    expect(Number(last.headers.get('Retry-After'))).toBeGreaterThan(0)
    // Now even a correct password waits: the address is locked out for the window.
    expect((await api('POST', '/users/login', { ip, body: { email: admin.email, password: admin.password } })).status).toBe(429)
    const forgot = await api('POST', '/users/forgot-password', { ip: '198.51.100.71', body: { email: 'nobody@example.test' } })
    expect(forgot.headers.get('RateLimit-Limit')).toBe('5')
  })
})

describe('query caps and bad input', () => {
  const cases: [string, string][] = [
    ['/statements?limit=101', 'limit'],
    ['/statements?limit=-1', 'limit'],
    ['/statements?limit=0', 'limit'],
    ['/statements?limit=abc', 'limit'],
    ['/statements?pagination=false', 'pagination'],
    ['/statements?depth=3', 'depth'],
    ['/statements?depth=99', 'depth'],
    ['/statements?page=1e12', 'page'],
    ['/statements?page=1000000000000', 'page'],
    ['/statements?draft=true', 'draft'],
    ['/statements?locale=xx', 'locale'],
    ['/statements?where[title][regex]=.*', 'where'],
    ['/statements?where[title]=x', 'where'],
    ['/statements?where=oops', 'where'],
    ['/statements?where[nope][equals]=1', 'where'],
    ['/statements?where[createdBy.email][like]=a', 'where'],
    ['/statements?where[createdBy.password][exists]=true', 'where'],
    ['/statements?where[createdBy.hash][exists]=true', 'where'],
    ['/statements?sort=createdBy.email', 'sort'],
    ['/statements?sort=nope', 'sort'],
    ['/statements?select[createdBy.salt]=true', 'select'],
    ['/statements?where[__proto__][polluted]=1', 'where'],
    ['/statements?where[constructor][prototype][x]=1', 'where'],
    ['/statements?__proto__[x]=1', '__proto__'],
    ['/statements?where[title][near]=1,2,3', 'where'],
    ['/statements?where[title][within]=true', 'where'],
    ['/statements?where[title][exists]=maybe', 'where'],
    ['/statements?where[or][0][createdAt][equals]=%20', 'where'],
    ['/statements?where[deliveredOn][greater_than]=yesterday', 'where'],
    // A word is no integer ID (it is a well-formed text ID on MongoDB and SQLITE_ID_TYPE=uuid).
    ...(numericIds()
      ? ([
          ['/statements?where[id][equals]=abc', 'where'],
          ['/statements?where[topics][in]=1,abc', 'where'],
        ] as [string, string][])
      : []),
    ['/statements?where[title][all]=0', 'where'],
    ['/statements?where[deliveredOn][like]=2022', 'where'],
    ['/statements?where[topics][like]=%3A', 'where'],
    ['/statements?where[body.root.children][equals]=true', 'where'],
    ['/statements?sort=body', 'sort'],
    // SQLite's adapter has no `all` (it failed inside it with a 500); MongoDB's has.
    ...(String(process.env.DATABASE_URI).startsWith('mongodb') ? [] : ([['/statements?where[topics][all]=1', 'where']] as [string, string][])),
  ]
  test.each(cases)('%s → 400 naming `%s`', async (path, parameter) => {
    const res = await api('GET', path, { ip: '192.0.2.10' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].parameter).toBe(parameter)
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/) // no stack trace
  })

  test('an ID that matches nothing is a clear answer whatever the ID type: 400 for integer IDs, an empty list for text IDs', async () => {
    for (const path of ['/statements?where[id][equals]=abc', '/statements?where[topics][in]=1,abc']) {
      const res = await api('GET', path, { ip: '192.0.2.11' })
      if (numericIds()) expect(res.status).toBe(400)
      else expect([res.status, res.body.docs]).toEqual([200, []])
    }
  })

  test('sensible queries pass, with the default limit of 10', async () => {
    const res = await api('GET', '/statements?limit=100&depth=2&sort=-deliveredOn&where[title][like]=Cached', { ip: '192.0.2.11' })
    expect(res.status).toBe(200)
    const def = await api('GET', '/statements', { ip: '192.0.2.11' })
    expect(def.body.limit).toBe(10)
  })

  test('internal endpoints answer 404 or 403 to the public, never a 5xx', async () => {
    for (const slug of ['payload-migrations', 'payload-jobs', 'payload-preferences', 'payload-locked-documents', 'no-such-thing']) {
      const res = await api('GET', `/${slug}?limit=5`, { ip: '192.0.2.13' })
      expect([403, 404]).toContain(res.status)
      expect(res.body?.docs).toBeUndefined()
    }
  })

  test('staff are not capped', async () => {
    const res = await api('GET', '/statements?limit=0&depth=3', { token: admin.token })
    expect(res.status).toBe(200)
  })

  test('GraphQL is capped the same way', async () => {
    const big = await api('POST', '/graphql', { ip: '192.0.2.12', body: { query: '{ Statements(limit: 0) { docs { id } } }' } })
    expect(big.status).toBe(400)
    expect(big.body.errors[0].parameter).toBe('limit')
    const ok = await api('POST', '/graphql', { ip: '192.0.2.12', body: { query: '{ Statements(limit: 5) { docs { id title } } }' } })
    expect(ok.status).toBe(200)
    expect(ok.body.data.Statements.docs[0].title).toBe('Cached statement')
  })
})

describe('caching', () => {
  test('public GETs carry ETag and Cache-Control; If-None-Match gives 304', async () => {
    const first = await api('GET', `/statements/${statement.id}`, { ip: '192.0.2.20' })
    expect(first.status).toBe(200)
    const etag = first.headers.get('ETag')!
    expect(etag).toMatch(/^W\/".+"$/)
    expect(first.headers.get('Cache-Control')).toMatch(/public, max-age=\d+, stale-while-revalidate=\d+/)
    const again = await api('GET', `/statements/${statement.id}`, { ip: '192.0.2.20', headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(again.body).toBeNull()
  })

  test('publishing again drops the cached response', async () => {
    const before = await api('GET', `/statements/${statement.id}?locale=en`, { ip: '192.0.2.21' })
    expect(before.body.title).toBe('Cached statement')
    await payload.update({ collection: 'statements', id: statement.id, data: { title: 'Renamed statement', _status: 'published' } })
    const after = await api('GET', `/statements/${statement.id}?locale=en`, { ip: '192.0.2.21', headers: { 'If-None-Match': before.headers.get('ETag')! } })
    expect(after.status).toBe(200)
    expect(after.body.title).toBe('Renamed statement')
  })

  test('staff responses are never cached by anyone', async () => {
    const res = await api('GET', '/statements', { token: admin.token })
    expect(res.headers.get('Cache-Control')).toBe('private, no-store')
    expect(res.headers.get('ETag')).toBeNull()
  })
})

describe('CORS', () => {
  test('any origin may read without credentials', async () => {
    const res = await api('GET', '/topics', { ip: '192.0.2.30', headers: { Origin: 'https://partner.example' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull()
    expect(res.headers.get('Access-Control-Expose-Headers')).toMatch(/ETag/)
  })

  test('preflight is answered for reads only', async () => {
    const res = await api('OPTIONS', '/statements', {
      headers: { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'GET' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET, HEAD, OPTIONS')
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull()
  })

  test('cross-origin writes are refused, same-origin (the admin) still works', async () => {
    const cross = await api('POST', '/topics', { token: admin.token, headers: { Origin: 'https://evil.example' }, body: { name: 'Evil' } })
    expect(cross.status).toBe(403)
    const same = await api('POST', '/topics', { token: admin.token, headers: { Origin: 'http://localhost:3000' }, body: { name: 'Fine topic' } })
    expect(same.status).toBe(201)
  })
})
