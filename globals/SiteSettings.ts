import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isAdmin } from '../access/staff'
import { validateOptionalUrl } from '../collections/Organisations'

/** Who the organisation is: shown on the home page, in the footer and in search results. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Site settings',
  admin: { group: 'Admin', description: 'Organisation name, about text, contact and footer.' },
  access: { read: anyone, update: isAdmin },
  fields: [
    { name: 'organisationName', type: 'text', localized: true, required: true },
    { name: 'tagline', type: 'text', localized: true },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    { name: 'about', type: 'textarea', localized: true, admin: { description: 'A short paragraph for the home page.' } },
    {
      name: 'socialLinks',
      type: 'array',
      fields: [
        { name: 'platform', type: 'text', required: true, admin: { description: 'e.g. X, Facebook, YouTube.' } },
        { name: 'url', type: 'text', required: true, validate: validateOptionalUrl },
      ],
    },
    { name: 'contactEmail', type: 'email' },
    { name: 'footerText', type: 'textarea', localized: true },
  ],
}
