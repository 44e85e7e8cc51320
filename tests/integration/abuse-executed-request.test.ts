/**
 * Abuse suite, class 2: caps apply to the request as Payload executes it, not as it arrived.
 *
 * Payload turns `POST` + `X-Payload-HTTP-Method-Override: GET` (or `X-HTTP-Method-Override`) into
 * a GET whose query is the form body; GraphQL arguments come from variables, variable defaults,
 * fragments and aliases. Each of these reached Payload without the caps a plain GET gets
 * (limit=0, pagination=false, depth>2, trash=true answered 200 with every document, trashed
 * ones included). Every door here must answer like the plain GET does: refused, or capped.
 */
import type { Payload } from 'payload'

import { createStaff, makeTopic, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api } from '../helpers/rest'

process.env.API_RATE_LIMIT_ANONYMOUS = '100000'
process.env.API_RATE_LIMIT_PARTNER = '100000'

let payload: Payload
let admin: StaffMember
let partnerKey: string
const TRASHED = 'ZZTRASHEDTOPIC'

beforeAll(async () => {
  payload = await testPayload()
  ;({ admin } = await createStaff(payload))
  for (let i = 0; i < 12; i++) await makeTopic(payload)
  const gone = await makeTopic(payload, { name: `${TRASHED} in the bin` })
  await payload.update({ collection: 'topics', id: gone.id, data: { deletedAt: new Date().toISOString() } as any, overrideAccess: true })
  const created = await api('POST', '/partner-keys', { token: admin.token, body: { organisation: 'Probe', contactEmail: 'probe@example.test' } })
  partnerKey = created.body.doc.key
}, 120_000)
afterAll(closePayload)

const form = (s: string) => ({ rawBody: s, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
const callers = () => [
  ['anonymous', {}],
  ['a partner key', { key: partnerKey }],
] as const

describe('method override', () => {
  const bodies = ['limit=0', 'pagination=false', 'depth=4', 'trash=true', 'draft=true', 'limit=0&pagination=false&depth=4&trash=true']
  for (const header of ['X-Payload-HTTP-Method-Override', 'X-HTTP-Method-Override']) {
    test.each(bodies)(`${header} with the form body %s answers like the GET would (400), never every topic`, async (query) => {
      // The plain GET is refused: that is the bar.
      expect((await api('GET', `/topics?${query}`)).status).toBe(400)
      for (const [who, auth] of callers()) {
        const res = await api('POST', '/topics', { ...auth, ...form(query), headers: { ...form(query).headers, [header]: 'GET' } })
        expect({ who, status: res.status }).toEqual({ who, status: 400 })
        expect(JSON.stringify(res.body)).not.toContain(TRASHED)
      }
    })
  }

  test('an override with a JSON body or on top of an existing query string gets no further', async () => {
    for (const [path, options] of [
      ['/topics?limit=0', { body: { locale: 'en' } }],
      ['/topics?depth=0', form('limit=0&trash=true')],
      ['/topics', { rawBody: 'limit=0&trash=true', headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' } }],
    ] as const) {
      const o = options as any
      const res = await api('POST', path, { ...o, headers: { ...(o.headers ?? {}), 'X-HTTP-Method-Override': 'GET' } })
      expect({ path, status: res.status }).toEqual({ path, status: 400 })
      expect(JSON.stringify(res.body)).not.toContain(TRASHED)
    }
  })

  test('the refusal names the header, and staff (the admin uses it) are unaffected', async () => {
    const res = await api('POST', '/topics', { ...form('limit=5'), headers: { ...form('').headers, 'X-Payload-HTTP-Method-Override': 'GET' } })
    expect(res.body.errors[0].parameter).toMatch(/override/i)
    const staff = await api('POST', '/topics', {
      token: admin.token,
      ...form('limit=0&trash=true'),
      headers: { ...form('').headers, 'X-Payload-HTTP-Method-Override': 'GET' },
    })
    expect(staff.status).toBe(200)
    expect(JSON.stringify(staff.body)).toContain(TRASHED)
  })
})

describe('GraphQL arguments as executed', () => {
  const gql = (query: string, variables?: Record<string, unknown>, operationName?: string, auth: Record<string, string> = {}) =>
    api('POST', '/graphql', { ...auth, body: { query, variables, operationName } })

  const documents: [string, string, Record<string, unknown>?, string?][] = [
    ['a variable with a default of 0', 'query($l: Int = 0) { Topics(limit: $l) { totalDocs docs { name } } }'],
    ['a variable set to 0', 'query($l: Int) { Topics(limit: $l) { docs { name } } }', { l: 0 }],
    ['pagination off by a default', 'query($p: Boolean = false) { Topics(pagination: $p) { docs { name } } }'],
    ['trash by a default', 'query($t: Boolean = true) { Topics(trash: $t, limit: 50) { docs { name } } }'],
    ['trash by a variable', 'query($t: Boolean) { Topics(trash: $t, limit: 50) { docs { name } } }', { t: true }],
    ['draft by a default', 'query($d: Boolean = true) { Topics(draft: $d) { docs { name } } }'],
    ['limit inside a fragment', 'query { ...All } fragment All on Query { Topics(limit: 0) { docs { name } } }'],
    ['trash inside an inline fragment', 'query { ... on Query { Topics(trash: true, limit: 50) { docs { name } } } }'],
    ['trash under an alias', 'query { everything: Topics(trash: true, limit: 50) { docs { name } } }'],
    ['the named operation of two', 'query Safe { Topics(limit: 1) { docs { name } } } query Bad { Topics(trash: true, limit: 50) { docs { name } } }', undefined, 'Bad'],
  ]
  test.each(documents)('%s is refused with 400', async (...row) => {
    const [, query, variables, operationName] = row
    for (const [who, auth] of callers()) {
      const res = await gql(query, variables, operationName, auth as Record<string, string>)
      expect({ who, status: res.status }).toEqual({ who, status: 400 })
      expect(JSON.stringify(res.body)).not.toContain(TRASHED)
    }
  })

  test('selections nested through fragments are as deep as they look (the cap is 8 levels)', async () => {
    const inner = 'fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } }' // 8 levels
    // Written out, the query is 10 levels deep and refused; moved into a fragment it must be too.
    expect((await gql(`query { __schema { types { ${inner} } } }`)).status).toBe(400)
    expect((await gql(`query { __schema { types { ...T } } } fragment T on __Type { ${inner} }`)).status).toBe(400)
    expect((await gql('query { __schema { types { ...T } } } fragment T on __Type { fields { name } }')).status).toBe(200)
  })

  test('a fragment that spreads itself, or fragments that multiply, are refused quickly (400), not expanded forever', async () => {
    const cyclic = await gql('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }')
    expect(cyclic.status).toBe(400)
    // 2^20 expansions if walked naively.
    const fragments = Array.from({ length: 20 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')
    const started = Date.now()
    const bomb = await gql(`query { ...F0 } ${fragments} fragment F20 on Query { Topics(limit: 1) { totalDocs } }`)
    expect(bomb.status).toBe(400)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  test('plain, capped queries still work for everyone, with variables and fragments', async () => {
    const res = await gql('query($l: Int = 5) { ...T } fragment T on Query { list: Topics(limit: $l) { docs { name } } }')
    expect(res.status).toBe(200)
    expect(res.body.data.list.docs).toHaveLength(5)
    expect((await gql('query($l: Int) { Topics(limit: $l) { docs { name } } }', { l: 3 }, undefined, { key: partnerKey })).body.data.Topics.docs).toHaveLength(3)
  })
})
