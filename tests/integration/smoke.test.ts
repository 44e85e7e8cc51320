import type { Payload } from 'payload'

import { closePayload, testPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})
afterAll(closePayload)

test('a topic can be created and read back', async () => {
  const topic = await payload.create({ collection: 'topics', data: { name: 'Organised crime' } })
  expect(topic.slug).toBe('organised-crime')
})

import { rest } from '../helpers/rest'

test('REST lists published topics to anonymous readers', async () => {
  await payload.create({ collection: 'topics', data: { name: 'Justice sector' } })
  const res = await rest('GET', '/topics?limit=5')
  expect(res.status).toBe(200)
  expect(res.body.docs.map((d: any) => d.slug)).toContain('justice-sector')
})
