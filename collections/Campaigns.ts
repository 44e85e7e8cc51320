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
import { adminGroups, fieldLabels, inAdminLanguage } from '../translations/labels'

/** Time-bound public campaigns, e.g. the 16 Days of Activism against Gender-Based Violence. */
export const Campaigns: CollectionConfig = {
  slug: 'campaigns',
  labels: { singular: { en: 'Campaign', ur: 'مہم' }, plural: { en: 'Campaigns', ur: 'مہمات' } },
  admin: {
    group: adminGroups.content,
    useAsTitle: 'title',
    defaultColumns: ['title', 'startDate', 'endDate', '_status', 'updatedAt'],
    description: { en: 'Awareness campaigns with dates and a call to action.', ur: 'آگاہی کی مہمات، تاریخوں اور عمل کی دعوت کے ساتھ۔' },
  },
  defaultSort: '-startDate',
  versions: { drafts: { autosave: { interval: 2000 }, schedulePublish: true }, maxPerDoc: 50 },
  access: { read: publishedOrStaff, create: isStaff, update: editorOrCreator, delete: editorOrCreatorOfUnpublished },
  // Draft mode is for staff only (see access/published.ts). What a change does to pages, caches,
  // feeds and partners is the change pipeline's (content/changes), added to every collection.
  hooks: { beforeChange: [recordPublication], beforeOperation: [draftModeForStaffOnly] },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, label: fieldLabels.title, admin: { description: { en: 'The campaign name readers see, e.g. "16 Days of Activism".', ur: 'مہم کا نام جو قارئین دیکھتے ہیں، مثلاً "16 روزہ مہم"۔' } } },
    slugField(),
    summaryField,
    organisationField('campaigns'),
    bodyField(),
    {
      type: 'row',
      fields: [
        { name: 'startDate', type: 'date', index: true, label: fieldLabels.startDate, admin: { date: { pickerAppearance: 'dayOnly' }, description: { en: 'The first day of the campaign.', ur: 'مہم کا پہلا دن۔' } } },
        {
          name: 'endDate',
          type: 'date',
          label: fieldLabels.endDate,
          admin: { date: { pickerAppearance: 'dayOnly' }, description: { en: 'The last day. Leave empty for a one-day campaign.', ur: 'آخری دن۔ ایک دن کی مہم کے لیے خالی چھوڑ دیں۔' } },
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
        { label: { en: 'Upcoming', ur: 'آنے والی' }, value: 'upcoming' },
        { label: { en: 'Ongoing', ur: 'جاری' }, value: 'ongoing' },
        { label: { en: 'Past', ur: 'گزشتہ' }, value: 'past' },
      ],
      label: fieldLabels.status,
      admin: { readOnly: true, position: 'sidebar', description: { en: 'Worked out from the dates.', ur: 'تاریخوں سے خود طے ہوتی ہے۔' } },
      hooks: { afterRead: [({ siblingData }) => campaignStatus(siblingData?.startDate, siblingData?.endDate)] },
    },
    {
      name: 'callToAction',
      type: 'group',
      label: { en: 'Call to action', ur: 'عمل کی دعوت' },
      admin: { description: { en: 'The one thing you ask readers to do (optional).', ur: 'وہ ایک کام جو آپ قارئین سے کرنے کو کہتے ہیں (اختیاری)۔' } },
      fields: [
        { name: 'text', type: 'text', localized: true, label: { en: 'Button text', ur: 'بٹن کی عبارت' }, admin: { description: { en: 'e.g. "Join the campaign".', ur: 'مثلاً "مہم میں شامل ہوں"۔' } } },
        { name: 'url', type: 'text', validate: validateOptionalUrl, label: fieldLabels.link, admin: { description: { en: 'Where the button leads, starting with https://.', ur: 'بٹن کہاں لے جاتا ہے، https:// سے شروع ہونے والا پتہ۔' } } },
        {
          name: 'hashtag',
          type: 'text',
          label: { en: 'Hashtag', ur: 'ہیش ٹیگ' },
          admin: { description: { en: 'One word, e.g. #OrangeTheWorld.', ur: 'ایک لفظ، مثلاً #OrangeTheWorld۔' } },
          validate: (v: unknown, { req }: { req?: { i18n?: { language?: string } } }) =>
            !v || /^#?[\p{L}\p{N}_]+$/u.test(String(v))
              ? true
              : inAdminLanguage(req, { en: 'A hashtag is one word: letters, numbers and underscores.', ur: 'ہیش ٹیگ ایک لفظ ہوتا ہے: حروف، اعداد اور انڈر اسکور (_)۔' }),
        },
      ],
    },
    topicsField,
    { name: 'relatedPrograms', type: 'relationship', relationTo: 'programs', hasMany: true, label: fieldLabels.relatedPrograms, admin: { position: 'sidebar', description: { en: 'Programs this campaign is part of.', ur: 'وہ پروگرام جن کا یہ مہم حصہ ہے۔' } } },
    { name: 'media', type: 'upload', relationTo: 'media', hasMany: true, label: { en: 'Media', ur: 'میڈیا' }, admin: { description: { en: 'Posters, pictures and videos for the campaign page.', ur: 'مہم کے صفحے کے لیے پوسٹر، تصاویر اور ویڈیوز۔' } } },
    { name: 'partners', type: 'relationship', relationTo: 'organisations', hasMany: true, label: fieldLabels.partners, admin: { description: { en: 'Organisations running the campaign with you.', ur: 'وہ ادارے جو آپ کے ساتھ یہ مہم چلا رہے ہیں۔' } } },
    seoFields,
    ...publishingFields,
  ],
}
