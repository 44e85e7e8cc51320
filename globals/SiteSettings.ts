import type { GlobalConfig, PayloadRequest } from 'payload'

import { anyone } from '../access/anyone'
import { isAdmin } from '../access/staff'
import { validateOptionalUrl } from '../collections/Organisations'
import { brandColourProblem, DEFAULT_BRAND } from '../site/colour'
import { keepTranslationsApart } from './keepTranslationsApart'
import { adminGroups, fieldLabels, inAdminLanguage } from '../translations/labels'

/** The logo must describe itself to blind readers in both languages (Media's alt text is per language). */
async function logoProblem(value: unknown, { req }: { req: PayloadRequest }): Promise<true | string> {
  const id = value && typeof value === 'object' ? (value as { id?: number | string }).id : value
  if (id === undefined || id === null || id === '') return true
  try {
    // Not passing `req`: the Local API would set its locale to 'all' for the rest of this save.
    const media = (await req.payload.findByID({ collection: 'media', id: id as number, locale: 'all', depth: 0, overrideAccess: true })) as { alt?: Record<string, string | null> | string | null; mimeType?: string | null }
    if (!String(media.mimeType ?? '').startsWith('image/')) return inAdminLanguage(req, { en: 'The logo must be a picture.', ur: 'لوگو کوئی تصویر ہونی چاہیے۔' })
    const alt = media.alt && typeof media.alt === 'object' ? media.alt : { en: media.alt as string | null }
    const missing = (['en', 'ur'] as const).filter((code) => !String(alt[code] ?? '').trim())
    if (!missing.length) return true
    const names = { en: { en: 'English', ur: 'Urdu' }, ur: { en: 'انگریزی', ur: 'اردو' } }
    return inAdminLanguage(req, {
      en: `The logo needs a text description in ${missing.map((code) => names.en[code]).join(' and ')} too: add it to the picture in Media, then choose it again.`,
      ur: `لوگو کی ${missing.map((code) => names.ur[code]).join(' اور ')} میں تحریری وضاحت بھی ضروری ہے: میڈیا میں تصویر کے ساتھ یہ وضاحت لکھیں، پھر اسے دوبارہ چنیں۔`,
    })
  } catch {
    return inAdminLanguage(req, { en: 'The chosen logo could not be found in Media.', ur: 'چنا گیا لوگو میڈیا میں نہیں ملا۔' })
  }
}

/** Who the organisation is: shown on the home page, in the footer and in search results. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: { en: 'Site settings', ur: 'سائٹ کی ترتیبات' },
  admin: { group: adminGroups.admin, description: { en: 'Organisation name, logo and colour, about text, contact and footer.', ur: 'ادارے کا نام، لوگو اور رنگ، تعارف، رابطہ اور فُٹر۔' } },
  access: { read: anyone, update: isAdmin },
  hooks: { beforeOperation: [keepTranslationsApart] },
  fields: [
    { name: 'organisationName', type: 'text', localized: true, required: true, label: { en: 'Organisation name', ur: 'ادارے کا نام' }, admin: { description: { en: 'Shown in the page header and browser tab.', ur: 'صفحے کے اوپر اور براؤزر ٹیب میں دکھایا جاتا ہے۔' } } },
    { name: 'tagline', type: 'text', localized: true, label: { en: 'Tagline', ur: 'نعرہ' }, admin: { description: { en: 'A short line under the name (optional).', ur: 'نام کے نیچے ایک مختصر سطر (اختیاری)۔' } } },
    {
      name: 'organisation',
      type: 'relationship',
      relationTo: 'organisations',
      label: fieldLabels.organisation,
      admin: {
        description: {
          en: 'The organisation this site is for. New programs and campaigns are attributed to it unless staff choose another.',
          ur: 'وہ ادارہ جس کی یہ سائٹ ہے۔ نئے پروگرام اور مہمات اسی سے منسوب ہوتی ہیں، جب تک عملہ کوئی اور ادارہ نہ چنے۔',
        },
      },
    },
    {
      name: 'logo',
      type: 'upload',
      relationTo: 'media',
      filterOptions: { mimeType: { contains: 'image' } },
      label: { en: 'Logo', ur: 'لوگو' },
      admin: {
        description: {
          en: 'Shown in the page header, on printed pages, when pages are shared and (if square) as the browser tab icon. It needs a text description in English and in Urdu (edit the picture in Media).',
          ur: 'صفحے کے اوپر، چھپے صفحات، شیئر کیے گئے صفحات اور (مربع ہو تو) براؤزر ٹیب میں دکھایا جاتا ہے۔ انگریزی اور اردو دونوں میں تحریری وضاحت ضروری ہے (میڈیا میں تصویر کھول کر لکھیں)۔',
        },
      },
      validate: logoProblem,
    },
    {
      name: 'brandColour',
      type: 'text',
      defaultValue: DEFAULT_BRAND,
      label: { en: 'Brand colour', ur: 'ادارے کا رنگ' },
      admin: {
        description: {
          en: 'The page header\'s colour, as # and six digits (e.g. #0b3d5c). The header text is white, so the colour must be dark enough to read it on (WCAG AA: contrast at least 4.5:1).',
          ur: 'صفحے کے اوپر والے حصے کا رنگ، # اور چھ ہندسوں میں (مثلاً #0b3d5c)۔ اس حصے کی تحریر سفید ہے، اس لیے رنگ اتنا گہرا ہونا چاہیے کہ تحریر پڑھی جا سکے (WCAG AA: تضاد کم از کم 4.5:1)۔',
        },
      },
      validate: (value: unknown, { req }: { req: PayloadRequest }) => brandColourProblem(value, req?.i18n?.language === 'ur' ? 'ur' : 'en') ?? true,
    },
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
