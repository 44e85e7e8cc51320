/**
 * What search reads of each content type. ADAPTER until the content registry (content/registry.ts,
 * issue #12) lands on main: then each type's `search` declaration lives there and this file only
 * turns it into SearchSpecs.
 */
import type { SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import type { Locale } from '../content/locales'
import { collectionIndexPath, documentPath } from '../site/paths'
import { dataFields, type SearchSpec } from './entries'

type Declaration = { title: string; summary?: string; fields: string[] }

const DECLARED: Record<string, Declaration> = {
  statements: {
    title: 'title',
    summary: 'summary',
    fields: ['title', 'summary', 'speaker', 'speakerName', 'speakerRole', 'issuingOrganisation', 'event', 'eventSegment', 'location', 'topics', 'body', 'proposals.text', 'attachments'],
  },
  programs: {
    title: 'title',
    summary: 'summary',
    fields: ['title', 'summary', 'topics', 'funders', 'partners', 'body', 'keyActivities.title', 'keyActivities.description', 'relatedMedia'],
  },
  campaigns: { title: 'title', summary: 'summary', fields: ['title', 'summary', 'topics', 'partners', 'body', 'callToAction.text', 'media'] },
  people: { title: 'name', summary: 'role', fields: ['name', 'role', 'organisation', 'bio'] },
  topics: { title: 'name', summary: 'description', fields: ['name', 'description'] },
  offices: { title: 'name', summary: 'city', fields: ['name', 'city', 'organisation', 'addressLines.line', 'country'] },
}

/** The taxonomy collection: relations to it are the topic facet. */
const TAXONOMY = 'topics'

function titleField(config: SanitizedConfig, collection: string): string {
  const c = config.collections.find((x) => x.slug === collection)
  return typeof c?.admin?.useAsTitle === 'string' ? c.admin.useAsTitle : 'title'
}

function taxonomyFields(collection: SanitizedCollectionConfig, fields: string[]): string[] {
  return fields.filter((name) =>
    dataFields(collection.fields).some((f) => 'name' in f && f.name === name && f.type === 'relationship' && f.relationTo === TAXONOMY),
  )
}

const cache = new WeakMap<SanitizedConfig, Map<string, SearchSpec>>()

/** Every searchable content type of this config, by collection slug. */
export function searchSpecs(config: SanitizedConfig): Map<string, SearchSpec> {
  let specs = cache.get(config)
  if (specs) return specs
  specs = new Map()
  for (const [slug, d] of Object.entries(DECLARED)) {
    const collection = config.collections.find((c) => c.slug === slug)
    if (!collection) continue
    specs.set(slug, {
      collection: slug,
      title: d.title,
      summary: d.summary,
      fields: d.fields,
      path: (locale: Locale, doc: Record<string, unknown>) =>
        (typeof doc.slug === 'string' && doc.slug ? documentPath(locale, slug, doc.slug) : null) ?? collectionIndexPath(locale, slug),
      taxonomies: taxonomyFields(collection, d.fields),
      titleOf: (related) => titleField(config, related),
    })
  }
  cache.set(config, specs)
  return specs
}

/** The types search covers, in order (the type facet, the API's `type`). */
export function searchableTypes(config: SanitizedConfig, allowed?: string[]): string[] {
  const all = [...searchSpecs(config).keys()]
  return allowed?.length ? all.filter((t) => allowed.includes(t)) : all
}
