import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isAdmin } from '../access/staff'
import { validateOptionalUrl } from '../collections/Organisations'
import { revalidateWholeSite } from '../content/revalidate'
import { keepTranslationsApart } from './keepTranslationsApart'
import { adminGroups, fieldLabels } from '../translations/labels'

/** Who the organisation is: shown on the home page, in the footer and in search results. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: { en: 'Site settings', ur: 'سائٹ کی ترتیبات' },
  admin: { group: adminGroups.admin, description: { en: 'Organisation name, about text, contact and footer.', ur: 'ادارے کا نام، تعارف، رابطہ اور فُٹر۔' } },
  access: { read: anyone, update: isAdmin },
  hooks: { beforeOperation: [keepTranslationsApart], afterChange: [revalidateWholeSite] },
  fields: [
    { name: 'organisationName', type: 'text', localized: true, required: true, label: { en: 'Organisation name', ur: 'ادارے کا نام' }, admin: { description: { en: 'Shown in the page header and browser tab.', ur: 'صفحے کے اوپر اور براؤزر ٹیب میں دکھایا جاتا ہے۔' } } },
    { name: 'tagline', type: 'text', localized: true, label: { en: 'Tagline', ur: 'نعرہ' }, admin: { description: { en: 'A short line under the name (optional).', ur: 'نام کے نیچے ایک مختصر سطر (اختیاری)۔' } } },
    { name: 'logo', type: 'upload', relationTo: 'media', label: { en: 'Logo', ur: 'لوگو' }, admin: { description: { en: 'Shown in the header. Use an image with a text description.', ur: 'صفحے کے اوپر دکھایا جاتا ہے۔ ایسی تصویر استعمال کریں جس کی تحریری وضاحت موجود ہو۔' } } },
    { name: 'about', type: 'textarea', localized: true, label: { en: 'About', ur: 'تعارف' }, admin: { description: { en: 'A short paragraph for the home page.', ur: 'ہوم پیج کے لیے ایک مختصر پیراگراف۔' } } },
    {
      name: 'socialLinks',
      type: 'array',
      label: { en: 'Social media', ur: 'سوشل میڈیا' },
      labels: { singular: { en: 'Social media page', ur: 'سوشل میڈیا صفحہ' }, plural: { en: 'Social media pages', ur: 'سوشل میڈیا صفحات' } },
      admin: { description: { en: 'Your pages on social media, shown in the footer.', ur: 'سوشل میڈیا پر آپ کے صفحات، فُٹر میں دکھائے جاتے ہیں۔' } },
      fields: [
        { name: 'platform', type: 'text', required: true, label: { en: 'Platform', ur: 'پلیٹ فارم' }, admin: { description: { en: 'e.g. X, Facebook, YouTube.', ur: 'مثلاً X، فیس بک، یوٹیوب۔' } } },
        { name: 'url', type: 'text', required: true, validate: validateOptionalUrl, label: fieldLabels.link, admin: { description: { en: 'The full address of your page, starting with https://.', ur: 'آپ کے صفحے کا پورا پتہ، https:// سے شروع ہونے والا۔' } } },
      ],
    },
    { name: 'contactEmail', type: 'email', label: fieldLabels.contactEmail, admin: { description: { en: 'The public email address shown in the footer.', ur: 'فُٹر میں دکھایا جانے والا عوامی ای میل پتہ۔' } } },
    { name: 'footerText', type: 'textarea', localized: true, label: { en: 'Footer text', ur: 'فُٹر کی عبارت' }, admin: { description: { en: 'A line at the bottom of every page, e.g. copyright.', ur: 'ہر صفحے کے نیچے ایک سطر، مثلاً کاپی رائٹ۔' } } },
  ],
}
