import type { Field, FieldHook } from 'payload'

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
    admin: {
      position: 'sidebar',
      description:
        'The last part of the web address, e.g. "untoc-dialogue-2022". Leave empty to make it from the English title.',
    },
    hooks: { beforeValidate: [formatSlug(sourceField)] },
    validate: (value: unknown) => {
      if (typeof value !== 'string' || !value) return 'Enter a web address (slug), or give the item an English title to make one from.'
      if (!SLUG_PATTERN.test(value)) return 'Use only lower-case letters, numbers and single hyphens.'
      return true
    },
  }
}
