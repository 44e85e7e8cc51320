import { localePrefix, localeCodes, type Locale } from '@/content/locales'

/**
 * Every public page URL, in one place. Pages link with these, and the revalidation hooks import
 * them to name exactly the pages a change touches (revalidatePath takes the PUBLIC path: English
 * at the root, Urdu under /ur).
 */
export function localizedPath(locale: Locale, path: string): string {
  const clean = path === '' || path === '/' ? '' : path.startsWith('/') ? path : `/${path}`
  const prefix = localePrefix(locale)
  if (!clean) return prefix || '/'
  return `${prefix}${clean}`
}

export const homePath = (locale: Locale) => localizedPath(locale, '/')
export const programsPath = (locale: Locale) => localizedPath(locale, '/programs')
export const programPath = (locale: Locale, slug: string) => localizedPath(locale, `/programs/${slug}`)
export const statementsPath = (locale: Locale) => localizedPath(locale, '/statements')
export const statementPath = (locale: Locale, slug: string) => localizedPath(locale, `/statements/${slug}`)
export const campaignsPath = (locale: Locale) => localizedPath(locale, '/campaigns')
export const campaignPath = (locale: Locale, slug: string) => localizedPath(locale, `/campaigns/${slug}`)
export const mediaPath = (locale: Locale) => localizedPath(locale, '/media')
export const contactPath = (locale: Locale) => localizedPath(locale, '/contact')
export const peoplePath = (locale: Locale) => localizedPath(locale, '/people')
export const personPath = (locale: Locale, slug: string) => localizedPath(locale, `/people/${slug}`)
export const topicsPath = (locale: Locale) => localizedPath(locale, '/topics')
export const topicPath = (locale: Locale, slug: string) => localizedPath(locale, `/topics/${slug}`)
export const searchPath = (locale: Locale) => localizedPath(locale, '/search')

/** Detail page of a document by collection slug (null for collections without their own page). */
export function documentPath(locale: Locale, collection: string, slug: string): string | null {
  switch (collection) {
    case 'programs':
      return programPath(locale, slug)
    case 'statements':
      return statementPath(locale, slug)
    case 'campaigns':
      return campaignPath(locale, slug)
    case 'people':
      return personPath(locale, slug)
    case 'topics':
      return topicPath(locale, slug)
    default:
      return null
  }
}

/** Index page that lists a collection (null when none). */
export function collectionIndexPath(locale: Locale, collection: string): string | null {
  switch (collection) {
    case 'programs':
      return programsPath(locale)
    case 'statements':
      return statementsPath(locale)
    case 'campaigns':
      return campaignsPath(locale)
    case 'media':
      return mediaPath(locale)
    case 'offices':
      return contactPath(locale)
    case 'people':
      return peoplePath(locale)
    case 'topics':
      return topicsPath(locale)
    default:
      return null
  }
}

/**
 * The pages that show a document of `collection` besides its own detail page, in every locale:
 * its index, the home page (programs, statements, campaigns, offices appear there), and the
 * topic/person pages it is listed on. Pass the slugs of the topics and people it relates to.
 */
export function pagesShowing(
  collection: string,
  doc: { slug?: string | null; topicSlugs?: string[]; personSlugs?: string[]; programSlugs?: string[] },
): string[] {
  const out = new Set<string>()
  for (const locale of localeCodes) {
    if (doc.slug) {
      const own = documentPath(locale, collection, doc.slug)
      if (own) out.add(own)
    }
    const index = collectionIndexPath(locale, collection)
    if (index) out.add(index)
    if (['programs', 'statements', 'campaigns', 'offices', 'media'].includes(collection)) out.add(homePath(locale))
    for (const t of doc.topicSlugs ?? []) out.add(topicPath(locale, t))
    for (const p of doc.personSlugs ?? []) out.add(personPath(locale, p))
    // Program pages list their related statements, campaigns and media.
    for (const p of doc.programSlugs ?? []) out.add(programPath(locale, p))
  }
  return [...out]
}

/** Pages that show site settings or navigation: all of them (header/footer), so revalidate the layout. */
export const LAYOUT_WIDE = { path: '/[locale]', type: 'layout' as const }
