/**
 * <link rel="alternate"> targets for pages: the feeds (RSS, Atom, JSON Feed) and the page's JSON
 * in the public API. Use in generateMetadata:
 *
 *   alternates: { ...feedAlternates(locale, { kind: 'statements' }), types: { ...feedAlternates(…).types, ...apiAlternate('statements', slug) } }
 *
 * or simply `alternates: { types: alternateTypes(locale, { kind: 'statements' }, { collection: 'statements', slug }) }`.
 */
import type { Locale } from '@/content/locales'
import { feedPath, type FeedKind } from '@/partner-api/feeds'
import { serverURL } from '@/platform/serverUrl'

type Scope = { kind?: FeedKind; topicSlug?: string }
type Link = { url: string; title: string }

const LABEL: Record<Locale, Record<FeedKind, string>> = {
  en: { all: 'Statements and campaigns', statements: 'Statements', campaigns: 'Campaigns' },
  ur: { all: 'بیانات اور مہمات', statements: 'بیانات', campaigns: 'مہمات' },
}

/** Feed links for a page: RSS, Atom and JSON Feed of its section (or of a topic, or of everything). */
export function feedLinks(locale: Locale, scope: Scope = {}): Record<'application/rss+xml' | 'application/atom+xml' | 'application/feed+json', Link[]> {
  const kind = scope.topicSlug ? 'all' : (scope.kind ?? 'all')
  const title = `${LABEL[locale][kind]}${scope.topicSlug ? ` (${scope.topicSlug})` : ''}`
  const link = (format: 'rss' | 'atom' | 'json', suffix: string): Link[] => [
    { url: `${serverURL()}${feedPath(locale, kind, format, scope.topicSlug)}`, title: `${title} — ${suffix}` },
  ]
  return {
    'application/rss+xml': link('rss', 'RSS'),
    'application/atom+xml': link('atom', 'Atom'),
    'application/feed+json': link('json', 'JSON Feed'),
  }
}

/** The API URL of one document, found by slug (what `<link rel="alternate" type="application/json">` points at). */
export function apiUrl(collection: string, slug: string, locale: Locale): string {
  const q = new URLSearchParams({ 'where[slug][equals]': slug, limit: '1', locale })
  return `${serverURL()}/api/${collection}?${q.toString()}`
}

/** A list page's API URL (e.g. /api/statements?locale=ur). */
export function apiListUrl(collection: string, locale: Locale): string {
  return `${serverURL()}/api/${collection}?locale=${locale}`
}

/** Everything for Next's `metadata.alternates.types` in one object. */
export function alternateTypes(locale: Locale, scope: Scope = {}, json?: { collection: string; slug?: string }) {
  const types: Record<string, Link[] | string> = { ...feedLinks(locale, scope) }
  if (json) types['application/json'] = json.slug ? apiUrl(json.collection, json.slug, locale) : apiListUrl(json.collection, locale)
  return types
}
