import type { CollectionConfig } from 'payload'

import { editorOrCreator } from '../access/ownContent'
import { publishedOrStaff } from '../access/published'
import { isStaff } from '../access/staff'
import { bodyField, endAfterStart, requiredInDefaultLocale, summaryField, topicsField } from '../fields/content'
import { publishingFields, recordPublication } from '../fields/publishing'
import { seoFields } from '../fields/seo'
import { slugField } from '../fields/slug'

/** Long-running programmes of work, e.g. combating organised crime and human trafficking. */
export const Programs: CollectionConfig = {
  slug: 'programs',
  labels: { singular: 'Program', plural: 'Programs' },
  admin: {
    group: 'Content',
    useAsTitle: 'title',
    defaultColumns: ['title', 'programStatus', '_status', 'updatedAt'],
    description: 'Areas of ongoing work, with their activities, funders and partners.',
  },
  versions: { drafts: { autosave: { interval: 2000 }, schedulePublish: true }, maxPerDoc: 50 },
  access: { read: publishedOrStaff, create: isStaff, update: editorOrCreator, delete: editorOrCreator },
  hooks: { beforeChange: [recordPublication] },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true },
    slugField(),
    summaryField,
    bodyField(),
    {
      name: 'programStatus',
      type: 'select',
      required: true,
      defaultValue: 'active',
      options: [
        { label: 'Active', value: 'active' },
        { label: 'Completed', value: 'completed' },
      ],
      admin: { position: 'sidebar' },
    },
    {
      type: 'row',
      fields: [
        { name: 'startDate', type: 'date', admin: { description: 'Leave empty if not known.' } },
        { name: 'endDate', type: 'date', validate: endAfterStart('startDate') },
      ],
    },
    topicsField,
    {
      name: 'funders',
      type: 'relationship',
      relationTo: 'organisations',
      hasMany: true,
      admin: { description: 'Who funds the program as a whole.' },
    },
    { name: 'partners', type: 'relationship', relationTo: 'organisations', hasMany: true },
    {
      name: 'keyActivities',
      type: 'array',
      labels: { singular: 'Key activity', plural: 'Key activities' },
      fields: [
        { name: 'title', type: 'text', localized: true, validate: requiredInDefaultLocale('Give the activity a title.') },
        { name: 'description', type: 'textarea', localized: true },
        {
          name: 'funder',
          type: 'relationship',
          relationTo: 'organisations',
          admin: { description: 'If this activity has its own funder.' },
        },
      ],
    },
    {
      name: 'relatedMedia',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      admin: { description: 'Pictures, recordings and documents about this program.' },
    },
    { name: 'heroImage', type: 'upload', relationTo: 'media', admin: { description: 'The banner picture.' } },
    seoFields,
    ...publishingFields,
  ],
}
