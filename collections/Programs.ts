import type { CollectionConfig, RichTextField } from 'payload'

import { editorOrCreator, editorOrCreatorOfUnpublished } from '../access/ownContent'
import { draftModeForStaffOnly, publishedOrStaff } from '../access/published'
import { isStaff } from '../access/staff'
import { bodyField, endAfterStart, requiredInDefaultLocale, summaryField, topicsField } from '../content/fields'
import { publishingFields, recordPublication } from '../workflow/publishing'
import { seoFields } from '../content/seo'
import { slugField } from '../content/slug'
import { organisationField } from '../content/organisation'
import { programEditor } from '../content/editor'

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
  access: { read: publishedOrStaff, create: isStaff, update: editorOrCreator, delete: editorOrCreatorOfUnpublished },
  // Draft mode is for staff only (see access/published.ts). What a change does to pages, caches,
  // feeds and partners is the change pipeline's (content/changes), added to every collection.
  hooks: { beforeChange: [recordPublication], beforeOperation: [draftModeForStaffOnly] },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, admin: { description: 'The program\'s name as readers see it, e.g. "Combating organised crime and human trafficking".' } },
    slugField(),
    summaryField,
    organisationField('programs'),
    // The text may mark where the key contributions stand (content/editor.ts).
    { ...(bodyField('The main text. Where the key activities stand in it, add the "Key activities" block (+ menu); they appear there, once.') as RichTextField), editor: programEditor },
    {
      name: 'programStatus',
      type: 'select',
      required: true,
      defaultValue: 'active',
      options: [
        { label: 'Active', value: 'active' },
        { label: 'Completed', value: 'completed' },
      ],
      admin: { position: 'sidebar', description: 'Active while the work goes on; Completed when it has ended.' },
    },
    {
      type: 'row',
      fields: [
        { name: 'startDate', type: 'date', admin: { description: 'Leave empty if not known.' } },
        { name: 'endDate', type: 'date', validate: endAfterStart('startDate'), admin: { description: 'Leave empty while the program is running.' } },
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
    { name: 'partners', type: 'relationship', relationTo: 'organisations', hasMany: true, admin: { description: 'Organisations that work with you on this program.' } },
    {
      name: 'keyActivities',
      type: 'array',
      labels: { singular: 'Key activity', plural: 'Key activities' },
      admin: { description: 'The main pieces of work in this program, in the order readers should see them. They appear where the text has the "Key activities" block, or after the text.' },
      fields: [
        { name: 'title', type: 'text', localized: true, validate: requiredInDefaultLocale('Give the activity a title.'), admin: { description: 'A short name for the activity.' } },
        { name: 'description', type: 'textarea', localized: true, admin: { description: 'One or two sentences on what the activity does.' } },
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
