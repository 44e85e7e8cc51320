/**
 * Who is calling: the address rate limits and login lockouts key on.
 *
 * `X-Forwarded-For` and `X-Real-IP` are written by whoever sends the request, so they are only
 * believed when the connection comes from a reverse proxy the operator named in TRUSTED_PROXIES
 * (addresses or CIDR ranges, comma-separated, e.g. `127.0.0.1, 10.0.0.0/8`). Then the
 * X-Forwarded-For chain is read from the right (the entry our proxy appended) leftwards, and the
 * first address that is not itself a trusted proxy is the caller: entries further left were
 * written by the caller and prove nothing. Without TRUSTED_PROXIES the socket's own address is
 * the caller, whatever the headers say. (The same rule as Express's `trust proxy`; written here
 * on ipaddr.js because the front server, server.mjs, is plain JavaScript without Express.)
 *
 * server.mjs works the address out for every request, from the socket, and hands it to the app
 * in CLIENT_ADDRESS_HEADER after deleting whatever the client sent under that name. Route
 * handlers read it with `requestClientAddress`, which believes the header only when server.mjs
 * is the process's front door (under `next dev` there is no socket to ask, and every caller is
 * "unknown").
 */
import ipaddr from 'ipaddr.js'

export const CLIENT_ADDRESS_HEADER = 'x-daleel-client-address'
const FRONT_SERVER = Symbol.for('daleel.clientAddressFromFrontServer')

/** A canonical text form: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as plain IPv4; null when not an address. */
export function canonicalAddress(raw) {
  if (typeof raw !== 'string') return null
  const text = raw.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  if (!ipaddr.isValid(text)) return null
  // Only the standard forms: ipaddr.js also accepts "0x7f.1" and the like, which no proxy writes.
  if (!ipaddr.IPv6.isValid(text) && !ipaddr.IPv4.isValidFourPartDecimal(text)) return null
  const parsed = ipaddr.process(text)
  return parsed.toString()
}

/** Parses TRUSTED_PROXIES. Throws with a plain message on an entry that is not an address or range. */
export function parseTrustedProxies(value = '') {
  const ranges = []
  for (const entry of String(value).split(',').map((s) => s.trim()).filter(Boolean)) {
    try {
      if (entry.includes('/')) {
        const [addr, bits] = ipaddr.parseCIDR(entry)
        ranges.push([addr.kind() === 'ipv6' && addr.isIPv4MappedAddress() ? addr.toIPv4Address() : addr, addr.kind() === 'ipv6' && addr.isIPv4MappedAddress() ? bits - 96 : bits])
      } else {
        const addr = ipaddr.process(entry)
        ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128])
      }
    } catch {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/24).`)
    }
  }
  return ranges
}

function isTrusted(address, ranges) {
  if (!address || !ranges.length) return false
  const parsed = ipaddr.process(address)
  return ranges.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits))
}

/**
 * The caller's address for a request that arrived on a socket from `socketAddress`.
 * `headers` is Node's IncomingHttpHeaders (lower-case names; repeated headers joined or arrays).
 */
export function clientAddress(socketAddress, headers, ranges) {
  let address = canonicalAddress(socketAddress) ?? 'unknown'
  if (!isTrusted(address, ranges)) return address
  const raw = headers['x-forwarded-for']
  const chain = (Array.isArray(raw) ? raw.join(',') : String(raw ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (!chain.length) {
    // A proxy that sets only X-Real-IP (nginx's `proxy_set_header X-Real-IP $remote_addr`).
    const real = canonicalAddress(Array.isArray(headers['x-real-ip']) ? headers['x-real-ip'][0] : headers['x-real-ip'])
    return real ?? address
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = canonicalAddress(chain[i])
    // Garbage in the chain was not written by a proxy we trust: the last good hop is the caller.
    if (!hop) return address
    address = hop
    if (!isTrusted(hop, ranges)) return hop
  }
  return address
}

/** Called by server.mjs: from now on CLIENT_ADDRESS_HEADER is set by us on every request. */
export function frontServerSetsClientAddress() {
  globalThis[FRONT_SERVER] = true
}

/** The caller's address inside a route handler (a Fetch API Headers object), or 'unknown'. */
export function requestClientAddress(headers) {
  if (!globalThis[FRONT_SERVER]) return 'unknown'
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || 'unknown'
}
