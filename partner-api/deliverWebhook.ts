/**
 * One webhook delivery attempt. A failure (network error or non-2xx answer) throws, so Payload's
 * job queue retries it with exponential backoff; every attempt is written to the delivery log.
 */
import type { TaskConfig } from 'payload'

import { MAX_ATTEMPTS, send } from './webhooks'
import { TargetError } from './webhookTarget'

const retryDelay = () => Number(process.env.WEBHOOK_RETRY_DELAY_MS) || 30_000

export const deliverWebhookTask: TaskConfig<any> = {
  slug: 'deliverWebhook',
  label: 'Deliver a webhook',
  inputSchema: [{ name: 'deliveryId', type: 'text', required: true }],
  retries: { attempts: MAX_ATTEMPTS - 1, backoff: { type: 'exponential', delay: retryDelay() } },
  handler: async ({ input, req }) => {
    const payload = req.payload
    const delivery = (await payload.findByID({ collection: 'webhook-deliveries', id: input.deliveryId, depth: 0, overrideAccess: true, req }).catch(() => null)) as any
    if (!delivery) return { output: {} }
    const endpoint = (await payload
      .findByID({ collection: 'webhook-endpoints', id: delivery.endpoint, depth: 0, overrideAccess: true, showHiddenFields: true, req })
      .catch(() => null)) as any
    const attempts = (delivery.attempts ?? 0) + 1
    const log = (data: Record<string, unknown>) =>
      payload.update({ collection: 'webhook-deliveries', id: delivery.id, data: { attempts, lastAttemptAt: new Date().toISOString(), ...data }, overrideAccess: true, req })

    if (!endpoint || !endpoint.active) {
      await log({ status: 'cancelled', error: 'The endpoint was removed or switched off.' })
      return { output: {} }
    }
    let result
    try {
      result = await send(endpoint.url, endpoint.secret, String(delivery.id), delivery.event, delivery.payload)
    } catch (err) {
      // A target that fails the address check will not get better by retrying.
      if (err instanceof TargetError) {
        await log({ status: 'failed', error: err.message })
        return { output: {} }
      }
      throw err
    }
    const ok = result.status !== null && result.status >= 200 && result.status < 300
    if (ok) {
      await log({ status: 'delivered', responseCode: result.status, durationMs: result.ms, error: null, deliveredAt: new Date().toISOString() })
      return { output: {} }
    }
    const error = result.error ?? `The endpoint answered ${result.status}.`
    await log({ status: attempts >= MAX_ATTEMPTS ? 'failed' : 'retrying', responseCode: result.status, durationMs: result.ms, error })
    throw new Error(error)
  },
}
