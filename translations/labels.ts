/**
 * Our own admin words that more than one collection uses, in both languages, stated once; and the
 * helper for messages written in code. Words used by one collection live in that collection.
 */

/** Text in both admin languages. Payload accepts this shape for labels, descriptions and options. */
export type Bilingual = { en: string; ur: string }

/** The admin's navigation groups. */
export const adminGroups = {
  content: { en: 'Content', ur: 'مواد' },
  library: { en: 'Library', ur: 'لائبریری' },
  organisation: { en: 'Organisation', ur: 'ادارہ' },
  admin: { en: 'Admin', ur: 'انتظام' },
} satisfies Record<string, Bilingual>

/** Field names several collections share, so each is worded once and alike everywhere. */
export const fieldLabels = {
  name: { en: 'Name', ur: 'نام' },
  title: { en: 'Title', ur: 'عنوان' },
  summary: { en: 'Summary', ur: 'خلاصہ' },
  organisation: { en: 'Organisation', ur: 'ادارہ' },
  topics: { en: 'Topics', ur: 'موضوعات' },
  status: { en: 'Status', ur: 'حیثیت' },
  startDate: { en: 'Start date', ur: 'آغاز کی تاریخ' },
  endDate: { en: 'End date', ur: 'اختتام کی تاریخ' },
  relatedPrograms: { en: 'Related programs', ur: 'متعلقہ پروگرام' },
  partners: { en: 'Partners', ur: 'شراکت دار' },
  link: { en: 'Link', ur: 'لنک' },
  description: { en: 'Description', ur: 'تفصیل' },
  contactEmail: { en: 'Contact email', ur: 'رابطے کا ای میل' },
  collection: { en: 'Collection', ur: 'مجموعہ' },
  address: { en: 'Address', ur: 'پتہ' },
} satisfies Record<string, Bilingual>

/**
 * The English of a label or description written either way (plain text or `{ en, ur }`), for what
 * is always in English: the OpenAPI document, the audit log's titles. Undefined when there is none.
 */
export function englishText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  const en = value && typeof value === 'object' ? (value as { en?: unknown }).en : undefined
  return typeof en === 'string' ? en : undefined
}

type WithLanguage = { i18n?: { language?: string } | null } | null | undefined

/**
 * A message in the admin language of the request: Urdu for staff whose admin is in Urdu, English
 * otherwise (API callers, jobs, scripts). For validation results and refusals thrown by hooks.
 */
export function inAdminLanguage(req: WithLanguage, text: Bilingual): string {
  return req?.i18n?.language === 'ur' ? text.ur : text.en
}
