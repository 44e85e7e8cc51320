import type { CollectionAfterChangeHook, CollectionConfig, Endpoint } from 'payload'
import { APIError } from 'payload'

import { hasRole } from '../access/roles'
import { isAdmin } from '../access/staff'
import { queueDelivery, WEBHOOK_EVENTS } from '../partner-api/webhooks'
import { adminGroups, fieldLabels, inAdminLanguage } from '../translations/labels'
import { webhookEventLabels } from './WebhookEndpoints'

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
    if (!hasRole(req.user, 'admin')) throw new APIError(inAdminLanguage(req, { en: 'Only admins can redeliver webhooks.', ur: 'ویب ہکس صرف ایڈمن دوبارہ بھیج سکتے ہیں۔' }), 403)
    const id = req.routeParams?.id as string
    await req.payload.update({ collection: 'webhook-deliveries', id, data: { status: 'queued', attempts: 0 }, overrideAccess: true, req })
    await queueDelivery(req.payload, id, req)
    return Response.json({ message: inAdminLanguage(req, { en: 'Queued for redelivery.', ur: 'دوبارہ بھیجنے کے لیے قطار میں لگا دیا گیا۔' }), id })
  },
}

/** The log of every webhook call: written by the delivery job, read by admins. */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: { singular: { en: 'Webhook delivery', ur: 'ویب ہک ترسیل' }, plural: { en: 'Webhook deliveries', ur: 'ویب ہک ترسیلات' } },
  admin: {
    group: adminGroups.admin,
    useAsTitle: 'event',
    defaultColumns: ['event', 'collection', 'documentId', 'status', 'attempts', 'responseCode', 'lastAttemptAt'],
    description: {
      en: 'Every webhook call and its result. Failed calls are retried automatically; tick "Redeliver" to send one again.',
      ur: 'ہر ویب ہک اطلاع اور اس کا نتیجہ۔ ناکام اطلاعات خود دوبارہ بھیجی جاتی ہیں؛ کسی کو پھر سے بھیجنے کے لیے "دوبارہ بھیجیں" پر نشان لگائیں۔',
    },
  },
  access: { read: isAdmin, create: nobody, update: isAdmin, delete: isAdmin },
  hooks: { afterChange: [redeliverOnRequest] },
  endpoints: [redeliver],
  defaultSort: '-createdAt',
  fields: [
    { name: 'endpoint', type: 'relationship', relationTo: 'webhook-endpoints', required: true, label: { en: 'Endpoint', ur: 'پتہ' }, admin: { readOnly: true } },
    { name: 'event', type: 'select', options: WEBHOOK_EVENTS.map((e) => ({ label: webhookEventLabels[e], value: e })), required: true, label: { en: 'Event', ur: 'واقعہ' }, admin: { readOnly: true } },
    { name: 'collection', type: 'text', label: fieldLabels.collection, admin: { readOnly: true } },
    { name: 'documentId', type: 'text', label: { en: 'Document ID', ur: 'دستاویز کی ID' }, admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'queued',
      options: [
        { label: { en: 'Queued', ur: 'قطار میں' }, value: 'queued' },
        { label: { en: 'Retrying', ur: 'دوبارہ کوشش' }, value: 'retrying' },
        { label: { en: 'Delivered', ur: 'پہنچ گئی' }, value: 'delivered' },
        { label: { en: 'Failed', ur: 'ناکام' }, value: 'failed' },
        { label: { en: 'Cancelled', ur: 'منسوخ' }, value: 'cancelled' },
      ],
      label: fieldLabels.status,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'attempts', type: 'number', defaultValue: 0, label: { en: 'Attempts', ur: 'کوششیں' }, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'responseCode', type: 'number', label: { en: 'Response code', ur: 'جوابی کوڈ' }, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'durationMs', type: 'number', label: { en: 'Duration (ms)', ur: 'دورانیہ (ملی سیکنڈ)' }, admin: { readOnly: true } },
    { name: 'lastAttemptAt', type: 'date', label: { en: 'Last attempt', ur: 'آخری کوشش' }, admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'deliveredAt', type: 'date', label: { en: 'Delivered at', ur: 'پہنچنے کا وقت' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'error', type: 'text', label: { en: 'Error', ur: 'خرابی' }, admin: { readOnly: true } },
    { name: 'payload', type: 'json', label: { en: 'Payload', ur: 'بھیجا گیا مواد' }, admin: { readOnly: true } },
    { name: 'redeliver', type: 'checkbox', defaultValue: false, label: { en: 'Redeliver', ur: 'دوبارہ بھیجیں' }, admin: { position: 'sidebar', description: { en: 'Tick and save to send this delivery again.', ur: 'یہ اطلاع دوبارہ بھیجنے کے لیے نشان لگا کر محفوظ کریں۔' } } },
  ],
}
