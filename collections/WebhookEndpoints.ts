import type { CollectionAfterOperationHook, CollectionBeforeDeleteHook, CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '../access/staff'
import { generateWebhookSecret, WEBHOOK_EVENTS } from '../partner-api/webhooks'
import { checkTarget, TargetError } from '../partner-api/webhookTarget'
import { partnerReadableCollections } from './PartnerKeys'

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
  labels: { singular: 'Webhook endpoint', plural: 'Webhook endpoints' },
  admin: {
    group: 'Admin',
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'events', 'active', 'updatedAt'],
    description: 'Addresses we call when content is published, updated, unpublished or withdrawn. Draft saves never call them.',
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: { beforeOperation: [issueSecret], afterOperation: [showSecretOnce], beforeDelete: [deleteDeliveryLog] },
  fields: [
    { name: 'name', type: 'text', required: true, admin: { description: 'Whose endpoint this is, e.g. "ReliefWeb ingest".' } },
    {
      name: 'url',
      type: 'text',
      required: true,
      admin: { description: 'Public https:// address. Private, loopback and link-local addresses are refused.' },
      validate: async (value: unknown) => {
        if (typeof value !== 'string' || !value.trim()) return 'Enter the address we should call.'
        try {
          await checkTarget(value.trim())
          return true
        } catch (err) {
          return err instanceof TargetError ? err.message : 'This address cannot be used.'
        }
      },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['published', 'updated', 'unpublished', 'withdrawn'],
      options: WEBHOOK_EVENTS.map((e) => ({ label: e, value: e })),
    },
    {
      name: 'collections',
      type: 'select',
      hasMany: true,
      options: partnerReadableCollections,
      admin: { description: 'Leave empty for every public collection.' },
    },
    {
      name: 'secret',
      type: 'text',
      // Used to sign deliveries; never readable through any API, not even by admins.
      access: { read: () => false, create: isAdminField, update: isAdminField },
      admin: {
        description:
          'Signing secret shared with the partner. Paste a long random value (32+ characters) and send it to them securely, or leave empty when creating through the API to have one generated and returned once. It is never shown again.',
      },
    },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
  ],
}
