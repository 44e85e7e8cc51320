import type { Field } from 'payload'

/** What search engines and social cards show. Empty fields fall back to the title and summary. */
export const seoFields: Field = {
  name: 'seo',
  type: 'group',
  label: { en: 'Search and sharing', ur: 'تلاش اور شیئرنگ' },
  admin: {
    description: {
      en: 'Optional. Leave empty to use the title, summary and main image.',
      ur: 'اختیاری۔ خالی چھوڑ دیں تو عنوان، خلاصہ اور مرکزی تصویر استعمال ہوں گے۔',
    },
  },
  fields: [
    { name: 'title', type: 'text', localized: true, maxLength: 70, label: { en: 'Title for search engines', ur: 'سرچ انجن کے لیے عنوان' }, admin: { description: { en: 'Up to 70 characters.', ur: 'زیادہ سے زیادہ 70 حروف۔' } } },
    {
      name: 'description',
      type: 'textarea',
      localized: true,
      maxLength: 200,
      label: { en: 'Description for search engines', ur: 'سرچ انجن کے لیے تفصیل' },
      admin: { description: { en: 'One or two sentences, up to 200 characters.', ur: 'ایک یا دو جملے، زیادہ سے زیادہ 200 حروف۔' } },
    },
    { name: 'image', type: 'upload', relationTo: 'media', label: { en: 'Sharing image', ur: 'شیئرنگ کی تصویر' }, admin: { description: { en: 'Shown when the page is shared.', ur: 'صفحہ شیئر کرنے پر دکھائی دیتی ہے۔' } } },
  ],
}
