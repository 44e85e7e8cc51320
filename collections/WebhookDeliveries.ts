import type { CollectionAfterChangeHook, CollectionConfig, Endpoint } from 'payload'
import { APIError } from 'payload'

import { hasRole } from '../access/roles'
import { isAdmin } from '../access/staff'
import { queueDelivery, WEBHOOK_EVENTS } from '../partner-api/webhooks'

const nobody = () => false

/** Ticking "Redeliver" in the admin queues the same delivery again. */
const redeliverOnRequest: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  if (operation === 'update' && doc.redeliver && !previousDoc?.redeliver) {
    await req.payload.update({
      collection: 'webhook-deliveries',
      id: doc.id,
      data: { redeliver: false, status: 'queued', attempts: 0 },
      overrideAccess: true,
      req,
    })
    await queueDelivery(req.payload, doc.id, req)
  }
  return doc
}

const redeliver: Endpoint = {
  path: '/:id/redeliver',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin')) throw new APIError('Only admins can redeliver webhooks.', 403)
    const id = req.routeParams?.id as string
    await req.payload.update({ collection: 'webhook-deliveries', id, data: { status: 'queued', attempts: 0 }, overrideAccess: true, req })
    await queueDelivery(req.payload, id, req)
    return Response.json({ message: 'Queued for redelivery.', id })
  },
}

/** The log of every webhook call: written by the delivery job, read by admins. */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: { singular: 'Webhook delivery', plural: 'Webhook deliveries' },
  admin: {
    group: 'Admin',
    useAsTitle: 'event',
    defaultColumns: ['event', 'collection', 'documentId', 'status', 'attempts', 'responseCode', 'lastAttemptAt'],
    description: 'Every webhook call and its result. Failed calls are retried automatically; tick "Redeliver" to send one again.',
  },
  access: { read: isAdmin, create: nobody, update: isAdmin, delete: isAdmin },
  hooks: { afterChange: [redeliverOnRequest] },
  endpoints: [redeliver],
  defaultSort: '-createdAt',
  fields: [
    { name: 'endpoint', type: 'relationship', relationTo: 'webhook-endpoints', required: true, admin: { readOnly: true } },
    { name: 'event', type: 'select', options: [...WEBHOOK_EVENTS], required: true, admin: { readOnly: true } },
    { name: 'collection', type: 'text', admin: { readOnly: true } },
    { name: 'documentId', type: 'text', admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'queued',
      options: ['queued', 'retrying', 'delivered', 'failed', 'cancelled'],
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'attempts', type: 'number', defaultValue: 0, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'responseCode', type: 'number', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'durationMs', type: 'number', admin: { readOnly: true } },
    { name: 'lastAttemptAt', type: 'date', admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'deliveredAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'error', type: 'text', admin: { readOnly: true } },
    { name: 'payload', type: 'json', admin: { readOnly: true } },
    { name: 'redeliver', type: 'checkbox', defaultValue: false, admin: { position: 'sidebar', description: 'Tick and save to send this delivery again.' } },
  ],
}
