import type { Field, FieldHook } from 'payload'

import { inAdminLanguage } from '../translations/labels'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Lower-case, ASCII, hyphen-separated: safe in URLs in both languages. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
    .replace(/-+$/g, '')
}

/** Fill the slug from the title when staff leave it empty; tidy what they type. */
const formatSlug =
  (sourceField: string): FieldHook =>
  ({ value, data, originalDoc }) => {
    if (typeof value === 'string' && value.trim()) return slugify(value)
    if (originalDoc?.slug) return originalDoc.slug
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    return typeof source === 'string' ? slugify(source) || undefined : undefined
  }

/**
 * The slug is shared by every language, so /statements/x and /ur/statements/x are one document.
 */
export function slugField(sourceField = 'title'): Field {
  return {
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    index: true,
    label: { en: 'Slug (web address)', ur: 'سلَگ (ویب پتہ)' },
    admin: {
      position: 'sidebar',
      description: {
        en: 'The last part of the web address, e.g. "untoc-dialogue-2022". Leave empty to make it from the English title.',
        ur: 'ویب پتے کا آخری حصہ، مثلاً "untoc-dialogue-2022"۔ خالی چھوڑ دیں تو انگریزی عنوان سے خود بن جائے گا۔',
      },
    },
    hooks: { beforeValidate: [formatSlug(sourceField)] },
    validate: (value: unknown, { req }: { req?: { i18n?: { language?: string } } }) => {
      if (typeof value !== 'string' || !value)
        return inAdminLanguage(req, {
          en: 'Enter a web address (slug), or give the item an English title to make one from.',
          ur: 'ویب پتہ (سلَگ) درج کریں، یا انگریزی عنوان لکھیں تاکہ اس سے پتہ بن سکے۔',
        })
      if (!SLUG_PATTERN.test(value))
        return inAdminLanguage(req, {
          en: 'Use only lower-case letters, numbers and single hyphens.',
          ur: 'صرف انگریزی کے چھوٹے حروف، اعداد اور ایک ایک ہائفن (-) استعمال کریں۔',
        })
      return true
    },
  }
}
