import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/staff'

/** The main menu. Links are site paths (e.g. /statements); the Urdu site adds /ur itself. */
export const Navigation: GlobalConfig = {
  slug: 'navigation',
  label: 'Navigation',
  admin: { group: 'Admin', description: 'The main menu shown on every page.' },
  access: { read: anyone, update: isEditor },
  fields: [
    {
      name: 'items',
      type: 'array',
      maxRows: 8,
      fields: [
        { name: 'label', type: 'text', localized: true, required: true },
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
