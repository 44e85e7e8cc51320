import type { CollectionConfig, RichTextField } from 'payload'

import { editorOrCreator, editorOrCreatorOfUnpublished } from '../access/ownContent'
import { draftModeForStaffOnly, publishedOrStaff } from '../access/published'
import { isStaff } from '../access/staff'
import { bodyField, requiredInDefaultLocale, topicsField } from '../content/fields'
import { publishingFields, recordPublication } from '../workflow/publishing'
import { seoFields } from '../content/seo'
import { slugField } from '../content/slug'
import { statementTypeOptions } from '../content/statementTypes'
import { statementEditor } from '../content/editor'

/**
 * Statements, speeches and submissions (GOV.UK's "speech" format): who spoke, in what role,
 * for which organisation, where and when, and the numbered proposals they made.
 */
export const Statements: CollectionConfig = {
  slug: 'statements',
  labels: { singular: 'Statement', plural: 'Statements' },
  admin: {
    group: 'Content',
    useAsTitle: 'title',
    defaultColumns: ['title', 'statementType', 'deliveredOn', '_status', 'updatedAt'],
    description: 'Statements, speeches, submissions and press releases.',
  },
  defaultSort: '-deliveredOn',
  versions: { drafts: { autosave: { interval: 2000 }, schedulePublish: true }, maxPerDoc: 50 },
  access: { read: publishedOrStaff, create: isStaff, update: editorOrCreator, delete: editorOrCreatorOfUnpublished },
  // Draft mode is for staff only (see access/published.ts). What a change does to pages, caches,
  // feeds and partners is the change pipeline's (content/changes), added to every collection.
  hooks: { beforeChange: [recordPublication], beforeOperation: [draftModeForStaffOnly] },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, admin: { description: 'The headline readers see, in plain words.' } },
    slugField(),
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      maxLength: 400,
      admin: { description: 'One or two plain sentences for lists, search results and sharing.' },
    },
    {
      name: 'statementType',
      type: 'select',
      required: true,
      options: statementTypeOptions,
      admin: { position: 'sidebar', description: 'Readers see a fixed explanation of each type.' },
    },
    {
      type: 'collapsible',
      label: 'Who, when and where',
      fields: [
        {
          name: 'speaker',
          type: 'relationship',
          relationTo: 'people',
          admin: { description: 'Choose the person, or type a name below if they are not in People.' },
        },
        {
          name: 'speakerName',
          type: 'text',
          localized: true,
          admin: { description: 'Only if the speaker is not in People.' },
          // A statement always says who made it: a person from People, or a name typed here.
          validate: (value: unknown, { siblingData, req }: { siblingData: Record<string, unknown>; req: { locale?: string | null } }) =>
            siblingData?.speaker || (typeof value === 'string' && value.trim()) || (req.locale && req.locale !== 'en')
              ? true
              : 'Choose the speaker from People, or type their name.',
        },
        {
          name: 'speakerRole',
          type: 'text',
          localized: true,
          admin: { description: 'Their role when they spoke, e.g. Director/CEO.' },
        },
        { name: 'issuingOrganisation', type: 'relationship', relationTo: 'organisations', required: true, admin: { description: 'The organisation the statement was made for or on behalf of.' } },
        { name: 'deliveredOn', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayOnly' }, description: 'The day it was delivered or issued.' } },
        {
          name: 'event',
          type: 'text',
          localized: true,
          admin: { description: 'The event or forum, e.g. "UNTOC Constructive Dialogue: Trafficking in Persons".' },
        },
        { name: 'eventSegment', type: 'text', localized: true, admin: { description: 'e.g. 4th segment.' } },
        { name: 'location', type: 'text', localized: true, admin: { description: 'Optional: city or venue.' } },
      ],
    },
    // The text may mark where the numbered proposals stand (content/editor.ts).
    { ...(bodyField('The statement as delivered. Where the numbered proposals stand in it, add the "Proposals" block (+ menu); they appear there, once.') as RichTextField), editor: statementEditor },
    {
      name: 'proposals',
      type: 'array',
      labels: { singular: 'Proposal', plural: 'Proposals' },
      admin: { description: 'Numbered proposals or recommendations, in order. Numbers are added automatically. They appear where the text has the "Proposals" block, or after the text.' },
      fields: [{ name: 'text', type: 'textarea', localized: true, validate: requiredInDefaultLocale('Write the proposal, or remove the empty row.'), admin: { description: 'The proposal in one or two sentences.' } }],
    },
    topicsField,
    { name: 'relatedPrograms', type: 'relationship', relationTo: 'programs', hasMany: true, admin: { position: 'sidebar', description: 'Programs this statement belongs to. Shown as links on both pages.' } },
    {
      name: 'attachments',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      filterOptions: { mimeType: { equals: 'application/pdf' } },
      admin: { description: 'PDF versions of the statement.' },
    },
    seoFields,
    ...publishingFields,
  ],
}
