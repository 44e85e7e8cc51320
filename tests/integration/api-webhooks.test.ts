/** Webhooks: signed deliveries on publish through the job queue, none on draft saves, retries, log. */
import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

type Received = { headers: http.IncomingHttpHeaders; body: string }
const received: Received[] = []
let failNext = 0
let server: http.Server
let port: number
let payload: any
let admin: any
let api: any
let org: any

async function runJobs() {
  await payload.jobs.run({ limit: 50 })
}
function verify(r: Received, secret: string) {
  const ts = r.headers['x-daleel-timestamp'] as string
  const expected = `sha256=${crypto.createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex')}`
  return r.headers['x-daleel-signature'] === expected
}

beforeAll(async () => {
  // Retries wait 10 ms here instead of 30 s; set before the config is first imported.
  process.env.WEBHOOK_RETRY_DELAY_MS = '10'
  server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      if (failNext > 0) {
        failNext--
        res.writeHead(500).end('boom')
      } else res.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  port = (server.address() as AddressInfo).port
  const { testPayload } = await import('../helpers/payload')
  const fixtures = await import('../helpers/fixtures')
  api = (await import('../helpers/rest')).api
  payload = await testPayload()
  ;({ admin } = await fixtures.createStaff(payload))
  org = await fixtures.makeOrganisation(payload)
}, 120_000)
afterAll(async () => {
  server.close()
  const { closePayload } = await import('../helpers/payload')
  await closePayload()
})

let secret: string

test('private and loopback targets are refused unless explicitly allowed', async () => {
  delete process.env.WEBHOOKS_ALLOW_PRIVATE
  for (const url of [`http://127.0.0.1:${port}/hook`, 'http://169.254.169.254/latest', 'http://10.0.0.5/', 'http://[::1]/', 'http://localhost/']) {
    const res = await api('POST', '/webhook-endpoints', { token: admin.token, body: { name: 'x', url } })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/private or local address/)
  }
  process.env.WEBHOOKS_ALLOW_PRIVATE = 'true'
  const res = await api('POST', '/webhook-endpoints', {
    token: admin.token,
    body: { name: 'Receiver', url: `http://127.0.0.1:${port}/hook`, collections: ['statements'] },
  })
  expect(res.status).toBe(201)
  secret = res.body.doc.secret
  expect(secret).toMatch(/^whsec_/)
  // Shown once: never readable afterwards, not even by admins.
  const again = await api('GET', `/webhook-endpoints/${res.body.doc.id}`, { token: admin.token })
  expect(JSON.stringify(again.body)).not.toContain(secret)
})

let statementId: number | string

test('a draft save sends nothing; publishing sends one correctly signed delivery', async () => {
  const draft = await payload.create({
    collection: 'statements',
    data: { title: 'Webhook statement', statementType: 'press-release', speakerName: 'A', issuingOrganisation: org.id, deliveredOn: '2022-07-01T00:00:00.000Z' },
    draft: true,
  })
  statementId = draft.id
  await payload.update({ collection: 'statements', id: statementId, data: { title: 'Webhook statement (edited draft)' }, draft: true })
  await runJobs()
  expect(received).toHaveLength(0)

  await payload.update({ collection: 'statements', id: statementId, data: { _status: 'published' } })
  // The save returned without waiting for the partner: nothing was sent until the queue ran.
  expect(received).toHaveLength(0)
  await runJobs()
  expect(received).toHaveLength(1)
  const r = received[0]
  expect(verify(r, secret)).toBe(true)
  expect(Math.abs(Number(r.headers['x-daleel-timestamp']) - Date.now() / 1000)).toBeLessThan(60)
  const body = JSON.parse(r.body)
  expect(body).toMatchObject({ event: 'published', collection: 'statements', document: { id: statementId } })
  expect(body.document.url).toMatch(/^http:\/\/localhost:3000\/statements\//)
  expect(verify({ ...r, body: r.body.replace('published', 'unpublished') }, secret)).toBe(false)

  const log = await api('GET', '/webhook-deliveries', { token: admin.token })
  expect(log.body.docs[0]).toMatchObject({ event: 'published', status: 'delivered', attempts: 1, responseCode: 200 })
})

test('a draft saved over the published version sends nothing', async () => {
  await payload.update({ collection: 'statements', id: statementId, data: { title: 'Draft over published' }, draft: true })
  await runJobs()
  expect(received).toHaveLength(1)
})

test('a failed delivery is retried with backoff, and the log shows it', async () => {
  failNext = 1
  await payload.update({ collection: 'statements', id: statementId, data: { title: 'Updated and republished', _status: 'published' } })
  await runJobs()
  expect(received).toHaveLength(2)
  let log = await api('GET', '/webhook-deliveries?sort=-createdAt', { token: admin.token })
  expect(log.body.docs[0]).toMatchObject({ event: 'updated', status: 'retrying', attempts: 1, responseCode: 500 })
  await new Promise((r) => setTimeout(r, 100))
  await runJobs()
  expect(received).toHaveLength(3)
  expect(verify(received[2], secret)).toBe(true)
  log = await api('GET', '/webhook-deliveries?sort=-createdAt', { token: admin.token })
  expect(log.body.docs[0]).toMatchObject({ event: 'updated', status: 'delivered', attempts: 2, responseCode: 200 })
  // The log is read-only to admins and invisible to everyone else.
  expect((await api('GET', '/webhook-deliveries', { ip: '192.0.2.50' })).status).toBe(403)
})

test('unpublishing and withdrawing send their own events; admins can redeliver', async () => {
  await payload.update({ collection: 'statements', id: statementId, data: { withdrawal: { withdrawn: true, explanation: 'Superseded.' }, _status: 'published' } })
  await payload.update({ collection: 'statements', id: statementId, data: { _status: 'draft' } })
  await runJobs()
  const events = received.slice(3).map((r) => JSON.parse(r.body).event)
  expect(events).toEqual(['withdrawn', 'unpublished'])

  const log = await api('GET', '/webhook-deliveries?sort=-createdAt', { token: admin.token })
  const res = await api('POST', `/webhook-deliveries/${log.body.docs[0].id}/redeliver`, { token: admin.token })
  expect(res.status).toBe(200)
  await runJobs()
  expect(JSON.parse(received[received.length - 1].body).event).toBe('unpublished')
  expect(received.length).toBe(6)
})
