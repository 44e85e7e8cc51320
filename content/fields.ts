import type { Field } from 'payload'

/** Relation fields that tie content together, shared by every content type. */
export const topicsField: Field = {
  name: 'topics',
  type: 'relationship',
  relationTo: 'topics',
  hasMany: true,
  admin: { position: 'sidebar', description: 'Subjects this is about. Readers browse by topic.' },
}

/** Localized rich text body, edited with Lexical. */
export const bodyField = (description = 'The main text.'): Field => ({
  name: 'body',
  type: 'richText',
  localized: true,
  admin: { description },
})

export const summaryField: Field = {
  name: 'summary',
  type: 'textarea',
  localized: true,
  maxLength: 400,
  admin: { description: 'One or two plain sentences shown in lists, search results and when shared. Up to 400 characters.' },
}

/** Shared rule for date ranges: an end date never comes before its start date. */
export const endAfterStart =
  (startField: string, label = 'end date') =>
  (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
    const start = siblingData?.[startField]
    if (!value || !start) return true
    return new Date(value as string) >= new Date(start as string)
      ? true
      : `The ${label} must be on or after the start date.`
  }

/**
 * Required in English only. A localized field inside an array must not block saving the Urdu
 * version before every row is translated: missing Urdu falls back to English on the site.
 */
export const requiredInDefaultLocale =
  (message = 'This field is required.') =>
  (value: unknown, { req }: { req: { locale?: string | null } }) => {
    if (req?.locale && req.locale !== 'en' && req.locale !== 'all') return true
    return typeof value === 'string' && value.trim() ? true : message
  }
