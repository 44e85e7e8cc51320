import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/staff'
import { slugField } from '../content/slug'
import { adminGroups, fieldLabels } from '../translations/labels'

/** The taxonomy shared by all content (trafficking in persons, organised crime, …). */
export const Topics: CollectionConfig = {
  slug: 'topics',
  labels: { singular: { en: 'Topic', ur: 'موضوع' }, plural: { en: 'Topics', ur: 'موضوعات' } },
  admin: {
    group: adminGroups.library,
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'updatedAt'],
    description: { en: 'Subjects that tie programs, statements and campaigns together.', ur: 'وہ موضوعات جو پروگراموں، بیانات اور مہمات کو آپس میں جوڑتے ہیں۔' },
  },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, label: fieldLabels.name, admin: { description: { en: 'A short subject name, e.g. Human trafficking.', ur: 'موضوع کا مختصر نام، مثلاً انسانی اسمگلنگ۔' } } },
    slugField('name'),
    { name: 'description', type: 'textarea', localized: true, label: fieldLabels.description, admin: { description: { en: 'A sentence for the topic page.', ur: 'موضوع کے صفحے کے لیے ایک جملہ۔' } } },
  ],
}
