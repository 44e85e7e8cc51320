import type { MetadataRoute } from 'next'

import { localeCodes } from '@/content/locales'
import { contentTypes } from '@/content/registry'
import { payloadClient } from '@/platform/payload'
import { absoluteUrl } from '@/site/seo'
import { localizedPath } from '@/site/paths'

/**
 * sitemap.xml: every public page in both languages, each with its hreflang alternates
 * (<xhtml:link>). Only published documents, read as the public reads them (overrideAccess: false).
 * Cached like a page; the change pipeline re-renders it when something is published or removed.
 */
// The home page, every type's list page and every document with a page of its own (content/registry.ts).
const SECTIONS = ['/', ...contentTypes.flatMap((t) => (t.index ? [t.index] : []))]
const DETAIL = contentTypes.filter((t) => t.sitemap && t.page)

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
  for (const type of DETAIL) {
    const { docs } = await payload.find({
      collection: type.slug as 'statements',
      // The public's view: drafts are invisible through the collection's read access.
      overrideAccess: false,
      draft: false,
      depth: 0,
      limit: 5000,
      pagination: false,
      select: { slug: true, updatedAt: true },
    })
    for (const doc of docs as Array<{ slug?: string | null; updatedAt?: string }>) {
      if (doc.slug) entries.push({ path: type.page!.replace(':slug', doc.slug), lastModified: doc.updatedAt })
    }
  }
  return entries.flatMap(entry)
}
