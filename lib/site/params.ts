import { notFound } from 'next/navigation'

import { isLocale, localeCodes, type Locale } from '@/lib/locales'

/** The locale from a page's params; anything else is a 404. */
export async function localeParam(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  return locale
}

/** generateStaticParams helper: every slug in every language. */
export function slugParams(slugs: string[]) {
  return localeCodes.flatMap((locale) => slugs.map((slug) => ({ locale, slug })))
}

/** Whether this slug looks like one we make (anything else is a 404 without a query). */
export function validSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 120
}
