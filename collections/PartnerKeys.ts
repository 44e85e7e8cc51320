import type { CollectionAfterOperationHook, CollectionBeforeOperationHook, CollectionConfig, Endpoint } from 'payload'
import { APIError } from 'payload'

import { hasRole } from '../access/roles'
import { isAdmin } from '../access/staff'
import { contentTypes } from '../content/registry'
import { forgetPartnerKeys, generatePartnerKey } from '../partner-api/partnerKeys'
import { adminGroups, fieldLabels, inAdminLanguage } from '../translations/labels'

/** Collections a key can be limited to: the content types readers can see (content/registry.ts). */
export const partnerReadableCollections = contentTypes.map((t) => t.slug)

const NEW_KEY = 'newPartnerKey'

/** Every new key is made here (256 random bits), never typed by hand, and returned once. */
const issueKeyOnCreate: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create') return args
  // In the admin, the API-key panel makes the key in the browser and shows it before saving: keep that one.
  if (typeof args.data?.apiKey === 'string' && args.data.apiKey.length >= 24) return args
  const key = generatePartnerKey()
  args.data = { ...(args.data ?? {}), enableAPIKey: true, apiKey: key }
  req.context[NEW_KEY] = key
  return args
}

const WRITES = new Set(['create', 'update', 'updateByID', 'delete', 'deleteByID'])

/** The create response carries the key this one time; reads never do (Payload hides apiKey). */
const showKeyOnce: CollectionAfterOperationHook = ({ operation, req, result }) => {
  // A change to a key is seen at once here (the change pipeline tells the other servers). Reads
  // forget nothing: Payload's own API-key check reads this collection on every partner request,
  // and forgetting then made every request look the key up again (and the fast path never answer).
  if (WRITES.has(operation)) forgetPartnerKeys()
  if (operation === 'create' && typeof req.context[NEW_KEY] === 'string' && result && typeof result === 'object') {
    const key = req.context[NEW_KEY] as string
    delete req.context[NEW_KEY]
    return { ...(result as object), key } as unknown as typeof result
  }
  return result
}

/** POST /api/partner-keys/:id/rotate: replaces the key; the old one stops working at once. */
const rotate: Endpoint = {
  path: '/:id/rotate',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin')) throw new APIError(inAdminLanguage(req, { en: 'Only admins can rotate partner keys.', ur: 'شراکت داروں کی کلیدیں صرف ایڈمن بدل سکتے ہیں۔' }), 403)
    const id = req.routeParams?.id as string
    const key = generatePartnerKey()
    await req.payload.update({
      collection: 'partner-keys',
      id,
      data: { enableAPIKey: true, apiKey: key } as any,
      overrideAccess: false,
      user: req.user,
      req,
    })
    forgetPartnerKeys()
    return Response.json({ message: inAdminLanguage(req, { en: 'New key issued. Copy it now: it will not be shown again.', ur: 'نئی کلید جاری ہو گئی۔ اسے ابھی نقل کر لیں: یہ دوبارہ نہیں دکھائی جائے گی۔' }), key, id })
  },
}

/**
 * API keys for partner organisations (NGOs, UN bodies, journalists, aggregators). A key reads
 * published content only; it cannot sign in to the admin and cannot write anything.
 */
export const PartnerKeys: CollectionConfig = {
  slug: 'partner-keys',
  labels: { singular: { en: 'Partner key', ur: 'شراکت دار کی کلید' }, plural: { en: 'Partner keys', ur: 'شراکت داروں کی کلیدیں' } },
  admin: {
    group: adminGroups.admin,
    useAsTitle: 'organisation',
    defaultColumns: ['organisation', 'contactEmail', 'expiresAt', 'revoked', 'lastUsedAt', 'requestCount'],
    description: {
      en: 'Read-only API keys for partners. Tick "Enable API key" and copy the key before you save: it is never shown again. To replace a key, generate a new one and save. Revoke a key to stop it at once.',
      ur: 'شراکت داروں کے لیے صرف پڑھنے والی API کلیدیں۔ "API کلید فعال کریں" پر نشان لگائیں اور محفوظ کرنے سے پہلے کلید کاپی کر لیں: یہ دوبارہ نہیں دکھائی جاتی۔ کلید بدلنے کے لیے نئی بنا کر محفوظ کریں۔ کلید فوراً روکنے کے لیے اسے منسوخ کریں۔',
    },
  },
  auth: { useAPIKey: true, disableLocalStrategy: true },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin, admin: () => false, unlock: isAdmin },
  hooks: {
    beforeOperation: [issueKeyOnCreate],
    afterOperation: [showKeyOnce],
  },
  endpoints: [rotate],
  fields: [
    { name: 'organisation', type: 'text', required: true, label: fieldLabels.organisation, admin: { description: { en: 'Who the key is for, e.g. "UNODC Islamabad".', ur: 'یہ کلید کس کے لیے ہے، مثلاً "UNODC Islamabad"۔' } } },
    { name: 'contactEmail', type: 'email', required: true, label: fieldLabels.contactEmail, admin: { description: { en: 'Who to tell when the key expires or is revoked.', ur: 'کلید کی میعاد ختم ہونے یا منسوخی پر کسے بتانا ہے۔' } } },
    {
      name: 'expiresAt',
      type: 'date',
      required: true,
      defaultValue: () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString(),
      label: { en: 'Expires on', ur: 'میعاد ختم ہونے کی تاریخ' },
      admin: { position: 'sidebar', description: { en: 'The key stops working on this date. One year by default.', ur: 'اس تاریخ کو کلید کام کرنا بند کر دے گی۔ عام طور پر ایک سال۔' } },
    },
    {
      name: 'allowedCollections',
      type: 'select',
      hasMany: true,
      options: partnerReadableCollections,
      label: { en: 'Allowed collections', ur: 'اجازت شدہ مجموعے' },
      admin: { description: { en: 'Leave empty to allow every public collection.', ur: 'تمام عوامی مجموعوں کی اجازت کے لیے خالی چھوڑ دیں۔' } },
    },
    {
      name: 'revoked',
      type: 'checkbox',
      defaultValue: false,
      label: { en: 'Revoked', ur: 'منسوخ' },
      admin: { position: 'sidebar', description: { en: 'Tick to stop this key at once.', ur: 'اس کلید کو فوراً روکنے کے لیے نشان لگائیں۔' } },
    },
    { name: 'notes', type: 'textarea', label: { en: 'Notes', ur: 'نوٹس' }, admin: { description: { en: 'Internal: why the key was issued. Never shown to the partner.', ur: 'اندرونی: کلید کیوں جاری کی گئی۔ شراکت دار کو کبھی نہیں دکھایا جاتا۔' } } },
    {
      name: 'lastUsedAt',
      type: 'date',
      label: { en: 'Last used', ur: 'آخری استعمال' },
      admin: { position: 'sidebar', readOnly: true, description: { en: 'Updated within a minute of use.', ur: 'استعمال کے ایک منٹ کے اندر اپ ڈیٹ ہوتا ہے۔' } },
    },
    { name: 'requestCount', type: 'number', defaultValue: 0, label: { en: 'Requests', ur: 'درخواستیں' }, admin: { position: 'sidebar', readOnly: true } },
  ],
}
