import type { Field } from 'payload'

/** What search engines and social cards show. Empty fields fall back to the title and summary. */
export const seoFields: Field = {
  name: 'seo',
  type: 'group',
  label: 'Search and sharing',
  admin: { description: 'Optional. Leave empty to use the title, summary and main image.' },
  fields: [
    { name: 'title', type: 'text', localized: true, maxLength: 70, admin: { description: 'Up to 70 characters.' } },
    {
      name: 'description',
      type: 'textarea',
      localized: true,
      maxLength: 200,
      admin: { description: 'One or two sentences, up to 200 characters.' },
    },
    { name: 'image', type: 'upload', relationTo: 'media', admin: { description: 'Shown when the page is shared.' } },
  ],
}
