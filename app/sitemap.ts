import type { MetadataRoute } from 'next'

import { localeCodes } from '@/content/locales'
import { payloadClient } from '@/platform/payload'
import { absoluteUrl } from '@/site/seo'
import { localizedPath } from '@/site/paths'

/**
 * sitemap.xml: every public page in both languages, each with its hreflang alternates
 * (<xhtml:link>). Only published documents, read as the public reads them (overrideAccess: false).
 * Cached like a page; the revalidation hooks rebuild it when something is published or removed.
 */
const SECTIONS = ['/', '/programs', '/statements', '/campaigns', '/media', '/contact', '/people', '/topics']
const DETAIL = [
  ['programs', '/programs'],
  ['statements', '/statements'],
  ['campaigns', '/campaigns'],
  ['people', '/people'],
  ['topics', '/topics'],
] as const

type Entry = { path: string; lastModified?: string }

function entry({ path, lastModified }: Entry): MetadataRoute.Sitemap {
  const languages = Object.fromEntries(localeCodes.map((l) => [l, absoluteUrl(localizedPath(l, path))]))
  return localeCodes.map((locale) => ({
    url: absoluteUrl(localizedPath(locale, path)),
    lastModified,
    alternates: { languages },
  }))
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const payload = await payloadClient()
  const entries: Entry[] = SECTIONS.map((path) => ({ path }))
  for (const [collection, base] of DETAIL) {
    const { docs } = await payload.find({
      collection,
      // The public's view: drafts are invisible through the collection's read access.
      overrideAccess: false,
      draft: false,
      depth: 0,
      limit: 5000,
      pagination: false,
      select: { slug: true, updatedAt: true },
    })
    for (const doc of docs as Array<{ slug?: string | null; updatedAt?: string }>) {
      if (doc.slug) entries.push({ path: `${base}/${doc.slug}`, lastModified: doc.updatedAt })
    }
  }
  return entries.flatMap(entry)
}
