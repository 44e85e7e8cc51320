import type { CollectionConfig, UploadConfig } from 'payload'

import { isStaffField } from '../access/staff'
import { mediaCreate, mediaDelete, mediaRead, mediaUpdate } from '../access/media'
import { allowedMimeTypes } from '../media/policy'
import { requiredInDefaultLocale } from '../content/fields'
import { checkUpload, refuseExternalFetch } from '../media/checkUpload'
import { guardContributorMedia } from '../workflow/contributorGuard'
import { extractMetadata } from '../media/extractMetadata'
import { imageSizes } from '../media/imageSizes'
import { secureMediaHeaders, serveLocalFile } from '../media/serveFile'
import { fillUsedIn } from '../media/usedIn'
import { localMediaDir } from '../media/storage'
import { adminGroups, fieldLabels, inAdminLanguage } from '../translations/labels'

const staticDir = localMediaDir()
const usesS3 = Boolean(process.env.S3_BUCKET)

const isKind =
  (...kinds: string[]) =>
  (data: Record<string, unknown> | undefined) =>
    kinds.includes(String(data?.kind ?? '')) ||
    (typeof data?.mimeType === 'string' && kinds.some((k) => (data.mimeType as string).startsWith(`${k}/`)))

const noWrite = { create: () => false, update: () => false }

/**
 * Pictures, recordings, PDFs and caption files. Every upload is checked against its bytes
 * (hooks/checkUpload.ts), image sizes are made once at upload, and files are served with headers
 * that stop browsers running anything (serveFile.ts). See docs/media.md.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { en: 'Media item', ur: 'میڈیا آئٹم' }, plural: { en: 'Media', ur: 'میڈیا' } },
  admin: {
    group: adminGroups.library,
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'kind', 'alt', 'filesize', 'usedByPublished', 'updatedAt'],
    listSearchableFields: ['filename', 'alt', 'caption', 'credit'],
    description: {
      en: 'Images, audio, video, PDF documents and WebVTT caption files. Readers see an item only once published content uses it, or if you tick "Public".',
      ur: 'تصاویر، آڈیو، ویڈیو، PDF دستاویزات اور WebVTT کیپشن فائلیں۔ قارئین کوئی آئٹم تبھی دیکھتے ہیں جب شائع شدہ مواد اسے استعمال کرے، یا آپ "عوامی" پر نشان لگائیں۔',
    },
  },
  access: { read: mediaRead, create: mediaCreate, update: mediaUpdate, delete: mediaDelete },
  hooks: {
    // Contributors change nothing live (workflow/contributorGuard.ts); then the bytes are checked
    // before anything else looks at the file.
    beforeOperation: [guardContributorMedia, checkUpload],
    beforeChange: [extractMetadata],
  },
  upload: {
    // MEDIA_DIR lets tests and servers keep uploads elsewhere (a volume, a temp folder).
    staticDir,
    // Payload's own second check. text/plain is here only because Payload cannot recognise WebVTT:
    // checkUpload has already refused any text file that is not WebVTT before Payload sees it.
    // image/avif is here for the generated card size (Payload checks sizes against this list too);
    // uploads themselves are still limited to media/policy.ts's list.
    mimeTypes: [...allowedMimeTypes, 'text/plain', 'image/avif'],
    // No server-side fetching of user-given URLs: no paste-from-URL in the admin, and no fetch of
    // a `url` sent with a new document (see refuseExternalFetch).
    pasteURL: false,
    externalFileHeaderFilter: refuseExternalFetch,
    focalPoint: true,
    crop: true,
    imageSizes,
    adminThumbnail: 'thumbnail',
    // The original is kept as uploaded (EXIF orientation applied by sizes); GPS and camera data
    // are not copied into the sizes (withMetadata off by default).
    modifyResponseHeaders: ({ headers }) => secureMediaHeaders(headers),
    // Local disk: serve with the content type recorded at upload. With S3 the storage adapter
    // serves instead, and modifyResponseHeaders above adds the same protections.
    handlers: usesS3 ? [] : [serveLocalFile(staticDir) as NonNullable<UploadConfig['handlers']>[number]],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      localized: true,
      label: { en: 'Alternative text', ur: 'متبادل متن' },
      admin: {
        description: {
          en: 'Describe the image for people who cannot see it. Required for images, in English at least.',
          ur: 'ان لوگوں کے لیے تصویر بیان کریں جو اسے دیکھ نہیں سکتے۔ تصاویر کے لیے لازمی، کم از کم انگریزی میں۔',
        },
        condition: (data) => isKind('image')(data) || !data?.mimeType,
      },
      validate: (value: unknown, args: any) => {
        if (!isKind('image')(args?.data)) return true
        // A picture uploaded while the admin is on Urdu would have no English description at all
        // (the Urdu check below only guards the English one once it exists).
        const locale = args?.req?.locale
        if (args?.operation === 'create' && locale && locale !== 'en' && locale !== 'all') {
          return inAdminLanguage(args?.req, {
            en: 'Upload new pictures with the Locale menu on English: write the English alternative text first, then switch to Urdu to add the Urdu one.',
            ur: 'نئی تصاویر "مواد کی زبان" کو انگریزی پر رکھ کر اپ لوڈ کریں: پہلے انگریزی متبادل متن لکھیں، پھر اردو پر جا کر اردو متن شامل کریں۔',
          })
        }
        return requiredInDefaultLocale({
          en: 'Add alternative text: describe the image for people who cannot see it.',
          ur: 'متبادل متن شامل کریں: ان لوگوں کے لیے تصویر بیان کریں جو اسے دیکھ نہیں سکتے۔',
        })(value, args)
      },
    },
    { name: 'caption', type: 'text', localized: true, label: { en: 'Caption', ur: 'کیپشن' }, admin: { description: { en: 'Shown under the picture or player.', ur: 'تصویر یا پلیئر کے نیچے دکھایا جاتا ہے۔' } } },
    { name: 'credit', type: 'text', localized: true, label: { en: 'Credit', ur: 'بشکریہ' }, admin: { description: { en: 'Who made it, e.g. "Photo: CPDI".', ur: 'یہ کس نے بنایا، مثلاً "تصویر: CPDI"۔' } } },
    {
      name: 'kind',
      type: 'select',
      index: true,
      options: [
        { label: { en: 'Image', ur: 'تصویر' }, value: 'image' },
        { label: { en: 'Audio', ur: 'آڈیو' }, value: 'audio' },
        { label: { en: 'Video', ur: 'ویڈیو' }, value: 'video' },
        { label: { en: 'Document (PDF)', ur: 'دستاویز (PDF)' }, value: 'document' },
        { label: { en: 'Captions (WebVTT)', ur: 'کیپشن (WebVTT)' }, value: 'captions' },
      ],
      access: noWrite,
      label: { en: 'Kind', ur: 'قسم' },
      admin: { position: 'sidebar', readOnly: true, description: { en: 'Worked out from the file itself.', ur: 'فائل سے خود معلوم کی جاتی ہے۔' } },
    },
    {
      name: 'public',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: { en: 'Public', ur: 'عوامی' },
      admin: {
        position: 'sidebar',
        description: {
          en: 'Let anyone see this file even if no published page uses it (for example a press kit).',
          ur: 'یہ فائل ہر کوئی دیکھ سکے، چاہے کوئی شائع شدہ صفحہ اسے استعمال نہ کرے (مثلاً پریس کٹ)۔',
        },
      },
    },
    {
      name: 'usedByPublished',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: { en: 'Used by published content', ur: 'شائع شدہ مواد میں استعمال' },
      access: noWrite,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: {
          en: 'Set automatically. Contributors cannot delete items that published content uses.',
          ur: 'خود طے ہوتا ہے۔ لکھاری وہ آئٹم حذف نہیں کر سکتے جو شائع شدہ مواد میں استعمال ہوں۔',
        },
      },
    },
    {
      // Staff only (it names drafts), filled for single-item reads: GET /api/media/:id.
      name: 'usedIn',
      type: 'json',
      virtual: true,
      access: { read: isStaffField, ...noWrite },
      hooks: { afterRead: [fillUsedIn] },
      admin: { disabled: true },
    },
    {
      name: 'usagePanel',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/media/MediaUsagePanel#MediaUsagePanel' },
      },
    },
    {
      name: 'topics',
      type: 'relationship',
      relationTo: 'topics',
      hasMany: true,
      label: fieldLabels.topics,
      admin: { position: 'sidebar', description: { en: 'Helps staff find this item in the library.', ur: 'عملے کو لائبریری میں یہ آئٹم ڈھونڈنے میں مدد دیتا ہے۔' } },
    },
    {
      type: 'collapsible',
      label: { en: 'Audio and video', ur: 'آڈیو اور ویڈیو' },
      admin: { condition: (data) => isKind('audio', 'video')(data) },
      fields: [
        {
          name: 'duration',
          type: 'number',
          access: noWrite,
          label: { en: 'Duration', ur: 'دورانیہ' },
          admin: { readOnly: true, description: { en: 'Length in seconds, read from the file.', ur: 'سیکنڈوں میں لمبائی، فائل سے پڑھی گئی۔' } },
        },
        {
          name: 'transcript',
          type: 'richText',
          localized: true,
          label: { en: 'Transcript', ur: 'تحریری متن' },
          admin: { description: { en: 'What is said, for people who cannot hear it.', ur: 'جو کہا گیا، ان لوگوں کے لیے جو سن نہیں سکتے۔' } },
        },
        {
          name: 'captions',
          type: 'upload',
          relationTo: 'media',
          filterOptions: { kind: { equals: 'captions' } },
          label: { en: 'Captions', ur: 'کیپشن' },
          admin: { description: { en: 'A WebVTT (.vtt) caption file, uploaded to the library first.', ur: 'WebVTT (.vtt) کیپشن فائل، جو پہلے لائبریری میں اپ لوڈ کی گئی ہو۔' } },
          validate: async (value: unknown, { req }: any) => {
            const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
            if (id === null || id === undefined || id === '') return true
            const doc = await req.payload.findByID({ collection: 'media', id, depth: 0, req, disableErrors: true })
            return doc?.mimeType === 'text/vtt'
              ? true
              : inAdminLanguage(req, { en: 'Captions must be a WebVTT (.vtt) file from the library.', ur: 'کیپشن لائبریری کی WebVTT (.vtt) فائل ہونی چاہیے۔' })
          },
        },
      ],
    },
    {
      name: 'pdf',
      type: 'group',
      label: { en: 'Document details', ur: 'دستاویز کی تفصیلات' },
      admin: { condition: (data) => isKind('document')(data) },
      fields: [
        { name: 'title', type: 'text', label: fieldLabels.title, admin: { description: { en: "The document's title. Read from the PDF if it has one.", ur: 'دستاویز کا عنوان۔ PDF میں ہو تو وہیں سے پڑھا جاتا ہے۔' } } },
        {
          name: 'language',
          type: 'text',
          label: { en: 'Language', ur: 'زبان' },
          admin: { description: { en: 'Language code, e.g. en or ur. Read from the PDF if it says.', ur: 'زبان کا کوڈ، مثلاً en یا ur۔ PDF میں درج ہو تو وہیں سے پڑھا جاتا ہے۔' } },
        },
        {
          name: 'pageCount',
          type: 'number',
          access: noWrite,
          label: { en: 'Pages', ur: 'صفحات' },
          admin: { readOnly: true, description: { en: 'Counted from the file.', ur: 'فائل سے گنے گئے۔' } },
        },
        {
          name: 'wordCount',
          type: 'number',
          access: noWrite,
          label: { en: 'Words', ur: 'الفاظ' },
          admin: {
            readOnly: true,
            description: {
              en: 'Words of text found in the file, for site search. 0 usually means a scanned PDF: search cannot find its words and screen readers cannot read it.',
              ur: 'فائل میں ملنے والی تحریر کے الفاظ، سائٹ کی تلاش کے لیے۔ 0 کا مطلب عموماً اسکین شدہ PDF ہے: تلاش اس کے الفاظ نہیں ڈھونڈ سکتی اور اسکرین ریڈر اسے نہیں پڑھ سکتے۔',
            },
          },
        },
        {
          // Read from the file at upload (media/pdfText.ts) for site search; not sent by the API.
          name: 'text',
          type: 'textarea',
          hidden: true,
          access: noWrite,
        },
        {
          name: 'accessible',
          type: 'checkbox',
          defaultValue: false,
          label: { en: 'Accessible', ur: 'قابلِ رسائی' },
          admin: { description: { en: 'Tick only if this PDF has been checked to work with screen readers.', ur: 'صرف تب نشان لگائیں جب جانچ لیا گیا ہو کہ یہ PDF اسکرین ریڈر کے ساتھ کام کرتی ہے۔' } },
        },
        {
          name: 'alternativeFormatContactEmail',
          type: 'email',
          defaultValue: () => process.env.MEDIA_ALTERNATIVE_FORMAT_EMAIL || undefined,
          label: { en: 'Email for an accessible format', ur: 'قابلِ رسائی نسخے کے لیے ای میل' },
          admin: {
            description: {
              en: 'Readers who cannot use this PDF write here to ask for an accessible format (shown next to the download, as GOV.UK does). Leave empty to use the contact email in Site settings.',
              ur: 'جو قارئین یہ PDF استعمال نہ کر سکیں وہ یہاں لکھ کر قابلِ رسائی نسخہ مانگتے ہیں (ڈاؤن لوڈ کے ساتھ دکھایا جاتا ہے، جیسا GOV.UK کرتا ہے)۔ خالی چھوڑیں تو سائٹ کی ترتیبات کا رابطے کا ای میل استعمال ہو گا۔',
            },
          },
        },
      ],
    },
  ],
}
