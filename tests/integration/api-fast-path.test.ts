/**
 * The partner API's cached answers (partner-api/cache.ts) are dropped per document, not
 * wholesale, and the answers server.mjs serves from the cache without entering Next
 * (partner-api/fastPath.ts) keep every check of the gateway: keys (unknown, revoked, limited to
 * other collections), staff sessions, Payload's method override, and the rate limit, which still
 * counts cached answers, per address as server.mjs worked it out (IPv6 per /64), in the same bucket
 * as the gateway. `X-Daleel-API-Cache: HIT` means the answer came from the cache, nothing else.
 */
// Twelve partner requests a minute per key: room for the first key's dozen requests below, and
// small enough to reach with another. Read when limits are built.
process.env.API_RATE_LIMIT_PARTNER = '12'
process.env.API_RATE_LIMIT_ANONYMOUS = '6'

import type { Payload } from 'payload'

import { apiFastPath } from '../../partner-api/fastPath'
import { createStaff, makeOrganisation, makeStatement, makeTopic, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api } from '../helpers/rest'

let payload: Payload
let admin: StaffMember
let fast: ReturnType<typeof apiFastPath>
let statement: any

const auth = (k: string) => ({ authorization: `partner-keys API-Key ${k}` })

// Each test has its own key: the rate limit (8 a minute, above) counts per key.
async function newKey(): Promise<{ key: string; keyId: number | string }> {
  const created = await api('POST', '/partner-keys', { token: admin.token, body: { organisation: 'Fast path check', contactEmail: 'p@example.org' } })
  return { key: created.body.doc.key, keyId: created.body.doc.id }
}

beforeAll(async () => {
  payload = await testPayload()
  ;({ admin } = await createStaff(payload))
  const org = await makeOrganisation(payload)
  const topic = await makeTopic(payload)
  statement = await makeStatement(payload, { issuingOrganisation: org.id, topics: [topic.id], _status: 'published' })
  fast = apiFastPath(payload.config)
}, 180_000)
afterAll(closePayload)

test('a repeat read is answered from the cache, identical to the gateway, and the rate limit counts it', async () => {
  const { key } = await newKey()
  const first = await api('GET', '/statements?limit=5&depth=1', { key })
  expect(first.status).toBe(200)
  // (The gateway has now remembered the key and cached the answer.)
  const hit = await fast('GET', '/api/statements?depth=1&limit=5', { ...auth(key), 'accept-encoding': 'identity' })
  expect(hit?.status).toBe(200)
  expect(JSON.parse(hit!.body!.toString('utf8'))).toEqual(first.body)
  expect(hit!.headers.ETag).toBe(first.headers.get('etag'))
  expect(hit!.headers['Content-Type']).toBe('application/json; charset=utf-8')
  expect(hit!.headers['X-Content-Type-Options']).toBe('nosniff')
  const again = await fast('GET', '/api/statements?limit=5&depth=1', auth(key))
  expect(Number(again!.headers['RateLimit-Remaining'])).toBe(Number(hit!.headers['RateLimit-Remaining']) - 1)
  // If-None-Match: 304 without a body.
  const notModified = await fast('GET', '/api/statements?limit=5&depth=1', { ...auth(key), 'if-none-match': hit!.headers.ETag })
  expect(notModified?.status).toBe(304)
  expect(notModified?.body).toBeNull()
})

test('unknown keys, staff sessions and other paths are never answered here (the gateway answers them)', async () => {
  const { key } = await newKey()
  await api('GET', '/statements?limit=5&depth=1', { key })
  expect(await fast('GET', '/api/statements?limit=5&depth=1', auth('dlk_not-a-key'))).toBeNull()
  expect(await fast('GET', '/api/statements?limit=5&depth=1', { ...auth(key), cookie: 'payload-token=abc' })).toBeNull()
  expect(await fast('GET', '/api/statements?limit=5&depth=1', { authorization: 'JWT abc' })).toBeNull()
  expect(await fast('GET', `/api/statements/${statement.id}/versions`, auth(key))).toBeNull()
  expect(await fast('POST', '/api/statements', auth(key))).toBeNull()
  expect((await api('GET', '/statements?limit=5&depth=1', { headers: auth('dlk_not-a-key') })).status).toBe(401)
})

test('publishing a statement drops the statement answers only; a draft save drops nothing', async () => {
  const { key } = await newKey()
  await api('GET', '/statements?limit=5&depth=1', { key })
  await api('GET', '/topics?limit=5', { key })
  expect(await fast('GET', '/api/topics?limit=5', auth(key))).not.toBeNull()
  expect(await fast('GET', '/api/statements?limit=5&depth=1', auth(key))).not.toBeNull()

  await api('PATCH', `/statements/${statement.id}?draft=true`, { token: admin.token, body: { title: 'A draft nobody sees' } })
  expect(await fast('GET', '/api/statements?limit=5&depth=1', auth(key))).not.toBeNull()

  await api('PATCH', `/statements/${statement.id}`, { token: admin.token, body: { title: 'Republished title', _status: 'published' } })
  expect(await fast('GET', '/api/statements?limit=5&depth=1', auth(key))).toBeNull()
  expect(await fast('GET', '/api/topics?limit=5', auth(key))).not.toBeNull()
  const fresh = await api('GET', '/statements?limit=5&depth=1', { key })
  expect(fresh.body.docs.map((d: any) => d.title)).toContain('Republished title')
})

test('revoking a key stops it at once, cached answers included', async () => {
  const { key, keyId } = await newKey()
  await api('GET', '/statements?limit=5&depth=1', { key })
  expect(await fast('GET', '/api/statements?limit=5&depth=1', auth(key))).not.toBeNull()
  await api('PATCH', `/partner-keys/${keyId}`, { token: admin.token, body: { revoked: true } })
  expect(await fast('GET', '/api/statements?limit=5&depth=1', auth(key))).toBeNull()
  expect((await api('GET', '/statements?limit=5&depth=1', { key })).status).toBe(401)
})

test('a key limited to other collections is not answered from a cache it may not read; the limit is enforced there too', async () => {
  const limited = await api('POST', '/partner-keys', {
    token: admin.token,
    body: { organisation: 'Campaigns only', contactEmail: 'c@example.org', allowedCollections: ['campaigns'] },
  })
  const other = await api('POST', '/partner-keys', { token: admin.token, body: { organisation: 'Other', contactEmail: 'o@example.org' } })
  await api('GET', '/statements?limit=3', { key: other.body.doc.key }) // cached for partners
  await api('GET', '/campaigns?limit=3', { key: limited.body.doc.key }) // the gateway remembers the limited key
  expect(await fast('GET', '/api/statements?limit=3', auth(limited.body.doc.key))).toBeNull()
  expect((await api('GET', '/statements?limit=3', { key: limited.body.doc.key })).status).toBe(403)

  // The rate limit: cached answers count until the limit, then 429 from the cache path as from the gateway.
  let last: Awaited<ReturnType<typeof fast>> = null
  for (let i = 0; i < 14; i++) last = (await fast('GET', '/api/statements?limit=3', auth(other.body.doc.key))) ?? last
  expect(last?.status).toBe(429)
  expect(last?.headers['Retry-After']).toBeTruthy()
})

test('anonymous readers: one bucket with the gateway, per address server.mjs worked out, IPv6 per /64', async () => {
  // The gateway caches the answer (and counts one request for this /64)…
  const first = await api('GET', '/topics?limit=2', { ip: '2001:db8:aa:bb::1' })
  expect(first.status).toBe(200)
  const at = (ip: string, extra: Record<string, string> = {}) =>
    // …what a client writes itself (X-Forwarded-For) is not the address: server.mjs sets CLIENT_ADDRESS_HEADER.
    fast('GET', '/api/topics?limit=2', { 'x-daleel-client-address': ip, 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 200)}`, ...extra })
  const statuses: number[] = []
  const caches: Array<string | undefined> = []
  // …then callers rotating through the same /64 share it: five more pass, the seventh request is refused.
  for (let i = 2; i <= 7; i++) {
    const answer = await at(`2001:db8:aa:bb:${i.toString(16)}::${i}`)
    statuses.push(answer!.status)
    caches.push(answer!.headers['X-Daleel-API-Cache'])
  }
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
  // HIT only on answers that came from the cache; a refusal is not one.
  expect(caches).toEqual(['HIT', 'HIT', 'HIT', 'HIT', 'HIT', undefined])
  // The gateway agrees: the same /64 is refused there too; another /64 is another reader.
  expect((await api('GET', '/topics?limit=2', { ip: '2001:db8:aa:bb:ffff::9' })).status).toBe(429)
  expect((await at('2001:db8:aa:bc::1'))!.status).toBe(200)
})

test('method override headers and staff cookies (whatever the prefix) leave the answer to the gateway', async () => {
  await api('GET', '/topics?limit=4', { ip: '203.0.113.50' })
  const headers = { 'x-daleel-client-address': '203.0.113.51' }
  expect((await fast('GET', '/api/topics?limit=4', headers))?.status).toBe(200)
  for (const h of ['x-http-method-override', 'x-payload-http-method-override']) {
    expect(await fast('GET', '/api/topics?limit=4', { ...headers, [h]: 'GET' })).toBeNull()
    // The gateway's answer to the same request: the override is refused outside the staff.
    expect((await api('GET', '/topics?limit=4', { ip: '203.0.113.52', headers: { [h]: 'GET' } })).status).toBe(400)
  }
  const prefix = payload.config.cookiePrefix || 'payload'
  expect(await fast('GET', '/api/topics?limit=4', { ...headers, cookie: `theme=dark; ${prefix}-token=abc` })).toBeNull()
})
