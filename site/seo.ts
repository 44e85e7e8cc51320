import type { Metadata } from 'next'

import { localeCodes, type Locale } from '@/content/locales'
import { serverURL } from '@/platform/serverUrl'
import type { Media } from '@/payload-types'

import { feedAlternates, type FeedScope } from './feeds'
import { shareImageFallback } from './identity'
import { getSiteSettings } from './queries'
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
 * (x-default is English), OpenGraph and Twitter cards with the 1200x630 image, the page's JSON
 * twin from the REST API, the feeds (the whole site's and the page's section or topic), and any
 * other `<meta name>` tags (citation_* for reference managers).
 */
export async function pageMetadata({
  locale,
  path,
  title,
  description,
  image,
  type = 'website',
  json,
  noindex,
  feeds,
  meta,
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
  /** The section or topic whose feeds the page announces besides the whole site's. */
  feeds?: FeedScope
  /** Extra <meta name="…"> tags; an array gives one tag per value. */
  meta?: Record<string, string | string[] | undefined>
}): Promise<Metadata> {
  const languages: Record<string, string> = {}
  for (const code of localeCodes) languages[code] = absoluteUrl(localizedPath(code, path))
  languages['x-default'] = absoluteUrl(localizedPath('en', path))
  // Without a picture of its own, a shared page shows the organisation's logo (Site settings).
  const img = socialImage(image) ?? socialImage(shareImageFallback(await getSiteSettings(locale)))
  const desc = description ?? undefined
  return {
    title,
    description: desc,
    alternates: {
      canonical: absoluteUrl(localizedPath(locale, path)),
      languages,
      types: {
        ...feedAlternates(locale, feeds),
        ...(json ? { 'application/json': `${json}${json.includes('?') ? '&' : '?'}locale=${locale}` } : {}),
      },
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
    other: meta ? (Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && !v.length))) as Record<string, string | string[]>) : undefined,
  }
}
