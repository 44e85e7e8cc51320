import type { CollectionBeforeChangeHook, Field } from 'payload'
import { ValidationError } from 'payload'

import { isStaffField } from '../access/staff'
import { inAdminLanguage } from '../translations/labels'

/**
 * GOV.UK-style publishing record shared by every public content type:
 * first published / last major update dates, a public change history, and a withdrawn state.
 * Withdrawn documents stay published and public, with a notice that explains why.
 */
export const publishingFields: Field[] = [
  {
    name: 'firstPublishedAt',
    type: 'date',
    label: { en: 'First published', ur: 'پہلی اشاعت' },
    admin: { position: 'sidebar', readOnly: true, description: { en: 'Set automatically the first time this is published.', ur: 'پہلی بار شائع ہونے پر خود طے ہوتا ہے۔' } },
  },
  {
    name: 'publishedAt',
    type: 'date',
    index: true,
    label: { en: 'Last major update', ur: 'آخری بڑی تبدیلی' },
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: {
        en: 'Date of the last major update shown to readers. Set automatically when you publish.',
        ur: 'آخری بڑی تبدیلی کی تاریخ جو قارئین کو دکھائی جاتی ہے۔ شائع کرنے پر خود طے ہوتی ہے۔',
      },
    },
  },
  {
    name: 'updateType',
    type: 'radio',
    defaultValue: 'minor',
    options: [
      { label: { en: 'Minor change (typo, formatting): no public note', ur: 'معمولی تبدیلی (املا، ترتیب): کوئی عوامی نوٹ نہیں' }, value: 'minor' },
      { label: { en: 'Major change: readers should know (add a note below)', ur: 'بڑی تبدیلی: قارئین کو معلوم ہونا چاہیے (نیچے نوٹ لکھیں)' }, value: 'major' },
    ],
    label: { en: 'Type of change', ur: 'تبدیلی کی نوعیت' },
    admin: {
      position: 'sidebar',
      description: {
        en: 'Only matters when you publish an update to something already published.',
        ur: 'صرف تب اہم ہے جب آپ پہلے سے شائع شدہ چیز میں تبدیلی شائع کریں۔',
      },
    },
  },
  {
    name: 'changeNote',
    type: 'textarea',
    localized: true,
    label: { en: 'Change note', ur: 'تبدیلی کا نوٹ' },
    admin: {
      position: 'sidebar',
      description: {
        en: 'For a major change: one sentence for readers, e.g. "Added the Urdu translation."',
        ur: 'بڑی تبدیلی کے لیے: قارئین کے لیے ایک جملہ، مثلاً "اردو ترجمہ شامل کیا گیا۔"',
      },
      condition: (data) => data?.updateType === 'major',
    },
  },
  {
    name: 'changeHistory',
    type: 'array',
    label: { en: 'Change history', ur: 'تبدیلیوں کی تاریخ' },
    labels: { singular: { en: 'Change', ur: 'تبدیلی' }, plural: { en: 'Changes', ur: 'تبدیلیاں' } },
    admin: { readOnly: true, description: { en: 'Public record of publication and major changes. Written automatically.', ur: 'اشاعت اور بڑی تبدیلیوں کا عوامی ریکارڈ۔ خود لکھا جاتا ہے۔' } },
    fields: [
      { name: 'date', type: 'date', required: true, label: { en: 'Date', ur: 'تاریخ' }, admin: { description: { en: 'When this change was published.', ur: 'یہ تبدیلی کب شائع ہوئی۔' } } },
      { name: 'note', type: 'text', localized: true, label: { en: 'Note', ur: 'نوٹ' }, admin: { description: { en: 'What changed, as readers see it.', ur: 'کیا بدلا، جیسا قارئین دیکھتے ہیں۔' } } },
    ],
  },
  {
    name: 'withdrawal',
    type: 'group',
    label: { en: 'Withdrawal', ur: 'منسوخی' },
    admin: {
      description: {
        en: 'Withdraw content that is out of date or wrong. The page stays up with your explanation.',
        ur: 'پرانا یا غلط مواد منسوخ کریں۔ صفحہ آپ کی وضاحت کے ساتھ موجود رہتا ہے۔',
      },
    },
    fields: [
      {
        name: 'withdrawn',
        type: 'checkbox',
        defaultValue: false,
        label: { en: 'Withdrawn', ur: 'منسوخ شدہ' },
        admin: { description: { en: 'Tick, explain below, and publish. Only editors can withdraw.', ur: 'نشان لگائیں، نیچے وجہ لکھیں اور شائع کریں۔ صرف مدیر منسوخ کر سکتے ہیں۔' } },
      },
      {
        name: 'withdrawnAt',
        type: 'date',
        label: { en: 'Withdrawn on', ur: 'تاریخِ منسوخی' },
        admin: { readOnly: true, description: { en: 'Set automatically.', ur: 'خود طے ہوتی ہے۔' }, condition: (_, sibling) => Boolean(sibling?.withdrawn) },
      },
      {
        name: 'explanation',
        type: 'textarea',
        localized: true,
        label: { en: 'Explanation', ur: 'وضاحت' },
        admin: {
          description: {
            en: 'Tell readers why this was withdrawn and where to find current information.',
            ur: 'قارئین کو بتائیں کہ یہ کیوں منسوخ کیا گیا اور تازہ معلومات کہاں ملیں گی۔',
          },
          condition: (_, sibling) => Boolean(sibling?.withdrawn),
        },
        validate: (value: unknown, { siblingData, req }: { siblingData: Record<string, unknown>; req?: { i18n?: { language?: string } } }) =>
          siblingData?.withdrawn && !(typeof value === 'string' && value.trim())
            ? inAdminLanguage(req, { en: 'Explain to readers why this is withdrawn.', ur: 'قارئین کو وجہ بتائیں کہ یہ کیوں منسوخ کیا گیا۔' })
            : true,
      },
    ],
  },
  {
    name: 'createdBy',
    type: 'relationship',
    relationTo: 'users',
    // Staff account IDs are never public: not readable, so not a filter or a sort either.
    access: { read: isStaffField, update: () => false },
    label: { en: 'Created by', ur: 'لکھنے والا' },
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: { en: 'Who wrote this first. Contributors can edit only what they created.', ur: 'یہ سب سے پہلے کس نے لکھا۔ لکھاری صرف وہی بدل سکتے ہیں جو انہوں نے بنایا۔' },
    },
  },
]

/**
 * Keeps the publishing record honest: dates and history are written here, never typed by hand.
 */
export const recordPublication: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  // Who wrote it is who is signed in: never what the request says (a contributor could otherwise
  // file a draft under an editor's name). Scripts without a user (seed, imports) set it themselves.
  if (operation === 'create' && req.user && req.user.collection === 'users') {
    data.createdBy = req.user.id
  }

  const withdrawal = data.withdrawal as { withdrawn?: boolean; withdrawnAt?: string | null } | undefined
  if (withdrawal?.withdrawn && !withdrawal.withdrawnAt) withdrawal.withdrawnAt = new Date().toISOString()
  if (withdrawal && !withdrawal.withdrawn) withdrawal.withdrawnAt = null

  if (data._status !== 'published') return data

  const now = new Date().toISOString()
  const history = Array.isArray(data.changeHistory) ? [...data.changeHistory] : [...(originalDoc?.changeHistory ?? [])]
  const firstPublication = !originalDoc?.firstPublishedAt

  if (firstPublication) {
    data.firstPublishedAt = now
    data.publishedAt = data.publishedAt ?? now
    history.push({ date: now, note: req.locale === 'ur' ? 'پہلی بار شائع ہوا۔' : 'First published.' })
  } else {
    data.firstPublishedAt = originalDoc.firstPublishedAt
    if (data.updateType === 'major') {
      const note = typeof data.changeNote === 'string' ? data.changeNote.trim() : ''
      if (!note) {
        throw new ValidationError({
          collection: undefined,
          errors: [
            {
              path: 'changeNote',
              message: inAdminLanguage(req, { en: 'A major change needs a short public note for readers.', ur: 'بڑی تبدیلی کے لیے قارئین کے واسطے ایک مختصر عوامی نوٹ ضروری ہے۔' }),
            },
          ],
        })
      }
      data.publishedAt = now
      history.push({ date: now, note })
    }
  }
  data.changeHistory = history
  data.updateType = 'minor'
  data.changeNote = null
  return data
}
