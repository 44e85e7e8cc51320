import type { CollectionAfterOperationHook, CollectionBeforeDeleteHook, CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '../access/staff'
import { generateWebhookSecret, WEBHOOK_EVENTS } from '../partner-api/webhooks'
import { checkTarget, TargetError } from '../partner-api/webhookTarget'
import { partnerReadableCollections } from './PartnerKeys'
import { adminGroups, fieldLabels, inAdminLanguage, type Bilingual } from '../translations/labels'

/** What each webhook event is called in the admin. */
export const webhookEventLabels: Record<(typeof WEBHOOK_EVENTS)[number], Bilingual> = {
  published: { en: 'Published', ur: 'شائع ہوا' },
  updated: { en: 'Updated', ur: 'اپ ڈیٹ ہوا' },
  unpublished: { en: 'Unpublished', ur: 'اشاعت واپس لی گئی' },
  withdrawn: { en: 'Withdrawn', ur: 'منسوخ ہوا' },
}

const NEW_SECRET = 'newWebhookSecret'

const issueSecret: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create') return args
  if (typeof args.data?.secret === 'string' && args.data.secret.length >= 32) return args
  const secret = generateWebhookSecret()
  args.data = { ...(args.data ?? {}), secret }
  req.context[NEW_SECRET] = secret
  return args
}

const showSecretOnce: CollectionAfterOperationHook = ({ operation, req, result }) => {
  if (operation === 'create' && typeof req.context[NEW_SECRET] === 'string' && result && typeof result === 'object') {
    const secret = req.context[NEW_SECRET] as string
    delete req.context[NEW_SECRET]
    return { ...(result as object), secret } as unknown as typeof result
  }
  return result
}

/** An endpoint's delivery log goes with it (each delivery row must name its endpoint). */
const deleteDeliveryLog: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'webhook-deliveries', where: { endpoint: { equals: id } }, overrideAccess: true, req })
}

/** Partner systems that want to hear about publications. Admins only. */
export const WebhookEndpoints: CollectionConfig = {
  slug: 'webhook-endpoints',
  labels: { singular: { en: 'Webhook endpoint', ur: 'ویب ہک پتہ' }, plural: { en: 'Webhook endpoints', ur: 'ویب ہک پتے' } },
  admin: {
    group: adminGroups.admin,
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'events', 'active', 'updatedAt'],
    description: {
      en: 'Addresses we call when content is published, updated, unpublished or withdrawn. Draft saves never call them.',
      ur: 'وہ پتے جنہیں مواد شائع، اپ ڈیٹ، اشاعت واپس یا منسوخ ہونے پر اطلاع دی جاتی ہے۔ مسودہ محفوظ کرنے پر کبھی نہیں۔',
    },
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: { beforeOperation: [issueSecret], afterOperation: [showSecretOnce], beforeDelete: [deleteDeliveryLog] },
  fields: [
    { name: 'name', type: 'text', required: true, label: fieldLabels.name, admin: { description: { en: 'Whose endpoint this is, e.g. "ReliefWeb ingest".', ur: 'یہ پتہ کس کا ہے، مثلاً "ReliefWeb ingest"۔' } } },
    {
      name: 'url',
      type: 'text',
      required: true,
      label: fieldLabels.address,
      admin: { description: { en: 'Public https:// address. Private, loopback and link-local addresses are refused.', ur: 'عوامی https:// پتہ۔ نجی، لوپ بیک اور لنک لوکل پتے قبول نہیں کیے جاتے۔' } },
      validate: async (value: unknown, { req }: { req?: { i18n?: { language?: string } } }) => {
        if (typeof value !== 'string' || !value.trim()) return inAdminLanguage(req, { en: 'Enter the address we should call.', ur: 'وہ پتہ درج کریں جسے اطلاع بھیجنی ہے۔' })
        try {
          await checkTarget(value.trim())
          return true
        } catch (err) {
          return inAdminLanguage(req, err instanceof TargetError ? err.text : { en: 'This address cannot be used.', ur: 'یہ پتہ استعمال نہیں کیا جا سکتا۔' })
        }
      },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['published', 'updated', 'unpublished', 'withdrawn'],
      options: WEBHOOK_EVENTS.map((e) => ({ label: webhookEventLabels[e], value: e })),
      label: { en: 'Events', ur: 'واقعات' },
    },
    {
      name: 'collections',
      type: 'select',
      hasMany: true,
      options: partnerReadableCollections,
      label: { en: 'Collections', ur: 'مجموعے' },
      admin: { description: { en: 'Leave empty for every public collection.', ur: 'تمام عوامی مجموعوں کے لیے خالی چھوڑ دیں۔' } },
    },
    {
      name: 'secret',
      type: 'text',
      // Used to sign deliveries; never readable through any API, not even by admins.
      access: { read: () => false, create: isAdminField, update: isAdminField },
      label: { en: 'Signing secret', ur: 'دستخطی راز' },
      admin: {
        description: {
          en: 'Signing secret shared with the partner. Paste a long random value (32+ characters) and send it to them securely, or leave empty when creating through the API to have one generated and returned once. It is never shown again.',
          ur: 'شراکت دار کے ساتھ مشترک دستخطی راز۔ ایک لمبی بے ترتیب قدر (32 یا زیادہ حروف) چسپاں کریں اور محفوظ طریقے سے انہیں بھیجیں، یا API سے بناتے وقت خالی چھوڑ دیں تاکہ یہ خود بن کر ایک بار لوٹا دیا جائے۔ یہ دوبارہ نہیں دکھایا جاتا۔',
        },
      },
    },
    { name: 'active', type: 'checkbox', defaultValue: true, label: { en: 'Active', ur: 'فعال' }, admin: { position: 'sidebar' } },
  ],
}
