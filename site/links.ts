import type { Locale } from '@/content/locales'

import { documentPath } from './paths'

/** A link's target as Lexical stores an internal link (`fields.doc`) or an upload node. */
type Target = { relationTo?: string; value?: unknown } | null | undefined

/**
 * The site path (or upload URL) of an internal link in rich text, in the page's language; null
 * when the target is not one the reader may see (a draft or a deleted document is not populated
 * by the public read, so the link text stays, without a link). Pages and feeds both use it.
 */
export function internalHref(locale: Locale, target: Target): string | null {
  if (!target?.relationTo || !target.value || typeof target.value !== 'object') return null
  const doc = target.value as { slug?: unknown; url?: unknown }
  if (target.relationTo === 'media') return typeof doc.url === 'string' && doc.url ? doc.url : null
  return typeof doc.slug === 'string' && doc.slug ? documentPath(locale, target.relationTo, doc.slug) : null
}

/** Web, mail and phone links and site paths only; never javascript: or data:. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null
  const u = url.trim()
  return /^(https?:|mailto:|tel:|\/(?!\/)|#)/i.test(u) ? u : null
}

/** Whether a Lexical document contains a block of this type (where a structured list stands). */
export function hasBlock(data: unknown, blockType: string): boolean {
  let found = false
  const walk = (node: any) => {
    if (found || !node || typeof node !== 'object') return
    if (node.type === 'block' && node.fields?.blockType === blockType) found = true
    else if (Array.isArray(node.children)) node.children.forEach(walk)
  }
  walk((data as any)?.root)
  return found
}
