import type { CollectionConfig } from 'payload'

import { draftModeForStaffOnly, publishedOrStaff } from '../access/published'
import { isEditor } from '../access/staff'
import { requiredInDefaultLocale } from '../content/fields'
import { phoneProblem } from '../site/phone'
import { publishingFields, recordPublication } from '../workflow/publishing'
import { adminGroups, fieldLabels, inAdminLanguage } from '../translations/labels'

/** Where the organisation can be visited, called or written to (GOV.UK's contact format). */
export const Offices: CollectionConfig = {
  slug: 'offices',
  labels: { singular: { en: 'Office', ur: 'دفتر' }, plural: { en: 'Offices', ur: 'دفاتر' } },
  admin: {
    group: adminGroups.organisation,
    useAsTitle: 'name',
    defaultColumns: ['name', 'city', 'headOffice', 'displayOrder', '_status'],
    description: { en: 'Addresses and phone numbers shown on the contact page.', ur: 'رابطے کے صفحے پر دکھائے جانے والے پتے اور فون نمبر۔' },
  },
  defaultSort: 'displayOrder',
  versions: { drafts: { autosave: { interval: 2000 } }, maxPerDoc: 50 },
  access: { read: publishedOrStaff, create: isEditor, update: isEditor, delete: isEditor },
  // Draft mode is for staff only (see access/published.ts).
  hooks: { beforeChange: [recordPublication], beforeOperation: [draftModeForStaffOnly] },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, label: fieldLabels.name, admin: { description: { en: 'e.g. Islamabad office.', ur: 'مثلاً اسلام آباد دفتر۔' } } },
    { name: 'organisation', type: 'relationship', relationTo: 'organisations', label: fieldLabels.organisation, admin: { description: { en: 'Whose office this is (usually your own organisation).', ur: 'یہ کس کا دفتر ہے (عموماً آپ کا اپنا ادارہ)۔' } } },
    { name: 'city', type: 'text', localized: true, required: true, label: { en: 'City', ur: 'شہر' }, admin: { description: { en: 'e.g. Islamabad.', ur: 'مثلاً اسلام آباد۔' } } },
    {
      name: 'addressLines',
      type: 'array',
      minRows: 1,
      labels: { singular: { en: 'Address line', ur: 'پتے کی سطر' }, plural: { en: 'Address lines', ur: 'پتے کی سطریں' } },
      label: fieldLabels.address,
      admin: { description: { en: 'Street address, one line each, as it should appear on an envelope.', ur: 'گلی محلے کا پتہ، ہر سطر الگ، جیسے لفافے پر لکھا جاتا ہے۔' } },
      fields: [
        {
          name: 'line',
          type: 'text',
          localized: true,
          label: { en: 'Address line', ur: 'پتے کی سطر' },
          validate: requiredInDefaultLocale({ en: 'Write the address line, or remove the empty row.', ur: 'پتے کی سطر لکھیں، یا خالی قطار ہٹا دیں۔' }),
          admin: { description: { en: 'One line of the address.', ur: 'پتے کی ایک سطر۔' } },
        },
      ],
    },
    { name: 'country', type: 'text', localized: true, required: true, defaultValue: 'Pakistan', label: { en: 'Country', ur: 'ملک' }, admin: { description: { en: 'Country, as it should appear on an envelope.', ur: 'ملک، جیسے لفافے پر لکھا جاتا ہے۔' } } },
    {
      name: 'countryCallingCode',
      type: 'text',
      defaultValue: '92',
      label: { en: 'Country calling code', ur: 'ملک کا کوڈ' },
      admin: { description: { en: 'Used to make phone links work from abroad (92 for Pakistan).', ur: 'بیرونِ ملک سے فون لنک کام کرنے کے لیے (پاکستان کے لیے 92)۔' } },
      validate: (v: unknown, { req }: { req?: { i18n?: { language?: string } } }) =>
        !v || /^[0-9]{1,4}$/.test(String(v)) ? true : inAdminLanguage(req, { en: 'Use 1 to 4 digits, e.g. 92.', ur: '1 سے 4 ہندسے لکھیں، مثلاً 92۔' }),
    },
    {
      name: 'phones',
      type: 'array',
      labels: { singular: { en: 'Phone number', ur: 'فون نمبر' }, plural: { en: 'Phone numbers', ur: 'فون نمبر' } },
      label: { en: 'Phone numbers', ur: 'فون نمبر' },
      admin: { description: { en: 'Phone and fax numbers, each with a label.', ur: 'فون اور فیکس نمبر، ہر ایک کی پہچان کے ساتھ۔' } },
      fields: [
        { name: 'label', type: 'text', localized: true, label: { en: 'Label', ur: 'پہچان' }, admin: { description: { en: 'e.g. Phone, Fax, Helpline.', ur: 'مثلاً فون، فیکس، ہیلپ لائن۔' } } },
        { name: 'number', type: 'text', required: true, validate: (v: unknown) => phoneProblem(v) ?? true, label: { en: 'Number', ur: 'نمبر' }, admin: { description: { en: 'As you would dial it locally, e.g. 051 2345678.', ur: 'جیسے ملک کے اندر ملایا جاتا ہے، مثلاً 051 2345678۔' } } },
      ],
    },
    { name: 'email', type: 'email', label: { en: 'Email', ur: 'ای میل' }, admin: { description: { en: 'The public email address for this office (optional).', ur: 'اس دفتر کا عوامی ای میل پتہ (اختیاری)۔' } } },
    { name: 'openingHours', type: 'textarea', localized: true, label: { en: 'Opening hours', ur: 'اوقاتِ کار' }, admin: { description: { en: 'e.g. Monday to Friday, 9am to 5pm.', ur: 'مثلاً پیر تا جمعہ، صبح 9 سے شام 5 بجے تک۔' } } },
    {
      name: 'coordinates',
      type: 'group',
      label: { en: 'Map position', ur: 'نقشے پر مقام' },
      admin: { description: { en: 'Optional. Adds a map link on the contact page.', ur: 'اختیاری۔ رابطے کے صفحے پر نقشے کا لنک لگ جاتا ہے۔' } },
      fields: [
        { name: 'latitude', type: 'number', min: -90, max: 90, label: { en: 'Latitude', ur: 'عرض بلد' }, admin: { description: { en: 'e.g. 33.6844 (from a map app).', ur: 'مثلاً 33.6844 (نقشے کی ایپ سے)۔' } } },
        { name: 'longitude', type: 'number', min: -180, max: 180, label: { en: 'Longitude', ur: 'طول بلد' }, admin: { description: { en: 'e.g. 73.0479 (from a map app).', ur: 'مثلاً 73.0479 (نقشے کی ایپ سے)۔' } } },
      ],
    },
    { name: 'headOffice', type: 'checkbox', defaultValue: false, label: { en: 'Head office', ur: 'مرکزی دفتر' }, admin: { position: 'sidebar', description: { en: 'Tick for the main office; it is listed first.', ur: 'مرکزی دفتر کے لیے نشان لگائیں؛ وہ سب سے پہلے دکھایا جاتا ہے۔' } } },
    {
      name: 'displayOrder',
      type: 'number',
      defaultValue: 10,
      label: { en: 'Display order', ur: 'ترتیب' },
      admin: { position: 'sidebar', description: { en: 'Lower numbers are listed first (after the head office).', ur: 'کم نمبر پہلے دکھائے جاتے ہیں (مرکزی دفتر کے بعد)۔' } },
    },
    ...publishingFields,
  ],
}
