import type { CollectionConfig } from 'payload'

import { editorOrCreator, editorOrCreatorOfUnpublished } from '../access/ownContent'
import { draftModeForStaffOnly, publishedOrStaff } from '../access/published'
import { isStaff } from '../access/staff'
import { bodyField, endAfterStart, summaryField, topicsField } from '../content/fields'
import { publishingFields, recordPublication } from '../workflow/publishing'
import { seoFields } from '../content/seo'
import { slugField } from '../content/slug'
import { campaignStatus } from '../content/campaignStatus'
import { validateOptionalUrl } from './Organisations'
import { organisationField } from '../content/organisation'

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
  access: { read: publishedOrStaff, create: isStaff, update: editorOrCreator, delete: editorOrCreatorOfUnpublished },
  // Draft mode is for staff only (see access/published.ts). What a change does to pages, caches,
  // feeds and partners is the change pipeline's (content/changes), added to every collection.
  hooks: { beforeChange: [recordPublication], beforeOperation: [draftModeForStaffOnly] },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, admin: { description: 'The campaign name readers see, e.g. "16 Days of Activism".' } },
    slugField(),
    summaryField,
    organisationField('campaigns'),
    bodyField(),
    {
      type: 'row',
      fields: [
        { name: 'startDate', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayOnly' }, description: 'The first day of the campaign.' } },
        {
          name: 'endDate',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayOnly' }, description: 'The last day. Leave empty for a one-day campaign.' },
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
      admin: { description: 'The one thing you ask readers to do (optional).' },
      fields: [
        { name: 'text', type: 'text', localized: true, admin: { description: 'e.g. "Join the campaign".' } },
        { name: 'url', type: 'text', validate: validateOptionalUrl, admin: { description: 'Where the button leads, starting with https://.' } },
        {
          name: 'hashtag',
          type: 'text',
          admin: { description: 'One word, e.g. #OrangeTheWorld.' },
          validate: (v: unknown) =>
            !v || /^#?[\p{L}\p{N}_]+$/u.test(String(v)) ? true : 'A hashtag is one word: letters, numbers and underscores.',
        },
      ],
    },
    topicsField,
    { name: 'relatedPrograms', type: 'relationship', relationTo: 'programs', hasMany: true, admin: { position: 'sidebar', description: 'Programs this campaign is part of.' } },
    { name: 'media', type: 'upload', relationTo: 'media', hasMany: true, admin: { description: 'Posters, pictures and videos for the campaign page.' } },
    { name: 'partners', type: 'relationship', relationTo: 'organisations', hasMany: true, admin: { description: 'Organisations running the campaign with you.' } },
    seoFields,
    ...publishingFields,
  ],
}
