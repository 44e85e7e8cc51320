/**
 * The admin's languages as plain facts, with no dependencies, so the browser-side components and
 * proxy.ts can use them without pulling in the translations themselves.
 */
const adminLanguageCodes = ['en', 'ur'] as const
export type AdminLanguage = (typeof adminLanguageCodes)[number]

/** Payload lays out only ar/fa/he right to left; app/(payload)/layout.tsx adds these. */
const rtlAdminLanguages: readonly string[] = ['ur']

export function isAdminLanguage(value: unknown): value is AdminLanguage {
  return typeof value === 'string' && (adminLanguageCodes as readonly string[]).includes(value)
}

/**
 * Payload 3.90.1 names the "edit" button on each chosen value of a many-relationship field (a
 * statement's topics) in English in its markup (`aria-label={`Edit ${label}`}`), outside its
 * translations. The admin (AdminLanguage.tsx) names it with Payload's own `general:editLabel` in
 * the admin's language; the value's name is the `title` of the chip around it.
 */
export const relationshipEditButton = {
  selector: '.relationship--multi-value-label__drawer-toggler',
  chip: '.relationship--multi-value-label',
} as const

/** Payload's language cookie (`${cookiePrefix}-lng`; we keep Payload's default prefix). */
export const ADMIN_LANGUAGE_COOKIE = 'payload-lng'
/** Key of the per-account preference in Payload's `payload-preferences`. */
export const ADMIN_LANGUAGE_PREFERENCE = 'admin-language'

/**
 * What the admin's <html> needs beyond what Payload sets (lang, and dir for ar/fa/he only):
 * RootLayout's documented `htmlProps` are spread after Payload's own attributes.
 */
export function adminHtmlProps(language: string): { dir?: 'rtl' } {
  return rtlAdminLanguages.includes(language) ? { dir: 'rtl' } : {}
}
