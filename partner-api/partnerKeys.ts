/**
 * Partner-key lookups for the gateway, and cheap usage counting.
 *
 * Lookups: the gateway must know a key's state (revoked, expired, allowed collections) before
 * Payload runs. The document is found by the same HMAC index Payload's API-key strategy uses, and
 * remembered for a few minutes: any change to a key drops the memory at once on every server (the
 * change pipeline's apiCache subscriber, through Redis with several servers), so a revocation is
 * immediate; expiry dates are checked on every use.
 *
 * Usage: writing lastUsedAt/requestCount on every request would turn every read into a write.
 * Counts are added up in memory and written at most every FLUSH_MS per key (and on demand in
 * tests): a crash loses at most that many seconds of counts, which is fine for an indicator.
 */
import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { processState } from '../platform/processState'

export const PARTNER_KEYS = 'partner-keys'
export const KEY_HEADER_PREFIX = `${PARTNER_KEYS} API-Key `
const KEY_TTL_MS = 5 * 60_000
const FLUSH_MS = 30_000

export type PartnerKeyState = {
  id: number | string
  organisation: string
  revoked: boolean
  expiresAt: string | null
  allowedCollections: string[]
}

// Once per process, whichever of Next's bundles asks (platform/processState.ts): a revoked key is
// forgotten by the fast path and the gateway alike.
const lookups = processState('partnerKeyLookups', () => new Map<string, { at: number; state: PartnerKeyState | null }>())

export function forgetPartnerKeys() {
  lookups.clear()
}

/** A new random key: 256 bits, URL-safe, with a prefix so leaked keys are easy to recognise and scan for. */
export function generatePartnerKey(): string {
  return `dlk_${crypto.randomBytes(32).toString('base64url')}`
}

/** The remembered state of a key, without asking the database (undefined: not remembered). */
export function rememberedPartnerKey(payload: Payload, key: string): PartnerKeyState | null | undefined {
  const hit = lookups.get(crypto.createHmac('sha256', payload.secret).update(key).digest('hex'))
  return hit && Date.now() - hit.at < KEY_TTL_MS ? hit.state : undefined
}

export async function findPartnerKey(payload: Payload, key: string): Promise<PartnerKeyState | null> {
  const remembered = rememberedPartnerKey(payload, key)
  if (remembered !== undefined) return remembered
  const index = crypto.createHmac('sha256', payload.secret).update(key).digest('hex')
  const found = await payload.find({
    collection: PARTNER_KEYS as 'partner-keys',
    where: { apiKeyIndex: { equals: index } },
    overrideAccess: true,
    depth: 0,
    limit: 1,
    pagination: false,
  })
  const doc = found.docs[0] as any
  const state: PartnerKeyState | null = doc
    ? {
        id: doc.id,
        organisation: doc.organisation,
        revoked: Boolean(doc.revoked),
        expiresAt: doc.expiresAt ?? null,
        allowedCollections: Array.isArray(doc.allowedCollections) ? doc.allowedCollections : [],
      }
    : null
  if (lookups.size > 5000) lookups.clear()
  lookups.set(index, { at: Date.now(), state })
  return state
}

/** Why a key may not be used right now, in words a partner can act on; null when it is fine. */
export function keyProblem(state: PartnerKeyState | null, now = new Date()): string | null {
  if (!state) return 'This API key is not valid. Check that you copied it whole, or ask for a new one.'
  if (state.revoked) return 'This API key has been revoked. Ask the organisation for a new key.'
  if (state.expiresAt && new Date(state.expiresAt) <= now) {
    return `This API key expired on ${state.expiresAt.slice(0, 10)}. Ask the organisation to renew it.`
  }
  return null
}

const pending = processState('partnerKeyUsage', () => new Map<string, { id: number | string; count: number; last: Date }>())
let timer: NodeJS.Timeout | null = null
let payloadRef: Payload | null = null

export function recordUsage(payload: Payload, id: number | string) {
  payloadRef = payload
  const key = String(id)
  const entry = pending.get(key) ?? { id, count: 0, last: new Date() }
  entry.count++
  entry.last = new Date()
  pending.set(key, entry)
  if (!timer) {
    timer = setTimeout(() => void flushPartnerKeyUsage(), FLUSH_MS)
    timer.unref?.()
  }
}

/** Writes the counted usage to the key documents. Safe to call any time. */
export async function flushPartnerKeyUsage(): Promise<void> {
  if (timer) clearTimeout(timer)
  timer = null
  const payload = payloadRef
  if (!payload) return
  const entries = [...pending.values()]
  pending.clear()
  for (const e of entries) {
    try {
      const doc = (await payload.findByID({ collection: PARTNER_KEYS as 'partner-keys', id: e.id, depth: 0, overrideAccess: true })) as any
      await payload.db.updateOne({
        collection: PARTNER_KEYS,
        id: e.id,
        data: { lastUsedAt: e.last.toISOString(), requestCount: (doc?.requestCount ?? 0) + e.count },
      } as any)
    } catch {
      // The key may have been deleted meanwhile; its usage no longer matters.
    }
  }
}
