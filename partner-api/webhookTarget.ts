/**
 * Webhook targets must be public internet addresses: a partner URL that resolves to loopback,
 * a private network or link-local (cloud metadata) would let an admin form reach inside our
 * network. Checked when the endpoint is saved AND at delivery, connecting to the address checked
 * (so a DNS answer that changes in between cannot slip through). WEBHOOKS_ALLOW_PRIVATE=true lifts
 * the check for development and tests.
 */
import dns from 'node:dns'
import net from 'node:net'
import ipaddr from 'ipaddr.js'

import type { Bilingual } from '../translations/labels'

const allowPrivateTargets = () => process.env.WEBHOOKS_ALLOW_PRIVATE === 'true'

/**
 * IPv6 ranges ipaddr.js files under "unicast" that must not be reached either: IPv4-compatible
 * addresses (::a.b.c.d, deprecated, routed to IPv4 by some stacks) and site-local (fec0::/10).
 */
const V6_ALSO_BLOCKED = [ipaddr.parseCIDR('::/96'), ipaddr.parseCIDR('fec0::/10')]

/**
 * Only ordinary public unicast addresses may be webhook targets. Judged by ipaddr.js on the
 * address itself, in whatever form it was written (IPv4-mapped IPv6 such as ::ffff:7f00:1 is its
 * IPv4 address): loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast,
 * reserved, documentation, NAT64, 6to4, Teredo and unspecified (0.0.0.0, ::) are all refused.
 */
export function isPrivateAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return true
  let parsed: ipaddr.IPv4 | ipaddr.IPv6
  try {
    parsed = ipaddr.parse(ip)
  } catch {
    return true
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  if (parsed.range() !== 'unicast') return true
  if (parsed.kind() === 'ipv6' && V6_ALSO_BLOCKED.some((range) => parsed.match(range))) return true
  return false
}

/** Why an address is refused, in both admin languages (the English is the error's message, for logs and API callers). */
export class TargetError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en)
  }
}

const notFound = (host: string): Bilingual => ({ en: `The host ${host} could not be found.`, ur: `میزبان ${host} نہیں ملا۔` })

/** Resolves the URL's host and returns an address that is safe to connect to, or throws TargetError. */
export async function checkTarget(rawUrl: string): Promise<{ url: URL; address: string; family: number }> {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    throw new TargetError({ en: 'Enter a full URL, starting with https://', ur: 'پورا پتہ درج کریں، جو https:// سے شروع ہو۔' })
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TargetError({ en: 'The URL must start with https:// (or http://).', ur: 'پتہ https:// (یا http://) سے شروع ہونا چاہیے۔' })
  if (url.username || url.password) throw new TargetError({ en: 'The URL must not contain a user name or password.', ur: 'پتے میں صارف نام یا پاس ورڈ نہیں ہونا چاہیے۔' })
  const host = url.hostname.replace(/^\[|\]$/g, '')
  let addresses: { address: string; family: number }[]
  try {
    addresses = net.isIP(host) ? [{ address: host, family: net.isIP(host) }] : await dns.promises.lookup(host, { all: true, verbatim: true })
  } catch {
    throw new TargetError(notFound(host))
  }
  if (!addresses.length) throw new TargetError(notFound(host))
  if (!allowPrivateTargets()) {
    const bad = addresses.find((a) => isPrivateAddress(a.address))
    if (bad) {
      throw new TargetError({
        en: `The host ${host} resolves to a private or local address (${bad.address}); webhooks go to public addresses only.`,
        ur: `میزبان ${host} ایک نجی یا مقامی پتے (${bad.address}) پر جاتا ہے؛ ویب ہکس صرف عوامی پتوں پر بھیجے جاتے ہیں۔`,
      })
    }
  }
  return { url, ...addresses[0] }
}
