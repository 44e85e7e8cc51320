/** The OpenAPI document is valid, generated from the config, and real responses match it. */
import { Validator } from '@seriousme/openapi-schema-validator'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import type { Payload } from 'payload'

import { GET as openapiRoute } from '../../app/(payload)/api/openapi.json/route'
import {
  makeCampaign,
  makeImage,
  makeOffice,
  makeOrganisation,
  makePerson,
  makeProgram,
  makeStatement,
  makeTopic,
} from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api } from '../helpers/rest'

let payload: Payload
let doc: any

beforeAll(async () => {
  payload = await testPayload()
  const topic = await makeTopic(payload)
  const org = await makeOrganisation(payload)
  const person = await makePerson(payload)
  const image = await makeImage(payload)
  const program = await makeProgram(payload, { _status: 'published', topics: [topic.id] })
  await makeStatement(payload, {
    issuingOrganisation: org.id,
    speaker: person.id,
    topics: [topic.id],
    relatedPrograms: [program.id],
    proposals: [{ text: 'Fund shelters.' }],
    _status: 'published',
  })
  await makeCampaign(payload, { _status: 'published', topics: [topic.id] })
  await makeOffice(payload, { _status: 'published' })
  void image
  const res = await openapiRoute()
  expect(res.status).toBe(200)
  doc = await res.json()
}, 120_000)
afterAll(closePayload)

test('the document is valid OpenAPI 3.1', async () => {
  const result = await new Validator().validate(structuredClone(doc))
  if (!result.valid) console.error(JSON.stringify(result.errors, null, 2).slice(0, 3000))
  expect(result.valid).toBe(true)
  expect(doc.openapi).toBe('3.1.0')
})

test('it describes every public collection, and nothing private', () => {
  for (const slug of ['statements', 'campaigns', 'programs', 'offices', 'people', 'topics', 'organisations', 'media']) {
    expect(doc.paths[`/api/${slug}`]?.get).toBeDefined()
    expect(doc.paths[`/api/${slug}/{id}`]?.get).toBeDefined()
  }
  for (const slug of ['users', 'partner-keys', 'webhook-endpoints', 'webhook-deliveries', 'payload-jobs']) {
    expect(doc.paths[`/api/${slug}`]).toBeUndefined()
  }
  // No private field is described anywhere (the security scheme's `type: apiKey` is not a field).
  const text = JSON.stringify({ schemas: doc.components.schemas, paths: doc.paths })
  expect(text).not.toMatch(/"(password|hash|salt|apiKey|apiKeyIndex|email)"/)
  const list = doc.paths['/api/statements'].get
  expect(list.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['where', 'limit', 'page', 'sort', 'depth', 'locale', 'fallback-locale']))
  expect(list.parameters.map((p: any) => p.name)).not.toContain('draft')
  expect(list.responses['429'].headers['Retry-After']).toBeDefined()
  expect(doc.components.securitySchemes.partnerKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' })
  expect(doc.components.schemas.Statements.properties.title['x-localized'] ?? doc.components.schemas.Statements.properties.title.anyOf?.[0]['x-localized']).toBe(true)
})

test('real responses of every documented endpoint validate against it', async () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ ...doc, $id: 'openapi' })
  const check = (schemaRef: string, body: unknown, label: string) => {
    const validate = ajv.getSchema(`openapi${schemaRef}`) ?? ajv.compile({ $ref: `openapi${schemaRef}` })
    const ok = validate(body)
    if (!ok) throw new Error(`${label}: ${JSON.stringify(validate.errors?.slice(0, 5))}`)
  }
  let checked = 0
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    // Search takes other parameters; its responses are checked in tests/integration/search-api.test.ts.
    if (path.includes('{id}') || path === '/api/search') continue
    for (const depth of [0, 1, 2]) {
      for (const locale of ['en', 'ur', 'all']) {
        const query = path.startsWith('/api/globals') ? `?depth=${depth}&locale=${locale}` : `?depth=${depth}&locale=${locale}&limit=5`
        const res = await api('GET', `${path.replace(/^\/api/, '')}${query}`, { ip: `203.0.113.${depth}` })
        expect(res.status).toBe(200)
        check(item.get.responses['200'].content['application/json'].schema.$ref, res.body, `${path}${query}`)
        checked++
        const detail = doc.paths[`${path}/{id}`]
        if (detail && res.body.docs?.length) {
          const one = await api('GET', `${path.replace(/^\/api/, '')}/${res.body.docs[0].id}?depth=${depth}&locale=${locale}`, { ip: `203.0.113.${depth}` })
          expect(one.status).toBe(200)
          check(detail.get.responses['200'].content['application/json'].schema.$ref, one.body, `${path}/{id}`)
          checked++
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(40)
  // Error responses match the Error schema too.
  const bad = await api('GET', '/statements?limit=500', { ip: '203.0.113.9' })
  check('#/components/schemas/Error', bad.body, 'error')
})
