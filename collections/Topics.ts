import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/staff'
import { slugField } from '../content/slug'

/** The taxonomy shared by all content (trafficking in persons, organised crime, …). */
export const Topics: CollectionConfig = {
  slug: 'topics',
  labels: { singular: 'Topic', plural: 'Topics' },
  admin: {
    group: 'Library',
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'updatedAt'],
    description: 'Subjects that tie programs, statements and campaigns together.',
  },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, admin: { description: 'A short subject name, e.g. Human trafficking.' } },
    slugField('name'),
    { name: 'description', type: 'textarea', localized: true, admin: { description: 'A sentence for the topic page.' } },
  ],
}
