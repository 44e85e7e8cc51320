import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isAdmin } from '../access/staff'
import { validateOptionalUrl } from '../collections/Organisations'
import { keepTranslationsApart } from './keepTranslationsApart'

/** Who the organisation is: shown on the home page, in the footer and in search results. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Site settings',
  admin: { group: 'Admin', description: 'Organisation name, about text, contact and footer.' },
  access: { read: anyone, update: isAdmin },
  hooks: { beforeOperation: [keepTranslationsApart] },
  fields: [
    { name: 'organisationName', type: 'text', localized: true, required: true, admin: { description: 'Shown in the page header and browser tab.' } },
    { name: 'tagline', type: 'text', localized: true, admin: { description: 'A short line under the name (optional).' } },
    { name: 'logo', type: 'upload', relationTo: 'media', admin: { description: 'Shown in the header. Use an image with a text description.' } },
    { name: 'about', type: 'textarea', localized: true, admin: { description: 'A short paragraph for the home page.' } },
    {
      name: 'socialLinks',
      type: 'array',
      admin: { description: 'Your pages on social media, shown in the footer.' },
      fields: [
        { name: 'platform', type: 'text', required: true, admin: { description: 'e.g. X, Facebook, YouTube.' } },
        { name: 'url', type: 'text', required: true, validate: validateOptionalUrl, admin: { description: 'The full address of your page, starting with https://.' } },
      ],
    },
    { name: 'contactEmail', type: 'email', admin: { description: 'The public email address shown in the footer.' } },
    { name: 'footerText', type: 'textarea', localized: true, admin: { description: 'A line at the bottom of every page, e.g. copyright.' } },
  ],
}
