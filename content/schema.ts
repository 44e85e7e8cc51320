/**
 * Facts read off a collection's field definitions, so nothing about relations or drafts is ever
 * typed by hand a second time: which fields point at which collections (walking groups, rows,
 * collapsibles, tabs, arrays and blocks), and whether the collection has drafts.
 */
import type { Field } from 'payload'

/** A relationship or upload field, by the path Payload's queries use (`keyActivities.funder`). */
export type RelationField = { path: string; relationTo: string[]; hasMany: boolean; localized: boolean; polymorphic: boolean }

/** Every relationship/upload field, however deeply nested (rich text is not a relation field). */
export function relationFields(fields: readonly Field[], prefix = ''): RelationField[] {
  const found: RelationField[] = []
  for (const field of fields) {
    const named = 'name' in field && field.name ? `${prefix}${field.name}` : null
    if ((field.type === 'relationship' || field.type === 'upload') && named) {
      const polymorphic = Array.isArray(field.relationTo)
      found.push({
        path: named,
        relationTo: polymorphic ? [...(field.relationTo as string[])] : [field.relationTo as string],
        hasMany: Boolean('hasMany' in field && field.hasMany),
        localized: Boolean('localized' in field && field.localized),
        polymorphic,
      })
      continue
    }
    if ((field.type === 'group' || field.type === 'array') && named) found.push(...relationFields(field.fields, `${named}.`))
    else if (field.type === 'group' || field.type === 'row' || field.type === 'collapsible') found.push(...relationFields(field.fields, prefix))
    else if (field.type === 'tabs')
      for (const tab of field.tabs) found.push(...relationFields(tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix))
    else if (field.type === 'blocks' && named)
      for (const block of field.blocks ?? []) found.push(...relationFields(block.fields, `${named}.`))
  }
  return found
}

/** Drafts are a fact of the collection config (`versions.drafts`), never a second list. */
export function hasDrafts(collection: { versions?: unknown }): boolean {
  const versions = collection.versions as { drafts?: unknown } | boolean | undefined
  return Boolean(versions && typeof versions === 'object' && versions.drafts)
}

type Id = number | string

const idOf = (value: unknown): Id | null => {
  if (typeof value === 'number' || (typeof value === 'string' && value)) return value
  if (value && typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id)
  return null
}

/**
 * The ids a document points at through `field`, from the document as stored (ids) or as read
 * (populated objects), in one locale or all (`{ en, ur }`), through arrays and polymorphic values.
 */
export function relatedIds(doc: unknown, field: RelationField, target: string): Id[] {
  const out = new Set<Id>()
  const visit = (value: unknown, segments: string[]) => {
    if (value === null || value === undefined) return
    if (Array.isArray(value) && segments.length) {
      for (const row of value) visit(row, segments)
      return
    }
    if (!segments.length) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (field.polymorphic) {
          const poly = item as { relationTo?: string; value?: unknown } | null
          if (poly && poly.relationTo === target) {
            const id = idOf(poly.value)
            if (id !== null) out.add(id)
          }
        } else if (field.relationTo.includes(target)) {
          const id = idOf(item)
          if (id !== null) out.add(id)
        }
      }
      return
    }
    if (typeof value !== 'object') return
    const [head, ...rest] = segments
    const next = (value as Record<string, unknown>)[head]
    // Localized values read with locale 'all' are keyed by locale code.
    if (!rest.length && field.localized && next && typeof next === 'object' && !Array.isArray(next) && !('id' in next) && !('relationTo' in next)) {
      for (const v of Object.values(next)) visit(v, [])
      return
    }
    visit(next, rest)
  }
  visit(doc, field.path.split('.'))
  return [...out]
}
