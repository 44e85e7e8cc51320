/**
 * Feeds: the site-wide feed, the type's own feed and the feeds of its topics, in every format and
 * language, whenever a document of a type with feeds is published, changed or taken down; and a
 * topic's feeds when the topic itself changes (its name is their title). Which types have feeds,
 * and which types are topics, comes from the registry. The feeds' cached bodies are dropped with
 * the partner API's response cache (they are tagged `list:<type>`, partner-api/feeds.ts).
 */
import { inEveryLocale } from '../../../site/paths'
import { contentType, contentTypes, FEED_FILES } from '../../registry'
import { relatedIds } from '../../schema'
import { touchesPublic, type StoredDoc } from '../event'
import { pagesWanted } from '../freshness'
import type { ChangeSubscriber } from '../subscriber'

const feedsAt = (base: string) => FEED_FILES.flatMap((file) => inEveryLocale(`${base === '/' ? '' : base}/${file}`))

export const feeds: ChangeSubscriber = {
  name: 'feeds',
  async stale(change) {
    const type = contentType(change.collection)
    if (change.global || !type || !touchesPublic(change) || !pagesWanted()) return null
    const versions = [change.wasPublic && change.before, change.isPublic && change.after].filter((d): d is StoredDoc => Boolean(d))
    const paths = new Set<string>()
    if (type.taxonomy && type.page) for (const doc of versions) if (doc.slug) feedsAt(type.page.replace(':slug', doc.slug)).forEach((p) => paths.add(p))
    if (!type.feed) return paths.size ? { pages: [...paths] } : null
    feedsAt('/').forEach((p) => paths.add(p))
    if (type.index) feedsAt(type.index).forEach((p) => paths.add(p))
    // The feeds of the topics it is filed under, before and after.
    for (const taxonomy of contentTypes.filter((t) => t.taxonomy && t.page)) {
      const ids = new Set(versions.flatMap((doc) => type.relations.filter((f) => f.relationTo.includes(taxonomy.slug)).flatMap((f) => relatedIds(doc, f, taxonomy.slug))))
      if (!ids.size) continue
      const { docs } = await change.req.payload.find({
        collection: taxonomy.slug as 'topics',
        where: { id: { in: [...ids] } },
        select: { slug: true },
        depth: 0,
        limit: ids.size,
        overrideAccess: true,
        req: change.req,
      })
      for (const t of docs as Array<{ slug?: string }>) if (t.slug) feedsAt(taxonomy.page!.replace(':slug', t.slug)).forEach((p) => paths.add(p))
    }
    return { pages: [...paths] }
  },
}
