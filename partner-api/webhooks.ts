/**
 * Outgoing webhooks: which change is which event, who wants it, and the signed HTTP delivery. The
 * change pipeline calls this for every content change (content/changes/subscribers/webhooks.ts).
 * Deliveries are queued as Payload jobs (partner-api/deliverWebhook.ts) so the editor's save never waits
 * for a partner's server.
 */
import crypto from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { Payload, PayloadRequest } from 'payload'

import type { ContentChange } from '../content/changes/event'
import { serverURL } from '../platform/serverUrl'
import { documentPath } from '../site/paths'
import { checkTarget } from './webhookTarget'

export const WEBHOOK_EVENTS = ['published', 'updated', 'unpublished', 'withdrawn'] as const
type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]
const SIGNATURE_HEADER = 'X-Daleel-Signature'
const TIMESTAMP_HEADER = 'X-Daleel-Timestamp'
export const MAX_ATTEMPTS = 6 // the first try and five retries

export function generateWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString('base64url')}`
}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`: partners recompute it to trust the call. */
function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/**
 * The webhook event a classified change is for partners (content/changes/event.ts), or null when
 * partners saw nothing change. Taking a public document off the site, whichever way (unpublish,
 * trash, delete), is `unpublished`; bringing one back is `published`.
 */
export function webhookEventFor(change: Pick<ContentChange, 'kinds' | 'wasPublic' | 'isPublic'>): WebhookEvent | null {
  const { kinds, wasPublic, isPublic } = change
  if (kinds.includes('draftSaved')) return null
  if (wasPublic && !isPublic) return 'unpublished'
  if (!wasPublic && isPublic) return kinds.includes('withdrawn') ? 'withdrawn' : 'published'
  if (wasPublic && isPublic) return kinds.includes('withdrawn') ? 'withdrawn' : 'updated'
  return null
}

function publicUrl(collection: string, doc: any): string | null {
  const path = doc?.slug ? documentPath('en', collection, doc.slug) : null
  return path ? `${serverURL()}${path}` : null
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && typeof (value as any).en === 'string') return (value as any).en
  return null
}

/** Queue one delivery per interested endpoint (in the change's transaction; sent by a job, partner-api/deliverWebhook.ts). */
export async function enqueueWebhooks(req: PayloadRequest, event: WebhookEvent, collection: string, doc: any) {
  const endpoints = await req.payload.find({
    collection: 'webhook-endpoints',
    where: { and: [{ active: { equals: true } }, { events: { contains: event } }] },
    overrideAccess: true,
    depth: 0,
    limit: 200,
    req,
  })
  const targets = endpoints.docs.filter((e: any) => !e.collections?.length || e.collections.includes(collection))
  if (!targets.length) return
  const occurredAt = new Date().toISOString()
  const body = {
    event,
    collection,
    occurredAt,
    document: {
      id: doc.id,
      slug: doc.slug ?? null,
      title: textOf(doc.title) ?? textOf(doc.name),
      url: publicUrl(collection, doc),
      apiUrl: `${serverURL()}/api/${collection}/${doc.id}`,
    },
  }
  for (const endpoint of targets) {
    const delivery = await req.payload.create({
      collection: 'webhook-deliveries',
      data: { endpoint: endpoint.id, event, collection, documentId: String(doc.id), payload: body, status: 'queued', attempts: 0 },
      overrideAccess: true,
      req,
    })
    await queueDelivery(req.payload, delivery.id, req)
  }
}

export async function queueDelivery(payload: Payload, deliveryId: string | number, req?: PayloadRequest) {
  await payload.jobs.queue({ task: 'deliverWebhook', input: { deliveryId: String(deliveryId) }, req } as any)
}

type SendResult = { status: number | null; error?: string; ms: number }

/** POSTs the signed body to the endpoint, connecting only to the address that passed the target check. */
export async function send(urlString: string, secret: string, deliveryId: string, event: string, bodyObject: unknown, timeoutMs = 10_000): Promise<SendResult> {
  const started = Date.now()
  const { url, address, family } = await checkTarget(urlString)
  const body = JSON.stringify({ id: deliveryId, ...(bodyObject as object) })
  const timestamp = String(Math.floor(Date.now() / 1000))
  const client = url.protocol === 'https:' ? https : http
  return new Promise<SendResult>((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        timeout: timeoutMs,
        lookup: (_host, _opts, cb: any) => (_opts && (_opts as any).all ? cb(null, [{ address, family }]) : cb(null, address, family)),
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Daleel-Webhooks/1',
          [SIGNATURE_HEADER]: sign(secret, timestamp, body),
          [TIMESTAMP_HEADER]: timestamp,
          'X-Daleel-Event': event,
          'X-Daleel-Delivery': deliveryId,
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? null, ms: Date.now() - started }))
      },
    )
    request.on('timeout', () => request.destroy(new Error('timed out')))
    request.on('error', (err) => resolve({ status: null, error: err.message, ms: Date.now() - started }))
    request.end(body)
  })
}
