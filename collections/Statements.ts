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
import { adminGroups, fieldLabels, inAdminLanguage } from '../translations/labels'

/**
 * Statements, speeches and submissions (GOV.UK's "speech" format): who spoke, in what role,
 * for which organisation, where and when, and the numbered proposals they made.
 */
export const Statements: CollectionConfig = {
  slug: 'statements',
  labels: { singular: { en: 'Statement', ur: 'بیان' }, plural: { en: 'Statements', ur: 'بیانات' } },
  admin: {
    group: adminGroups.content,
    useAsTitle: 'title',
    defaultColumns: ['title', 'statementType', 'deliveredOn', '_status', 'updatedAt'],
    description: { en: 'Statements, speeches, submissions and press releases.', ur: 'بیانات، تقاریر، تحریری گزارشات اور پریس ریلیز۔' },
  },
  defaultSort: '-deliveredOn',
  versions: { drafts: { autosave: { interval: 2000 }, schedulePublish: true }, maxPerDoc: 50 },
  access: { read: publishedOrStaff, create: isStaff, update: editorOrCreator, delete: editorOrCreatorOfUnpublished },
  // Draft mode is for staff only (see access/published.ts). What a change does to pages, caches,
  // feeds and partners is the change pipeline's (content/changes), added to every collection.
  hooks: { beforeChange: [recordPublication], beforeOperation: [draftModeForStaffOnly] },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, label: fieldLabels.title, admin: { description: { en: 'The headline readers see, in plain words.', ur: 'وہ سرخی جو قارئین دیکھتے ہیں، سادہ الفاظ میں۔' } } },
    slugField(),
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      maxLength: 400,
      label: fieldLabels.summary,
      admin: { description: { en: 'One or two plain sentences for lists, search results and sharing.', ur: 'فہرستوں، تلاش کے نتائج اور شیئرنگ کے لیے ایک یا دو سادہ جملے۔' } },
    },
    {
      name: 'statementType',
      type: 'select',
      required: true,
      options: statementTypeOptions,
      label: { en: 'Statement type', ur: 'بیان کی قسم' },
      admin: { position: 'sidebar', description: { en: 'Readers see a fixed explanation of each type.', ur: 'قارئین کو ہر قسم کی ایک طے شدہ وضاحت دکھائی جاتی ہے۔' } },
    },
    {
      type: 'collapsible',
      label: { en: 'Who, when and where', ur: 'کس نے، کب اور کہاں' },
      fields: [
        {
          name: 'speaker',
          type: 'relationship',
          relationTo: 'people',
          label: { en: 'Speaker', ur: 'مقرر' },
          admin: { description: { en: 'Choose the person, or type a name below if they are not in People.', ur: 'شخص کو چنیں، یا اگر وہ "افراد" میں نہیں تو نیچے نام لکھیں۔' } },
        },
        {
          name: 'speakerName',
          type: 'text',
          localized: true,
          label: { en: 'Speaker name', ur: 'مقرر کا نام' },
          admin: { description: { en: 'Only if the speaker is not in People.', ur: 'صرف اس صورت میں جب مقرر "افراد" میں نہ ہو۔' } },
          // A statement always says who made it: a person from People, or a name typed here.
          validate: (value: unknown, { siblingData, req }: { siblingData: Record<string, unknown>; req: { locale?: string | null; i18n?: { language?: string } } }) =>
            siblingData?.speaker || (typeof value === 'string' && value.trim()) || (req.locale && req.locale !== 'en')
              ? true
              : inAdminLanguage(req, { en: 'Choose the speaker from People, or type their name.', ur: 'مقرر کو "افراد" میں سے چنیں، یا ان کا نام لکھیں۔' }),
        },
        {
          name: 'speakerRole',
          type: 'text',
          localized: true,
          label: { en: 'Speaker role', ur: 'مقرر کا عہدہ' },
          admin: { description: { en: 'Their role when they spoke, e.g. Director/CEO.', ur: 'بات کرتے وقت ان کا عہدہ، مثلاً ڈائریکٹر/سی ای او۔' } },
        },
        { name: 'issuingOrganisation', type: 'relationship', relationTo: 'organisations', required: true, label: { en: 'Issuing organisation', ur: 'جاری کرنے والا ادارہ' }, admin: { description: { en: 'The organisation the statement was made for or on behalf of.', ur: 'وہ ادارہ جس کے لیے یا جس کی طرف سے بیان دیا گیا۔' } } },
        { name: 'deliveredOn', type: 'date', required: true, index: true, label: { en: 'Delivered on', ur: 'تاریخِ بیان' }, admin: { date: { pickerAppearance: 'dayOnly' }, description: { en: 'The day it was delivered or issued.', ur: 'وہ دن جب بیان دیا یا جاری کیا گیا۔' } } },
        {
          name: 'event',
          type: 'text',
          localized: true,
          label: { en: 'Event', ur: 'تقریب' },
          admin: { description: { en: 'The event or forum, e.g. "UNTOC Constructive Dialogue: Trafficking in Persons".', ur: 'تقریب یا فورم، مثلاً "UNTOC Constructive Dialogue: Trafficking in Persons"۔' } },
        },
        { name: 'eventSegment', type: 'text', localized: true, label: { en: 'Event segment', ur: 'تقریب کا حصہ' }, admin: { description: { en: 'e.g. 4th segment.', ur: 'مثلاً چوتھا حصہ۔' } } },
        { name: 'location', type: 'text', localized: true, label: { en: 'Location', ur: 'مقام' }, admin: { description: { en: 'Optional: city or venue.', ur: 'اختیاری: شہر یا جگہ۔' } } },
      ],
    },
    // The text may mark where the numbered proposals stand (content/editor.ts).
    {
      ...(bodyField({
        en: 'The statement as delivered. Where the numbered proposals stand in it, add the "Proposals" block (+ menu); they appear there, once.',
        ur: 'بیان کا متن، جیسا کہ پیش کیا گیا۔ جہاں اس میں نمبر وار تجاویز آتی ہیں وہاں "تجاویز" کا بلاک (+ مینو سے) شامل کریں؛ تجاویز وہیں ایک بار دکھائی دیں گی۔',
      }) as RichTextField),
      editor: statementEditor,
    },
    {
      name: 'proposals',
      type: 'array',
      labels: { singular: { en: 'Proposal', ur: 'تجویز' }, plural: { en: 'Proposals', ur: 'تجاویز' } },
      label: { en: 'Proposals', ur: 'تجاویز' },
      admin: {
        description: {
          en: 'Numbered proposals or recommendations, in order. Numbers are added automatically. They appear where the text has the "Proposals" block, or after the text.',
          ur: 'نمبر وار تجاویز یا سفارشات، ترتیب سے۔ نمبر خود لگ جاتے ہیں۔ یہ وہاں دکھائی دیتی ہیں جہاں متن میں "تجاویز" کا بلاک ہو، ورنہ متن کے بعد۔',
        },
      },
      fields: [
        {
          name: 'text',
          type: 'textarea',
          localized: true,
          label: { en: 'Proposal', ur: 'تجویز' },
          validate: requiredInDefaultLocale({ en: 'Write the proposal, or remove the empty row.', ur: 'تجویز لکھیں، یا خالی قطار ہٹا دیں۔' }),
          admin: { description: { en: 'The proposal in one or two sentences.', ur: 'تجویز ایک یا دو جملوں میں۔' } },
        },
      ],
    },
    topicsField,
    { name: 'relatedPrograms', type: 'relationship', relationTo: 'programs', hasMany: true, label: fieldLabels.relatedPrograms, admin: { position: 'sidebar', description: { en: 'Programs this statement belongs to. Shown as links on both pages.', ur: 'وہ پروگرام جن سے یہ بیان متعلق ہے۔ دونوں صفحات پر لنک کے طور پر دکھائے جاتے ہیں۔' } } },
    {
      name: 'attachments',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      filterOptions: { mimeType: { equals: 'application/pdf' } },
      label: { en: 'Attachments', ur: 'منسلکات' },
      admin: { description: { en: 'PDF versions of the statement.', ur: 'بیان کے PDF نسخے۔' } },
    },
    seoFields,
    ...publishingFields,
  ],
}
