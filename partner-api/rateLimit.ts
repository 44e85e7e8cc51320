/**
 * Rate limits with rate-limiter-flexible: counts in memory by default, in Redis when REDIS_URL is
 * set (with an in-memory insurance limiter if Redis is unreachable, so the API keeps answering).
 */
import ipaddr from 'ipaddr.js'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

import { processState } from '../platform/processState'
import { redis } from '../platform/redis'
import { apiSettings } from './settings'

type Bucket = 'anonymous' | 'partner' | 'login' | 'forgot-password' | 'search'

type Limiter = { limiter: RateLimiterAbstract; points: number }
// One set of counters per process, whichever of Next's bundles counts (platform/processState.ts):
// the fast path, the gateway and the search page share each caller's allowance.
const counters = processState('rateLimits', () => ({ limiters: null as Promise<Record<Bucket, Limiter>> | null }))

async function build(): Promise<Record<Bucket, Limiter>> {
  const s = apiSettings()
  const client = await redis()
  const make = (keyPrefix: string, points: number, duration: number): Limiter => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration })
    const limiter = client
      ? new RateLimiterRedis({ storeClient: client, keyPrefix: `daleel:rl:${keyPrefix}`, points, duration, insuranceLimiter: memory })
      : memory
    return { limiter, points }
  }
  return {
    anonymous: make('anon', s.anonymousPerMinute, 60),
    partner: make('partner', s.partnerPerMinute, 60),
    search: make('search', s.searchPerMinute, 60),
    login: make('login', s.loginPerWindow, s.loginWindowSeconds),
    'forgot-password': make('forgot', s.forgotPerWindow, s.forgotWindowSeconds),
  }
}

/** Forget all counts and re-read the settings (tests). */
export function resetRateLimits() {
  counters.limiters = null
}

export type RateResult = { allowed: boolean; limit: number; remaining: number; resetSeconds: number }

/**
 * The bucket key for a caller's address. An IPv6 subscriber is usually given a whole /64 (2^64
 * addresses to rotate through), so IPv6 callers are counted per /64; IPv4 per address.
 */
export function addressKey(address: string): string {
  try {
    const parsed = ipaddr.process(address)
    if (parsed.kind() === 'ipv6') {
      const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16))
      return `${parts.join(':')}::/64`
    }
    return parsed.toString()
  } catch {
    return address
  }
}

/** Counts `cost` requests (a GraphQL document with several fields, several sign-in attempts) against the bucket. */
export async function consume(bucket: Bucket, key: string, cost = 1): Promise<RateResult> {
  counters.limiters ??= build()
  const { limiter, points } = (await counters.limiters)[bucket]
  try {
    const res = await limiter.consume(key, Math.max(1, Math.ceil(cost)))
    return { allowed: true, limit: points, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) }
  } catch (err) {
    if (err instanceof RateLimiterRes) {
      return { allowed: false, limit: points, remaining: 0, resetSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) }
    }
    // A store failure must not take the API down: let the request through uncounted.
    return { allowed: true, limit: points, remaining: points, resetSeconds: 60 }
  }
}

/** The current state of a bucket without counting a request. */
export async function peek(bucket: Bucket, key: string): Promise<RateResult> {
  counters.limiters ??= build()
  const { limiter, points } = (await counters.limiters)[bucket]
  try {
    const res = await limiter.get(key)
    if (!res) return { allowed: true, limit: points, remaining: points, resetSeconds: 0 }
    const remaining = Math.max(0, points - res.consumedPoints)
    return { allowed: remaining > 0, limit: points, remaining, resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) }
  } catch {
    return { allowed: true, limit: points, remaining: points, resetSeconds: 0 }
  }
}

export function rateHeaders(r: RateResult): Record<string, string> {
  const h: Record<string, string> = {
    'RateLimit-Limit': String(r.limit),
    'RateLimit-Remaining': String(r.remaining),
    'RateLimit-Reset': String(r.resetSeconds),
  }
  if (!r.allowed) h['Retry-After'] = String(r.resetSeconds)
  return h
}
