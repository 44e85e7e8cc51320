import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/staff'
import { slugField } from '../content/slug'
import { adminGroups, fieldLabels, inAdminLanguage } from '../translations/labels'

/**
 * Organisations that issue statements, fund work or partner in it (e.g. the Centre for
 * Governance Research, The Asia Foundation). One record each, so attribution is consistent.
 */
export const Organisations: CollectionConfig = {
  slug: 'organisations',
  labels: { singular: { en: 'Organisation', ur: 'ادارہ' }, plural: { en: 'Organisations', ur: 'ادارے' } },
  admin: {
    group: adminGroups.organisation,
    useAsTitle: 'name',
    defaultColumns: ['name', 'acronym', 'updatedAt'],
    description: { en: 'Issuers, funders and partners named in your content.', ur: 'آپ کے مواد میں مذکور جاری کرنے والے ادارے، مالی معاونین اور شراکت دار۔' },
  },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, label: fieldLabels.name, admin: { description: { en: 'The full name, e.g. Centre for Peace and Development Initiatives.', ur: 'پورا نام، مثلاً سینٹر فار پیس اینڈ ڈیولپمنٹ انیشی ایٹوز۔' } } },
    slugField('name'),
    { name: 'acronym', type: 'text', localized: true, label: { en: 'Acronym', ur: 'مخفف' }, admin: { description: { en: 'e.g. CGR, CPDI.', ur: 'مثلاً CGR، CPDI۔' } } },
    { name: 'website', type: 'text', validate: validateOptionalUrl, label: { en: 'Website', ur: 'ویب سائٹ' }, admin: { description: { en: 'Their website, starting with https:// (optional).', ur: 'ان کی ویب سائٹ، https:// سے شروع ہونے والا پتہ (اختیاری)۔' } } },
  ],
}

export function validateOptionalUrl(value: unknown, { req }: { req?: { i18n?: { language?: string } } } = {}): true | string {
  if (value === undefined || value === null || value === '') return true
  try {
    const url = new URL(String(value))
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? true
      : inAdminLanguage(req, { en: 'Use a web address starting with https://', ur: 'https:// سے شروع ہونے والا ویب پتہ لکھیں' })
  } catch {
    return inAdminLanguage(req, { en: 'Use a full web address starting with https://', ur: 'https:// سے شروع ہونے والا پورا ویب پتہ لکھیں' })
  }
}
