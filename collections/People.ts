import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/staff'
import { slugField } from '../content/slug'

/** Speakers and experts. A statement records the role someone held *when* they spoke. */
export const People: CollectionConfig = {
  slug: 'people',
  labels: { singular: 'Person', plural: 'People' },
  admin: {
    group: 'Library',
    useAsTitle: 'name',
    defaultColumns: ['name', 'role', 'organisation', 'updatedAt'],
    description: 'Speakers and experts named in statements and programs.',
  },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, admin: { description: 'Full name with title, e.g. Dr. Ayesha Khan.' } },
    slugField('name'),
    { name: 'role', type: 'text', localized: true, admin: { description: 'Current role or title, e.g. Director/CEO.' } },
    { name: 'organisation', type: 'relationship', relationTo: 'organisations', admin: { description: 'Where they work now.' } },
    { name: 'bio', type: 'textarea', localized: true, maxLength: 1000, admin: { description: 'A short biography.' } },
    { name: 'photo', type: 'upload', relationTo: 'media', admin: { description: 'A portrait (optional). Needs a text description for blind readers.' } },
  ],
}
