/**
 * Webhooks: partners hear about what they can see change (published, updated, withdrawn,
 * unpublished). Deliveries are queued in the save's transaction and sent by a job, so a partner's
 * slow server never holds up an editor and a rolled-back save sends nothing.
 */
import { enqueueWebhooks, webhookEventFor } from '../../../partner-api/webhooks'
import { contentType } from '../../registry'
import type { ChangeSubscriber } from '../subscriber'

export const webhooks: ChangeSubscriber = {
  name: 'webhooks',
  async duringSave(change) {
    if (change.global || !contentType(change.collection) || change.req.context?.disableWebhooks) return
    const event = webhookEventFor(change)
    if (!event) return
    // The document as partners know it: the live one (after), or the one that just left.
    const doc = { ...(change.isPublic ? change.after : change.before), ...(change.doc ?? {}) }
    await enqueueWebhooks(change.req, event, change.collection, { ...doc, id: change.id, slug: (change.isPublic ? change.after : change.before)?.slug })
  },
}
