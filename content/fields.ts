import type { Field } from 'payload'

import { fieldLabels, inAdminLanguage, type Bilingual } from '../translations/labels'

/** Relation fields that tie content together, shared by every content type. */
export const topicsField: Field = {
  name: 'topics',
  type: 'relationship',
  relationTo: 'topics',
  hasMany: true,
  label: fieldLabels.topics,
  admin: { position: 'sidebar', description: { en: 'Subjects this is about. Readers browse by topic.', ur: 'یہ کن موضوعات کے بارے میں ہے۔ قارئین موضوع کے لحاظ سے مواد دیکھتے ہیں۔' } },
}

/** Localized rich text body, edited with Lexical. */
export const bodyField = (description: Bilingual = { en: 'The main text.', ur: 'اصل متن۔' }): Field => ({
  name: 'body',
  type: 'richText',
  localized: true,
  label: { en: 'Body', ur: 'متن' },
  admin: { description },
})

export const summaryField: Field = {
  name: 'summary',
  type: 'textarea',
  localized: true,
  maxLength: 400,
  label: fieldLabels.summary,
  admin: {
    description: {
      en: 'One or two plain sentences shown in lists, search results and when shared. Up to 400 characters.',
      ur: 'ایک یا دو سادہ جملے جو فہرستوں، تلاش کے نتائج اور شیئر کرتے وقت دکھائی دیتے ہیں۔ زیادہ سے زیادہ 400 حروف۔',
    },
  },
}

/** Shared rule for date ranges: an end date never comes before its start date. */
export const endAfterStart =
  (startField: string) =>
  (value: unknown, { siblingData, req }: { siblingData: Record<string, unknown>; req?: { i18n?: { language?: string } } }) => {
    const start = siblingData?.[startField]
    if (!value || !start) return true
    return new Date(value as string) >= new Date(start as string)
      ? true
      : inAdminLanguage(req, { en: 'The end date must be on or after the start date.', ur: 'اختتام کی تاریخ آغاز کی تاریخ سے پہلے نہیں ہو سکتی۔' })
  }

/**
 * Required in English only. A localized field inside an array must not block saving the Urdu
 * version before every row is translated: missing Urdu falls back to English on the site.
 */
export const requiredInDefaultLocale =
  (message: Bilingual = { en: 'This field is required.', ur: 'یہ خانہ لازمی ہے۔' }) =>
  (value: unknown, { req }: { req: { locale?: string | null; i18n?: { language?: string } } }) => {
    if (req?.locale && req.locale !== 'en' && req.locale !== 'all') return true
    return typeof value === 'string' && value.trim() ? true : inAdminLanguage(req, message)
  }
