/**
 * Webhook targets must be public internet addresses: a partner URL that resolves to loopback,
 * a private network or link-local (cloud metadata) would let an admin form reach inside our
 * network. Checked when the endpoint is saved AND at delivery, connecting to the address checked
 * (so a DNS answer that changes in between cannot slip through). WEBHOOKS_ALLOW_PRIVATE=true lifts
 * the check for development and tests.
 */
import dns from 'node:dns'
import net from 'node:net'

const allowPrivateTargets = () => process.env.WEBHOOKS_ALLOW_PRIVATE === 'true'

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((n, p) => (n << 8) + Number(p), 0) >>> 0
}

const V4_BLOCKED: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
]

function isPrivateAddress(ip: string): boolean {
  if (net.isIPv4(ip)) {
    const n = v4ToInt(ip)
    return V4_BLOCKED.some(([base, bits]) => (n & (bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0)) >>> 0 === v4ToInt(base))
  }
  if (net.isIPv6(ip)) {
    const lower = ip.toLowerCase()
    const mapped = lower.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/)
    if (mapped) return isPrivateAddress(mapped[1])
    if (lower === '::' || lower === '::1') return true
    return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(lower) || lower.startsWith('64:ff9b:') || lower.startsWith('2001:db8')
  }
  return true
}

export class TargetError extends Error {}

/** Resolves the URL's host and returns an address that is safe to connect to, or throws TargetError. */
export async function checkTarget(rawUrl: string): Promise<{ url: URL; address: string; family: number }> {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    throw new TargetError('Enter a full URL, starting with https://')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TargetError('The URL must start with https:// (or http://).')
  if (url.username || url.password) throw new TargetError('The URL must not contain a user name or password.')
  const host = url.hostname.replace(/^\[|\]$/g, '')
  let addresses: { address: string; family: number }[]
  try {
    addresses = net.isIP(host) ? [{ address: host, family: net.isIP(host) }] : await dns.promises.lookup(host, { all: true, verbatim: true })
  } catch {
    throw new TargetError(`The host ${host} could not be found.`)
  }
  if (!addresses.length) throw new TargetError(`The host ${host} could not be found.`)
  if (!allowPrivateTargets()) {
    const bad = addresses.find((a) => isPrivateAddress(a.address))
    if (bad) throw new TargetError(`The host ${host} resolves to a private or local address (${bad.address}); webhooks go to public addresses only.`)
  }
  return { url, ...addresses[0] }
}
