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
import { adminGroups, fieldLabels } from '../translations/labels'

/** Long-running programmes of work, e.g. combating organised crime and human trafficking. */
export const Programs: CollectionConfig = {
  slug: 'programs',
  labels: { singular: { en: 'Program', ur: 'پروگرام' }, plural: { en: 'Programs', ur: 'پروگرام' } },
  admin: {
    group: adminGroups.content,
    useAsTitle: 'title',
    defaultColumns: ['title', 'programStatus', '_status', 'updatedAt'],
    description: { en: 'Areas of ongoing work, with their activities, funders and partners.', ur: 'جاری کام کے شعبے، ان کی سرگرمیوں، مالی معاونین اور شراکت داروں کے ساتھ۔' },
  },
  versions: { drafts: { autosave: { interval: 2000 }, schedulePublish: true }, maxPerDoc: 50 },
  access: { read: publishedOrStaff, create: isStaff, update: editorOrCreator, delete: editorOrCreatorOfUnpublished },
  // Draft mode is for staff only (see access/published.ts). What a change does to pages, caches,
  // feeds and partners is the change pipeline's (content/changes), added to every collection.
  hooks: { beforeChange: [recordPublication], beforeOperation: [draftModeForStaffOnly] },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, label: fieldLabels.title, admin: { description: { en: 'The program\'s name as readers see it, e.g. "Combating organised crime and human trafficking".', ur: 'پروگرام کا نام جیسا قارئین دیکھتے ہیں، مثلاً "منظم جرائم اور انسانی اسمگلنگ کا مقابلہ"۔' } } },
    slugField(),
    summaryField,
    organisationField('programs'),
    // The text may mark where the key contributions stand (content/editor.ts).
    {
      ...(bodyField({
        en: 'The main text. Where the key activities stand in it, add the "Key activities" block (+ menu); they appear there, once.',
        ur: 'اصل متن۔ جہاں اس میں اہم سرگرمیاں آتی ہیں وہاں "اہم سرگرمیاں" کا بلاک (+ مینو سے) شامل کریں؛ سرگرمیاں وہیں ایک بار دکھائی دیں گی۔',
      }) as RichTextField),
      editor: programEditor,
    },
    {
      name: 'programStatus',
      type: 'select',
      required: true,
      defaultValue: 'active',
      options: [
        { label: { en: 'Active', ur: 'جاری' }, value: 'active' },
        { label: { en: 'Completed', ur: 'مکمل' }, value: 'completed' },
      ],
      label: { en: 'Program status', ur: 'پروگرام کی حیثیت' },
      admin: { position: 'sidebar', description: { en: 'Active while the work goes on; Completed when it has ended.', ur: 'کام جاری ہو تو "جاری"؛ ختم ہو جائے تو "مکمل"۔' } },
    },
    {
      type: 'row',
      fields: [
        { name: 'startDate', type: 'date', label: fieldLabels.startDate, admin: { description: { en: 'Leave empty if not known.', ur: 'معلوم نہ ہو تو خالی چھوڑ دیں۔' } } },
        { name: 'endDate', type: 'date', validate: endAfterStart('startDate'), label: fieldLabels.endDate, admin: { description: { en: 'Leave empty while the program is running.', ur: 'پروگرام جاری ہو تو خالی چھوڑ دیں۔' } } },
      ],
    },
    topicsField,
    {
      name: 'funders',
      type: 'relationship',
      relationTo: 'organisations',
      hasMany: true,
      label: { en: 'Funders', ur: 'مالی معاونین' },
      admin: { description: { en: 'Who funds the program as a whole.', ur: 'پورے پروگرام کے لیے مالی معاونت کون کرتا ہے۔' } },
    },
    { name: 'partners', type: 'relationship', relationTo: 'organisations', hasMany: true, label: fieldLabels.partners, admin: { description: { en: 'Organisations that work with you on this program.', ur: 'وہ ادارے جو اس پروگرام میں آپ کے ساتھ کام کرتے ہیں۔' } } },
    {
      name: 'keyActivities',
      type: 'array',
      labels: { singular: { en: 'Key activity', ur: 'اہم سرگرمی' }, plural: { en: 'Key activities', ur: 'اہم سرگرمیاں' } },
      label: { en: 'Key activities', ur: 'اہم سرگرمیاں' },
      admin: {
        description: {
          en: 'The main pieces of work in this program, in the order readers should see them. They appear where the text has the "Key activities" block, or after the text.',
          ur: 'اس پروگرام کے اہم کام، اسی ترتیب سے جس میں قارئین انہیں دیکھیں۔ یہ وہاں دکھائی دیتے ہیں جہاں متن میں "اہم سرگرمیاں" کا بلاک ہو، ورنہ متن کے بعد۔',
        },
      },
      fields: [
        {
          name: 'title',
          type: 'text',
          localized: true,
          label: fieldLabels.title,
          validate: requiredInDefaultLocale({ en: 'Give the activity a title.', ur: 'سرگرمی کا عنوان لکھیں۔' }),
          admin: { description: { en: 'A short name for the activity.', ur: 'سرگرمی کا مختصر نام۔' } },
        },
        { name: 'description', type: 'textarea', localized: true, label: fieldLabels.description, admin: { description: { en: 'One or two sentences on what the activity does.', ur: 'یہ سرگرمی کیا کرتی ہے، ایک یا دو جملوں میں۔' } } },
        {
          name: 'funder',
          type: 'relationship',
          relationTo: 'organisations',
          label: { en: 'Funder', ur: 'مالی معاون' },
          admin: { description: { en: 'If this activity has its own funder.', ur: 'اگر اس سرگرمی کا اپنا مالی معاون ہو۔' } },
        },
      ],
    },
    {
      name: 'relatedMedia',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      label: { en: 'Related media', ur: 'متعلقہ میڈیا' },
      admin: { description: { en: 'Pictures, recordings and documents about this program.', ur: 'اس پروگرام سے متعلق تصاویر، ریکارڈنگز اور دستاویزات۔' } },
    },
    { name: 'heroImage', type: 'upload', relationTo: 'media', label: { en: 'Banner picture', ur: 'بینر تصویر' }, admin: { description: { en: 'The banner picture.', ur: 'صفحے کے اوپر کی بڑی تصویر۔' } } },
    seoFields,
    ...publishingFields,
  ],
}
