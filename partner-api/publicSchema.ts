/**
 * What a caller who is not staff can see of the Payload config: which collections are public and
 * which of their fields are readable. The query guard and the OpenAPI generator both read this, so
 * "what may be filtered on" and "what is documented" come from one place: the config itself.
 */
import type { CollectionConfig, Field, SanitizedCollectionConfig } from 'payload'

import { hasDrafts } from '../content/schema'
import { englishText } from '../translations/labels'

export type FieldInfo = {
  name: string
  type: string
  localized: boolean
  required: boolean
  hasMany: boolean
  relationTo?: string | string[]
  options?: string[]
  fields?: FieldInfo[]
  blocks?: { slug: string; fields: FieldInfo[] }[]
  description?: string
}

/** Never readable, filterable or sortable by anyone outside the staff, whatever the collection. */
const SENSITIVE_FIELDS = new Set([
  'password',
  'hash',
  'salt',
  'email',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'apiKey',
  'apiKeyIndex',
  'enableAPIKey',
  'hasAPIKey',
  'loginAttempts',
  'lockUntil',
  'sessions',
  '_verificationToken',
  '_verified',
  'secret',
  'token',
])

const anonymousReq = { user: null, context: {}, headers: new Headers() } as any

/** Access result for an anonymous caller; anything async or throwing counts as "no". */
function allowsAnonymous(fn: unknown, extra: Record<string, unknown> = {}): boolean | 'constrained' {
  if (typeof fn !== 'function') return true
  try {
    const result = fn({ req: anonymousReq, ...extra })
    if (result === true) return true
    if (result && typeof result === 'object' && typeof (result as Promise<unknown>).then !== 'function') return 'constrained'
    return false
  } catch {
    return false
  }
}

type AnyCollection = CollectionConfig | SanitizedCollectionConfig

/** A collection is public when its read access lets an anonymous caller in (fully or with a constraint). */
export function isPublicCollection(collection: AnyCollection): boolean {
  if (collection.auth) return false
  if (collection.slug.startsWith('payload-')) return false
  return allowsAnonymous(collection.access?.read) !== false
}


function readableField(field: Field): boolean {
  if (!('name' in field) || !field.name) return true
  if (SENSITIVE_FIELDS.has(field.name)) return false
  if ('hidden' in field && field.hidden) return false
  const read = 'access' in field ? (field.access as { read?: unknown } | undefined)?.read : undefined
  return allowsAnonymous(read, { doc: {}, siblingData: {} }) === true
}

function describe(field: Field): string | undefined {
  // Descriptions are written in both admin languages ({ en, ur }); the API documents them in English.
  return englishText((field as { admin?: { description?: unknown } }).admin?.description)
}

/** Flattens presentational wrappers (row, collapsible, unnamed tabs) into the data fields they hold. */
export function readableFields(fields: Field[], parentLocalized = false): FieldInfo[] {
  const out: FieldInfo[] = []
  for (const field of fields) {
    if (field.type === 'ui') continue
    if (field.type === 'row' || field.type === 'collapsible') {
      out.push(...readableFields(field.fields, parentLocalized))
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          out.push({
            name: tab.name,
            type: 'group',
            localized: parentLocalized || Boolean(tab.localized),
            required: false,
            hasMany: false,
            fields: readableFields(tab.fields, parentLocalized || Boolean(tab.localized)),
          })
        } else out.push(...readableFields(tab.fields, parentLocalized))
      }
      continue
    }
    if (!('name' in field) || !field.name || !readableField(field)) continue
    if ('virtual' in field && field.virtual) continue
    const localized = parentLocalized || Boolean('localized' in field && field.localized)
    const info: FieldInfo = {
      name: field.name,
      type: field.type,
      localized,
      required: Boolean('required' in field && field.required),
      hasMany: Boolean('hasMany' in field && field.hasMany),
      description: describe(field),
    }
    if (field.type === 'relationship' || field.type === 'upload') info.relationTo = field.relationTo as string | string[]
    if ((field.type === 'select' || field.type === 'radio') && Array.isArray(field.options)) {
      info.options = field.options.map((o) => (typeof o === 'string' ? o : o.value))
    }
    if (field.type === 'group' || field.type === 'array') info.fields = readableFields(field.fields, localized)
    if (field.type === 'blocks') {
      info.blocks = (field.blocks ?? []).map((b) => ({ slug: b.slug, fields: readableFields(b.fields, localized) }))
    }
    out.push(info)
  }
  return out
}

/** Fields every document carries besides the configured ones. */
function systemFields(collection: AnyCollection): FieldInfo[] {
  const base: FieldInfo[] = [
    { name: 'id', type: 'id', localized: false, required: true, hasMany: false },
    { name: 'createdAt', type: 'date', localized: false, required: true, hasMany: false },
    { name: 'updatedAt', type: 'date', localized: false, required: true, hasMany: false },
  ]
  if (hasDrafts(collection)) {
    base.push({ name: '_status', type: 'select', localized: false, required: false, hasMany: false, options: ['published'] })
  }
  if (collection.upload) {
    for (const name of ['url', 'filename', 'mimeType', 'thumbnailURL']) {
      base.push({ name, type: 'text', localized: false, required: false, hasMany: false })
    }
    for (const name of ['filesize', 'width', 'height', 'focalX', 'focalY']) {
      base.push({ name, type: 'number', localized: false, required: false, hasMany: false })
    }
    base.push({ name: 'sizes', type: 'json', localized: false, required: false, hasMany: false })
  }
  return base
}

/** All readable fields of a collection (config fields, minus anything sanitized in that we already list). */
export function collectionFields(collection: AnyCollection): FieldInfo[] {
  const sys = systemFields(collection)
  const names = new Set(sys.map((f) => f.name))
  return [...sys, ...readableFields(collection.fields).filter((f) => !names.has(f.name))]
}
