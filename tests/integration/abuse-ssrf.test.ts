/**
 * Abuse suite, class 5: the server's own outgoing requests (webhook deliveries) go only where
 * they may, judged on the address as it will be connected to.
 *
 * An address can be written many ways: decimal, octal and hex IPv4, short forms, IPv4-mapped
 * IPv6 (which the URL parser rewrites to hex: [::ffff:127.0.0.1] becomes [::ffff:7f00:1], which
 * a pattern for "::ffff:a.b.c.d" never matched), NAT64, 6to4, names that resolve to loopback.
 * Each is refused when an admin saves the endpoint and again when the delivery runs (connecting
 * to the address that was checked), and a delivery never follows a redirect.
 */
import { jest } from '@jest/globals'
import dns from 'node:dns'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'

import { checkTarget, isPrivateAddress } from '../../partner-api/webhookTarget'
import { createStaff, makeOrganisation, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api } from '../helpers/rest'

process.env.WEBHOOK_RETRY_DELAY_MS = '10'
// Thirty-odd saves, each validating its URL (and DNS for names): slow on a busy shared machine.
jest.setTimeout(120_000)

let payload: Payload
let admin: StaffMember
let receiver: http.Server
let port: number
const hits: string[] = []

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    hits.push(req.url ?? '')
    if (req.url === '/redirect') res.writeHead(302, { Location: `http://127.0.0.1:${port}/secret-target` }).end()
    else res.writeHead(200).end('ok')
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  port = (receiver.address() as AddressInfo).port
  payload = await testPayload()
  ;({ admin } = await createStaff(payload))
}, 120_000)
afterAll(async () => {
  receiver.close()
  await closePayload()
})

const LOOPBACK_AND_PRIVATE = [
  'http://127.0.0.1/',
  'http://2130706433/', // decimal
  'http://0177.0.0.1/', // octal
  'http://0x7f.0.0.1/', // hex
  'http://0x7f000001/',
  'http://127.1/', // short form
  'http://0/',
  'http://0.0.0.0/',
  'http://[::]/',
  'http://[::1]/',
  'http://[0:0:0:0:0:0:0:1]/',
  'http://[::ffff:127.0.0.1]/', // IPv4-mapped, dotted (the URL parser turns it into hex)
  'http://[::ffff:7f00:1]/', // IPv4-mapped, hex
  'http://[0:0:0:0:0:ffff:7f00:1]/',
  'http://[::ffff:169.254.169.254]/', // cloud metadata, mapped
  'http://[::ffff:10.0.0.5]/',
  'http://[::127.0.0.1]/', // IPv4-compatible (deprecated)
  'http://[64:ff9b::7f00:1]/', // NAT64
  'http://[2002:7f00:1::]/', // 6to4 of 127.0.0.1
  'http://[fe80::1]/',
  'http://[fd12:3456::1]/',
  'http://[fec0::1]/',
  'http://[ff02::1]/',
  'http://169.254.169.254/latest/meta-data/',
  'http://100.64.0.1/',
  'http://10.0.0.5/',
  'http://172.16.0.1/',
  'http://192.168.1.1/',
  'http://198.18.0.1/',
  'http://224.0.0.1/',
  'http://255.255.255.255/',
  'http://localhost/',
  'http://LOCALHOST/',
  'http://localhost./',
  `http://127.0.0.1:${'$PORT'}/hook`,
]
const targets = () => LOOPBACK_AND_PRIVATE.map((u) => u.replace('$PORT', String(port)))

test('every written form of a loopback, private or special address is refused when an admin saves the endpoint', async () => {
  delete process.env.WEBHOOKS_ALLOW_PRIVATE
  const accepted: string[] = []
  for (const url of targets()) {
    const res = await api('POST', '/webhook-endpoints', { token: admin.token, body: { name: 'probe', url } })
    if (res.status !== 400) accepted.push(`${url} → ${res.status}`)
  }
  expect(accepted).toEqual([])
})

test('the address check itself (ipaddr.js), form by form', () => {
  for (const ip of ['127.0.0.1', '::1', '::ffff:7f00:1', '::ffff:127.0.0.1', '::7f00:1', '0.0.0.0', '::', '169.254.169.254', 'fe80::1', '64:ff9b::a00:1', 'not-an-address']) {
    expect({ ip, private: isPrivateAddress(ip) }).toEqual({ ip, private: true })
  }
  for (const ip of ['93.184.216.34', '2606:4700:4700::1111', '::ffff:93.184.216.34']) {
    expect({ ip, private: isPrivateAddress(ip) }).toEqual({ ip, private: false })
  }
})

test('a name that resolves to a public and a private address is refused (every answer is checked)', async () => {
  delete process.env.WEBHOOKS_ALLOW_PRIVATE
  const spy = jest.spyOn(dns.promises, 'lookup').mockResolvedValue([
    { address: '93.184.216.34', family: 4 },
    { address: '::ffff:7f00:1', family: 6 },
  ] as never)
  try {
    await expect(checkTarget('https://partner.example/hook')).rejects.toThrow(/private or local address/)
  } finally {
    spy.mockRestore()
  }
})

async function endpointAndDelivery(url: string) {
  // Saved while private targets were allowed (development), delivered after they no longer are.
  process.env.WEBHOOKS_ALLOW_PRIVATE = 'true'
  const endpoint = await api('POST', '/webhook-endpoints', { token: admin.token, body: { name: 'receiver', url, collections: ['organisations'] } })
  expect(endpoint.status).toBe(201)
  await makeOrganisation(payload, { name: `Webhook org ${Math.random()}` })
  return endpoint.body.doc.id
}

async function switchOff(id: unknown) {
  process.env.WEBHOOKS_ALLOW_PRIVATE = 'true'
  await payload.update({ collection: 'webhook-endpoints', id: id as string, data: { active: false }, overrideAccess: true })
  delete process.env.WEBHOOKS_ALLOW_PRIVATE
}

async function lastDelivery(endpointId: unknown) {
  const log = await payload.find({ collection: 'webhook-deliveries', where: { endpoint: { equals: endpointId } }, sort: '-createdAt', limit: 1, overrideAccess: true })
  return log.docs[0] as any
}

test('at delivery time the address is checked again, in the form it was stored (mapped IPv6 included)', async () => {
  const id = await endpointAndDelivery(`http://[::ffff:127.0.0.1]:${port}/mapped`)
  delete process.env.WEBHOOKS_ALLOW_PRIVATE
  const before = hits.length
  await payload.jobs.run({ limit: 50 })
  expect(hits.slice(before)).toEqual([])
  expect(await lastDelivery(id)).toMatchObject({ status: 'failed' })
  await switchOff(id)
})

test('a delivery never follows a redirect (not even to an address that would pass)', async () => {
  const id = await endpointAndDelivery(`http://127.0.0.1:${port}/redirect`)
  const before = hits.length
  await payload.jobs.run({ limit: 50 })
  expect(hits.slice(before)).toEqual(['/redirect'])
  const delivery = await lastDelivery(id)
  expect(delivery.status).not.toBe('delivered')
  expect(delivery.responseCode).toBe(302)
  await switchOff(id)
})
