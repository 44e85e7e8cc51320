/**
 * Feeds a page announces (`<link rel="alternate">`, through pageMetadata's `feeds`) and offers
 * readers (the Subscribe section): everything the site publishes, and the type or topic the page
 * belongs to, each as RSS, Atom and JSON Feed (partner-api/feeds.ts serves them).
 */
import type { Locale } from '@/content/locales'
import { feedPath, type FeedFormat, type FeedKind } from '@/partner-api/feeds'
import { serverURL } from '@/platform/serverUrl'

/** A section's feed, or a topic's (with its name, for the link title). */
export type FeedScope = { kind: FeedKind } | { topic: { slug: string; name: string } }

const LABEL: Record<Locale, Record<FeedKind, string>> = {
  en: { all: 'Everything we publish', programs: 'Programs', statements: 'Statements', campaigns: 'Campaigns' },
  ur: { all: 'ہماری تمام اشاعتیں', programs: 'پروگرام', statements: 'بیانات', campaigns: 'مہمات' },
}

const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
}
const FORMAT_NAME: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' }
const FORMATS = Object.keys(FEED_TYPES) as FeedFormat[]

type FeedLink = { url: string; title: string; format: FeedFormat; type: string }

/** The feeds of one scope, in the three formats (absolute URLs). */
export function feedsOf(locale: Locale, scope: FeedScope): FeedLink[] {
  const label = 'topic' in scope ? scope.topic.name : LABEL[locale][scope.kind]
  return FORMATS.map((format) => ({
    url: `${serverURL()}${'topic' in scope ? feedPath(locale, 'all', format, scope.topic.slug) : feedPath(locale, scope.kind, format)}`,
    title: `${label} (${FORMAT_NAME[format]})`,
    format,
    type: FEED_TYPES[format],
  }))
}

/** For Next's `metadata.alternates.types`: the whole site's feeds first, then the page's own scope. */
export function feedAlternates(locale: Locale, scope?: FeedScope): Record<string, Array<{ url: string; title: string }>> {
  const scopes: FeedScope[] = [{ kind: 'all' }, ...(scope && !('kind' in scope && scope.kind === 'all') ? [scope] : [])]
  const out: Record<string, Array<{ url: string; title: string }>> = {}
  for (const s of scopes) for (const f of feedsOf(locale, s)) (out[f.type] ??= []).push({ url: f.url, title: f.title })
  return out
}
