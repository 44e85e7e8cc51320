import type { GlobalConfig, PayloadRequest } from 'payload'

import { anyone } from '../access/anyone'
import { isAdmin } from '../access/staff'
import { validateOptionalUrl } from '../collections/Organisations'
import { brandColourProblem, DEFAULT_BRAND } from '../site/colour'
import { keepTranslationsApart } from './keepTranslationsApart'

/** The logo must describe itself to blind readers in both languages (Media's alt text is per language). */
async function logoProblem(value: unknown, { req }: { req: PayloadRequest }): Promise<true | string> {
  const id = value && typeof value === 'object' ? (value as { id?: number | string }).id : value
  if (id === undefined || id === null || id === '') return true
  try {
    // Not passing `req`: the Local API would set its locale to 'all' for the rest of this save.
    const media = (await req.payload.findByID({ collection: 'media', id: id as number, locale: 'all', depth: 0, overrideAccess: true })) as { alt?: Record<string, string | null> | string | null; mimeType?: string | null }
    if (!String(media.mimeType ?? '').startsWith('image/')) return 'The logo must be a picture.'
    const alt = media.alt && typeof media.alt === 'object' ? media.alt : { en: media.alt as string | null }
    const missing = [['en', 'English'], ['ur', 'Urdu']].filter(([code]) => !String(alt[code] ?? '').trim()).map(([, name]) => name)
    return missing.length ? `The logo needs a text description in ${missing.join(' and ')} too: add it to the picture in Media, then choose it again.` : true
  } catch {
    return 'The chosen logo could not be found in Media.'
  }
}

/** Who the organisation is: shown on the home page, in the footer and in search results. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Site settings',
  admin: { group: 'Admin', description: 'Organisation name, logo and colour, about text, contact and footer.' },
  access: { read: anyone, update: isAdmin },
  hooks: { beforeOperation: [keepTranslationsApart] },
  fields: [
    { name: 'organisationName', type: 'text', localized: true, required: true, admin: { description: 'Shown in the page header and browser tab.' } },
    { name: 'tagline', type: 'text', localized: true, admin: { description: 'A short line under the name (optional).' } },
    {
      name: 'organisation',
      type: 'relationship',
      relationTo: 'organisations',
      admin: { description: 'The organisation this site is for. New programs and campaigns are attributed to it unless staff choose another.' },
    },
    {
      name: 'logo',
      type: 'upload',
      relationTo: 'media',
      filterOptions: { mimeType: { contains: 'image' } },
      admin: { description: 'Shown in the page header, on printed pages, when pages are shared and (if square) as the browser tab icon. It needs a text description in English and in Urdu (edit the picture in Media).' },
      validate: logoProblem,
    },
    {
      name: 'brandColour',
      type: 'text',
      defaultValue: DEFAULT_BRAND,
      admin: { description: 'The page header\'s colour, as # and six digits (e.g. #0b3d5c). The header text is white, so the colour must be dark enough to read it on (WCAG AA: contrast at least 4.5:1).' },
      validate: (value: unknown) => brandColourProblem(value) ?? true,
    },
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
