import type { CollectionConfig } from 'payload'

import { editorOrCreator } from '../access/ownContent'
import { publishedOrStaff } from '../access/published'
import { isStaff } from '../access/staff'
import { bodyField, endAfterStart, summaryField, topicsField } from '../fields/content'
import { publishingFields, recordPublication } from '../fields/publishing'
import { seoFields } from '../fields/seo'
import { slugField } from '../fields/slug'
import { campaignStatus } from '../lib/campaignStatus'
import { validateOptionalUrl } from './Organisations'

/** Time-bound public campaigns, e.g. the 16 Days of Activism against Gender-Based Violence. */
export const Campaigns: CollectionConfig = {
  slug: 'campaigns',
  labels: { singular: 'Campaign', plural: 'Campaigns' },
  admin: {
    group: 'Content',
    useAsTitle: 'title',
    defaultColumns: ['title', 'startDate', 'endDate', '_status', 'updatedAt'],
    description: 'Awareness campaigns with dates and a call to action.',
  },
  defaultSort: '-startDate',
  versions: { drafts: { autosave: { interval: 2000 }, schedulePublish: true }, maxPerDoc: 50 },
  access: { read: publishedOrStaff, create: isStaff, update: editorOrCreator, delete: editorOrCreator },
  hooks: { beforeChange: [recordPublication] },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true },
    slugField(),
    summaryField,
    bodyField(),
    {
      type: 'row',
      fields: [
        { name: 'startDate', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
        {
          name: 'endDate',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayOnly' } },
          validate: endAfterStart('startDate'),
        },
      ],
    },
    {
      // Derived from the dates on every read; never stored, so it can never be out of date.
      name: 'status',
      type: 'select',
      virtual: true,
      options: [
        { label: 'Upcoming', value: 'upcoming' },
        { label: 'Ongoing', value: 'ongoing' },
        { label: 'Past', value: 'past' },
      ],
      admin: { readOnly: true, position: 'sidebar', description: 'Worked out from the dates.' },
      hooks: { afterRead: [({ siblingData }) => campaignStatus(siblingData?.startDate, siblingData?.endDate)] },
    },
    {
      name: 'callToAction',
      type: 'group',
      label: 'Call to action',
      fields: [
        { name: 'text', type: 'text', localized: true, admin: { description: 'e.g. "Join the campaign".' } },
        { name: 'url', type: 'text', validate: validateOptionalUrl },
        {
          name: 'hashtag',
          type: 'text',
          validate: (v: unknown) =>
            !v || /^#?[\p{L}\p{N}_]+$/u.test(String(v)) ? true : 'A hashtag is one word: letters, numbers and underscores.',
        },
      ],
    },
    topicsField,
    { name: 'relatedPrograms', type: 'relationship', relationTo: 'programs', hasMany: true, admin: { position: 'sidebar' } },
    { name: 'media', type: 'upload', relationTo: 'media', hasMany: true },
    { name: 'partners', type: 'relationship', relationTo: 'organisations', hasMany: true },
    seoFields,
    ...publishingFields,
  ],
}
