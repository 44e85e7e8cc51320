/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for programs, statements, campaigns and all three, per
 * language and per topic. Published items only (read through the public access rules), full text
 * as HTML, and every link absolute from SERVER_URL (never the request's Host).
 */
import config from '@payload-config'
import { convertLexicalToHTML, type HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'
import { getPayload, type Where } from 'payload'

import { isLocale, type Locale } from '../content/locales'
import { contentType, slugsWhere } from '../content/registry'
import { plainText } from '../content/richText'
import { findSorted } from '../platform/findSorted'
import { serverURL } from '../platform/serverUrl'
import { PROPOSALS_BLOCK, CONTRIBUTIONS_BLOCK } from '../content/placements'
import { hasBlock, internalHref, safeHref } from '../site/links'
import { campaignsPath, collectionIndexPath, documentPath, homePath, localizedPath, programsPath, statementsPath, topicPath } from '../site/paths'
import { cacheGet, cacheSet, etagFor } from './cache'

export type FeedKind = 'all' | 'programs' | 'statements' | 'campaigns'
type Collection = Exclude<FeedKind, 'all'>
export type FeedFormat = 'rss' | 'atom' | 'json'
const FEED_SIZE = 50
const EXT: Record<FeedFormat, string> = { rss: 'xml', atom: 'atom', json: 'json' }
const TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
}

/** Public path of a feed (English at the root, Urdu under /ur). */
export function feedPath(locale: Locale, kind: FeedKind, format: FeedFormat, topicSlug?: string): string {
  const base = topicSlug ? `/topics/${topicSlug}` : kind === 'all' ? '' : `/${kind}`
  return localizedPath(locale, `${base}/feed.${EXT[format]}`)
}

type Item = {
  id: string
  url: string
  title: string
  summary: string
  html: string
  text: string
  published: string
  updated: string
  tags: string[]
  author?: string
}

const xml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')

const absolute = (href: string) => (href.startsWith('/') ? `${serverURL()}${href}` : href)

/** A statement's numbered proposals or a program's key activities, as HTML (anchors as on the page). */
function structuredList(doc: any, collection: Collection): { block: string; html: string } | null {
  if (collection === 'statements' && Array.isArray(doc.proposals) && doc.proposals.length) {
    const items = doc.proposals.map((p: any, i: number) => `<li id="proposal-${i + 1}">${xml(p.text ?? '')}</li>`).join('')
    return { block: PROPOSALS_BLOCK, html: `<ol>${items}</ol>` }
  }
  if (collection === 'programs' && Array.isArray(doc.keyActivities) && doc.keyActivities.length) {
    const items = doc.keyActivities
      .map((a: any) => `<li><strong>${xml(a.title ?? '')}</strong>${a.description ? `: ${xml(a.description)}` : ''}${a.funder?.name ? ` (${xml(a.funder.name)})` : ''}</li>`)
      .join('')
    return { block: CONTRIBUTIONS_BLOCK, html: `<ul>${items}</ul>` }
  }
  return null
}

/**
 * The body as HTML with Lexical's own converters. Ours where a feed needs more: internal links
 * and uploads become absolute addresses in the feed's language (a link to something the public
 * may not see keeps its text), external links only for web, mail and phone addresses, and the
 * structured list appears where the text marks its place (content/editor.ts), else after it.
 */
function html(doc: any, collection: Collection, locale: Locale): string {
  const list = structuredList(doc, collection)
  let placed = false
  const link = ({ node, nodesToHTML }: any) => {
    const children = nodesToHTML({ nodes: node.children }).join('')
    const fields = node.fields ?? {}
    const href = fields.linkType === 'internal' ? internalHref(locale, fields.doc) : safeHref(fields.url)
    return href ? `<a href="${xml(absolute(href))}">${children}</a>` : children
  }
  const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    link,
    autolink: link,
    upload: ({ node }: any) => {
      const m = node.value
      if (!m || typeof m !== 'object' || !m.url) return ''
      const src = xml(absolute(m.url))
      if (String(m.mimeType ?? '').startsWith('image/')) return `<img src="${src}" alt="${xml(m.alt ?? '')}" width="${Number(m.width) || ''}" height="${Number(m.height) || ''}">`
      return `<p><a href="${src}">${xml(m.pdf?.title || m.caption || m.filename || m.url)}</a></p>`
    },
    blocks: list
      ? {
          [list.block]: () => {
            if (placed) return ''
            placed = true
            return list.html
          },
        }
      : {},
    unknown: () => '',
  })
  let out = ''
  try {
    if (doc.body?.root) out = convertLexicalToHTML({ data: doc.body, disableContainer: true, converters })
  } catch {
    out = `<p>${xml(plainText(doc.body))}</p>`
  }
  if (list && !(placed || hasBlock(doc.body, list.block))) out += list.html
  if (doc.withdrawal?.withdrawn) out = `<p><strong>Withdrawn.</strong> ${xml(doc.withdrawal.explanation ?? '')}</p>${out}`
  return out
}

function toItem(doc: any, collection: Collection, locale: Locale): Item {
  // The item's page and title as the registry states them: a type added there needs nothing here.
  const type = contentType(collection)
  const path = documentPath(locale, collection, doc.slug) ?? collectionIndexPath(locale, collection) ?? homePath(locale)
  const url = `${serverURL()}${path}`
  const title = `${doc.withdrawal?.withdrawn ? '[Withdrawn] ' : ''}${doc[type?.titleField ?? 'title'] ?? doc.slug}`
  // Every item carries some content (JSON Feed requires it): the body, else the summary, else the title.
  const text = plainText(doc.body) || doc.summary || title
  return {
    id: url,
    url,
    title,
    summary: doc.summary ?? '',
    html: html(doc, collection, locale) || `<p>${xml(text)}</p>`,
    text,
    published: doc.publishedAt ?? doc.firstPublishedAt ?? doc.createdAt,
    updated: doc.updatedAt,
    tags: (doc.topics ?? []).map((t: any) => (typeof t === 'object' ? t?.name : null)).filter(Boolean),
    author: collection === 'statements' ? (typeof doc.speaker === 'object' && doc.speaker?.name) || doc.speakerName || undefined : undefined,
  }
}

async function items(locale: Locale, kind: FeedKind, topicId?: number | string): Promise<Item[]> {
  const payload = await getPayload({ config })
  // The site-wide feed: every type the registry gives feeds (content/registry.ts).
  const collections = (kind === 'all' ? slugsWhere((t) => Boolean(t.feed)) : [kind]) as Collection[]
  const where: Where | undefined = topicId !== undefined ? { topics: { in: [topicId] } } : undefined
  const lists = await Promise.all(
    collections.map(async (collection) => {
      const res = await findSorted<any>(payload, {
        collection,
        where,
        locale,
        fallbackLocale: 'en',
        sort: '-publishedAt',
        limit: FEED_SIZE,
        depth: 1,
        overrideAccess: false, // published only, exactly what an anonymous reader may see
      })
      return res.docs.map((d) => toItem(d, collection, locale))
    }),
  )
  return lists
    .flat()
    .sort((a, b) => (a.published < b.published ? 1 : -1))
    .slice(0, FEED_SIZE)
}

type Channel = { title: string; description: string; home: string; self: string; locale: Locale; author: string }

function rss(c: Channel, list: Item[]): string {
  const date = (d: string) => new Date(d).toUTCString()
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${xml(c.title)}</title>
<link>${xml(c.home)}</link>
<description>${xml(c.description)}</description>
<language>${c.locale}</language>
<lastBuildDate>${date(list[0]?.updated ?? new Date(0).toISOString())}</lastBuildDate>
<atom:link href="${xml(c.self)}" rel="self" type="application/rss+xml"/>
${list
  .map(
    (i) => `<item>
<title>${xml(i.title)}</title>
<link>${xml(i.url)}</link>
<guid isPermaLink="true">${xml(i.id)}</guid>
<pubDate>${date(i.published)}</pubDate>
${i.author ? `<dc:creator>${xml(i.author)}</dc:creator>\n` : ''}<description>${xml(i.summary || i.text.slice(0, 400))}</description>
<content:encoded>${xml(i.html)}</content:encoded>
${i.tags.map((t) => `<category>${xml(t)}</category>`).join('\n')}
</item>`,
  )
  .join('\n')}
</channel>
</rss>
`
}

function atom(c: Channel, list: Item[]): string {
  const iso = (d: string) => new Date(d).toISOString()
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${c.locale}">
<id>${xml(c.self)}</id>
<title>${xml(c.title)}</title>
<subtitle>${xml(c.description)}</subtitle>
<updated>${iso(list[0]?.updated ?? new Date(0).toISOString())}</updated>
<link rel="self" type="application/atom+xml" href="${xml(c.self)}"/>
<link rel="alternate" type="text/html" href="${xml(c.home)}"/>
<author><name>${xml(c.author)}</name></author>
${list
  .map(
    (i) => `<entry>
<id>${xml(i.id)}</id>
<title>${xml(i.title)}</title>
<link rel="alternate" type="text/html" href="${xml(i.url)}"/>
<published>${iso(i.published)}</published>
<updated>${iso(i.updated)}</updated>
${i.author ? `<author><name>${xml(i.author)}</name></author>\n` : ''}${i.summary ? `<summary>${xml(i.summary)}</summary>\n` : ''}<content type="html">${xml(i.html)}</content>
${i.tags.map((t) => `<category term="${xml(t)}"/>`).join('\n')}
</entry>`,
  )
  .join('\n')}
</feed>
`
}

function jsonFeed(c: Channel, list: Item[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: c.title,
    description: c.description,
    home_page_url: c.home,
    feed_url: c.self,
    language: c.locale,
    authors: [{ name: c.author }],
    items: list.map((i) => ({
      id: i.id,
      url: i.url,
      title: i.title,
      summary: i.summary || undefined,
      content_html: i.html,
      content_text: i.text,
      date_published: new Date(i.published).toISOString(),
      date_modified: new Date(i.updated).toISOString(),
      tags: i.tags.length ? i.tags : undefined,
      authors: i.author ? [{ name: i.author }] : undefined,
    })),
  })
}

const TITLES: Record<Locale, Record<FeedKind, string>> = {
  en: { all: 'Programs, statements and campaigns', programs: 'Programs', statements: 'Statements', campaigns: 'Campaigns' },
  ur: { all: 'پروگرام، بیانات اور مہمات', programs: 'پروگرام', statements: 'بیانات', campaigns: 'مہمات' },
}

type Params = { params: Promise<{ locale: string; slug?: string }> }

/** A route handler for one kind and format of feed; the topic comes from the [slug] segment. */
export function feedRoute(kind: FeedKind, format: FeedFormat) {
  return async (request: Request, { params }: Params): Promise<Response> => {
    const { locale, slug } = await params
    if (!isLocale(locale)) return new Response('Not found', { status: 404 })
    const key = `feed|${locale}|${kind}|${format}|${slug ?? ''}`
    let entry = await cacheGet(key)
    if (!entry) {
      const payload = await getPayload({ config })
      let topic: any
      if (slug) {
        const found = await payload.find({ collection: 'topics', where: { slug: { equals: slug } }, locale, limit: 1, depth: 0, overrideAccess: false })
        topic = found.docs[0]
        if (!topic) return new Response('No such topic.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
      }
      const settings: any = await payload.findGlobal({ slug: 'site-settings', locale, depth: 0, overrideAccess: false }).catch(() => null)
      const org = settings?.organisationName || 'Daleel'
      const list = await items(locale, kind, topic?.id)
      const index = { all: homePath, programs: programsPath, statements: statementsPath, campaigns: campaignsPath }[kind]
      const home = `${serverURL()}${topic ? topicPath(locale, slug!) : index(locale)}`
      const channel: Channel = {
        title: `${org}: ${topic ? `${topic.name} — ` : ''}${TITLES[locale][kind]}`,
        description: topic?.description || settings?.tagline || `${TITLES[locale][kind]} — ${org}`,
        home,
        self: `${serverURL()}${feedPath(locale, kind, format, slug)}`,
        locale,
        author: org,
      }
      const body = format === 'rss' ? rss(channel, list) : format === 'atom' ? atom(channel, list) : jsonFeed(channel, list)
      entry = { status: 200, body, contentType: TYPES[format], etag: etagFor(body) }
      // Dropped when anything it lists changes, its topic, or the site's name (content/changes/subscribers/apiCache.ts).
      const tags = [...(kind === 'all' ? slugsWhere((t) => Boolean(t.feed)) : [kind]).map((c) => `list:${c}`), 'global:site-settings']
      if (topic) tags.push(`doc:topics:${topic.id}`)
      await cacheSet(key, entry, tags)
    }
    const headers = {
      'Content-Type': entry.contentType,
      ETag: entry.etag,
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=3600',
      'Access-Control-Allow-Origin': '*',
    }
    if (request.headers.get('if-none-match') === entry.etag) return new Response(null, { status: 304, headers })
    return new Response(entry.body, { headers })
  }
}
