/**
 * Who the caller is (platform/clientAddress.mjs, used by server.mjs for every request): the
 * socket's address, or, only when the socket is a proxy the operator trusts, the address that
 * proxy forwarded. The production-server test is tests/browser/doors.test.ts.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

import { canonicalAddress, clientAddress, parseTrustedProxies } from '../../platform/clientAddress.mjs'

const none = parseTrustedProxies('')
const lb = parseTrustedProxies('10.0.0.2, 172.28.0.0/24, ::1')

test('without trusted proxies, the socket is the caller, whatever the headers claim', () => {
  expect(clientAddress('203.0.113.9', { 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8' }, none)).toBe('203.0.113.9')
  expect(clientAddress('::ffff:203.0.113.9', {}, none)).toBe('203.0.113.9')
  expect(clientAddress(undefined, { 'x-forwarded-for': '1.2.3.4' }, none)).toBe('unknown')
})

test('behind a trusted proxy, the rightmost address that is not a trusted proxy is the caller', () => {
  // nginx appends $remote_addr: the caller's own claims sit to its left and prove nothing.
  expect(clientAddress('10.0.0.2', { 'x-forwarded-for': '1.2.3.4, 198.51.100.7' }, lb)).toBe('198.51.100.7')
  // Two proxies of ours in a row (CDN edge in our range, then the load balancer).
  expect(clientAddress('10.0.0.2', { 'x-forwarded-for': '198.51.100.7, 172.28.0.5' }, lb)).toBe('198.51.100.7')
  // Only X-Real-IP from the proxy.
  expect(clientAddress('::ffff:10.0.0.2', { 'x-real-ip': '198.51.100.8' }, lb)).toBe('198.51.100.8')
  // A connection that is not from the proxy: its headers are ignored.
  expect(clientAddress('198.51.100.9', { 'x-forwarded-for': '10.0.0.2' }, lb)).toBe('198.51.100.9')
  // Garbage in the chain from a trusted hop: the last good hop counts, never the garbage.
  expect(clientAddress('10.0.0.2', { 'x-forwarded-for': 'not-an-ip' }, lb)).toBe('10.0.0.2')
  // Repeated headers (Node joins them; arrays too).
  expect(clientAddress('10.0.0.2', { 'x-forwarded-for': ['1.1.1.1', '198.51.100.10'] } as never, lb)).toBe('198.51.100.10')
  // IPv6 callers, with brackets and zones removed.
  expect(clientAddress('::1', { 'x-forwarded-for': '[2001:db8::5]' }, lb)).toBe('2001:db8::5')
})

test('addresses are compared in one canonical form; odd spellings are not addresses', () => {
  expect(canonicalAddress('::ffff:7f00:1')).toBe('127.0.0.1')
  expect(canonicalAddress('2001:DB8:0:0::1')).toBe('2001:db8::1')
  for (const bad of ['0x7f.1', '2130706433', 'localhost', '', '1.2.3']) expect(canonicalAddress(bad)).toBeNull()
})

test('a TRUSTED_PROXIES entry that is not an address or range is refused with its name', () => {
  expect(() => parseTrustedProxies('10.0.0.1, lb.internal')).toThrow(/lb\.internal/)
  expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/)
})

test('the compose scale profile trusts exactly its nginx, which appends the caller to X-Forwarded-For', () => {
  const root = process.cwd()
  const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true })
  const lbAddress = compose.services.lb.networks.default.ipv4_address
  for (const app of ['app-a', 'app-b']) expect(compose.services[app].environment.TRUSTED_PROXIES).toBe(lbAddress)
  const subnet = compose.networks.default.ipam.config[0].subnet
  expect(parseTrustedProxies(subnet)[0][0].match(parseTrustedProxies(lbAddress)[0][0], Number(subnet.split('/')[1]))).toBe(true)
  const nginx = readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8')
  expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/)
})
