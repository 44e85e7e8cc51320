import type { Locale } from '@/content/locales'
import { plainText } from '@/content/richText'

/** Arabic-script letters: any Urdu text has them; English fallback text has none. */
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/

/**
 * Whether a field shown on an Urdu page is really English fallback text.
 *
 * With `untranslated` (the Urdu document read with fallbackLocale: false) the answer is exact: the
 * field is empty in Urdu. Without it (lists, related items) we look at the text itself: Urdu
 * always contains Arabic-script letters, English fallback never does. No extra query.
 */
export function isFallback(
  locale: Locale,
  value: unknown,
  untranslated?: Record<string, unknown> | null,
  path?: string,
): boolean {
  if (locale !== 'ur' || value === null || value === undefined || value === '') return false
  if (untranslated && path) {
    const raw = path.split('.').reduce<any>((obj, key) => (obj == null ? obj : obj[key]), untranslated)
    return raw === null || raw === undefined || raw === '' || (typeof raw === 'object' && !plainText(raw) && !Array.isArray(raw))
  }
  const text = typeof value === 'string' ? value : plainText(value)
  return Boolean(text.trim()) && !ARABIC_SCRIPT.test(text)
}
