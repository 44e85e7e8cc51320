import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/staff'
import { keepTranslationsApart } from './keepTranslationsApart'

/** The main menu. Links are site paths (e.g. /statements); the Urdu site adds /ur itself. */
export const Navigation: GlobalConfig = {
  slug: 'navigation',
  label: 'Navigation',
  admin: { group: 'Admin', description: 'The main menu shown on every page.' },
  access: { read: anyone, update: isEditor },
  hooks: { beforeOperation: [keepTranslationsApart] },
  fields: [
    {
      name: 'items',
      type: 'array',
      maxRows: 8,
      admin: { description: 'Up to 8 links, in the order they appear in the menu.' },
      fields: [
        { name: 'label', type: 'text', localized: true, required: true, admin: { description: 'The words in the menu, e.g. Statements.' } },
        {
          name: 'path',
          type: 'text',
          required: true,
          admin: { description: 'A path on this site starting with /, e.g. /statements.' },
          validate: (v: unknown) =>
            typeof v === 'string' && /^\/[a-z0-9\-/]*$/.test(v) && !v.includes('//')
              ? true
              : 'Use a path on this site starting with /, e.g. /statements.',
        },
      ],
    },
  ],
}
