import type { Locale } from '@/content/locales'

/** Intl locale tags: Urdu as written in Pakistan, with Urdu digits (month names come from ur-PK's data). */
const intlTag: Record<Locale, string> = { en: 'en-GB', ur: 'ur-PK-u-nu-arabext' }

// Making an Intl formatter costs about as much as a hundred uses of one (tens of microseconds): a
// search results page formats some sixty numbers and dates. So each kind is made once and kept.
const numberFormats = new Map<string, Intl.NumberFormat>()
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = numberFormats.get(key)
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intlTag[locale], options)))
  return format
}
const dateFormats = new Map<Locale, Intl.DateTimeFormat>()

/** Dates from the CMS are calendar days; format them in UTC so they never shift by a day. */
export function formatDate(locale: Locale, value: string | null | undefined): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  let format = dateFormats.get(locale)
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(intlTag[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })))
  return format.format(date)
}

export function formatYear(locale: Locale, year: number): string {
  return formatNumber(locale, year, { useGrouping: false })
}

export function formatNumber(locale: Locale, value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value)
}

/** File sizes in kB/MB, the way readers expect to see them before downloading. */
export function formatBytes(locale: Locale, bytes: number | null | undefined): string {
  if (!bytes || bytes < 0) return ''
  const units = locale === 'ur' ? ['بائٹس', 'کے بی', 'ایم بی', 'جی بی'] : ['bytes', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${formatNumber(locale, value, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`
}

/** ISO date (YYYY-MM-DD) for <time datetime>. */
export function isoDay(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10)
}

/** The comma between list items in this language (Urdu uses the Arabic comma). */
export function comma(locale: Locale): string {
  return locale === 'ur' ? '، ' : ', '
}
