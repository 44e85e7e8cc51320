import { notFound } from 'next/navigation'

import { isLocale, localeCodes, type Locale } from '@/content/locales'

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

/**
 * A detail page's locale and document, or a 404: an unknown locale, a slug we would never make
 * (answered without a query), or nothing published under it. Every `[slug]` page loads this way.
 */
export async function loadBySlug<T>(
  params: Promise<{ locale: string; slug: string }>,
  get: (locale: Locale, slug: string) => Promise<T | null | undefined>,
): Promise<{ locale: Locale; doc: T }> {
  const locale = await localeParam(params)
  const { slug } = await params
  if (!validSlug(slug)) notFound()
  const doc = await get(locale, slug)
  if (!doc) notFound()
  return { locale, doc }
}
