import path from 'node:path'
import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor, isStaff } from '../access/staff'

const webp = { format: 'webp' as const, options: { quality: 80 } }

export const allowedMimeTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/ogg',
  'video/mp4',
  'video/webm',
  'application/pdf',
]

/**
 * Pictures, recordings and PDFs. Image sizes are made once, at upload, so nothing heavy runs
 * while a reader waits. SVG, XML and HTML are not on the allowlist (they can carry scripts).
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Media item', plural: 'Media' },
  admin: {
    group: 'Library',
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'alt', 'mimeType', 'filesize', 'updatedAt'],
    description: 'Images, audio, video and PDF documents.',
  },
  access: { read: anyone, create: isStaff, update: isStaff, delete: isEditor },
  upload: {
    // MEDIA_DIR lets tests and servers keep uploads elsewhere (a volume, a temp folder).
    staticDir: process.env.MEDIA_DIR || path.resolve(process.cwd(), 'media'),
    mimeTypes: allowedMimeTypes,
    // No server-side fetching of user-given URLs.
    pasteURL: false,
    focalPoint: true,
    crop: true,
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, formatOptions: webp },
      { name: 'card', width: 640, height: 360, formatOptions: webp },
      { name: 'hero', width: 1600, withoutEnlargement: true, formatOptions: webp },
      { name: 'social', width: 1200, height: 630, formatOptions: webp },
    ],
    adminThumbnail: 'thumbnail',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      localized: true,
      admin: { description: 'Describe the image for people who cannot see it. Required for images.' },
      validate: (value: unknown, { data }: { data: Record<string, unknown> }) => {
        const isImage = typeof data?.mimeType === 'string' && data.mimeType.startsWith('image/')
        if (isImage && !(typeof value === 'string' && value.trim())) {
          return 'Add alternative text: describe the image for people who cannot see it.'
        }
        return true
      },
    },
    { name: 'caption', type: 'text', localized: true },
    { name: 'credit', type: 'text', localized: true, admin: { description: 'Who made it, e.g. "Photo: CPDI".' } },
    {
      name: 'transcript',
      type: 'richText',
      localized: true,
      admin: {
        description: 'For audio and video: what is said, for people who cannot hear it.',
        condition: (data) => typeof data?.mimeType === 'string' && /^(audio|video)\//.test(data.mimeType),
      },
    },
  ],
}
