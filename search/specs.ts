/**
 * What search reads of each content type: the registry's `search` declarations (content/registry.ts)
 * turned into SearchSpecs for this config (paths, the topic facet's fields, related titles).
 */
import type { SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import type { Locale } from '../content/locales'
import { contentTypes, slugsWhere } from '../content/registry'
import { collectionIndexPath, documentPath } from '../site/paths'
import { dataFields, type SearchSpec } from './entries'

/** The taxonomy collection (topics): relations to it are the topic facet. */
const TAXONOMY = slugsWhere((t) => Boolean(t.taxonomy))[0]

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
  for (const { slug, search: d } of contentTypes) {
    if (!d) continue
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
