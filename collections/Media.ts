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
  labels: { singular: 'Media item', plural: 'Media' },
  admin: {
    group: 'Library',
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'kind', 'alt', 'filesize', 'usedByPublished', 'updatedAt'],
    listSearchableFields: ['filename', 'alt', 'caption', 'credit'],
    description:
      'Images, audio, video, PDF documents and WebVTT caption files. Readers see an item only once published content uses it, or if you tick "Public".',
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
      admin: {
        description: 'Describe the image for people who cannot see it. Required for images, in English at least.',
        condition: (data) => isKind('image')(data) || !data?.mimeType,
      },
      validate: (value: unknown, args: any) => {
        if (!isKind('image')(args?.data)) return true
        // A picture uploaded while the admin is on Urdu would have no English description at all
        // (the Urdu check below only guards the English one once it exists).
        const locale = args?.req?.locale
        if (args?.operation === 'create' && locale && locale !== 'en' && locale !== 'all') {
          return 'Upload new pictures with the Locale menu on English: write the English alternative text first, then switch to Urdu to add the Urdu one.'
        }
        return requiredInDefaultLocale('Add alternative text: describe the image for people who cannot see it.')(value, args)
      },
    },
    { name: 'caption', type: 'text', localized: true, admin: { description: 'Shown under the picture or player.' } },
    { name: 'credit', type: 'text', localized: true, admin: { description: 'Who made it, e.g. "Photo: CPDI".' } },
    {
      name: 'kind',
      type: 'select',
      index: true,
      options: [
        { label: 'Image', value: 'image' },
        { label: 'Audio', value: 'audio' },
        { label: 'Video', value: 'video' },
        { label: 'Document (PDF)', value: 'document' },
        { label: 'Captions (WebVTT)', value: 'captions' },
      ],
      access: noWrite,
      admin: { position: 'sidebar', readOnly: true, description: 'Worked out from the file itself.' },
    },
    {
      name: 'public',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: {
        position: 'sidebar',
        description: 'Let anyone see this file even if no published page uses it (for example a press kit).',
      },
    },
    {
      name: 'usedByPublished',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: 'Used by published content',
      access: noWrite,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Set automatically. Contributors cannot delete items that published content uses.',
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
      admin: { position: 'sidebar', description: 'Helps staff find this item in the library.' },
    },
    {
      type: 'collapsible',
      label: 'Audio and video',
      admin: { condition: (data) => isKind('audio', 'video')(data) },
      fields: [
        {
          name: 'duration',
          type: 'number',
          access: noWrite,
          admin: { readOnly: true, description: 'Length in seconds, read from the file.' },
        },
        {
          name: 'transcript',
          type: 'richText',
          localized: true,
          admin: { description: 'What is said, for people who cannot hear it.' },
        },
        {
          name: 'captions',
          type: 'upload',
          relationTo: 'media',
          filterOptions: { kind: { equals: 'captions' } },
          admin: { description: 'A WebVTT (.vtt) caption file, uploaded to the library first.' },
          validate: async (value: unknown, { req }: any) => {
            const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
            if (id === null || id === undefined || id === '') return true
            const doc = await req.payload.findByID({ collection: 'media', id, depth: 0, req, disableErrors: true })
            return doc?.mimeType === 'text/vtt' ? true : 'Captions must be a WebVTT (.vtt) file from the library.'
          },
        },
      ],
    },
    {
      name: 'pdf',
      type: 'group',
      label: 'Document details',
      admin: { condition: (data) => isKind('document')(data) },
      fields: [
        { name: 'title', type: 'text', admin: { description: "The document's title. Read from the PDF if it has one." } },
        {
          name: 'language',
          type: 'text',
          admin: { description: 'Language code, e.g. en or ur. Read from the PDF if it says.' },
        },
        {
          name: 'pageCount',
          type: 'number',
          access: noWrite,
          admin: { readOnly: true, description: 'Counted from the file.' },
        },
        {
          name: 'wordCount',
          type: 'number',
          access: noWrite,
          admin: {
            readOnly: true,
            description: 'Words of text found in the file, for site search. 0 usually means a scanned PDF: search cannot find its words and screen readers cannot read it.',
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
          admin: { description: 'Tick only if this PDF has been checked to work with screen readers.' },
        },
        {
          name: 'alternativeFormatContactEmail',
          type: 'email',
          defaultValue: () => process.env.MEDIA_ALTERNATIVE_FORMAT_EMAIL || undefined,
          admin: {
            description:
              'Readers who cannot use this PDF write here to ask for an accessible format (shown next to the download, as GOV.UK does). Leave empty to use the contact email in Site settings.',
          },
        },
      ],
    },
  ],
}
