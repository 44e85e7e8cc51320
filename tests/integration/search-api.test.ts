/**
 * GET /api/search as partners call it: through the real route and the partner gateway (keys,
 * limits, cache), answers valid against the OpenAPI document, parameters checked with 400s that
 * name them, keys limited to some collections kept to them, anonymous searches rate limited, and
 * the cached answer dropped when something is published.
 */
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import type { Payload } from 'payload'

import { GET as openapiRoute } from '../../app/(payload)/api/openapi.json/route'
import { richText } from '../../content/richText'
import { resetRateLimits } from '../../partner-api/rateLimit'
import { seed } from '../../seed/index'
import { statement as demoStatement } from '../../seed/content'
import { createStaff, makeStatement, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api } from '../helpers/rest'

let payload: Payload
let admin: StaffMember
let doc: any
let organisation: number | string

beforeAll(async () => {
  process.env.SEARCH_RATE_LIMIT = '5'
  resetRateLimits()
  payload = await testPayload()
  await seed(payload)
  ;({ admin } = await createStaff(payload))
  organisation = (await payload.find({ collection: 'organisations', limit: 1, overrideAccess: true })).docs[0].id
  doc = await (await openapiRoute()).json()
}, 120_000)
afterAll(async () => {
  delete process.env.SEARCH_RATE_LIMIT
  resetRateLimits()
  await closePayload()
})

let ipCounter = 0
/** A fresh address per call, so the anonymous search allowance only matters where it is tested. */
const search = (query: string, options: { key?: string; ip?: string; token?: string } = {}) =>
  api('GET', `/search?${query}`, { ip: options.ip ?? `192.0.2.${(ipCounter++ % 250) + 1}`, key: options.key, token: options.token })

async function newKey(data: Record<string, unknown> = {}): Promise<string> {
  const res = await api('POST', '/partner-keys', { token: admin.token, body: { organisation: 'UNODC', contactEmail: 'partner@example.test', ...data } })
  expect(res.status).toBe(201)
  return res.body.doc.key
}

test('the answer matches the OpenAPI document and the search page', async () => {
  expect(doc.paths['/api/search'].get.parameters.map((p: any) => p.name)).toEqual(['q', 'locale', 'type', 'topic', 'year', 'page', 'limit'])
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ ...doc, $id: 'openapi' })
  const validate = ajv.compile({ $ref: 'openapi#/components/schemas/SearchResults' })

  for (const query of ['q=children', 'q=trafficking&locale=en&limit=1&page=2', 'q=اسمگلنگ&locale=ur', 'q=zzyzxq+trafficking', 'q=trafficking&type=statements&year=2022']) {
    const res = await search(query)
    expect(res.status).toBe(200)
    if (!validate(res.body)) throw new Error(`${query}: ${JSON.stringify(validate.errors?.slice(0, 3))}`)
  }
  const res = await search('q=children')
  expect(res.body.totalResults).toBe(1)
  const [hit] = res.body.results
  expect(hit).toMatchObject({ type: 'statements', url: `http://localhost:3000/statements/${demoStatement.slug}`, locale: 'en' })
  expect(hit.snippet).toContain('<mark>children</mark>')
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(res.headers.get('etag')).toBeTruthy()
  const again = await api('GET', '/search?q=children', { ip: '192.0.2.251', headers: { 'If-None-Match': res.headers.get('etag')! } })
  expect(again.status).toBe(304)
})

test('bad parameters get a 400 naming the parameter', async () => {
  const cases: Array<[string, string]> = [
    ['', 'q'],
    ['q=a', 'q'],
    [`q=${'x'.repeat(201)}`, 'q'],
    ['q=x&type=users', 'type'],
    ['q=trafficking&type=partner-keys', 'type'],
    ['q=trafficking&locale=fr', 'locale'],
    ['q=trafficking&limit=500', 'limit'],
    ['q=trafficking&limit=0', 'limit'],
    ['q=trafficking&page=-1', 'page'],
    ['q=trafficking&year=twenty', 'year'],
    ['q=trafficking&topic=../x', 'topic'],
    ['q=trafficking&where[title][equals]=x', 'where[title][equals]'],
    ['q=trafficking&draft=true', 'draft'],
  ]
  for (const [query, parameter] of cases) {
    const res = await search(query)
    expect({ query, status: res.status, parameter: res.body.errors?.[0]?.parameter }).toEqual({ query, status: 400, parameter })
  }
})

test('partner keys search with their own limit; a key limited to some collections must stay in them', async () => {
  const key = await newKey()
  const res = await search('q=trafficking', { key })
  expect(res.status).toBe(200)
  expect(res.body.results.length).toBeGreaterThan(1)
  expect(res.headers.get('RateLimit-Limit')).toBe('600')

  const limited = await newKey({ allowedCollections: ['statements'] })
  const refused = await search('q=trafficking', { key: limited })
  expect(refused.status).toBe(403)
  expect(refused.body.errors[0].parameter).toBe('type')
  // Even when an unlimited key's answer for the same address is in the cache.
  expect((await search('q=trafficking', { key: limited })).status).toBe(403)
  expect((await search('q=trafficking&type=programs', { key: limited })).status).toBe(403)
  const allowed = await search('q=trafficking&type=statements', { key: limited })
  expect(allowed.status).toBe(200)
  expect(allowed.body.results.every((r: any) => r.type === 'statements')).toBe(true)

  expect((await search('q=trafficking', { key: 'dlk_not-a-real-key' })).status).toBe(401)
})

test('anonymous searches are limited per address (SEARCH_RATE_LIMIT a minute)', async () => {
  const ip = '198.51.100.77'
  for (let i = 0; i < 5; i++) expect((await search(`q=policy+${i}x`, { ip })).status).toBe(200)
  const limited = await search('q=policy+6x', { ip })
  expect(limited.status).toBe(429)
  expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
  expect(limited.body.errors[0].code).toBe('rate_limited')
  expect((await search('q=policy+6x', { ip: '198.51.100.78' })).status).toBe(200)
})

test('an IPv6 searcher is counted per /64: rotating the interface part gets no new allowance', async () => {
  const statuses: number[] = []
  for (let i = 1; i <= 6; i++) statuses.push((await search(`q=policy+${i}y`, { ip: `2001:db8:77:1:${i.toString(16)}::${i}` })).status)
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
  expect((await search('q=policy+7y', { ip: '2001:db8:77:2::1' })).status).toBe(200)
})

test('no draft is ever found, and the cached answer changes when something is published or unpublished', async () => {
  const draft = await makeStatement(payload, { title: 'Kinkajouvian draft', issuingOrganisation: organisation, _status: 'draft' })
  const url = 'q=kinkajouvian'
  const ip = '192.0.2.252'
  expect((await search(url, { ip })).body.totalResults).toBe(0)
  // Staff searching see only what readers see: the index holds published content only.
  expect((await search(url, { token: admin.token })).body.totalResults).toBe(0)

  const published = await api('PATCH', `/statements/${draft.id}`, { token: admin.token, body: { _status: 'published' } })
  expect(published.status).toBe(200)
  const after = await search(url, { ip })
  expect(after.body.totalResults).toBe(1)
  expect(after.body.results[0].path).toBe(`/statements/${draft.slug}`)

  expect((await api('PATCH', `/statements/${draft.id}`, { token: admin.token, body: { _status: 'draft' } })).status).toBe(200)
  expect((await search(url, { ip })).body.totalResults).toBe(0)
})

test('snippets are text: markup in content is escaped, only <mark> is HTML', async () => {
  await makeStatement(payload, {
    title: 'Escaping <b>test</b>',
    body: richText(['The ocelotry <script>alert(1)</script> & "quotes" stay text.']),
    issuingOrganisation: organisation,
    _status: 'published',
  })
  const res = await search('q=ocelotry')
  const snippet: string = res.body.results[0].snippet
  expect(snippet).toContain('<mark>ocelotry</mark>')
  expect(snippet).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;')
  expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
})
