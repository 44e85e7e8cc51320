/**
 * The languages the platform publishes in. English is the default; Urdu is written right to left.
 * Everything that needs to know about languages (Payload's localization, page routing, <html dir>)
 * reads this one list.
 */
export const locales = [
  { code: 'en', label: 'English', nativeLabel: 'English', rtl: false },
  { code: 'ur', label: 'Urdu', nativeLabel: 'اردو', rtl: true },
] as const

export type Locale = (typeof locales)[number]['code']

export const defaultLocale: Locale = 'en'

export const localeCodes = locales.map((l) => l.code) as Locale[]

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (localeCodes as string[]).includes(value)
}

export function isRTL(locale: Locale): boolean {
  return locales.find((l) => l.code === locale)?.rtl ?? false
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'ur' : 'en'
}

/** Public URL prefix for a locale: English lives at the root, Urdu under /ur. */
export function localePrefix(locale: Locale): string {
  return locale === defaultLocale ? '' : `/${locale}`
}
