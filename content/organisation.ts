import type { Field } from 'payload'

import { fieldLabels } from '../translations/labels'

/**
 * The organisation a program or campaign belongs to (a statement names its issuing organisation).
 * New documents start with the organisation this site is for (Site settings), so on an
 * organisation's own site staff never have to choose; a site publishing several organisations'
 * work (like the demo) names each one. Pages show it; when it is empty they show the site's.
 */
export const organisationField = (collection: 'programs' | 'campaigns'): Field => ({
  name: 'organisation',
  type: 'relationship',
  relationTo: 'organisations',
  label: fieldLabels.organisation,
  admin: {
    position: 'sidebar',
    description:
      collection === 'programs'
        ? { en: 'Whose program this is. Starts as the organisation in Site settings.', ur: 'یہ کس کا پروگرام ہے۔ شروع میں سائٹ کی ترتیبات والا ادارہ ہوتا ہے۔' }
        : { en: 'Whose campaign this is. Starts as the organisation in Site settings.', ur: 'یہ کس کی مہم ہے۔ شروع میں سائٹ کی ترتیبات والا ادارہ ہوتا ہے۔' },
  },
  defaultValue: async ({ req }) => {
    try {
      // Not passing `req`: the Local API would change its locale for the rest of the save.
      const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true })
      const org = (settings as { organisation?: number | string | { id: number | string } | null }).organisation
      return org && typeof org === 'object' ? org.id : (org ?? undefined)
    } catch {
      return undefined
    }
  },
})
