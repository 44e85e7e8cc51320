/**
 * Preview: staff see drafts in the real site layout through Next's draft mode, entered only through
 * /next/preview after the logged-in user is checked (see app/next/preview/route.ts). Which types
 * can be previewed is the registry's (content/registry.ts: drafts and a page of their own).
 */
import { isLocale, type Locale } from '../content/locales'
import { serverURL } from '../platform/serverUrl'
import { documentPath } from '../site/paths'

/**
 * Only a path on this site may follow the preview: "/x" but not "//evil.example" or "/\\evil",
 * which browsers treat as another host (an open redirect would let a link carry staff anywhere).
 * Judged on the path as it will be sent, after URL normalisation: "/.//evil.example" normalises to
 * "//evil.example", so a check on the raw text alone let it through.
 */
export function safeSitePath(raw: string | null | undefined): string | null {
  if (!raw || typeof raw !== 'string') return null
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || /[\u0000-\u001f\u007f]/.test(raw)) return null
  let url: URL
  try {
    url = new URL(raw, 'http://site.invalid')
  } catch {
    return null
  }
  if (url.origin !== 'http://site.invalid') return null
  let decoded: string
  try {
    decoded = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  // What goes into Location must still be one slash and a path on this site, encoded or not.
  if (url.pathname.startsWith('//') || decoded.startsWith('//') || decoded.includes('\\') || /[\u0000-\u001f\u007f]/.test(decoded)) return null
  if (/^\/(admin|api)(\/|$)/i.test(decoded)) return null
  return `${url.pathname}${url.search}${url.hash}`
}

/** The preview link for a document: enters draft mode, then opens its page in that language. */
export function previewUrl(collection: string, slug: string | null | undefined, locale: unknown): string | null {
  if (!slug) return null
  const loc: Locale = isLocale(locale) ? locale : 'en'
  const path = documentPath(loc, collection, slug)
  return path ? `${serverURL()}/next/preview?path=${encodeURIComponent(path)}` : null
}
