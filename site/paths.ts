import { localePrefix, localeCodes, type Locale } from '../content/locales'
import { contentType } from '../content/registry'

/**
 * Every public page URL, in one place. Pages link with these; the change pipeline
 * (content/changes) uses them to name exactly the pages a change touches. Detail and index
 * addresses come from the content registry (content/registry.ts); English lives at the root,
 * Urdu under /ur.
 */
export function localizedPath(locale: Locale, path: string): string {
  const clean = path === '' || path === '/' ? '' : path.startsWith('/') ? path : `/${path}`
  const prefix = localePrefix(locale)
  if (!clean) return prefix || '/'
  return `${prefix}${clean}`
}

// Named helpers for pages; each reads its address from the registry.
const page = (collection: string) => (locale: Locale, slug: string) => documentPath(locale, collection, slug) as string
const index = (collection: string) => (locale: Locale) => collectionIndexPath(locale, collection) as string

export const homePath = (locale: Locale) => localizedPath(locale, '/')
export const programsPath = index('programs')
export const programPath = page('programs')
export const statementsPath = index('statements')
export const statementPath = page('statements')
export const campaignsPath = index('campaigns')
export const campaignPath = page('campaigns')
export const contactPath = index('offices')
export const peoplePath = index('people')
export const personPath = page('people')
export const topicsPath = index('topics')
export const topicPath = page('topics')
export const searchPath = (locale: Locale) => localizedPath(locale, '/search')

/** Detail page of a document, from its content type's `page` pattern (null: no page of its own). */
export function documentPath(locale: Locale, collection: string, slug: string): string | null {
  const pattern = contentType(collection)?.page
  return pattern && slug ? localizedPath(locale, pattern.replace(':slug', slug)) : null
}

/** The page that lists a content type (null when none). */
export function collectionIndexPath(locale: Locale, collection: string): string | null {
  const index = contentType(collection)?.index
  return index ? localizedPath(locale, index) : null
}

/** A path in every language (English first). */
export const inEveryLocale = (path: string): string[] => localeCodes.map((locale) => localizedPath(locale, path))
