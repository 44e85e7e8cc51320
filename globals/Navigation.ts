import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/staff'
import { keepTranslationsApart } from './keepTranslationsApart'
import { adminGroups, inAdminLanguage } from '../translations/labels'

/** The main menu. Links are site paths (e.g. /statements); the Urdu site adds /ur itself. */
export const Navigation: GlobalConfig = {
  slug: 'navigation',
  label: { en: 'Navigation', ur: 'مینو' },
  admin: { group: adminGroups.admin, description: { en: 'The main menu shown on every page.', ur: 'ہر صفحے پر دکھایا جانے والا مرکزی مینو۔' } },
  access: { read: anyone, update: isEditor },
  hooks: { beforeOperation: [keepTranslationsApart] },
  fields: [
    {
      name: 'items',
      type: 'array',
      maxRows: 8,
      label: { en: 'Menu links', ur: 'مینو کے لنک' },
      labels: { singular: { en: 'Menu link', ur: 'مینو کا لنک' }, plural: { en: 'Menu links', ur: 'مینو کے لنک' } },
      admin: { description: { en: 'Up to 8 links, in the order they appear in the menu.', ur: 'زیادہ سے زیادہ 8 لنک، اسی ترتیب سے جس میں وہ مینو میں دکھائی دیں۔' } },
      fields: [
        { name: 'label', type: 'text', localized: true, required: true, label: { en: 'Label', ur: 'عبارت' }, admin: { description: { en: 'The words in the menu, e.g. Statements.', ur: 'مینو میں لکھے الفاظ، مثلاً بیانات۔' } } },
        {
          name: 'path',
          type: 'text',
          required: true,
          label: { en: 'Path', ur: 'راستہ' },
          admin: { description: { en: 'A path on this site starting with /, e.g. /statements.', ur: 'اس سائٹ کا راستہ جو / سے شروع ہو، مثلاً /statements۔' } },
          validate: (v: unknown, { req }: { req?: { i18n?: { language?: string } } }) =>
            typeof v === 'string' && /^\/[a-z0-9\-/]*$/.test(v) && !v.includes('//')
              ? true
              : inAdminLanguage(req, { en: 'Use a path on this site starting with /, e.g. /statements.', ur: 'اس سائٹ کا ایسا راستہ لکھیں جو / سے شروع ہو، مثلاً /statements۔' }),
        },
      ],
    },
  ],
}
