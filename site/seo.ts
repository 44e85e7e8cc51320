import type { Metadata } from 'next'

import { localeCodes, type Locale } from '@/content/locales'
import { serverURL } from '@/platform/serverUrl'
import type { Media } from '@/payload-types'

import { localizedPath } from './paths'

/** Absolute URL of a site path (canonical links, OpenGraph, JSON-LD and share links need them). */
export function absoluteUrl(path: string): string {
  // Media URLs may already be absolute (when the media collection builds them from SERVER_URL).
  if (/^https?:\/\//i.test(path)) return path
  return `${serverURL()}${path.startsWith('/') ? path : `/${path}`}`
}

function socialImage(image: unknown): { url: string; width: number; height: number; alt: string } | undefined {
  const m = image && typeof image === 'object' ? (image as Media) : null
  if (!m?.url || !String(m.mimeType ?? '').startsWith('image/')) return undefined
  const s = m.sizes?.social
  if (s?.url && s.width && s.height) return { url: absoluteUrl(s.url), width: s.width, height: s.height, alt: m.alt ?? '' }
  return { url: absoluteUrl(m.url), width: m.width ?? 1200, height: m.height ?? 630, alt: m.alt ?? '' }
}

/**
 * Metadata for a page: title, description, canonical URL, hreflang alternates for both languages
 * (x-default is English), OpenGraph and Twitter cards with the 1200x630 image, and the page's
 * JSON twin from the REST API.
 */
export function pageMetadata({
  locale,
  path,
  title,
  description,
  image,
  type = 'website',
  json,
  noindex,
}: {
  locale: Locale
  /** Path without locale prefix, e.g. "/statements/x". */
  path: string
  title: string
  description?: string | null
  image?: unknown
  type?: 'website' | 'article'
  /** REST path of the document, e.g. "/api/statements/3". */
  json?: string
  noindex?: boolean
}): Metadata {
  const languages: Record<string, string> = {}
  for (const code of localeCodes) languages[code] = absoluteUrl(localizedPath(code, path))
  languages['x-default'] = absoluteUrl(localizedPath('en', path))
  const img = socialImage(image)
  const desc = description ?? undefined
  return {
    title,
    description: desc,
    alternates: {
      canonical: absoluteUrl(localizedPath(locale, path)),
      languages,
      ...(json ? { types: { 'application/json': `${json}${json.includes('?') ? '&' : '?'}locale=${locale}` } } : {}),
    },
    openGraph: {
      type,
      title,
      description: desc,
      url: absoluteUrl(localizedPath(locale, path)),
      locale: locale === 'ur' ? 'ur_PK' : 'en_GB',
      alternateLocale: locale === 'ur' ? ['en_GB'] : ['ur_PK'],
      images: img ? [img] : undefined,
    },
    twitter: {
      card: img ? 'summary_large_image' : 'summary',
      title,
      description: desc,
      images: img ? [img.url] : undefined,
    },
    robots: noindex ? { index: false } : undefined,
  }
}
